"""The site published under a sub-path, https://example.org/guide/, served under /guide/ on 127.0.0.1."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import site_html
from conftest import SOURCE, VARIANTS, built_once, copy_project, home_for, run_build, search, serve
from test_published_links import rename

PUBLIC = "https://example.org/guide/"


@pytest.fixture(scope="module")
def subpath_site(tmp_path_factory: pytest.TempPathFactory) -> Path:

    def build(folder: Path) -> None:
        project = copy_project(folder / "project")
        rename(project)  # with a redirect and anchor aliases to follow
        result = run_build(project, folder / "site", site_url=PUBLIC)
        assert result.returncode == 0, result.stderr

    return built_once(tmp_path_factory, "subpath", build) / "site"


def test_canonical_hreflang_and_sitemap_use_the_sub_path(subpath_site: Path) -> None:
    html = (subpath_site / "zh-Hant" / "overdue" / "index.html").read_text("utf-8")
    head = site_html.links_and_metas(html)
    assert [link["href"] for link in head if link.get("rel") == "canonical"] == [f"{PUBLIC}zh-Hant/overdue/"]
    alternates = {link["hreflang"]: link["href"] for link in head if link.get("rel") == "alternate"}
    expected = {locale: f"{PUBLIC}{prefix}overdue/" for locale, prefix in VARIANTS.items()}
    assert alternates == {**expected, "x-default": expected[SOURCE]}
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locations = [
        loc.text for loc in ET.parse(subpath_site / "sitemap.xml").getroot().findall("s:url/s:loc", namespace)
    ]
    assert f"{PUBLIC}zh-Hant/contact/" in locations and f"{PUBLIC}overdue/" in locations
    assert all(location.startswith(PUBLIC) for location in locations)


def test_switch_redirects_aliases_and_search_under_the_sub_path(new_page, subpath_site: Path) -> None:
    with serve(subpath_site, prefix="/guide/") as root:
        page = new_page(locale="zh-MO")
        page.goto(root)
        page.wait_for_url(f"{root}{VARIANTS[home_for('zh-MO')]}")

        page.goto(f"{root}zh-Hant/overdue/#home-visit-timing")  # a renamed anchor
        page.wait_for_timeout(200)
        assert 0 <= page.locator("#when-visits-start").bounding_box()["y"] < 300
        page.locator(".md-header__option .md-select").hover()
        page.locator(".md-select__link[hreflang='zh-Hans']").click()
        page.wait_for_url(f"{root}overdue/#home-visit-timing")

        page.goto(f"{root}customer-service/#ivr-menu")  # a renamed page
        page.wait_for_url(f"{root}contact/#ivr-menu")
        page.goto(f"{root}zh-Hant/negotiation/#scam-warning")  # an anchor moved to another page
        page.wait_for_url(f"{root}zh-Hant/contact/#hotline-95588")

        hits = [href for href in search(page, "95588") if "#" in href]
        assert hits[0].startswith(f"{root}zh-Hant/contact/")


def test_the_guide_saves_and_reads_offline_under_the_sub_path(new_page, subpath_site: Path) -> None:
    page = new_page(viewport={"width": 390, "height": 844})
    with serve(subpath_site, prefix="/guide/") as root:
        page.goto(root + "zh-Hant/")
        page.wait_for_function("() => navigator.serviceWorker.controller !== null")
        scope = page.evaluate("() => navigator.serviceWorker.getRegistration().then((found) => found.scope)")
        assert scope == root  # the worker's scope is the site's folder, not the host's root
        page.locator(".guide-save__button").click()
        page.wait_for_function("() => document.querySelector('.guide-save').dataset.state === 'saved'")
    page.goto(root + "zh-Hant/overdue/")  # the server is gone
    assert page.locator("h1").first.text_content().startswith("逾期後")
