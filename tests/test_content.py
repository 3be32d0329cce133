"""The guide as an anxious reader meets it: what to do first, then the questions; every word in
its place (content-review.md, issue 16)."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

import site_html
from conftest import ROOT, VARIANTS, in_variant
from zhguide.content_rules import load_rules

RULES = load_rules((ROOT / "hooks" / "content_rules.yml").read_text("utf-8"))
DOCS = ROOT / "docs"


def section(html: str, id_: str) -> str:
    """The HTML from the heading with this id to the next heading of its level or higher."""
    start = html.index(f'id="{id_}"')
    level = html[html.rindex("<h", 0, start) + 2]
    end = re.search(rf"<h[1-{level}]\b", html[start:])
    return html[start : start + end.start()] if end else html[start:]


def ids_at(site: Path, path: str) -> set[str]:
    return {id_ for _, id_, _ in site_html.headings((site / path / "index.html").read_text("utf-8")) if id_}


@pytest.mark.parametrize(("locale", "prefix"), VARIANTS.items())
def test_the_home_page_starts_with_what_to_do_now(built_site: Path, locale: str, prefix: str) -> None:
    html = (built_site / prefix / "index.html").read_text("utf-8")
    found = site_html.headings(html)
    assert [tag for tag, _, _ in found[:2]] == ["h1", "h2"] and found[1][1] == "first-steps"
    assert found[1][2].startswith(in_variant("逾期了，现在先做什么", locale))
    steps = re.findall(r"<li>(.*?)</li>", section(html, "first-steps"), re.S)
    assert 3 <= len(steps) <= 4, "three or four short steps"
    home = f"https://site/{prefix}"
    for step in steps:
        [href] = re.findall(r'<a href="([^"#]*#[^"]+)"', step)  # each step links one question
        target = urlsplit(urljoin(home, href))
        page = target.path.removeprefix("/")
        assert target.fragment in ids_at(built_site, page), (step, href)


def test_the_route_to_a_human_agent_is_the_first_answer_about_customer_service(built_site: Path) -> None:
    for locale, prefix in VARIANTS.items():
        html = (built_site / prefix / "customer-service" / "index.html").read_text("utf-8")
        [_, first, *_] = site_html.headings(html)
        assert first[1] == "talk-to-an-agent" and first[2].startswith("95588")
        route = site_html.own_script_text(section(html, "talk-to-an-agent"))
        for step in ("95588", in_variant("选择", locale), "信用卡", in_variant("人工客服", locale)):
            assert step in route
        checklist = (built_site / prefix / "checklist" / "index.html").read_text("utf-8")
        assert 'href="../customer-service/#talk-to-an-agent"' in checklist  # linked from the checklist


def test_the_sources_ask_questions_list_one_set_of_channels_and_link_the_disclaimer() -> None:
    for page in sorted(DOCS.glob("*.md")):
        text = page.read_text("utf-8")
        headings = re.findall(r"^#{2,3} (.+?)\s*\{#", text, re.M)
        assert headings and all(heading.endswith("？") for heading in headings), page.name
        for line in text.splitlines():
            listed = "95588" in line and ("App" in line or "在线客服" in line)
            if listed and not line.startswith("description"):
                assert RULES.official_channels in line, line
        if page.name != "index.md":
            assert "](index.md#disclaimer)" in text, page.name


def test_no_addition_the_source_cannot_back_is_stated_as_fact() -> None:
    text = "\n".join(page.read_text("utf-8") for page in DOCS.glob("*.md"))
    unbacked = ("手机银行 App", "拨打 95588 核实", "书面记录", "外语服务")  # review 2a: unbacked additions
    unbacked += ("无疑是", "包括但不限于", "人工坐席")  # review 3: leftover spin and jargon
    assert [phrase for phrase in unbacked if phrase in text] == []
    assert text.count("经验说法") >= 4  # the visits, the menu keys, the peak hours, and the checklist's note
    assert "一般建议（不是银行的要求）" in text  # the note-taking tip claims no source
