"""Every question has a share address whose link preview shows that question, and which lands on it."""

from __future__ import annotations

import html
import re
import urllib.request
import zipfile
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
import yaml

from conftest import ROOT, SITE_URL, VARIANTS, foreign_characters, run_build
from test_build import SOURCES, output_path
from zhguide import faq_schema, share_pages
from zhguide.share_pages import Share, Texts
from zhguide.variants import Variant

FOREIGN = {locale: foreign_characters(locale) for locale in VARIANTS}
HANS = Variant("zh-Hans", "简体中文", "", True, "zh-Hans")
HANT = Variant("zh-Hant", "繁體中文", "zh-Hant/", False, "zh-Hans", "s2tw")
META = re.compile(r'<meta (?:property|name)="([^"]+)" content="([^"]*)">')


class Both:
    """The build of one variant, as share_pages.site_pages reads it."""

    def __init__(self, variant: Variant) -> None:
        self.variant, self.variants = variant, [HANS, HANT]


@pytest.mark.pure
@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        ("先打 95588。再说明情况。", "先打 95588。"),
        ("可以吗？可以。", "可以吗？"),
        ("没有句号的一句话", "没有句号的一句话"),
        ("长" * 200 + "。", "长" * 119 + "…"),
    ],
)
def test_the_description_is_the_answers_first_sentence(answer: str, expected: str) -> None:
    assert share_pages.summary(answer) == expected


@pytest.mark.pure
def test_a_questions_permalink_links_its_share_address() -> None:
    content = (
        '<h2 id="a">甲？<a class="headerlink" href="#a" title="本节链接">¶</a></h2>'
        '<h2 id="b">乙<a class="headerlink" href="#b" title="本节链接">¶</a></h2>'
    )
    shares = [Share("a", "甲？", "答。", "zh-Hant/overdue/")]
    result = share_pages.shared_permalinks(content, shares, "zh-Hant/")
    assert '<a class="headerlink" href="../q/a/" data-share="a" title=' in result
    assert '<a class="headerlink" href="#b" title=' in result  # not a question: no share address


@pytest.mark.pure
def test_a_share_page_previews_its_question_and_forwards_to_it_without_javascript() -> None:
    share = Share("call", '95588 怎么转"人工"？', "先按 <0>。", "zh-Hant/customer-service/")
    links = share_pages.page_links("zh-Hant/q/call/", HANT, [HANS, HANT], "https://example.org/guide/")
    others = [link for link in links if not link.current]
    page = share_pages.share_page(
        share, "call", HANT, Texts("指南", "閱讀完整回答"), "https://example.org/guide/", others
    )
    metas = dict(META.findall(page))
    assert html.unescape(metas["og:title"]) == '95588 怎么转"人工"？'  # escaped, whole
    assert html.unescape(metas["og:description"]) == html.unescape(metas["description"]) == "先按 <0>。"
    assert metas["og:url"] == "https://example.org/guide/zh-Hant/q/call/"
    assert metas["og:locale"] == "zh_TW" and metas["og:type"] == "article"
    assert '<link rel="canonical" href="https://example.org/guide/zh-Hant/customer-service/#call">' in page
    assert '<meta http-equiv="refresh" content="0; url=../../customer-service/#call">' in page
    assert '<a href="../../customer-service/#call">閱讀完整回答</a>' in page
    assert '<a href="../../../q/call/" hreflang="zh-Hans" lang="zh-Hans">简体中文</a>' in page
    assert "<script" not in page  # the site's Content-Security-Policy allows no inline script


@pytest.mark.pure
def test_an_old_id_keeps_its_share_address_and_a_question_keeps_its_own() -> None:
    shares = {"new": Share("new", "新？", "答。", "a/"), "taken": Share("taken", "占？", "答。", "b/")}
    old_ids = {"old": "new", "taken": "new", "gone": "missing"}
    found = dict(share_pages.site_pages(shares, old_ids, Both(HANS), Texts("指南", "阅读"), ""))
    assert sorted(found) == ["q/new/index.html", "q/old/index.html", "q/taken/index.html"]
    assert "url=../../a/#new" in found["q/old/index.html"]
    assert "url=../../b/#taken" in found["q/taken/index.html"]  # the question of that id wins


def share_pages_of(site: Path, prefix: str) -> dict[str, str]:
    folder = site / prefix / "q"
    return {path.parent.name: path.read_text("utf-8") for path in sorted(folder.glob("*/index.html"))}


def test_every_question_has_a_share_page_in_its_variants_script(built_site: Path) -> None:
    for locale, prefix in VARIANTS.items():
        found = share_pages_of(built_site, prefix)
        for source in SOURCES:
            page_path = output_path(source, prefix)
            page = (built_site / page_path).read_text("utf-8")
            page_url = page_path.removesuffix("index.html")
            for question in faq_schema.questions(page):
                share = found.pop(question.id)
                metas = dict(META.findall(share))
                assert html.unescape(metas["og:title"]) == question.name, (locale, question.id)
                description = html.unescape(metas["og:description"])
                assert question.answer.startswith(description.removesuffix("…")) and description
                for text in (question.name, description):
                    assert not [c for c in text if c in FOREIGN[locale]], (locale, text)
                canonical = re.search(r'<link rel="canonical" href="([^"]+)">', share)[1]
                assert canonical == f"{SITE_URL}{page_url}#{question.id}"
                assert metas["og:url"] == f"{SITE_URL}{prefix}q/{question.id}/"
                refresh = re.search(r'content="0; url=([^"]+)"', share)[1]
                assert urljoin(f"/{prefix}q/{question.id}/", refresh) == f"/{page_url}#{question.id}"
                assert f'<html lang="{locale}">' in share
        assert set(found) <= old_ids(), found  # the rest are old ids, each a share page of its own


def old_ids() -> set[str]:
    """Every old id the guide's pages keep working (their front matter's anchor_aliases)."""
    found = set()
    for source in (ROOT / "docs").glob("*.md"):
        front = re.match(r"---\n(.*?)\n---\n", source.read_text("utf-8"), re.S)
        found |= set((yaml.safe_load(front[1]) or {}).get("anchor_aliases") or {}) if front else set()
    return found


def test_offline_the_permalinks_stay_on_the_page(built_site: Path) -> None:
    with zipfile.ZipFile(built_site / "download" / "icbc-overdue-guide-offline.zip") as archive:
        names = archive.namelist()
        page = archive.read(next(name for name in names if name.endswith("/zh-Hant/overdue.html"))).decode()
    assert not [name for name in names if "/q/" in name]  # nothing to share from file://
    assert '<a class="headerlink" href="#consequences" title=' in page


def test_a_question_id_on_two_pages_fails_the_build_with_both_files(project_copy, tmp_path: Path) -> None:
    project = project_copy()
    page = project / "docs" / "checklist.md"
    text = page.read_text("utf-8")
    page.write_text(text.replace("{#scam-warning", "{#consequences"), "utf-8")
    result = run_build(project, tmp_path / "site")
    assert result.returncode != 0
    line = 1 + text[: text.index("{#scam-warning")].count("\n")
    overdue = 1 + (project / "docs" / "overdue.md").read_text("utf-8").split("{#consequences}")[0].count("\n")
    message = "the question id 'consequences' is also a question of"
    assert (
        f"docs/checklist.md:{line}: {message} docs/overdue.md" in result.stderr
        or f"docs/overdue.md:{overdue}: {message} docs/checklist.md" in result.stderr
    ), result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "site").exists()  # no half-written site


@pytest.mark.parametrize("prefix", VARIANTS.values())
@pytest.mark.parametrize("java_script", [True, False])
def test_a_share_address_lands_on_its_question(
    new_page, site_url: str, prefix: str, java_script: bool
) -> None:
    page = new_page(java_script_enabled=java_script, viewport={"width": 390, "height": 800})
    page.goto(f"{site_url}{prefix}q/home-visit-timing/")
    page.wait_for_url(f"**/{prefix}overdue/#home-visit-timing")
    page.wait_for_timeout(300)
    box = page.locator("h2#home-visit-timing").bounding_box()
    assert 0 <= box["y"] < 300, "the question is at the top of the screen"


def test_tapping_a_permalink_stays_on_the_page_and_shows_the_question(new_page, site_url: str) -> None:
    page = new_page()
    page.goto(f"{site_url}zh-Hant/overdue/")
    page.evaluate("window.notReloaded = true")
    link = page.locator("h2#respond-to-a-visit a.headerlink")
    assert urlsplit(link.get_attribute("href")).path == "../q/respond-to-a-visit/"
    link.click()
    page.wait_for_url("**/zh-Hant/overdue/#respond-to-a-visit")
    assert page.evaluate("window.notReloaded") is True  # the same document: no trip to the share page
    assert 0 <= page.locator("h2#respond-to-a-visit").bounding_box()["y"] < 300
    # what a reader copies or shares is the share address, which previews as the question
    shared = page.evaluate("document.querySelector('h2#respond-to-a-visit a.headerlink').href")
    with urllib.request.urlopen(shared) as response:  # as a link preview fetches it: no JavaScript
        assert '<meta property="og:title" content="有人上門時我該怎麼做？">' in response.read().decode(
            "utf-8"
        )
