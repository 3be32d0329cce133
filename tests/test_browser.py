"""The built site in Debian's Chromium, served over HTTP on 127.0.0.1."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

VARIANT_HOMES = {"zh-Hans": "", "zh-Hant": "zh-Hant/"}


@pytest.fixture
def page(browser, site_url: str):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    yield page
    context.close()
    assert requested, "the page made requests"
    foreign = [url for url in requested if not url.startswith(site_url)]
    assert foreign == [], "requests left the site's own host"


def search(page, query: str) -> None:
    """Type a query into Material's search box, key by key, as a reader does."""
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially(query, delay=10)


@pytest.mark.parametrize(("variant", "home"), VARIANT_HOMES.items())
def test_search_95588_lands_on_the_hotline_section_of_the_same_variant(
    page, site_url: str, variant: str, home: str
) -> None:
    page.goto(site_url + home)
    assert page.locator("html").get_attribute("lang") == variant
    search(page, "95588")
    section_hits = page.locator(".md-search-result__item a.md-search-result__link[href*='#']")
    section_hits.first.wait_for()
    hrefs = section_hits.evaluate_all("links => links.map(link => link.href)")
    assert all(urlsplit(href).path.startswith(f"/{home}") for href in hrefs)
    if variant == "zh-Hans":
        assert not any("/zh-Hant/" in href for href in hrefs)
    section_hits.first.click()
    page.wait_for_url("**/customer-service/**#hotline-95588")
    assert urlsplit(page.url).path == f"/{home}customer-service/"
    assert page.locator("html").get_attribute("lang") == variant
    heading = page.locator("h2#hotline-95588")
    assert heading.is_visible()
    assert heading.bounding_box()["y"] < 400, "the hotline answer is scrolled into view"


def test_language_switch_keeps_the_page(page, site_url: str) -> None:
    page.goto(site_url + "negotiation/")
    switch = page.locator("a.md-select__link[hreflang='zh-Hant']")
    page.locator(".md-header__option .md-select").hover()
    switch.click()
    page.wait_for_url("**/zh-Hant/negotiation/")
    assert page.locator("html").get_attribute("lang") == "zh-Hant"
    assert page.locator("h1").evaluate("h1 => h1.firstChild.textContent") == "怎樣和工行協商還款？"
