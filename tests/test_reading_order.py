"""Material's menu toggles, written by script so that a text browser meets the page first."""

from __future__ import annotations

import json
import re

import pytest

from zhguide.reading_order import scripted_toggles

TOGGLES = (
    '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">\n'
    '    <input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">'
)


def test_the_toggles_are_written_by_a_script_in_their_place() -> None:
    page = f'<body dir="ltr">\n    {TOGGLES}\n    <label class="md-overlay" for="__drawer"></label>'
    result = scripted_toggles(page)
    assert "<input" not in result.split("<script>")[0] and result.count("<script>") == 1
    written = re.search(r'insertAdjacentHTML\("beforebegin", (".*?")\)</script>', result)[1]
    assert json.loads(written) == TOGGLES
    assert result.endswith('<label class="md-overlay" for="__drawer"></label>')


def test_a_page_without_materials_toggles_is_an_error() -> None:
    with pytest.raises(ValueError, match="two menu toggles"):
        scripted_toggles("<body><p>no toggles</p></body>")
