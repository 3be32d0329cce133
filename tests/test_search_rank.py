"""The guide's search ranking (overrides/assets/javascripts/search-*.js), cause by cause (issue 14),
called directly under node over the real built indexes (tests/js/rank.cjs). The browser tests of
tests/test_search_causes.py type the same kinds of queries into Material's search box."""

from __future__ import annotations

import functools
import json
import subprocess
from pathlib import Path

import pytest

from _search_quality import load_judged, visible
from conftest import VARIANTS, require

RANK = Path(__file__).parent / "js" / "rank.cjs"


@pytest.fixture(scope="module")
def rank(built_site: Path):
    """rank(variant, queries) -> what the ranking answers for each query on that variant's index."""
    require("node", "the search ranking tests")

    @functools.cache
    def answers(variant: str, queries: tuple[str, ...]) -> list[dict]:
        index = built_site / VARIANTS[variant] / "search" / "search_index.json"
        worker = built_site / "assets" / "javascripts" / "search-worker.js"
        result = subprocess.run(
            ["node", str(RANK), str(worker), str(index)],
            input=json.dumps(queries),
            capture_output=True,
            text=True,
            check=True,
        )
        return json.loads(result.stdout)

    return lambda variant, queries: answers(variant, tuple(queries))


def words(answer: dict) -> dict[str, float]:
    return {term["text"]: term["weight"] for term in answer["terms"] if not term["bonus"]}


@pytest.mark.parametrize("variant", VARIANTS)
def test_cause_1_a_page_entry_never_outranks_a_section_that_holds_the_words(rank, variant) -> None:
    judged = [item.query for item in load_judged()]
    for answer in rank(variant, judged):
        shown = visible(answer["items"])
        assert shown and "#" in shown[0], (answer["query"], shown[:3])


@pytest.mark.parametrize("variant", VARIANTS)
def test_cause_2_every_content_word_counts_and_question_words_only_weigh_less(rank, variant) -> None:
    [sue, bring] = rank(variant, ["银行会不会起诉我", "协商要带什么"])
    assert {"银行", "起诉"} <= set(words(sue)) and words(sue)["会不会"] < words(sue)["银行"]
    # 带 stays, on its own or in a phrase readers ask a section in (带什么, hooks/search_queries.yml)
    carry = max(weight for word, weight in words(bring).items() if "带" in word)
    assert "协商" in words(bring) and words(bring)["要"] < carry


@pytest.mark.parametrize("variant", VARIANTS)
def test_cause_3_a_synonym_adds_the_guides_words_and_keeps_the_readers(rank, variant) -> None:
    [broke] = rank(variant, ["信用卡还不起了"])
    terms = {term["text"]: term for term in broke["terms"]}
    assert "信用卡" in terms and any("协商" in term["alternatives"] for term in terms.values())
    [avoid] = rank(variant, ["避免上门"])  # 免 (a synonym of 减免) inside 避免 is not 免
    assert all("减免" not in term["alternatives"] for term in avoid["terms"])


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize(
    ("query", "section"),
    [
        ("徵信", "overdue/#consequences"),
        ("征信", "overdue/#consequences"),
        ("對帳單", "negotiation/#prepare-documents"),
        ("对账单", "negotiation/#prepare-documents"),
        ("逾期多久會上門", "overdue/#home-visit-timing"),
    ],
)
def test_cause_4_either_script_folds_completely(rank, variant, query, section) -> None:
    [answer] = rank(variant, [query])
    assert visible(answer["items"])[0] == section


@pytest.mark.parametrize("variant", VARIANTS)
def test_cause_5_words_outside_the_vocabulary_fall_back_to_bigrams(rank, variant) -> None:
    [principal, record] = rank(variant, ["本金", "信用记录"])
    assert (
        "本金" in words(principal)
        and visible(principal["items"])[0] == "negotiation/#principal-repayment-channels"
    )
    assert visible(record["items"])[0] == "overdue/#consequences"  # 信用 of 信用卡 is not enough


@pytest.mark.parametrize("variant", VARIANTS)
def test_a_section_answers_to_the_words_readers_ask_it_in(rank, variant, built_site: Path) -> None:
    """理由 and 开门 are in no section of the guide; hooks/search_queries.yml lists them under
    `asked` for step 4 (怎样向客服说明情况) and for 有人上门时我该怎么做."""
    index = json.loads((built_site / VARIANTS[variant] / "search" / "search_index.json").read_text("utf-8"))
    texts = "".join(doc["title"] + doc["text"] for doc in index["docs"])
    assert "理由" not in texts and "开门" not in texts
    [reason, door] = rank(variant, ["协商的理由", "要不要开门"])
    assert "理由" in words(reason) and "开门" in words(door)
    assert visible(reason["items"])[0] == "negotiation/#explain-your-situation"
    assert visible(door["items"])[0] == "overdue/#respond-to-a-visit"


def test_learnt_words_count_like_asked_words_but_never_cut_a_query(built_site: Path, tmp_path: Path) -> None:
    """A learnt word that jieba cut oddly from a reader's query (会上, from 会上门) must not cut 会上门 so."""
    require("node", "the search ranking tests")
    index = json.loads((built_site / "search" / "search_index.json").read_text("utf-8"))
    for doc in index["docs"]:
        doc.pop("learnt", None)
        if doc["location"] == "overdue/#reminders":
            doc["learnt"] = ["会上", "打扰"]  # 打扰 is in no section's text
    (tmp_path / "index.json").write_text(json.dumps(index, ensure_ascii=False), "utf-8")
    worker = built_site / "assets" / "javascripts" / "search-worker.js"
    command = ["node", str(RANK), str(worker), str(tmp_path / "index.json")]
    queries = json.dumps(["逾期多久会上门", "银行打扰"])
    done = subprocess.run(command, input=queries, capture_output=True, text=True, check=True)
    [visits, bother] = json.loads(done.stdout)
    assert "上门" in words(visits) and "会上" not in words(visits)
    assert visible(visits["items"])[0] == "overdue/#home-visit-timing"
    assert not bother["nearest"] and visible(bother["items"])[0] == "overdue/#reminders"


def ranked_on(
    built_site: Path, tmp_path: Path, examples: dict[str, list[str]], queries: list[str]
) -> list[dict]:
    """What the ranking answers on the built index whose sections' example queries are `examples`."""
    require("node", "the search ranking tests")
    index = json.loads((built_site / "search" / "search_index.json").read_text("utf-8"))
    for doc in index["docs"]:
        doc.pop("examples", None)
        if (listed := examples.get(doc["location"])) is not None:
            doc["examples"] = listed
    (tmp_path / "index.json").write_text(json.dumps(index, ensure_ascii=False), "utf-8")
    worker = built_site / "assets" / "javascripts" / "search-worker.js"
    command = ["node", str(RANK), str(worker), str(tmp_path / "index.json")]
    done = subprocess.run(command, input=json.dumps(queries), capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def test_a_query_worded_like_an_example_finds_its_section(built_site: Path, tmp_path: Path) -> None:
    """An example query votes for its section by the characters a new query shares with it, where
    the guide's own words point elsewhere; and never turns a query that matches nothing into a hit."""
    queries = ["陌生人来家里要谈谈", "95558"]
    [before, typo] = ranked_on(built_site, tmp_path, {}, queries)
    assert visible(before["items"])[0] != "overdue/#respond-to-a-visit"
    example = {"overdue/#respond-to-a-visit": ["门口来了陌生人要谈谈"]}
    [after, typo_after] = ranked_on(built_site, tmp_path, example, queries)
    assert visible(after["items"])[0] == "overdue/#respond-to-a-visit"
    assert typo["nearest"] and typo_after["nearest"] and typo_after["items"] == typo["items"]
    # question characters alone make no neighbours: 吗 and 的 are in every other query
    [asked] = ranked_on(built_site, tmp_path, example, ["的吗"])
    assert "overdue/#respond-to-a-visit" not in [hit[0] for hit in asked["hits"]]


@pytest.mark.parametrize("variant", VARIANTS)
def test_the_reader_sees_the_first_results_in_the_rankings_order(rank, variant) -> None:
    """Results group by page only where a page's results follow one another: a page comes back
    as a group of its own, and none of the first five sections is folded under another."""
    regrouped = 0
    for answer in rank(variant, [item.query for item in load_judged()]):
        sections = [location for location, _ in answer["hits"][:5] if "#" in location]
        shown = [location for location in visible(answer["items"]) if "#" in location]
        shown = shown[1 if answer["nearest"] else 0 :]  # after the no-match line
        assert shown[: len(sections)] == sections, (answer["query"], shown[:5], sections)
        pages = [group[-1]["location"] for group in answer["items"]]
        regrouped += len(pages) != len(set(pages))
    assert regrouped  # some query's results do come back to a page


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("query", ["95558", "xyzzy", "能分60期吗", "外访"])
def test_no_dead_end_a_query_without_match_points_to_the_official_channel(rank, variant, query) -> None:
    [answer] = rank(variant, [query])
    assert answer["items"], query
    if answer["nearest"]:
        first = answer["items"][0][0]
        assert first["location"] == "customer-service/#hotline-95588" and "95588" in first["text"]


@pytest.mark.parametrize("variant", VARIANTS)
def test_a_phone_number_typo_finds_the_hotline(rank, variant) -> None:
    [answer] = rank(variant, ["95558"])
    assert answer["nearest"] and "customer-service/#hotline-95588" in visible(answer["items"])[:2]


@pytest.mark.parametrize("variant", VARIANTS)
def test_results_are_html_the_query_cannot_write_into(rank, variant) -> None:
    [answer] = rank(variant, ['<img src=x onerror="alert(1)"> 95588'])
    for group in answer["items"]:
        for item in group:
            for field in (item["title"], item["text"]):
                assert (
                    "<img" not in field and field.replace("<mark>", "").replace("</mark>", "").count("<") == 0
                )


@pytest.mark.parametrize("variant", VARIANTS)
def test_marks_and_highlight_terms_are_the_query_words_in_the_pages_script(rank, variant) -> None:
    [answer] = rank(variant, ["逾期多久会上门"])
    item = answer["items"][0][0] if "#" in answer["items"][0][0]["location"] else answer["items"][0][1]
    door = "上门" if variant == "zh-Hans" else "上門"
    assert f"<mark>{door}</mark>" in item["title"] and door in item["terms"]
    assert (
        "\u200b" not in "".join(item["terms"]) and "会" not in item["terms"]
    )  # question words are not marked
