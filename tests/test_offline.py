"""The offline download: a zip of both variants that works from file:// without any network."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

from conftest import FIREFOX, OFFLINE_ZIP, ROOT, VARIANTS, require, search
from test_search import reader_query_failures

ZIP = OFFLINE_ZIP


def human_size(size: int) -> str:
    return f"{size / 1024:.0f} KB" if size < 1024 * 1024 else f"{size / 1024 / 1024:.1f} MB"


def test_every_page_links_the_download_with_its_size(built_site: Path) -> None:
    size = human_size((built_site / ZIP).stat().st_size)
    homes = [built_site / prefix for prefix in VARIANTS.values()]
    for page in sorted({*built_site.glob("*/index.html"), *(home / "index.html" for home in homes),
                        *(page for home in homes for page in home.glob("*/index.html"))}):  # fmt: skip
        if page.parent.name in ("search", "assets", "download"):
            continue
        html = page.read_text("utf-8")
        links = re.findall(r'<a href="([^"]*icbc-overdue-guide-offline\.zip)" download>', html)
        is_home = page.parent in homes
        assert len(links) == (2 if is_home else 1), page  # home: also in the page; everywhere: in the footer
        assert (page.parent / links[0]).resolve() == (built_site / ZIP).resolve()
        assert f"(zip, {size})" in html
    assert "下載離線版" in (built_site / "zh-Hant" / "index.html").read_text("utf-8")


def test_the_zip_holds_both_variants_built_for_file_urls(unpacked: Path) -> None:
    for page in ("index.html", "overdue.html", "zh-Hant/index.html", "zh-Hant/overdue.html"):
        assert (unpacked / page).is_file(), page
    for index in ("search/search_index.js", "zh-Hant/search/search_index.js"):
        assert (unpacked / index).read_text("utf-8").startswith("var __index = ")
    carried = [path.relative_to(unpacked).as_posix() for path in unpacked.rglob("*") if path.is_file()]
    assert not [name for name in carried if name.endswith(".map")], "source maps are for developer tools"
    assert not [name for name in carried if "/lunr/" in name], "an English pipeline loads no lunr language"
    html = (unpacked / "zh-Hant" / "overdue.html").read_text("utf-8")
    assert "unpkg.com" not in html and "../assets/javascripts/iframe-worker-shim.js" in html
    assert not (unpacked / "download").exists()


def test_the_download_works_from_file_urls(browser, unpacked: Path) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    requested: list[str] = []
    context.on("request", lambda request: requested.append(request.url))
    page = context.new_page()
    root = unpacked.as_uri() + "/"

    page.goto(root + "index.html")
    page.locator(".md-nav--primary a.md-nav__link[href='overdue.html']").first.click()
    page.wait_for_url(root + "overdue.html")
    hits = search(page, "95588")
    assert hits and all(hit.startswith(root) and "/zh-Hant/" not in hit for hit in hits)
    page.keyboard.press("Escape")

    page.goto(root + "overdue.html#home-visit-timing")
    page.locator(".md-header__option .md-select").hover()
    page.locator(".md-select__link[hreflang='zh-Hant']").click()
    # from file://, the switch link carries the choice (storage may be per file)
    page.wait_for_url(root + "zh-Hant/overdue.html?variant=zh-Hant#home-visit-timing")
    page.wait_for_timeout(200)
    assert 0 <= page.locator("#home-visit-timing").bounding_box()["y"] < 400
    hits = search(page, "95588")
    assert hits and all(hit.startswith(root + "zh-Hant/") for hit in hits)
    assert any(hit.endswith("customer-service.html?h=95588#hotline-95588") for hit in hits)
    page.keyboard.press("Escape")

    page.goto(root + "zh-Hant/index.html")
    page.locator(".variant-switch a[hreflang='zh-Hans']").click()
    page.wait_for_url(root + "index.html?variant=zh-Hans")
    context.close()
    assert [url for url in requested if not url.startswith(("file:", "data:", "about:"))] == []


@pytest.mark.parametrize("variant", VARIANTS)
def test_offline_search_answers_reader_queries_in_both_scripts_as_online(
    browser, unpacked: Path, variant: str
) -> None:
    """The same reader queries and top hits as tests/test_search.py online, from file://."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    root = unpacked.as_uri() + "/"
    page.goto(root + VARIANTS[variant] + "index.html")
    failures = reader_query_failures(page, root, VARIANTS[variant])
    context.close()
    assert failures == []


def test_the_language_choice_works_both_ways_offline_in_firefox(unpacked: Path) -> None:
    require(FIREFOX, "the Firefox tests")
    require("node", "the Firefox tests")
    script = ROOT / "tests" / "firefox" / "offline_check.mjs"
    root = unpacked.resolve().as_uri() + "/"
    # a query in each script on each variant: offline, the other script is read as online
    searches = [
        ["index.html", "95588", "customer-service.html"],
        ["index.html", "徵信", "overdue.html"],
        ["zh-Hant/index.html", "征信", "zh-Hant/overdue.html"],
        ["zh-Hant/index.html", "逾期多久会上门", "zh-Hant/overdue.html"],
    ]
    result = subprocess.run(
        ["node", str(script), root, json.dumps(searches), str(FIREFOX)],
        capture_output=True, text=True, timeout=300, check=False, cwd=ROOT,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-2000:]
    steps = json.loads(result.stdout)["steps"]
    assert len(steps) == 5 + len(searches) and [step for step in steps if not step[1]] == []
