"""Readable anywhere: axe-core, 320 px phones, a WeChat-like WebView, no JavaScript, a text browser."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

import site_html
from _site import guide_pages
from conftest import ROOT

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WECHAT = (
    "Mozilla/5.0 (Linux; Android 12; M2012K11AC Build/SKQ1.211006.001; wv) AppleWebKit/537.36"
    " (KHTML, like Gecko) Version/4.0 Chrome/107.0.5304.141 Mobile Safari/537.36 XWEB/5023"
    " MMWEBSDK/20230303 MMWEBID/2585 MicroMessenger/8.0.34.2340(0x2800225F) WeChat/arm64 Weixin"
    " NetType/4G Language/zh_CN ABI/arm64"
)

# Visible controls smaller than 44 x 44 CSS px. A link inside running text (its block holds other
# text) is exempt, as WCAG 2.5.8 exempts inline targets.
SMALL_TARGETS = """() => [...document.querySelectorAll(
    'a[href], button, label[for], input:not([type=hidden]), summary, [tabindex="0"]')]
  .filter(el => {
    const box = el.getBoundingClientRect(), style = getComputedStyle(el);
    const shown = el.checkVisibility({opacityProperty: true, visibilityProperty: true});
    if (!shown || !box.width || !box.height || box.right <= 0 || box.left >= innerWidth) return false;
    const block = el.parentElement.closest('p, li, td, th, dd, h1, h2, h3, h4, div');
    const inline = style.display === 'inline'
      && block.textContent.trim().length > el.textContent.trim().length;
    return !inline && (box.width < 44 || box.height < 44);
  })
  .map(el => el.outerHTML.slice(0, 120))"""


@pytest.fixture(scope="module")
def pages(built_site: Path) -> list[str]:
    found = guide_pages(built_site)
    assert "" in found and "zh-Hant/overdue/" in found and len(found) >= 10
    return found


def questions(built_site: Path, path: str) -> list[str]:
    """The page's title and question headings, as the page writes them."""
    html = (built_site / path / "index.html").read_text("utf-8")
    return [text.rstrip("¶").strip() for tag, _, text in site_html.headings(html) if tag in ("h1", "h2")]


def test_axe_finds_no_violations_on_any_page(new_page, site_url: str, pages: list[str]) -> None:
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing (scripts/setup runs npm ci)")
    page, found = new_page(), {}
    for path in pages:
        page.goto(site_url + path)
        page.add_script_tag(path=str(AXE))
        violations = page.evaluate("async () => (await axe.run()).violations")
        if violations:
            found[path] = [(v["id"], [node["html"][:100] for node in v["nodes"]]) for v in violations]
    assert found == {}


@pytest.mark.parametrize("width", [320, 360])
def test_phones_never_scroll_sideways_and_targets_are_big_enough(
    new_page, site_url: str, pages: list[str], width: int
) -> None:
    page, problems = new_page(viewport={"width": width, "height": 640}, is_mobile=True, has_touch=True), {}
    for path in pages:
        page.goto(site_url + path)
        wide = page.evaluate("document.documentElement.scrollWidth > innerWidth")
        small = page.evaluate(SMALL_TARGETS)
        if wide or small:
            problems[path] = {"scrolls sideways": wide, "small targets": small}
    assert problems == {}


def test_a_wechat_like_webview_shows_every_page(new_page, site_url: str, pages: list[str]) -> None:
    page = new_page(
        viewport={"width": 360, "height": 600}, user_agent=WECHAT, is_mobile=True, has_touch=True,
        device_scale_factor=3,
    )  # fmt: skip
    errors = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    for path in pages:
        page.goto(site_url + path)
        assert page.locator("article h1").is_visible(), path
        assert page.evaluate("document.documentElement.scrollWidth <= innerWidth"), path
    page.goto(site_url + "overdue/")
    page.locator("label.md-header__button[for=__drawer]").tap()
    assert page.locator(".md-sidebar--primary a[href='../negotiation/']").first.is_visible()
    assert errors == []


@pytest.mark.parametrize("width", [1280, 360])
def test_without_javascript_every_page_has_its_content_navigation_and_other_script(
    new_page, built_site: Path, site_url: str, pages: list[str], width: int
) -> None:
    page = new_page(java_script_enabled=False, viewport={"width": width, "height": 800})
    for path in pages:
        page.goto(site_url + path)
        article = page.locator("article").inner_text()
        for heading in questions(built_site, path):
            assert heading in article, (path, heading)
        switch = page.locator(".variant-switch a[hreflang]").first
        assert switch.is_visible(), path
        if width < 1220:  # where the navigation is a drawer, it follows the content instead
            menu = page.locator("label.md-header__button[data-for=__drawer]")  # no drawer without JavaScript
            assert menu.count() == 1 and menu.is_hidden(), path
            nav_width = page.locator(".md-nav--primary > .md-nav__list").bounding_box()["width"]
            assert nav_width == width, (path, "the navigation block is as wide as the screen")
        items = page.locator(".md-nav--primary > .md-nav__list > .md-nav__item")  # the current one is a label
        assert items.count() >= 4, path
        assert all(item.is_visible() for item in items.all()), path


def text_dump(html_file: Path) -> str:
    command = ["w3m", "-dump", "-cols", "100", "-T", "text/html", "-I", "UTF-8", "-O", "UTF-8"]
    command.append(str(html_file))
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


def test_a_text_browser_reads_the_questions_in_order_right_after_the_site_name(
    built_site: Path, pages: list[str]
) -> None:
    if not shutil.which("w3m"):
        pytest.fail("w3m is missing (scripts/setup --browser installs it)")
    config = (ROOT / "mkdocs.yml").read_text("utf-8")
    site_name = re.search(r"^site_name: (.+)$", config, re.M)[1]
    for path in pages:
        dump = text_dump(built_site / path / "index.html")
        found = questions(built_site, path)
        title = dump.index(found[0])
        before = [line.strip() for line in dump[:title].splitlines() if line.strip()]
        html = (built_site / path / "index.html").read_text("utf-8")
        skip = re.search(r'class="md-skip">\s*(.*?)\s*</a>', html)[1]
        assert set(before) <= {site_name, skip}, (path, before)
        position = 0
        for heading in found:
            position = dump.index(heading, position)  # ValueError: missing or out of order
        # nothing that only a graphical browser can use: no checkbox, no pilcrow after each heading
        assert "[ ]" not in dump and "¶" not in dump, path
        # each question twice: its heading, then the contents once (the navigation does not repeat them)
        listed = [line.strip().lstrip("•□◦ ") for line in dump.splitlines()]
        assert all(listed.count(heading) == 2 for heading in found[1:]), path
