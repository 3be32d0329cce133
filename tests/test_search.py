"""Search finds the answer in either script, scoped to the reader's variant (real Chromium)."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from conftest import ROOT, VARIANTS, search

DATA = Path(__file__).parent / "data"
VARIANT_ROOTS = VARIANTS


def reader_queries() -> list[tuple[str, str, list[str]]]:
    lines = (DATA / "search_queries.tsv").read_text("utf-8").splitlines()
    rows = [line.split("\t") for line in lines if line and not line.startswith("#")]
    return [(simplified, traditional, expected.split()) for simplified, traditional, expected in rows]


def section(href: str, root: str) -> str:
    """'overdue/#home-visit-timing' for a result link, relative to the variant root."""
    url = urlsplit(href)
    return unquote(url.path).removeprefix("/" + root) + "#" + url.fragment


def test_every_expected_answer_is_a_question_of_the_guide() -> None:
    """The queries' answers follow the guide: a renamed or removed question fails here first."""
    ids = {
        f"{source.stem}/#{found}" if source.stem != "index" else f"#{found}"
        for source in (ROOT / "docs").glob("*.md")
        for found in re.findall(r"^#{2,3} .*\{#([a-z0-9-]+)\}\s*$", source.read_text("utf-8"), re.M)
    }
    expected = {answer for _, _, answers in reader_queries() for answer in answers}
    assert expected and expected - ids == set()


@pytest.mark.parametrize("variant", VARIANT_ROOTS)
def test_reader_queries_in_both_scripts(new_page, site_url: str, variant: str) -> None:
    root = VARIANT_ROOTS[variant]
    page = new_page()
    page.goto(site_url + root)
    failures = []
    for simplified, traditional, expected in reader_queries():
        for query in (simplified, traditional):
            hrefs = search(page, query)
            sections = [section(href, root) for href in hrefs]
            assert all(urlsplit(href).path.startswith("/" + root) for href in hrefs), (query, hrefs)
            others = [prefix for prefix in VARIANTS.values() if len(prefix) > len(root)]
            assert not any(urlsplit(href).path.startswith("/" + other) for other in others for href in hrefs)
            assert len(sections) == len(set(sections)), f"duplicated results for {query}: {sections}"
            top = next(s for s in sections if not s.endswith("#"))
            if top not in expected:
                failures.append(f"{query}: top hit {top}, expected {' or '.join(expected)}")
    assert failures == []


@pytest.mark.parametrize(
    ("variant", "query", "marked"), [("zh-Hans", "上門", "上门"), ("zh-Hant", "上门", "上門")]
)
def test_matches_are_highlighted_in_the_page_script(
    new_page, site_url: str, variant: str, query: str, marked: str
):
    page = new_page()
    page.goto(site_url + VARIANT_ROOTS[variant])
    search(page, query)
    marks = page.locator(".md-search-result mark").all_inner_texts()
    assert marked in marks
    page.locator(".md-search-result__link[href*='#home-visit-timing']").first.click()
    page.wait_for_url("**/overdue/**")
    page.locator("article mark", has_text=marked).first.wait_for()  # Material highlights after the page loads
