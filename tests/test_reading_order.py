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


NAV_ITEM = """<li class="md-nav__item md-nav__item--active">
      <input class="md-nav__toggle md-toggle" type="checkbox" id="__toc">
      <label class="md-nav__link md-nav__link--active" for="__toc"><span>逾期</span></label>
      <a href="./" class="md-nav__link md-nav__link--active"><span>逾期</span></a>
      <nav class="md-nav md-nav--secondary" aria-label="目录">
        <label class="md-nav__title" for="__toc">目录</label>
        <ul><li><a href="#a">甲？</a>
          <nav class="md-nav"><ul><li><a href="#b">乙？</a></li></ul></nav>
        </li></ul>
      </nav>
    </li>"""


def test_the_navigation_repeats_the_contents_only_once_written_back() -> None:
    sidebar = '<nav class="md-nav md-nav--secondary"><ul><li><a href="#a">甲？</a></li></ul></nav>'
    page = f"<body>{TOGGLES}<ul>{NAV_ITEM}</ul>{sidebar}</body>"
    result = templated_toggles(page)
    templates = re.findall(r'<script type="text/html" data-toggle="__toc">(.*?)</script>', result, re.S)
    assert len(templates) == 2  # the toggle with its label; the contents, nested <nav> and all
    assert templates[0].startswith("<input") and templates[0].endswith("</label>")
    assert templates[1].startswith('<nav class="md-nav md-nav--secondary"')
    assert templates[1].count("</nav>") == 2
    outside = re.sub(r"<script.*?</script>", "", result, flags=re.S)
    assert outside.count('href="#a"') == 1 and 'href="#b"' not in outside  # the sidebar's contents stay
    assert '<a href="./" class="md-nav__link md-nav__link--active">' in outside  # the page's own link stays
    assert outside.endswith(f"</li></ul>{sidebar}</body>")
