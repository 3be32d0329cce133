"""How a page loads: nothing holds back its first paint, nothing moves after it,
and Material starts in a task of its own (overrides/main.html,
assets/javascripts/material-patches.js)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

PHONE = {"viewport": {"width": 412, "height": 823}, "is_mobile": True, "has_touch": True}
PAGES = ("", "zh-Hant/customer-service/")

# Where everything in the header sits: the page's layout a reader sees first.
HEADER_BOXES = """() => [...document.querySelectorAll('.md-header *')]
  .map(el => [el, el.getBoundingClientRect()])
  .filter(([el, box]) => el.checkVisibility() && box.width && box.height)
  .map(([el, box]) => [el.tagName, el.className.baseVal ?? el.className,
                       Math.round(box.x), Math.round(box.width)])"""

# Runs before the page's own scripts: a listener on window sees DOMContentLoaded
# after every listener on the document, in the same task.
MATERIAL_STARTED_AT_DOMCONTENTLOADED = """
addEventListener("DOMContentLoaded", () => {
  const top = document.querySelector(".md-top");
  window.startedInTheSameTask = Boolean(top && top.style.top);
});
"""


ASSETS = Path(__file__).parents[1] / "overrides" / "assets" / "javascripts"


def script_tags(html: str, name: str) -> list[str]:
    return re.findall(rf"<script\b[^>]*/{name}[^>]*>", html)


def bundle_tags(html: str) -> list[str]:
    return script_tags(html, r"bundle\.[0-9a-f]+\.min\.js")


def test_materials_bundle_is_deferred_and_the_layout_is_chosen_in_the_head(built_site: Path) -> None:
    for page in (built_site / "index.html", built_site / "zh-Hant" / "overdue" / "index.html"):
        html = page.read_text("utf-8")
        [bundle] = bundle_tags(html)
        assert " defer " in bundle, bundle
        head, body = html.split("</head>", 1)
        [first] = script_tags(head, r"guide-head\.js")  # runs before the first paint: not deferred
        assert " defer" not in first and " async" not in first
        [patches] = script_tags(body, r"material-patches\.js")  # deferred, just before the bundle
        assert " defer " in patches and body.index(patches) < body.index(bundle)
    assert 'classList.replace("no-js", "js")' in (ASSETS / "guide-head.js").read_text("utf-8")
    assert "document.addEventListener = later" in (ASSETS / "material-patches.js").read_text("utf-8")


@pytest.mark.parametrize("path", PAGES)
def test_the_header_is_final_before_materials_bundle_runs(new_page, site_url: str, path: str) -> None:
    without = new_page(**PHONE)
    without.route(re.compile(r"/bundle\.[0-9a-f]+\.min\.js$"), lambda route: route.abort())
    without.goto(site_url + path)
    assert without.evaluate("document.documentElement.className") == "js"
    page = new_page(**PHONE)
    page.goto(site_url + path)
    page.wait_for_function("document.querySelector('.md-top').style.top !== ''")
    assert page.evaluate(HEADER_BOXES) == without.evaluate(HEADER_BOXES)


@pytest.mark.parametrize("path", PAGES)
def test_material_starts_in_a_task_after_reading_its_bundle(new_page, site_url: str, path: str) -> None:
    page = new_page(**PHONE)
    page.add_init_script(MATERIAL_STARTED_AT_DOMCONTENTLOADED)
    page.goto(site_url + path)
    page.wait_for_function("document.querySelector('.md-top').style.top !== ''")
    assert page.evaluate("window.startedInTheSameTask") is False
    assert page.evaluate("document.addEventListener === EventTarget.prototype.addEventListener")
