"""Pure tests of the conversion and checking functions in hooks/zh_core.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from zhguide import zh_core

DATA = Path(__file__).parent / "data"


def golden_pairs(name: str) -> list[tuple[str, str]]:
    lines = (DATA / name).read_text("utf-8").splitlines()
    return [tuple(line.split("\t")) for line in lines if line and not line.startswith("#")]


@pytest.mark.parametrize(("simplified", "expected"), golden_pairs("s2tw_golden.tsv"))
def test_s2tw_golden(simplified: str, expected: str) -> None:
    assert zh_core.convert(simplified, "s2tw") == expected


def test_s2tw_uses_taiwan_glyphs_not_plain_s2t() -> None:
    assert zh_core.convert("为众峰核实", "s2t") == "爲衆峯覈實"
    assert zh_core.convert("为众峰核实", "s2tw") == "為眾峰核實"


def test_converter_is_built_once_per_configuration() -> None:
    assert zh_core.converter("s2tw") is zh_core.converter("s2tw")
    assert zh_core.converter("s2tw") is not zh_core.converter("s2hk")


def test_unknown_configuration_lists_the_valid_names() -> None:
    with pytest.raises(ValueError, match=r"s2tw.*") as error:
        zh_core.converter("s2xx")
    assert "'s2xx'" in str(error.value)
    assert "s2twp" in str(error.value)


def test_config_names_come_from_the_installed_package() -> None:
    assert {"s2t", "s2tw", "s2twp", "s2hk", "t2s"} <= set(zh_core.config_names())


def test_foreign_to_taiwan_variant() -> None:
    foreign = zh_core.foreign_to_variant("s2tw")
    assert {"个", "脚", "们", "爲", "衆", "峯", "着"} <= foreign
    # valid Traditional characters that OpenCC may still rewrite in some contexts
    assert not {"干", "后", "余", "里", "台", "了", "著", "於"} & foreign


def test_traditional_only() -> None:
    traditional = zh_core.traditional_only()
    assert {"個", "後", "隨", "裡", "體", "們"} <= traditional
    assert not {"于", "於", "乾", "著", "台", "后"} & traditional


def test_stray_characters_in_order_of_first_use() -> None:
    foreign = zh_core.foreign_to_variant("s2tw")
    assert zh_core.stray_characters("這个們个脚", foreign) == ["个", "脚"]
    assert zh_core.stray_characters("這個們", foreign) == []


def test_headings_without_id_report_file_lines() -> None:
    source = (DATA / "headings_sample.md").read_text("utf-8")
    assert zh_core.headings_without_id(source) == [
        (7, "没有 id 的问题？"),
        (15, "大写 id 不算 {#Upper}"),
    ]


def test_body_starts_after_front_matter() -> None:
    assert zh_core.body_start_line("---\ntitle: x\n---\n# a {#a}\n") == 4
    assert zh_core.body_start_line("# a {#a}\n") == 1


def test_headings_that_would_lose_their_id_are_found() -> None:
    source = (
        "---\ntitle: x\n---\n# 标题 {#top}\n\n问题？\n------\n\n   ## 缩进？ {#indented}\n\n"
        "<h2>原始</h2>\n\n`<h2>` 在代码里\n\n## 重复？ {#top}\n\n段落\n\n---\n\n- 列表\n---\n"
    )
    assert [line for line, _ in zh_core.heading_problems(source)] == [6, 9, 11, 15]
    assert zh_core.explicit_ids(source) == {"top"}  # the indented line is no heading


def test_glossary_forms_are_checked_against_the_variants() -> None:
    from zhguide.zh_glossary import parse, problems

    entries = parse("replace:\n  账单: 帳單\n  银行: 银行业\n  信息: {zh-xx: 資訊}\n")
    assert problems(entries, {"zh-hant": "s2tw"}) == [
        (3, "the zh-hant form '银行业' still holds 银业"),
        (4, "'zh-xx' in '信息' is no variant of the site (zh-hant)"),
    ]


def test_a_form_for_every_variant_takes_each_variants_glyphs() -> None:
    """Issue #28: 账户: 帳戶, written for Taiwan, is 帳户 in Hong Kong's standard (s2hk writes 户)."""
    from zhguide.zh_glossary import in_standard, pairs_for, parse, problems

    entries = parse("replace:\n  账户: 帳戶\n  信息: {zh-hk: 資訊}\n")
    variants = {"zh-hant": "s2tw", "zh-hk": "s2hk"}
    assert problems(entries, variants) == []
    assert dict(pairs_for(entries, "zh-HK", "s2hk"))["账户"] == "帳户"
    assert dict(pairs_for(entries, "zh-Hant", "s2tw"))["账户"] == "帳戶"
    assert dict(pairs_for(entries, "zh-HK", "s2hk"))["信息"] == "資訊"  # a form for one variant, as written
    assert in_standard("银行业", "s2hk") == "银行业"  # a Simplified form is not mended, but reported
    assert problems(parse("replace:\n  银行: 银行业\n"), variants)[0][1].startswith("the zh-hant form")


def test_unsafe_markup_is_found_and_plain_text_is_not() -> None:
    from zhguide.source_checks import unsafe_markup

    assert unsafe_markup("<p>online=yes, <code>&lt;script&gt;</code>, javascript: 文字</p>") == []
    html = '<p><a href="javascript:x()">a</a><img src="//cdn.example/a.png"><b onclick="y">b</b></p>'
    found = unsafe_markup(html)
    assert [needle for _, needle in found] == ["onclick", "javascript:", "//cdn.example/a.png"]
