"""Search finds the answer in either script, scoped to the reader's variant (real Chromium)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from _search_quality import section_of
from conftest import ROOT, VARIANTS, search

DATA = Path(__file__).parent / "data"
VARIANT_ROOTS = VARIANTS


def reader_queries() -> list[tuple[str, str, list[str]]]:
    lines = (DATA / "search_queries.tsv").read_text("utf-8").splitlines()
    rows = [line.split("\t") for line in lines if line and not line.startswith("#")]
    return [(simplified, traditional, expected.split()) for simplified, traditional, expected in rows]


def test_every_expected_answer_is_a_question_of_the_guide() -> None:
    """The queries' answers follow the guide: a renamed or removed question fails here first."""
    ids = {
        f"{source.stem}/#{found}" if source.stem != "index" else f"#{found}"
        for source in (ROOT / "docs").glob("*.md")
        for found in re.findall(r"^#{2,3} .*\{#([a-z0-9-]+)\}\s*$", source.read_text("utf-8"), re.M)
    }
    expected = {answer for _, _, answers in reader_queries() for answer in answers}
    assert expected and sorted(expected - ids) == [], (
        "tests/data/search_queries.tsv expects sections the guide no longer has; after renaming a "
        "question, change its id there and in tests/data/search_judged.tsv, then run scripts/learn-asked"
    )


def reader_query_failures(page, site: str, prefix: str) -> list[str]:
    """Each reader query typed in both scripts on the open page of the variant at site + prefix
    (published or offline): every result stays in that variant and each section shows once; the top hit's
    misses are returned."""
    root, others = (
        site + prefix,
        tuple(site + other for other in VARIANTS.values() if len(other) > len(prefix)),
    )
    failures = []
    for simplified, traditional, expected in reader_queries():
        for query in (simplified, traditional):
            hrefs = search(page, query)
            assert all(href.startswith(root) and not href.startswith(others) for href in hrefs), (
                query,
                hrefs,
            )
            sections = [section_of(href, root) for href in hrefs]
            # a page's own entry heads each group of its results, and a page may come back further
            # down (search-results.js); a section shows once
            answers = [found for found in sections if "#" in found]
            assert len(answers) == len(set(answers)), f"duplicated results for {query}: {answers}"
            top = next(found for found in sections if "#" in found)  # a section, not a page's own entry
            if top not in expected:
                failures.append(f"{query}: top hit {top}, expected {' or '.join(expected)}")
    return failures


@pytest.mark.parametrize("variant", VARIANT_ROOTS)
def test_reader_queries_in_both_scripts(new_page, site_url: str, variant: str) -> None:
    page = new_page()
    page.goto(site_url + VARIANT_ROOTS[variant])
    assert reader_query_failures(page, site_url, VARIANT_ROOTS[variant]) == []


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
    page.locator(".md-search-result__link[href*='#']").first.click()  # the top answer
    page.wait_for_url("**/overdue/**")
    page.locator("article mark", has_text=marked).first.wait_for()  # Material highlights after the page loads
