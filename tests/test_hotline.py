"""Tap to call: the first 95588 of each answer is a tel: link (hooks/zhguide/hotline.py)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import VARIANTS, in_variant
from zhguide.hotline import tel_link, tel_links, unlinked

LINK = tel_link("95588", "拨打 {number}")
PAGE = (
    '<h2 id="a">95588 怎么转人工？</h2>\n<p>拨打 95588，再按提示。没人接就再打 95588。</p>\n'
    '<div class="admonition info"><p class="admonition-title">95588 的经验说法</p>'
    "<p>不是 955880。</p></div>\n"
    '<h2 id="b">能在网上办吗？</h2>\n<p>见 <a href="#a">95588 怎么转人工</a>，或 <code>95588</code>。</p>\n'
    "<ul><li>或者打 95588。</li></ul>\n<h3>又一问？</h3>\n<p>也可以打95588。</p>\n"
)


def test_the_first_mention_in_each_answer_is_linked_and_no_other() -> None:
    linked = tel_links(PAGE, "95588", "拨打 {number}")
    assert LINK == '<a class="tel" href="tel:95588" aria-label="拨打 95588">95588</a>'
    sections = re.split(r"<h[23]", linked)[1:]
    assert [section.count(LINK) for section in sections] == [1, 1, 1]
    assert "<p>拨打 " + LINK + "，再按提示。没人接就再打 95588。</p>" in linked  # the first only
    assert '<p class="admonition-title">95588 的经验说法</p>' in linked and "955880" in linked
    assert '<a href="#a">95588 怎么转人工</a>' in linked and "<code>95588</code>" in linked  # never nested
    assert "<li>或者打 " + LINK in linked and "也可以打" + LINK in linked
    assert unlinked(linked) == PAGE  # print and the PDFs get plain numbers back


def test_a_page_without_the_number_is_unchanged() -> None:
    page = "<h2>问？</h2><p>没有号码。</p>"
    assert tel_links(page, "95588", "拨打 {number}") == page


@pytest.mark.parametrize(("locale", "prefix"), VARIANTS.items())
def test_every_answer_that_names_the_hotline_lets_the_reader_tap_it(
    built_site: Path, locale: str, prefix: str
) -> None:
    label = in_variant("拨打", locale)
    for page in ("", "customer-service/", "checklist/"):
        html = (built_site / prefix / page / "index.html").read_text("utf-8")
        article = html.split('<article class="md-content__inner md-typeset">', 1)[1].split("</article>", 1)[0]
        for section in re.split(r"<h[1-3]\b", article)[1:]:
            answer = section.split("</h", 1)[1]  # after its heading
            # its own text: not other links (to questions), code or box titles, where no link belongs
            own = re.sub(
                r'<a (?!class="tel").*?</a>|<code>.*?</code>|<p class="admonition-title">.*?</p>', "", answer
            )
            if "95588" in own:
                assert f'href="tel:95588" aria-label="{label} 95588"' in answer, (page, section[:80])
