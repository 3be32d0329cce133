"""What the generated zh-Hant variant converts, and what it never touches, through the real build."""

from __future__ import annotations

import html as html_lib
import json
from pathlib import Path

import pytest

import site_html
from conftest import VARIANTS, add_page, built_once, copy_project, run_build
from zhguide import zh_search

SAMPLES = Path(__file__).parent / "data" / "samples.md"
PNG = bytes.fromhex(  # the smallest valid PNG: one transparent pixel
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)
# A test-only hook that shows each page's front matter, as the build left it, in the page.
META_PROBE = """\
import json


def on_post_page(output, *, page, config):
    return output + "<!-- meta " + json.dumps(page.meta, ensure_ascii=False) + " -->"
"""


@pytest.fixture(scope="module")
def sample_site(tmp_path_factory: pytest.TempPathFactory) -> Path:

    def build(folder: Path) -> None:
        project = copy_project(folder / "project")
        add_page(project, SAMPLES)
        (project / "docs" / "图片").mkdir()
        (project / "docs" / "图片" / "图.png").write_bytes(PNG)  # an image of the site's own, non-ASCII path
        (project / "hooks" / "meta_probe.py").write_text(META_PROBE, "utf-8")
        config = project / "mkdocs.yml"
        text = config.read_text("utf-8")
        config.write_text(text.replace("validation:", "hooks: [hooks/meta_probe.py]\nvalidation:"), "utf-8")
        result = run_build(project, folder / "site")
        assert result.returncode == 0, result.stderr

    return built_once(tmp_path_factory, "samples", build) / "site"


def page(site: Path, prefix: str) -> str:
    return (site / prefix / "samples" / "index.html").read_text("utf-8")


def article(html: str) -> str:
    return html.split('<article class="md-content__inner md-typeset">')[1].split("</article>")[0]


def test_human_text_is_converted(sample_site: Path) -> None:
    content = article(page(sample_site, "zh-Hant"))
    for converted in (
        "普通段落：逾期後會發生什麼。",  # prose
        "列表項：還款", "有序項：帳單",  # lists, with the glossary
        "<th>表頭</th>", "<td>單元格</td>",  # table
        '<p class="admonition-title">提醒標題</p>', "提醒內容：發送短信",  # admonition
        ">鏈接文字</a>", 'title="鏈接標題"',  # link text and title
        'alt="示意圖"', 'title="圖片標題"',  # image alt and title
        'title="原始標題"', "原始 HTML 裡面",  # raw HTML: human attribute and text
        '<h2 id="prose">正文和列表<a class="headerlink"',  # heading
    ):  # fmt: skip
        assert converted in content, converted


def test_titles_toc_and_description_are_converted(sample_site: Path) -> None:
    html = page(sample_site, "zh-Hant")
    assert "<title>樣例頁面 - 工行信用卡逾期指南</title>" in html
    assert 'name="description" content="說明文字：還款後的帳單"' in html
    toc = html.split("md-nav--secondary")[1].split("</nav>")[0]
    assert "內聯標記" in toc and "保留余姓的標題" in toc
    assert "樣例頁面" in html.split("md-nav--primary")[1]  # navigation label


def test_front_matter_keys_and_other_values_are_never_converted(sample_site: Path) -> None:
    meta = json.loads(page(sample_site, "zh-Hant").split("<!-- meta ")[1].split(" -->")[0])
    assert meta == {"title": "樣例頁面", "description": "說明文字：還款後的帳單", "备注": "张三"}


def test_code_urls_ids_and_attributes_are_never_converted(sample_site: Path) -> None:
    content = article(page(sample_site, "zh-Hant"))
    for kept in (
        "<code>简体代码 后</code>",  # inline code
        "代码块 后 发",  # code block
        'href="https://example.org/路径/页面?查询=简体&amp;后=后#锚点"',  # non-ASCII URL and query
        'src="../../%E5%9B%BE%E7%89%87/%E5%9B%BE.png"',  # the image's path: 图片/图, not 圖片/圖
        'class="类名" data-说明="简体属性"',  # other attributes, names included
        'id="markup-heading"', 'id="markup"',  # heading ids
    ):  # fmt: skip
        assert kept in content, kept


def test_inline_markup_never_reaches_either_variant(sample_site: Path) -> None:
    hans, hant = article(page(sample_site, "")), article(page(sample_site, "zh-Hant"))
    assert "短信原文：你的账单已逾期。" in hans and "短信提醒。" in hans
    assert "短信原文：你的账单已逾期。" in hant  # kept verbatim, the glossary's 帳單 too
    assert "簡訊提醒。" in hant  # the zh-Hant entry
    assert '<h2 id="markup-heading">保留余姓的標題<a class="headerlink"' in hant
    for html in (page(sample_site, ""), page(sample_site, "zh-Hant")):
        text = html_lib.unescape(html)
        assert "-{" not in text and "}-" not in text and "zh-Hant:" not in text
        assert "\ue000" not in text and "\ue001" not in text


@pytest.mark.parametrize("prefix", VARIANTS.values())
def test_search_index_has_no_markup(sample_site: Path, prefix: str) -> None:
    raw = (sample_site / prefix / "search" / "search_index.json").read_text("utf-8")
    docs = [doc for doc in json.loads(raw)["docs"] if doc["location"].startswith("samples/")]
    text = zh_search.restore_breaks("".join(doc["title"] + doc["text"] for doc in docs)).replace("\u200b", "")
    assert "你的账单已逾期" in text
    assert "-{" not in text and "}-" not in text and "zh-Hans:" not in text and "zh-Hant:" not in text
    assert "\ue000" not in text and "\ue001" not in text


def test_simplified_variant_is_untouched(sample_site: Path) -> None:
    content = article(page(sample_site, ""))
    assert "普通段落：逾期后会发生什么。" in content and "有序项：账单" in content
    assert site_html.html_lang(page(sample_site, "")) == "zh-Hans"
