"""Inputs that once broke the site quietly: each is now refused with its file and line, or handled.

The matrix builds the guide with one bad input each, into a folder that holds a
previous build, and checks the message and that the previous build is untouched.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

import _publish
import site_html
from conftest import VARIANTS, built_once, copy_project, run_build, serve

CODE_SPAN = "\n\n短信里若出现 `<!--<script>` 这样的文字，不要点开。"
OVERDUE, GLOSSARY = "docs/overdue.md", "docs/glossary.yml"


def append(text: str):
    """A change that adds text at the end of docs/overdue.md; its marker is the line to report."""
    return lambda project: _add(project / OVERDUE, text)


def _add(path: Path, text: str) -> None:
    path.write_text(path.read_text("utf-8") + text, "utf-8")


def glossary_entry(entry: str):
    """A change that adds an entry at the top of the glossary's replace: section."""
    return lambda project: _replace(project / GLOSSARY, "replace:\n", f"replace:\n  {entry}\n")


def _replace(path: Path, old: str, new: str) -> None:
    path.write_text(path.read_text("utf-8").replace(old, new, 1), "utf-8")


def glossary_in_gbk(project: Path) -> None:
    path = project / GLOSSARY
    text = path.read_text("utf-8").replace("replace:\n", "replace:\n  银行: 銀行\n", 1)
    path.write_bytes(text.encode("gbk"))


def broken_front_matter(project: Path) -> None:
    _replace(project / OVERDUE, "---\n", "---\nsummary: [逾期\nnote: x\n")


def only_front_matter(project: Path) -> None:
    (project / OVERDUE).write_text("---\ntitle: 逾期\n---\n\n", "utf-8")


def a_key_set_twice(project: Path) -> None:
    twice = "anchor_aliases:\n  a: reminders\nanchor_aliases:\n  b: consequences\n"
    _replace(project / OVERDUE, "---\n", "---\n" + twice)


def alias_to_a_missing_question(project: Path) -> None:
    _replace(project / OVERDUE, "---\n", "---\nanchor_aliases:\n  old-id: negotiation.md#no-such-id\n")


CASES = [
    # (name, change, file, marker whose line the message names, message)
    ("underlined heading", append("\n\n下划线的问题？\n---\n"), OVERDUE, "下划线", "is underlined"),
    ("indented heading", append("\n\n   ## 缩进的问题？ {#indented}\n"), OVERDUE, "缩进", "must start"),
    ("html heading", append("\n\n<h2>原始标题</h2>\n"), OVERDUE, "<h2>", "write headings in Markdown"),
    ("id used twice", append("\n\n## 又一个？ {#reminders}\n\n答。\n"), OVERDUE, "又一个", "is already on"),
    ("raw script", append("\n\n<script>alert(1)</script>\n"), OVERDUE, "<script>", "raw <script> is not"),
    ("event handler", append('\n\n<span onclick="x()">点</span>\n'), OVERDUE, "onclick", "(onclick=) are"),
    ("javascript link", append("\n\n[点我](javascript:alert(1))\n"), OVERDUE, "javascript", "links are not"),
    ("image elsewhere", append("\n\n![图](https://evil.example/x.png)\n"), OVERDUE, "evil", "another host"),
    ("alias to nowhere", alias_to_a_missing_question, OVERDUE, "old-id", "no question there"),
    ("front matter key twice", a_key_set_twice, OVERDUE, 4, "sets 'anchor_aliases' twice"),  # its 2nd line
    ("broken front matter", broken_front_matter, OVERDUE, "note: x", "front matter is not valid YAML"),
    ("empty page", only_front_matter, OVERDUE, 4, "the page has no content"),  # where content belongs
    (
        "markup in the wrong script",
        append("\n\n-{zh-Hans:这里;zh-Hant:这里}-\n"),
        OVERDUE,
        "-{zh-Hans",
        "holds 这",
    ),
    ("glossary in GBK", glossary_in_gbk, GLOSSARY, "银行", "not valid UTF-8"),
    ("unknown variant", glossary_entry("银行: {zh-xx: 銀號}"), GLOSSARY, "zh-xx", "'zh-xx' in '银行' is no"),
    ("simplified form", glossary_entry("银行: 银行业"), GLOSSARY, "银行业", "form '银行业' still holds"),
]


def line_of(path: Path, marker: str | int) -> int:
    if isinstance(marker, int):
        return marker
    if marker == "银行":  # the GBK glossary: the line of its first GBK character
        return next(n for n, line in enumerate(path.read_bytes().split(b"\n"), 1) if not line.isascii())
    return next(n for n, line in enumerate(path.read_text("utf-8").splitlines(), 1) if marker in line)


@pytest.mark.parametrize(("name", "change", "file", "marker", "message"), CASES, ids=[c[0] for c in CASES])
def test_bad_input_is_refused_with_file_and_line(
    tmp_path: Path, name: str, change, file: str, marker: str, message: str
) -> None:
    project = copy_project(tmp_path / "project")
    change(project)
    site = tmp_path / "site"
    site.mkdir()
    (site / _publish.MARKER).touch()
    (site / "SENTINEL").write_text("the previous build", "utf-8")
    result = run_build(project, site)
    assert result.returncode != 0, name
    assert "Traceback" not in result.stderr
    line = line_of(project / file, marker)
    assert f"{file}:{line}:" in result.stderr and message in result.stderr, result.stderr[-600:]
    assert sorted(path.name for path in site.iterdir()) == [_publish.MARKER, "SENTINEL"]


def test_an_inline_script_in_a_template_is_refused_with_the_built_file_and_line(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    template = project / "overrides" / "partials" / "copyright.html"
    template.write_text(template.read_text("utf-8") + '\n<script>alert("inline")</script>\n', "utf-8")
    site = tmp_path / "site"
    result = run_build(project, site)
    assert result.returncode != 0 and "Traceback" not in result.stderr
    # the first page rendered with that template: the built file and its line
    assert re.search(r'\b(404|index)\.html:\d+: an inline script \(alert\("inline"\)…\)', result.stderr)
    assert "Content-Security-Policy (deploy/nginx.conf)" in result.stderr, result.stderr[-600:]
    assert not site.exists()


@pytest.fixture(scope="module")
def comment_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The guide with a code span that starts an HTML comment and a script: `<!--<script>`."""

    def build(folder: Path) -> None:
        project = copy_project(folder / "project")
        page = project / OVERDUE
        text = page.read_text("utf-8")
        end = text.index("\n\n## ", text.index("{#consequences}"))  # the end of that answer
        page.write_text(text[:end] + CODE_SPAN + text[end:], "utf-8")
        result = run_build(project, folder / "site")
        assert result.returncode == 0, result.stderr

    return built_once(tmp_path_factory, "comment", build) / "site"


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


def outside_file(project: Path) -> Path:
    secret = project.parent / "outside" / "secret.md"
    secret.parent.mkdir(exist_ok=True)
    secret.write_text("# 机器上的别的文件 {#secret}\n\n不该发布。\n", "utf-8")
    return secret


def linked_page(project: Path) -> str:
    (project / "docs" / "leak.md").symlink_to(outside_file(project))
    config = project / "mkdocs.yml"
    config.write_text(config.read_text("utf-8").replace("nav:\n", "nav:\n  - leak.md\n", 1), "utf-8")
    return "docs/leak.md: a symbolic link to {outside}/secret.md (outside docs/)"


def linked_folder(project: Path) -> str:
    outside_file(project)
    (project / "docs" / "more").symlink_to(project.parent / "outside", target_is_directory=True)
    return "docs/more: a symbolic link to {outside} (outside docs/)"


def link_inside(project: Path) -> str:
    (project / "docs" / "again.md").symlink_to(project / "docs" / "overdue.md")
    return f"docs/again.md: a symbolic link to {project / 'docs' / 'overdue.md'} (inside docs/)"


def fifo(project: Path) -> str:
    os.mkfifo(project / "docs" / "pipe.md")
    return "docs/pipe.md: a FIFO, not a file the build can read"


def linked_queries(project: Path) -> str:
    queries = project / "hooks" / "search_queries.yml"
    moved = project.parent / "outside" / "search_queries.yml"
    moved.parent.mkdir(exist_ok=True)
    queries.rename(moved)
    queries.symlink_to(moved)
    return "hooks/search_queries.yml: a symbolic link to {outside}/search_queries.yml (outside"


def linked_template(project: Path) -> str:
    template = project / "overrides" / "partials" / "extra.html"
    template.symlink_to(outside_file(project))
    return "overrides/partials/extra.html: a symbolic link to {outside}/secret.md (outside overrides/)"


TREE_CASES = [linked_page, linked_folder, link_inside, fifo, linked_queries, linked_template]


@pytest.mark.parametrize("change", TREE_CASES, ids=[case.__name__ for case in TREE_CASES])
def test_links_and_special_files_are_refused_before_anything_is_written(tmp_path: Path, change) -> None:
    project = copy_project(tmp_path / "project")
    message = change(project).format(outside=(tmp_path / "outside").resolve())
    site = tmp_path / "site"
    site.mkdir()
    (site / _publish.MARKER).touch()
    (site / "SENTINEL").write_text("the previous build", "utf-8")
    result = run_build(project, site)
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert message in result.stderr, result.stderr[-800:]
    assert sorted(path.name for path in site.iterdir()) == [_publish.MARKER, "SENTINEL"]
    published = [path for path in site.parent.glob(".site.*") if path.is_dir()]  # no staging left either
    assert published == [] and not (tmp_path / "project" / "site").exists()
