"""What a built page may run: scripts from files only (hooks/zhguide/page_scripts.py), so the
Content-Security-Policy of deploy/nginx.conf holds on every page."""

from __future__ import annotations

from pathlib import Path

import pytest

from zhguide.page_scripts import inline_code

REFUSED = [
    # (markup, what the message says)
    ("<script>alert(1)</script>", "an inline script (alert(1)…)"),
    ('<script type="text/javascript">x()</script>', "an inline script"),
    ('<script type="module">import "x"</script>', "an inline script"),
    ('<script type=" Text/JavaScript ">x()</script>', "an inline script"),
    ('<img src="a.png" onerror="x()">', "an inline event handler (onerror=) on <img>"),
    ('<BODY ONLOAD="x()">', "an inline event handler (onload=) on <body>"),
    ('<a href=" java\nscript:alert(1)">x</a>', "a javascript: URL in <a href>"),
    ('<form action="JavaScript:x()"></form>', "a javascript: URL in <form action>"),
    ('<p style="color:red">x</p>', "a style attribute on <p>"),
]
ALLOWED = [
    '<script src="assets/javascripts/guide-head.js" data-homes=\'{"zh-hant": "zh-Hant/"}\'></script>',
    '<script defer src="bundle.js"></script>',
    '<script type="application/ld+json">{"text": "\\u003cscript\\u003e"}</script>',
    '<script id="__config" type="application/json">{"a": 1}</script>',
    '<script type="text/html" id="__toggles"><input class="md-toggle"></script>',
    "<script></script>",  # empty: runs nothing
    "<p>onclick= and javascript: and style= as text</p>",
    '<a href="https://example.org/javascript:x">x</a>',
]


@pytest.mark.parametrize(("markup", "what"), REFUSED)
def test_inline_code_is_found_with_its_line(markup: str, what: str) -> None:
    [(line, found)] = inline_code(f"<!doctype html>\n<html>\n<p>text</p>\n{markup}\n</html>")
    assert line == 4 and found.startswith(what)


@pytest.mark.parametrize("markup", ALLOWED)
def test_files_and_data_blocks_are_allowed(markup: str) -> None:
    assert inline_code(markup) == []


def test_no_built_page_runs_inline_code(built_site: Path) -> None:
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 10
    found = {page.relative_to(built_site).as_posix(): inline_code(page.read_text("utf-8")) for page in pages}
    assert found == {name: [] for name in found}
