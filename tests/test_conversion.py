"""Pure tests of the variant pipeline: corpus, HTML scope, inline markup and glossary."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT
from zhguide import zh_convert, zh_core, zh_glossary, zh_markup

DATA = Path(__file__).parent / "data"
PAIRS = zh_glossary.pairs_for(zh_glossary.load(ROOT / "docs" / "glossary.yml"), "zh-Hant")
ONE_TO_MANY = (
    "后发干面里台余系复只冲钟历征范"  # 后/後, 发/髮, 干/乾/幹, ...
    "采尽借于云斗须制准汇团谷几了舍表卷托划"
)
GUIDE_TERMS = (
    "账单", "还款", "逾期后", "滞纳金", "罚息", "分期", "征信", "挂失", "复印件", "身份证",
    "人工坐席", "对账单", "宽限期",
)  # fmt: skip


def corpus() -> list[tuple[str, str]]:
    lines = (DATA / "conversion_corpus.tsv").read_text("utf-8").splitlines()
    return [tuple(line.split("\t")) for line in lines if line and not line.startswith("#")]


@pytest.mark.parametrize(("simplified", "expected"), corpus())
def test_corpus(simplified: str, expected: str) -> None:
    assert zh_convert.convert_html(f"<p>{simplified}</p>", "s2tw", PAIRS) == f"<p>{expected}</p>"


def test_corpus_covers_the_hard_characters_and_the_guide_vocabulary() -> None:
    cases = corpus()
    assert len(cases) >= 150
    sources = "".join(simplified for simplified, _ in cases)
    assert [char for char in ONE_TO_MANY if sources.count(char) < 2] == []
    assert [term for term in GUIDE_TERMS if term not in sources] == []
    # each one-to-many character is seen converting to more than one form
    forms = {
        char: {
            expected[simplified.index(char)]
            for simplified, expected in cases
            if char in simplified and len(simplified) == len(expected)
        }
        for char in "后发干面里台余系复只冲钟历征范"
    }
    assert [char for char, seen in forms.items() if len(seen) < 2] == []


def test_html_converts_only_human_text() -> None:
    html = (
        '<h2 id="repay-later">逾期后<code>简体代码</code></h2>'
        '<p class="说明" data-x="简体">账单<a href="https://e.org/路径/页面?查=简#锚" title="标题">链接</a>'
        '<img alt="示意图" src="图片.png"></p><pre><code>代码 后</code></pre>'
        '<script>var a = "后"; if (a < b) {}</script><span translate="no">原样<b>保留</b></span>之后'
    )
    assert zh_convert.convert_html(html, "s2tw", PAIRS) == (
        '<h2 id="repay-later">逾期後<code>简体代码</code></h2>'
        '<p class="说明" data-x="简体">帳單<a href="https://e.org/路径/页面?查=简#锚" title="標題">鏈接</a>'
        '<img alt="示意圖" src="图片.png"></p><pre><code>代码 后</code></pre>'
        '<script>var a = "后"; if (a < b) {}</script><span translate="no">原样<b>保留</b></span>之後'
    )


def test_conversion_is_cached_on_content() -> None:
    html = "<p>缓存测试：还款后的账单</p>"
    zh_convert.convert_html(html, "s2tw", PAIRS)
    before = zh_convert.convert_html.cache_info()
    zh_convert.convert_html(html, "s2tw", PAIRS)
    after = zh_convert.convert_html.cache_info()
    assert (after.hits, after.misses) == (before.hits + 1, before.misses)


def test_shield_round_trip() -> None:
    text = "短信 **原样** 𠮷 ok"
    shielded = zh_core.shield(text)
    assert shielded.isascii() is False and "短" not in shielded and "**" in shielded
    assert zh_core.convert(shielded, "s2tw") == shielded
    assert zh_core.unshield(shielded) == text


@pytest.mark.parametrize(
    ("locale", "protect", "expected"),
    [
        ("zh-Hans", False, "收到短信：你的账单已逾期。"),
        ("zh-Hant", True, "收到簡訊：你的账单已逾期。"),
        ("zh-TW", True, "收到短信：你的账单已逾期。"),  # no zh-TW entry: the Simplified text, converted later
    ],
)
def test_markup_resolves_per_variant(locale: str, protect: bool, expected: str) -> None:
    source = "收到-{zh-Hans:短信;zh-Hant:簡訊}-：-{你的账单已逾期}-。"
    resolved = zh_markup.resolve(source, locale=locale, default_locale="zh-Hans", protect=protect)
    assert zh_core.unshield(resolved) == expected
    assert "-{" not in resolved and "}-" not in resolved


def test_markup_is_shielded_from_conversion_and_glossary() -> None:
    source = "-{你的账单}-和账单"
    resolved = zh_markup.resolve(source, locale="zh-Hant", default_locale="zh-Hans", protect=True)
    assert zh_convert.convert_text(resolved, "s2tw", PAIRS) == "你的账单和帳單"


def test_markup_in_code_is_left_alone() -> None:
    source = "用 `-{原样}-` 保留原文\n\n```\n-{ 未闭合\n```\n"
    assert zh_markup.resolve(source, locale="zh-Hant", default_locale="zh-Hans", protect=True) == source


@pytest.mark.parametrize(
    ("source", "position", "message"),
    [
        ("第一行\n打开 -{ 没有关闭", (2, 4), "'-{' is never closed by '}-'"),
        ("多余的 }- 结尾", (1, 5), "'}-' closes no '-{'"),
        ("-{ 外 -{ 内 }- }-", (1, 1), "'-{' is opened again before '}-' closes it"),
        ("x -{zh-Hant:繁體}-", (1, 3), "no 'zh-Hans:' text in '-{zh-Hant:繁體}-'"),
    ],
)
def test_markup_errors_have_positions(source: str, position: tuple[int, int], message: str) -> None:
    with pytest.raises(zh_markup.MarkupError) as error:
        zh_markup.validate(source, "zh-Hans")
    assert (error.value.line, error.value.column, error.value.message) == (*position, message)


def test_glossary_longest_phrase_wins_and_forms_per_variant() -> None:
    entries = zh_glossary.parse(
        "replace:\n  账单: 帳單\n  对账: {zh-TW: 對帳}\n  信息: {zh-TW: 資訊}\nkeep:\n  - 余先生\n"
    )
    hant = zh_glossary.pairs_for(entries, "zh-Hant")
    assert hant == (("余先生", "余先生"), ("账单", "帳單"))
    assert zh_convert.convert_text("余先生的对账单和余额信息", "s2tw", hant) == "余先生的對帳單和餘額信息"
    taiwan = zh_glossary.pairs_for(entries, "zh-TW")
    assert zh_convert.convert_text("余先生的对账单和余额信息", "s2twp", taiwan) == "余先生的對帳單和餘額資訊"


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("replace:\n  账单: [帳單\n", 3, "not valid YAML"),
        ("replace:\n  账单: 账单\n", 2, "'账单' maps to itself; list it under 'keep:' instead"),
        ("replace:\n  账单: {zh-Hant: 账单}\n", 2, "'账单' maps to itself"),
        ("replace:\n  账单: 帳單\n  账单: 賬單\n", 3, "'账单' is already listed on line 2"),
        ("rename:\n  账单: 帳單\n", 1, "unknown section 'rename'"),
        ("keep: 余先生\n", 1, "'keep' must be a list of phrases"),
        ("- 账单\n", 1, "expected a mapping"),
    ],
)
def test_glossary_errors_have_lines(text: str, line: int, message: str) -> None:
    with pytest.raises(zh_glossary.GlossaryError) as error:
        zh_glossary.parse(text)
    assert error.value.line == line
    assert message in error.value.message
