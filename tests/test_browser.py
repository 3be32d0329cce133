"""The built site in Debian's Chromium, served over HTTP on 127.0.0.1."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from conftest import VARIANTS, home_for, search, variant_at

VARIANT_HOMES = VARIANTS


@pytest.fixture
def page(new_page):
    return new_page()


@pytest.mark.parametrize(("variant", "home"), VARIANT_HOMES.items())
def test_search_95588_lands_on_the_hotline_section_of_the_same_variant(
    page, site_url: str, variant: str, home: str
) -> None:
    page.goto(site_url + home)
    assert page.locator("html").get_attribute("lang") == variant
    hrefs = [href for href in search(page, "95588") if "#" in href]
    section_hits = page.locator(".md-search-result__item a.md-search-result__link[href*='#']")
    assert all(urlsplit(href).path.startswith(f"/{home}") for href in hrefs)
    assert all(variant_at(urlsplit(href).path) == variant for href in hrefs)
    section_hits.first.click()
    page.wait_for_url("**/customer-service/**#*")
    assert urlsplit(page.url).path == f"/{home}customer-service/"
    assert page.locator("html").get_attribute("lang") == variant
    section = urlsplit(page.url).fragment  # the route to a human agent, or what 95588 does
    assert section in ("talk-to-an-agent", "hotline-95588")
    heading = page.locator(f"h2#{section}")
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


@pytest.mark.parametrize(
    ("start", "section", "target"),
    [
        ("overdue/", "home-visit-timing", "zh-Hant/overdue/"),
        ("negotiation/", "keep-the-agreement", "zh-Hant/negotiation/"),
        ("zh-Hant/customer-service/", "best-time-to-call", "customer-service/"),
        ("zh-Hant/", "disclaimer", ""),
    ],
)
def test_switching_script_keeps_the_section(
    page, site_url: str, start: str, section: str, target: str
) -> None:
    page.goto(f"{site_url}{start}#{section}")
    page.locator(".md-header__option .md-select").hover()
    page.locator(f".md-select__link[hreflang='{variant_at(target)}']").click()
    page.wait_for_url(f"{site_url}{target}#{section}")
    page.wait_for_timeout(200)
    assert page.evaluate("scrollY") > 0, "the page scrolled to the section"
    assert 0 <= page.locator(f"#{section}").bounding_box()["y"] < 900 - 100


@pytest.mark.parametrize("locale", ["zh-TW", "zh-HK", "zh-MO", "zh-Hant"])
def test_root_sends_traditional_readers_to_their_variant(new_page, site_url: str, locale: str) -> None:
    page = new_page(locale=locale)
    page.goto(site_url)
    variant = home_for(locale)  # zh-Hant, unless a variant of that very name is built
    page.wait_for_url(f"{site_url}{VARIANTS[variant]}")
    assert page.locator("html").get_attribute("lang") == variant


@pytest.mark.parametrize("locale", ["zh-CN", "zh-SG", "zh-Hans", "en-US"])
def test_root_keeps_everyone_else_on_the_simplified_home(new_page, site_url: str, locale: str) -> None:
    page = new_page(locale=locale)
    page.goto(site_url)
    page.wait_for_timeout(300)
    assert page.url == site_url and page.locator("html").get_attribute("lang") == "zh-Hans"


def test_deep_links_never_redirect(new_page, site_url: str) -> None:
    page = new_page(locale="zh-TW")
    page.goto(f"{site_url}overdue/#home-visit-timing")
    page.wait_for_timeout(300)
    assert page.url == f"{site_url}overdue/#home-visit-timing"


def test_the_readers_choice_wins_next_time(new_page, site_url: str) -> None:
    page = new_page(locale="zh-TW")
    page.goto(site_url)
    page.wait_for_url(f"{site_url}zh-Hant/")
    page.locator(".md-header__option .md-select").hover()
    page.locator(".md-select__link[hreflang='zh-Hans']").click()
    page.wait_for_url(site_url)
    page.goto(site_url)  # a later visit: the choice beats the browser's zh-TW
    page.wait_for_timeout(300)
    assert page.url == site_url

    page = new_page(locale="zh-CN")
    page.goto(f"{site_url}overdue/")
    page.locator(".variant-switch a[hreflang='zh-Hant']").click()
    page.wait_for_url(f"{site_url}zh-Hant/overdue/")
    page.goto(site_url)
    page.wait_for_url(f"{site_url}zh-Hant/")


def test_without_javascript_nothing_redirects_and_the_other_script_is_linked(new_page, site_url: str) -> None:
    page = new_page(locale="zh-TW", java_script_enabled=False)
    page.goto(site_url)
    page.wait_for_timeout(300)
    assert page.url == site_url
    link = page.locator(".variant-switch a[hreflang='zh-Hant']")
    assert link.is_visible() and link.inner_text() == "繁體中文"
    link.click()
    page.wait_for_url(f"{site_url}zh-Hant/")
