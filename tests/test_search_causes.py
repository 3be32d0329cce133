"""Issue 14's six causes of wrong first answers, one by one, typed into Material's search box in
real Chromium on both variants (tests/test_search_rank.py calls the ranking itself)."""

from __future__ import annotations

import pytest

from _search_quality import VISIBLE_RESULTS, section_of
from conftest import VARIANTS, in_each_place, in_variant, search

CASES = [  # cause, query, the section that must come first
    ("1: the answer, not its page", "工行信用卡协商", "negotiation/#negotiation-steps"),
    ("2: every word counts", "身份验证要提供什么", "negotiation/#identity-verification"),
    ("3: a synonym adds", "没钱还信用卡", "#first-steps"),  # as tests/data/search_judged.tsv judges it
    ("4: folding, Traditional", "徵信", "overdue/#consequences"),
    ("4: folding, Taiwan's 帳", "對帳單", "negotiation/#prepare-documents"),
    ("5: a word inside a word", "本金", "negotiation/#principal-repayment-channels"),
    ("5: a phrase, not its parts", "信用记录", "overdue/#consequences"),
]


def first_results(page, root: str, query: str) -> list[str]:
    search(page, query)
    return [section_of(href, root) for href in page.evaluate(VISIBLE_RESULTS)]


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize(("cause", "query", "section"), CASES, ids=[case[0] for case in CASES])
def test_each_cause_lands_on_the_answer(new_page, site_url: str, variant, cause, query, section) -> None:
    page = new_page()
    root = site_url + VARIANTS[variant]
    page.goto(root)
    assert first_results(page, root, query)[0] == section


@pytest.mark.parametrize("variant", VARIANTS)
def test_cause_6_offline_ranks_as_published(browser, site_url: str, unpacked, variant) -> None:
    def visit(page, root: str) -> list[list[str]]:
        return [first_results(page, root, query)[:3] for _, query, _ in CASES]

    found = in_each_place(browser, site_url, unpacked, variant, visit)
    assert found["offline"] == found["published"]


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("query", ["95558", "xyzzy"])
def test_no_dead_end_a_query_without_match_leads_to_the_official_channel(
    new_page, site_url: str, variant, query
) -> None:
    page = new_page()
    root = site_url + VARIANTS[variant]
    page.goto(root)
    assert first_results(page, root, query)[0] == "customer-service/#hotline-95588"
    notice = page.locator(".md-search-result__article").nth(1)  # after its page's heading
    assert in_variant("没有找到直接回答这个问题的一节", variant) in notice.inner_text()
    assert "95588" in notice.inner_text()
    none = page.evaluate("() => JSON.parse(document.querySelector('#__config').textContent).translations")
    assert none["search.result.none"] not in page.locator(".md-search-result__meta").inner_text()
