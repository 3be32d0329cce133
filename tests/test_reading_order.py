"""Material's menu toggles, written by script so that a text browser meets the page first."""

from __future__ import annotations

import re

import pytest

from zhguide.page_scripts import inline_code
from zhguide.reading_order import templated_toggles

TOGGLES = (
    '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">\n'
    '    <input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">'
)


def test_the_toggles_become_a_template_in_their_place() -> None:
    page = f'<body dir="ltr">\n    {TOGGLES}\n    <label class="md-overlay" for="__drawer"></label>'
    result = templated_toggles(page)
    template = re.search(r'<script type="text/html" id="__toggles">(.*?)</script>', result, re.S)
    assert template[1] == TOGGLES  # written back as they were, by assets/javascripts/guide-header.js
    assert "<input" not in result.replace(template[0], "")
    assert not inline_code(result)  # a template runs nothing: the site's CSP allows it
    # the drawer's labels name it by data-for until guide-header.js writes the toggle back
    assert result.endswith('<label class="md-overlay" data-for="__drawer"></label>')


def test_a_page_without_materials_toggles_is_an_error() -> None:
    with pytest.raises(ValueError, match="two menu toggles"):
        templated_toggles("<body><p>no toggles</p></body>")
