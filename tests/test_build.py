"""The real MkDocs build of the guide, checked on its output files."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

import site_html
from conftest import ROOT, SOURCE, VARIANTS, foreign_characters, in_variant
from zhguide import zh_core, zh_search

SOURCES = sorted(p for p in (ROOT / "docs").glob("*.md") if p.suffixes == [".md"])
EXPLICIT_ID = re.compile(r"[a-z0-9][a-z0-9-]*")
QUESTION = re.compile(r"^##+ (.+？) \{#([a-z0-9-]+)\}", re.M)


def output_path(source: Path, prefix: str) -> str:
    page = "" if source.stem == "index" else f"{source.stem}/"
    return f"{prefix}{page}index.html"


def pages(site: Path) -> list[tuple[str, Path, str]]:
    """(variant, source, html) for every page of every variant."""
    return [
        (variant, source, (site / output_path(source, prefix)).read_text("utf-8"))
        for variant, prefix in VARIANTS.items()
        for source in SOURCES
    ]


def test_every_page_exists_in_every_variant(built_site: Path) -> None:
    assert len(SOURCES) >= 4
    for source in SOURCES:
        for prefix in VARIANTS.values():
            assert (built_site / output_path(source, prefix)).is_file(), (source, prefix)


def test_html_lang_names_the_variant(built_site: Path) -> None:
    for variant, source, html in pages(built_site):
        assert site_html.html_lang(html) == variant, source


def test_each_variant_is_entirely_in_its_own_script(built_site: Path) -> None:
    for variant, source, html in pages(built_site):
        text = site_html.own_script_text(html)
        assert "搜" in text, "the search UI strings are part of the checked text"
        stray = zh_core.stray_characters(text, foreign_characters(variant))
        assert not stray, f"{variant} {source.name}: {stray}"


def test_zh_hant_uses_material_traditional_interface_strings(built_site: Path) -> None:
    html = (built_site / "zh-Hant" / "index.html").read_text("utf-8")
    assert 'placeholder="搜尋"' in html
    assert "跳轉到" in html  # skip to content
    assert "頁腳" in html  # footer
    simplified = (built_site / "index.html").read_text("utf-8")
    assert 'placeholder="搜索"' in simplified
    assert "跳转至" in simplified


def test_headings_have_explicit_ascii_ids_identical_across_variants(built_site: Path) -> None:
    for source in SOURCES:
        ids = {}
        for variant, prefix in VARIANTS.items():
            html = (built_site / output_path(source, prefix)).read_text("utf-8")
            found = site_html.headings(html)
            content = [(tag, id_) for tag, id_, _ in found if tag in ("h1", "h2", "h3")]
            assert content, source
            for tag, id_ in content:
                assert id_ and EXPLICIT_ID.fullmatch(id_), f"{variant} {source.name}: {tag} id {id_!r}"
                assert not re.fullmatch(r"_\d+", id_)
            ids[variant] = content
        assert all(found == ids[SOURCE] for found in ids.values()), source.name


def test_source_ids_are_the_published_ids(built_site: Path) -> None:
    for source in SOURCES:
        written = re.findall(r"\{#([a-z0-9-]+)\}", source.read_text("utf-8"))
        html = (built_site / output_path(source, "")).read_text("utf-8")
        assert [id_ for _, id_, _ in site_html.headings(html) if id_ in written] == written


def test_titles_and_site_strings_are_converted(built_site: Path) -> None:
    html = (built_site / "zh-Hant" / "overdue" / "index.html").read_text("utf-8")
    assert "<title>逾期後會發生什麼 - 工行信用卡逾期指南</title>" in html
    nav_labels = re.findall(r'class="md-nav__link">\s*<span class="md-ellipsis">\s*([^<]+?)\s*</span>', html)
    assert {"協商還款", "客服與人工服務"} <= set(nav_labels)
    assert "本站與中國工商銀行無任何關聯" in html  # copyright in the footer
    assert re.search(r"本站使用 <a [^>]*>Material for MkDocs</a> 製作", html)  # the credit, not English
    simplified = (built_site / "overdue" / "index.html").read_text("utf-8")
    assert re.search(r"本站使用 <a [^>]*>Material for MkDocs</a> 制作", simplified)
    assert "Made with" not in html + simplified
    assert 'content="工行信用卡逾期有什麼後果、會不會影響徵信' in html  # page description


def test_nothing_is_loaded_from_another_host(built_site: Path) -> None:
    files = list(built_site.rglob("*.html")) + list(built_site.rglob("*.css"))
    assert len(files) > 8
    for path in files:
        text = path.read_text("utf-8")
        urls = site_html.resource_urls(text) if path.suffix == ".html" else site_html.CSS_URL.findall(text)
        for url in urls:
            parts = urlsplit(url)
            assert not parts.netloc and parts.scheme in ("", "data"), f"{path}: {url}"
    for html in (built_site / "index.html", built_site / "zh-Hant" / "index.html"):
        assert "fonts.googleapis" not in html.read_text("utf-8")


def test_language_switch_leads_to_the_same_page(built_site: Path) -> None:
    for variant, source, html in pages(built_site):
        targets = {lang: href for href, lang in re.findall(r'<a href="([^"]+)" hreflang="([^"]+)"', html)}
        here = (built_site / output_path(source, VARIANTS[variant])).parent
        for other, prefix in VARIANTS.items():
            href = targets[other]
            folder = built_site / href.lstrip("/") if href.startswith("/") else here / href
            landed = folder.resolve() / "index.html"
            assert landed == (built_site / output_path(source, prefix)).resolve(), (variant, source, other)


@pytest.mark.parametrize(("variant", "prefix"), VARIANTS.items())
def test_each_variant_has_its_own_search_index(built_site: Path, variant: str, prefix: str) -> None:
    index = json.loads((built_site / prefix / "search" / "search_index.json").read_text("utf-8"))
    locations = [doc["location"] for doc in index["docs"]]
    assert "customer-service/#hotline-95588" in locations
    others = tuple(other for other in VARIANTS.values() if other)
    assert not any(location.startswith(others) for location in locations)
    assert len(locations) == len(set(locations))
    text = "".join(doc["title"] + doc["text"] for doc in index["docs"])
    assert zh_core.stray_characters(text, foreign_characters(variant)) == []
    assert "\u200b" in zh_search.restore_breaks(text)  # jieba's word breaks, one byte each
    separator = re.compile(index["config"]["separator"])
    assert separator.split("逾期\u200b上门，95588？人工") == ["逾期", "上门", "95588", "人工"]


def test_home_links_every_question(built_site: Path) -> None:
    home = (ROOT / "docs" / "index.md").read_text("utf-8")
    for source in SOURCES:
        if source.stem == "index":
            continue
        questions = QUESTION.findall(source.read_text("utf-8"))
        assert questions, source.name
        for question, id_ in questions:
            assert f"]({source.name}#{id_})" in home, f"quick answers miss {source.name}#{id_} {question}"


def test_each_variant_has_its_own_404_page_in_its_script(built_site: Path) -> None:
    for locale, prefix in VARIANTS.items():
        html = (built_site / prefix / "404.html").read_text("utf-8")
        assert site_html.html_lang(html) == locale
        text = site_html.own_script_text(html)
        assert in_variant("没有找到这个页面", locale) in text and "Not found" not in text
        assert not foreign_characters(locale) & set(text)
        # root-absolute, as it answers at any depth; the language switch leads to the other variants
        own = re.findall(r'<a href="(/[^"]*)"(?![^>]*hreflang)', html)
        links = [urlsplit(urljoin("http://host/", link)).path for link in own]
        assert f"/{prefix}" in links and any(link.endswith("#quick-answers") for link in own)
        assert all(link.startswith(f"/{prefix}") for link in links if not link.startswith("/download/"))
