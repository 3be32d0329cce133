"""The search index: words cut alike in both scripts, the guide's terms, query help, scope."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import ROOT, VARIANTS
from zhguide import search_help, search_index, zh_core, zh_search

TERMS = ROOT / "hooks" / "search_terms.txt"


@pytest.fixture(scope="module")
def tokenizer():
    return zh_search.tokenizer(TERMS, TERMS.stat().st_mtime_ns)


def words(text: str, tokenizer) -> list[str]:
    return zh_search.segment(text, tokenizer)[0].split(zh_search.SEPARATOR)


def test_headings_segment_with_the_guides_terms(tokenizer) -> None:
    assert words("逾期多久会上门？", tokenizer) == ["逾期", "多久", "会", "上门", "？"]
    assert "人工客服" in words("怎样更快接通人工客服？", tokenizer)
    assert "宽限期" in words("给一定的宽限期", tokenizer)


def test_traditional_text_is_cut_where_its_simplified_form_is(tokenizer) -> None:
    for source in Path(ROOT / "docs").glob("*.md"):
        for line in source.read_text("utf-8").splitlines():
            traditional = zh_core.convert(line, "s2tw")
            if len(traditional) != len(line):
                continue  # a phrase conversion changed the length; nothing to compare position by position
            simplified_cuts = [len(word) for word in words(line, tokenizer)]
            assert [len(word) for word in words(traditional, tokenizer)] == simplified_cuts, line


def test_fold_keeps_length_and_reaches_simplified() -> None:
    assert zh_search.fold("逾期多久會上門？還款後") == "逾期多久会上门？还款后"
    assert zh_search.fold("已经是简体") == "已经是简体"


def test_the_browser_folds_with_the_whole_opencc_tables() -> None:
    """Every Traditional and regional character, not only the guide's: 徵信, 帳單 and 賬單 reach
    征信 and 账单; folding is idempotent (麼, 么 and 幺 meet), and phrases keep their length."""
    chars, phrases = search_help.search_folds((("帐", "账"),))  # hooks/search_queries.yml: folds
    fold = str.maketrans(chars)
    assert len(chars) > 4000 and "徵信帳單賬單銀行".translate(fold) == "征信账单账单银行"
    assert "偽峯".translate(fold) == "伪峰"  # Taiwan's and Hong Kong's forms
    assert all(value.translate(fold) == value for value in chars.values())
    assert phrases["瞭解"] == "了解" and all(len(key) == len(value) for key, value in phrases.items())
    assert all(key.translate(fold) != value for key, value in phrases.items())


def test_long_words_keep_their_parts_in_a_hidden_field(tokenizer) -> None:
    text, parts = zh_search.segment("信用卡逾期协商还款", tokenizer)
    assert text.split(zh_search.SEPARATOR) == ["信用卡逾期", "协商还款"]
    assert {"信用卡", "逾期", "协商", "还款"} <= set(parts)


def test_query_help_is_checked(tmp_path: Path) -> None:
    good = search_help.load_queries(ROOT / "hooks" / "search_queries.yml")
    assert good["synonyms"]["来家里"] == ["上门"] and "吗" in good["ignore"] and good["folds"] == {"帐": "账"}
    assert "说什么" in good["asked"]["explain-your-situation"]
    bad = tmp_path / "search_queries.yml"
    for text, message in [
        ("synonyms:\n  来家里: 上门\n", r"search_queries\.yml:1: expected 'synonyms"),
        ("ignore: [吗]\nasked:\n  reminders: 催收\n", r"search_queries\.yml:2: expected 'asked"),
        ("ignore: [吗]\n\nlearnt: [催收]\n", r"search_queries\.yml:3: expected 'learnt"),
        ("learnt: {}\nexamples:\n  reminders: 催收电话\n", r"yml:2: expected 'examples"),
        ("ignore: [吗]\nfolds:\n  帐: 账户\n", r"search_queries\.yml:2: expected 'folds"),
        ("no_match:\n  section: '#x'\n  title: 没有\n", r"search_queries\.yml:1: expected 'no_match"),
        ("synonyms:\n  来家里: [上门\n", r"search_queries\.yml:3: not valid YAML"),
    ]:
        bad.write_text(text, "utf-8")
        with pytest.raises(ValueError, match=message):
            search_help.load_queries(bad)


@pytest.mark.pure
def test_readers_words_reach_their_question_also_by_an_old_id() -> None:
    docs = [{"location": loc} for loc in ("overdue/", "overdue/#when-visits-start", "#first-steps")]
    asked = {"home-visit-timing": ["多久"], "first-steps": ["第一步"], "when-visits-start": ["几个月"]}
    old_ids = {"home-visit-timing": "when-visits-start"}
    learnt = {"home-visit-timing": ["上门", "多久", "欠款"], "first-steps": ["咋办"]}
    examples = {"home-visit-timing": ["逾期多久会上门"]}
    assert search_index.with_asked(docs, asked, old_ids, learnt, examples) == [
        {"location": "overdue/"},
        # the learnt words the asked words do not repeat, beside them; the example queries whole
        {
            "location": "overdue/#when-visits-start",
            "asked": ["多久", "几个月"],
            "learnt": ["上门", "欠款"],
            "examples": ["逾期多久会上门"],
        },
        {"location": "#first-steps", "asked": ["第一步"], "learnt": ["咋办"]},
    ]
    assert search_index.unknown_asked({**asked, "gone": ["x"]}, docs, old_ids) == ["gone"]


def test_the_search_worker_carries_the_query_help_and_the_ranking(built_site: Path) -> None:
    worker = (built_site / "assets" / "javascripts" / "search-worker.js").read_text("utf-8")
    first, _, rest = worker.partition("\n")
    assert first.startswith("self.QUERY_HELP = ") and first.endswith(";")
    assert "var SearchRank =" in rest and "importScripts" not in rest  # Material's worker is not loaded
    help_ = json.loads(first.removeprefix("self.QUERY_HELP = ").removesuffix(";"))
    assert "門门" in help_["fold"] and help_["synonyms"]["转人工"] == ["人工客服"] and "吗" in help_["ignore"]


@pytest.mark.parametrize("prefix", VARIANTS.values())
def test_each_index_is_compact_and_carries_hidden_parts(built_site: Path, prefix: str) -> None:
    raw = (built_site / prefix / "search" / "search_index.json").read_text("utf-8")
    docs = raw.partition('"docs":')[2]  # the config keeps Material's separator, escapes and all
    assert "\u200b" not in docs and "\\u" not in docs and "<p>" not in docs
    index = json.loads(raw)
    assert index["config"]["fields"]["parts"] == {"boost": 1.0} and "fold" not in index["config"]
    visit = next(doc for doc in index["docs"] if doc["location"] == "overdue/#home-visit-timing")
    assert "多久" in visit["asked"]  # hooks/search_queries.yml: the words readers ask it in
    title = zh_search.restore_breaks(visit["title"]).split(zh_search.SEPARATOR)
    assert title[-1] == ("上门？" if not prefix else "上門？")
    assert any("parts" in doc for doc in index["docs"])


@pytest.mark.parametrize("prefix", VARIANTS.values())
def test_an_entry_carries_no_reader_word_twice(built_site: Path, prefix: str) -> None:
    """What the index carries beside a page's words (readers' words, learnt words, example
    queries, the parts of long words) is in it once (issue #27: the index is paid for per byte)."""
    index = json.loads((built_site / prefix / "search" / "search_index.json").read_text("utf-8"))
    for doc in index["docs"]:
        asked, learnt, examples = doc.get("asked", []), doc.get("learnt", []), doc.get("examples", [])
        parts, shown = doc.get("parts", "").split(), set(re.split(r"\s+", doc["title"] + " " + doc["text"]))
        for field in (asked, learnt, examples, parts):
            assert len(field) == len(set(field)), (doc["location"], field)
        assert not set(asked) & (set(learnt) | set(examples)), doc["location"]
        assert not set(parts) & shown, doc["location"]


def test_compact_breaks_keep_the_words_and_restore() -> None:
    separator = re.compile(r"[\s\u200b\u3000\-、。，．？！；：“”‘’（）《》]")
    text = "<p>\u200b本站\u200b不是\u200b工商银行\u200b。</p> 95588\u200b核实"
    compact = zh_search.compact_breaks(text, separator)
    assert compact == "<p> 本站 不是 工商银行。</p> 95588 核实"
    assert zh_search.restore_breaks(compact) == "<p> 本站\u200b不是\u200b工商银行。</p> 95588 核实"
    assert zh_search.plain_text("<p>段落</p>\n<ul>\n<li>一</li>\n</ul>") == "段落\n一"


def test_both_indexes_cut_each_section_alike(built_site: Path) -> None:
    hans = json.loads((built_site / "search" / "search_index.json").read_text("utf-8"))["docs"]
    hant = json.loads((built_site / "zh-Hant" / "search" / "search_index.json").read_text("utf-8"))["docs"]
    assert [doc["location"] for doc in hans] == [doc["location"] for doc in hant]
    for simplified, traditional in zip(hans, hant, strict=True):
        if len(simplified["title"]) == len(traditional["title"]):
            cuts = [len(word) for word in simplified["title"].split()]
            assert [len(word) for word in traditional["title"].split()] == cuts


def test_each_variant_entry_is_located_from_its_root_and_prepared(tokenizer) -> None:
    from zhguide import search_index

    separator_text = r"[\s\u200b\u3000\-、。，．？！；：“”‘’（）《》]+"
    location, title = "zh-Hant/overdue/#home-visit-timing", "逾期多久會上門？"
    entry = {"location": location, "title": title, "text": "<p>協商還款</p>"}
    separator = zh_search.one_separator(separator_text)
    prepared = search_index.variant_entry(entry, "zh-Hant/", tokenizer, separator)
    assert prepared["location"] == "overdue/#home-visit-timing"
    assert prepared["title"] == "逾期 多久 會 上門？" and prepared["text"] == "協商還款"
    config = search_index.index_config(separator_text, 5, compact=True)
    assert list(config) == ["lang", "separator", "pipeline", "fields"]
    assert config["fields"] == {"title": {"boost": 5}, "text": {"boost": 1.0}, "parts": {"boost": 1.0}}
    assert "boost" not in prepared  # a section weighs as Material weighs it
    page = search_index.variant_entry(
        {**entry, "location": "zh-Hant/overdue/"}, "zh-Hant/", tokenizer, separator, 0.1
    )
    assert page["boost"] == 0.1  # a page's own entry weighs less than its sections
    offline = search_index.variant_entry(entry, "zh-Hant/", tokenizer, None)
    assert offline["text"] == "<p>\u200b協商還款\u200b</p>"  # Material's format, cut
    assert offline["parts"] == "協商 還款"
    assert "tags" in search_index.index_config(separator_text, 5, compact=False)["fields"]
