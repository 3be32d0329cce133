"""Printing: the answers only, link addresses shown, and a one-page checklist (real Chromium)."""

from __future__ import annotations

import re

import pytest

from conftest import VARIANTS

CHROME = [
    ".md-header",
    ".md-sidebar--primary",
    ".md-sidebar--secondary",
    ".md-footer",
    ".md-search",
    ".variant-switch",
]


def pdf_pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf))


@pytest.mark.parametrize("prefix", VARIANTS.values())
def test_the_checklist_prints_on_one_page(new_page, site_url: str, prefix: str) -> None:
    page = new_page()
    page.goto(f"{site_url}{prefix}checklist/")
    page.emulate_media(media="print")
    assert pdf_pages(page.pdf(format="A4")) == 1
    text = page.locator("article").inner_text()
    for words in (("身份证号", "對帳單"), ("罚息", "罰息"), ("快速协商", "快速協商")):
        assert words[1 if prefix else 0] in text


def test_printing_shows_only_the_answers(new_page, site_url: str) -> None:
    page = new_page()
    page.goto(f"{site_url}zh-Hant/negotiation/")
    page.emulate_media(media="print")
    for selector in CHROME:
        assert page.locator(selector).first.evaluate("e => getComputedStyle(e).display") == "none", selector
    assert page.locator("h2 .headerlink").first.evaluate("e => getComputedStyle(e).display") == "none"
    heading = page.locator("h2#negotiation-steps")
    assert heading.evaluate("e => getComputedStyle(e).breakAfter") == "avoid"
    shown = page.evaluate(
        """() => {
          const link = document.createElement("a");
          link.href = "https://example.org/x";
          document.querySelector("article").append(link);
          return getComputedStyle(link, "::after").content;
        }"""
    )
    assert shown == '" (https://example.org/x)"', "external link addresses are printed after the link"
    assert 2 <= pdf_pages(page.pdf(format="A4")) <= 4


def test_the_pdf_follows_a_nav_with_sections_titles_and_links(tmp_path) -> None:
    from _print_view import page_files

    nav = [
        "index.md",
        {"逾期": [{"后果": "overdue.md"}, {"协商": ["negotiation.md", "guide/index.md"]}]},
        {"官网": "https://www.icbc.com.cn/"},
        "guide/steps.md",
    ]
    assert page_files(tmp_path, nav) == [
        tmp_path / "index.html",
        tmp_path / "overdue" / "index.html",
        tmp_path / "negotiation" / "index.html",
        tmp_path / "guide" / "index.html",
        tmp_path / "guide" / "steps" / "index.html",
    ]
