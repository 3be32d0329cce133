"""Property tests: the parsers behind the build's error messages never fail in any other way.

Whatever a contributor types, the markup parser, the glossary loader and the
heading checks either accept it or raise their own error with a position
inside the text, never a traceback, and text without markup passes unchanged.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from zhguide import zh_core, zh_glossary, zh_markup

pytestmark = pytest.mark.pure
# Characters a page is made of: Markdown syntax, markup delimiters, both scripts, line ends.
ALPHABET = st.sampled_from(list("-{}:;#`~=*>|[]()!\n 　zh-HansHant余后发干逾期協商上门？、。a1"))
TEXT = st.text(ALPHABET, max_size=80)
# The same examples on every run (CI stays reproducible), and no example database in the checkout.
CHECKS = settings(
    max_examples=500, deadline=None, derandomize=True, database=None,
    suppress_health_check=[HealthCheck.too_slow],
)  # fmt: skip


def position_inside(text: str, line: int, column: int) -> bool:
    lines = text.split("\n")
    return 1 <= line <= len(lines) and 1 <= column <= len(lines[line - 1]) + 1


@CHECKS
@given(TEXT)
def test_markup_is_valid_or_an_error_inside_the_text(text: str) -> None:
    try:
        zh_markup.validate(text, "zh-Hans")
    except zh_markup.MarkupError as error:
        assert position_inside(text, error.line, error.column), (text, error.line, error.column)
        return
    for locale in ("zh-Hans", "zh-Hant"):
        zh_markup.resolve(text, locale=locale, default_locale="zh-Hans", protect=True)


@CHECKS
@given(st.text(st.sampled_from(list("余后发干逾期協商上门？、。abc 1\n")), max_size=80))
def test_text_without_markup_resolves_to_itself(text: str) -> None:
    for locale in ("zh-Hans", "zh-Hant"):
        assert zh_markup.resolve(text, locale=locale, default_locale="zh-Hans", protect=False) == text


@CHECKS
@given(st.text(st.sampled_from(list("replacekp:\n -{}[]#'\"账单帳單余先生zh-Hant*")), max_size=80))
def test_a_glossary_parses_or_names_its_line(text: str) -> None:
    try:
        entries = zh_glossary.parse(text)
    except zh_glossary.GlossaryError as error:
        assert 1 <= error.line <= text.count("\n") + 2, (text, error.line)
        return
    for entry in entries:
        assert entry.phrase and 1 <= entry.line <= text.count("\n") + 1


@CHECKS
@given(TEXT)
def test_heading_checks_point_at_lines_of_the_text(text: str) -> None:
    count = len(text.splitlines())
    for line, _ in [*zh_core.headings_without_id(text), *zh_core.heading_problems(text)]:
        assert 1 <= line <= count, (text, line)
    assert all(f"{{#{id_}}}" in text for id_ in zh_core.explicit_ids(text))


SITES = st.sampled_from(["https://example.org/", "https://example.org/guide/", "http://127.0.0.1:8000/",
                         "https://example.org/guide", "https://example.org/?q=1"])  # fmt: skip
PATHS = st.text(st.sampled_from(list("az/.#:?%-_ 逾\\")), max_size=24)


@CHECKS
@given(SITES, PATHS)
def test_an_absolute_address_is_what_urljoin_makes(site_url: str, path: str) -> None:
    from urllib.parse import urljoin

    from zhguide.site_urls import absolute

    assert absolute(site_url, path) == urljoin(site_url, path)
    assert absolute("", path) == path
