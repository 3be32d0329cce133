"""What a built page may run: scripts from files only (hooks/zhguide/page_scripts.py), so the
Content-Security-Policy of deploy/nginx.conf holds on every page."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zhguide.page_scripts import ATTRIBUTE_START, SUSPECT_NAMES, _parsed, _suspect, inline_code

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
    '<h2 id="online-and-app">x</h2><a href="/q/online-and-app/" data-on-1="x">x</a>',  # not handlers
]


@pytest.mark.parametrize(("markup", "what"), REFUSED)
def test_inline_code_is_found_with_its_line(markup: str, what: str) -> None:
    [(line, found)] = inline_code(f"<!doctype html>\n<html>\n<p>text</p>\n{markup}\n</html>")
    assert line == 4 and found.startswith(what)


@pytest.mark.parametrize("markup", ALLOWED)
def test_files_and_data_blocks_are_allowed(markup: str) -> None:
    assert inline_code(markup) == [] == _parsed(markup).found


def test_no_built_page_runs_inline_code(built_site: Path) -> None:
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 10
    found = {page.relative_to(built_site).as_posix(): inline_code(page.read_text("utf-8")) for page in pages}
    assert found == {name: [] for name in found}


TRICKY = [
    # where the cheaper pass must still send the page to the parser (page_scripts._suspect)
    '<script data-x="</script>">alert(1)</script>',
    '<script type="&#116;ext/javascript">x()</script>',  # a type that runs, once unescaped
    '<script type="application/json" TYPE="module">x()</script>',  # the last of a name counts
    "<script\n>alert(1)</script>",
    "<SCRIPT>alert(1)</SCRIPT >",
    '<a href="x"onclick="y()">x</a>',
    '<img/onerror="x()">',
    "<body\tOnLoad=x()>",
    '<a title="a="onclick=x>x</a>',
    "<p STYLE>x</p>",
    '<a href = \n "&#106;avascript:x()">x</a>',
    '<a href="\u3000javascript:x()">x</a>',
    "<form action==javascript:x()></form>",
]


@pytest.mark.parametrize("markup", TRICKY)
def test_the_cheaper_pass_misses_nothing_the_parser_finds(markup: str) -> None:
    page = f"<!doctype html>\n<html>\n<p>text</p>\n{markup}\n</html>"
    assert inline_code(page) == _parsed(page).found != []


def test_a_page_with_nothing_suspect_is_not_parsed_whole() -> None:
    clean = '<script src="a.js"></script><script type="application/json">{"a": "<b>"}</script><p>x</p>'
    assert not _suspect(clean)
    text = clean + "<p>words: onclick= as text</p>"  # suspect, so parsed: and the parser finds nothing
    assert _suspect(text) and inline_code(text) == []


# The single expression the cheaper pass used before it searched each name alone (2026-12): the
# same pages must be sent to the parser.
WHOLE = re.compile(
    r"""['"\s/](?:(?:on[a-z]+|style)(?=[\s/=>]|$)|(?:href|src|action|formaction|data)\s*=+\s*['"]?\s*[j&])"""
)
# Pieces pages are made of, the tricky ones included: names, separators of every kind, entities,
# a Kelvin sign (it lowercases to k) and an ideographic space.
PIECES = st.sampled_from(
    ["<", ">", "/", "=", '"', "'", " ", "\t", "\n", "\u3000", "\x1c", "\u212a", "&#106;", "j", "J",
     "on", "ON", "click", "style", "STYLE", "href", "src", "action", "form", "data", "script",
     "<script", "</script>", "<a ", "<p", "x", "alert(1)", "type=", "module", "-", "ontent"]
)  # fmt: skip
MARKUP = st.lists(PIECES, max_size=30).map("".join)
CHECKS = settings(max_examples=1000, deadline=None, derandomize=True, database=None)


@CHECKS
@given(MARKUP)
def test_the_cheaper_pass_sends_the_same_pages_and_misses_nothing(markup: str) -> None:
    attributes = any(
        found.start() and ATTRIBUTE_START.match(markup.lower(), found.start() - 1)
        for name in SUSPECT_NAMES
        for found in name.finditer(markup.lower())
    )
    assert attributes == bool(WHOLE.search(markup.lower()))
    if _parsed(markup).found:
        assert _suspect(markup)
