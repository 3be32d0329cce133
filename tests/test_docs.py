"""The maintainer's documents stay what issue #28 made them: CONTRIBUTING.md a ten-minute read
that says how things work and how to change them, CHANGELOG.md the dated log, newest first, and
every file either names one that exists."""

from __future__ import annotations

import re

import pytest

from conftest import ROOT

pytestmark = pytest.mark.pure
WORDS_IN_TEN_MINUTES = 2800  # at about 250 words a minute, with a margin for code and paths
PATH = re.compile(r"`((?:hooks|scripts|tests|overrides|deploy|docs|\.ci)/[^`*<>{}\s]*)`")


def test_contributing_is_a_ten_minute_read_without_dated_figures() -> None:
    text = (ROOT / "CONTRIBUTING.md").read_text("utf-8")
    assert len(text.split()) <= WORDS_IN_TEN_MINUTES, "move how a part works into its docstring"
    # a date appears only to point into the log: "CHANGELOG.md, 2026-12-02"
    dated = [line for line in text.splitlines() if re.search(r"\b20\d\d-\d\d-\d\d\b", line)]
    assert all("CHANGELOG.md" in line for line in dated), dated


def test_the_changelog_is_newest_first() -> None:
    dates = re.findall(r"^## (20\d\d-\d\d-\d\d)", (ROOT / "CHANGELOG.md").read_text("utf-8"), re.M)
    assert len(dates) >= 3 and dates == sorted(dates, reverse=True)


@pytest.mark.parametrize("document", ["README.md", "CONTRIBUTING.md", "CHANGELOG.md"])
def test_every_file_a_document_names_exists(document: str) -> None:
    named = set(PATH.findall((ROOT / document).read_text("utf-8")))
    assert named, document
    assert sorted(path for path in named if not (ROOT / path).exists()) == []
