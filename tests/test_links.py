"""Links to an answer: ids, permalinks, hreflang, canonical, Open Graph, sitemap and FAQ schema."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urlsplit

import site_html
from conftest import SITE_URL, SOURCE, VARIANTS, foreign_characters, in_variant
from test_build import SOURCES, output_path
from zhguide import zh_core

FOREIGN = {locale: foreign_characters(locale) for locale in VARIANTS}
PERMALINK_TITLE = {locale: in_variant("本节链接", locale) for locale in VARIANTS}


def page_url(source: Path, prefix: str) -> str:
    return SITE_URL + output_path(source, prefix).removesuffix("index.html")


def every_page(site: Path):
    for variant, prefix in VARIANTS.items():
        for source in SOURCES:
            yield variant, source, (site / output_path(source, prefix)).read_text("utf-8")


def test_hreflang_canonical_and_x_default_point_at_the_counterpart_page(built_site: Path) -> None:
    for variant, source, html in every_page(built_site):
        head = site_html.links_and_metas(html)
        alternates = {link["hreflang"]: link["href"] for link in head if link.get("rel") == "alternate"}
        expected = {lang: page_url(source, prefix) for lang, prefix in VARIANTS.items()}
        assert alternates == {**expected, "x-default": expected[SOURCE]}, (variant, source.name)
        canonical = [link["href"] for link in head if link.get("rel") == "canonical"]
        assert canonical == [expected[variant]]


def test_description_and_open_graph_are_in_the_page_script(built_site: Path) -> None:
    for variant, source, html in every_page(built_site):
        metas = {
            meta.get("name") or meta.get("property"): meta.get("content")
            for meta in site_html.links_and_metas(html)
        }
        for key in ("description", "og:title", "og:description", "og:site_name"):
            assert metas.get(key), (variant, source.name, key)
            assert zh_core.stray_characters(metas[key], FOREIGN[variant]) == [], (variant, key, metas[key])
        assert metas["og:url"] == page_url(source, VARIANTS[variant])
    hant = (built_site / "zh-Hant" / "overdue" / "index.html").read_text("utf-8")
    assert 'property="og:title" content="逾期後會發生什麼"' in hant


def test_every_question_has_a_labelled_permalink_in_the_page_script(built_site: Path) -> None:
    for variant, source, html in every_page(built_site):
        for match in re.finditer(r'<h([23]) id="([^"]+)">(.*?)</h\1>', html):
            link = re.search(
                r'<a class="headerlink" href="([^"]+)"(?: data-share="([^"]+)")? title="([^"]+)" '
                r'aria-label="([^"]+)">',
                match[3],
            )
            assert link, (variant, source.name, match[2])
            question = match[3][: match[3].index("<a ")]
            assert link[4] == f"{PERMALINK_TITLE[variant]}：{question}"
            # a question's permalink is its share address (tests/test_share_pages.py); a heading's, its #id
            depth = output_path(source, "").count("/")
            shared = question.endswith("？")
            assert link[1] == ("../" * depth + f"q/{match[2]}/" if shared else f"#{match[2]}"), link[0]
            assert link[2] == (match[2] if shared else None)


def test_faq_schema_lists_the_questions_of_each_page(built_site: Path) -> None:
    for variant, source, html in every_page(built_site):
        [raw] = site_html.json_ld(html)
        document = json.loads(raw)
        assert document["@context"] == "https://schema.org" and document["@type"] == "FAQPage"
        assert document["inLanguage"] == variant
        questions = [(id_, text) for tag, id_, text in site_html.headings(html) if tag in ("h2", "h3")]
        expected = [
            (id_, text.removesuffix("¶")) for id_, text in questions if text.removesuffix("¶").endswith("？")
        ]
        entities = document["mainEntity"]
        assert [(urlsplit(e["url"]).fragment, e["name"]) for e in entities] == expected
        for entity in entities:
            assert entity["@type"] == "Question"
            assert (
                entity["url"] == page_url(source, VARIANTS[variant]) + "#" + urlsplit(entity["url"]).fragment
            )
            answer = entity["acceptedAnswer"]
            assert answer["@type"] == "Answer" and len(answer["text"]) >= 6
            assert zh_core.stray_characters(entity["name"] + answer["text"], FOREIGN[variant]) == []
    overdue = json.loads(site_html.json_ld((built_site / "overdue" / "index.html").read_text("utf-8"))[0])
    visit = next(e for e in overdue["mainEntity"] if e["url"].endswith("#home-visit-timing"))
    assert "3 个月左右" in visit["acceptedAnswer"]["text"]


def test_sitemap_lists_every_page_with_its_alternates(built_site: Path) -> None:
    namespaces = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    root = ET.parse(built_site / "sitemap.xml").getroot()
    entries = {
        url.find("s:loc", namespaces).text: {
            link.get("hreflang"): link.get("href") for link in url.findall("x:link", namespaces)
        }
        for url in root.findall("s:url", namespaces)
    }
    for source in SOURCES:
        expected = {lang: page_url(source, prefix) for lang, prefix in VARIANTS.items()}
        for url in expected.values():
            assert entries[url] == expected, url
