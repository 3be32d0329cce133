"""Inputs that once broke the site quietly: each is now handled, checked through the real build."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import site_html
from conftest import VARIANTS, copy_project, run_build, serve

CODE_SPAN = "\n\n短信里若出现 `<!--<script>` 这样的文字，不要点开。"


@pytest.fixture(scope="module")
def comment_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The guide with a code span that starts an HTML comment and a script: `<!--<script>`."""
    project = copy_project(tmp_path_factory.mktemp("comment") / "project")
    page = project / "docs" / "overdue.md"
    text = page.read_text("utf-8")
    end = text.index("\n\n## ", text.index("## 逾期会带来哪些影响？"))  # the end of that answer
    page.write_text(text[:end] + CODE_SPAN + text[end:], "utf-8")
    site = project.parent / "site"
    result = run_build(project, site)
    assert result.returncode == 0, result.stderr
    return site


@pytest.mark.parametrize("prefix", VARIANTS.values())
def test_a_code_span_that_opens_a_comment_keeps_the_page_whole(
    new_page, comment_site: Path, prefix: str
) -> None:
    html = (comment_site / prefix / "overdue" / "index.html").read_text("utf-8")
    [raw] = site_html.json_ld(html)
    assert "<script>" in json.dumps(json.loads(raw), ensure_ascii=False)  # the text, kept as text
    with serve(comment_site) as url:
        page = new_page()
        page.goto(f"{url}{prefix}overdue/")
        assert page.locator("article code", has_text="<!--<script>").is_visible()
        assert page.locator("article h2").count() >= 3, "the page after the code span is there"
        page.locator('script[type="application/ld+json"]').evaluate("s => JSON.parse(s.textContent)")
