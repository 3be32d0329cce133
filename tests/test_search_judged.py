"""The judged reader queries for search (tests/data/search_judged.tsv), and the floor search holds on them."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from _search_quality import (
    Judged,
    examples,
    judged_scores,
    learnt_words,
    load_judged,
    ranked,
    scores,
    section_of,
)
from conftest import ROOT, VARIANTS, in_each_place

HEADING = re.compile(r"^(#{2,3}) (.*?) \{#([a-z0-9-]+)([^}]*)\}\s*$", re.M)
HAN_PAIR = re.compile(r"(?=([\u4e00-\u9fff]{2}))")


def answer_texts() -> dict[str, str]:
    """The text of each searchable section of the guide, by its section ('overdue/#reminders')."""
    texts = {}
    for source in sorted((ROOT / "docs").glob("*.md")):
        markdown = source.read_text("utf-8")
        if re.search(r"^search:\s*\n\s+exclude: true", markdown, re.M):
            continue  # a page search leaves out
        page = "" if source.stem == "index" else f"{source.stem}/"
        headings = list(HEADING.finditer(markdown))
        for heading, following in zip(headings, [*headings[1:], None], strict=True):
            if "data-search-exclude" not in heading[4]:
                end = following.start() if following else len(markdown)
                texts[f"{page}#{heading[3]}"] = heading[2] + markdown[heading.end() : end]
    return texts


@pytest.mark.pure
def test_the_judged_set_is_large_mostly_paraphrased_and_answers_with_real_sections() -> None:
    judged, texts = load_judged(), answer_texts()
    assert len(judged) >= 150
    assert len({item.query for item in judged}) == len(judged), "a query judged twice"
    assert sum(item.kind == "paraphrase" for item in judged) >= len(judged) / 2
    assert len(judged) / 4 <= sum(item.split == "held-out" for item in judged) <= len(judged) / 2
    unknown = {answer for item in judged for answer in item.answers} - set(texts)
    assert not unknown, (
        f"tests/data/search_judged.tsv names sections that are not searchable sections of docs/: "
        f"{sorted(unknown)}; after renaming a question, change its id there (and in "
        "tests/data/search_queries.tsv), then run scripts/learn-asked"
    )


@pytest.mark.pure
def test_every_question_search_can_find_is_the_answer_of_a_judged_query() -> None:
    """A question a reader can reach by search is measured: some judged query accepts it."""
    answered = {answer for item in load_judged() for answer in item.answers}
    questions = {section for section, text in answer_texts().items() if text.split("\n", 1)[0].endswith("？")}
    assert len(questions) > 20
    assert sorted(questions - answered) == [], "add a judged query for each (tests/data/search_judged.tsv)"


@pytest.mark.pure
def test_a_paraphrased_query_has_words_its_answers_do_not() -> None:
    """ "paraphrase" is a claim about the words: some pair of characters (or the digits) of the
    query is in none of its answer sections."""
    texts = answer_texts()
    literal = []
    for item in load_judged():
        if item.kind != "paraphrase":
            continue
        answers = "".join(texts[answer] for answer in item.answers)
        pieces = HAN_PAIR.findall(item.query) + re.findall(r"[0-9A-Za-z]+", item.query)
        if all(piece in answers for piece in pieces):
            literal.append(item.query)
    assert literal == []


@pytest.mark.pure
def test_a_malformed_line_is_refused_with_its_line(tmp_path) -> None:
    data = tmp_path / "judged.tsv"
    data.write_text(
        "# comment\n逾期\toverdue/#consequences\tliteral\ttuning\n逾期\toverdue/#x\tmaybe\ttuning\n", "utf-8"
    )
    with pytest.raises(ValueError, match=r"judged\.tsv:3: expected query"):
        load_judged(data)


@pytest.mark.pure
@pytest.mark.parametrize(
    ("href", "root", "section"),
    [
        ("http://h/zh-Hant/overdue/?h=%E4%B8%8A#reminders", "http://h/zh-Hant/", "overdue/#reminders"),
        ("http://h/overdue/?h=x", "http://h/", "overdue/"),
        ("http://h/?h=x#disclaimer", "http://h/", "#disclaimer"),
        ("file:///t/g/zh-Hant/overdue.html?h=x#reminders", "file:///t/g/zh-Hant/", "overdue/#reminders"),
        ("file:///t/g/index.html#first-steps", "file:///t/g/", "#first-steps"),
    ],
)
def test_a_result_link_is_read_as_its_section(href: str, root: str, section: str) -> None:
    assert section_of(href, root) == section


@pytest.mark.pure
def test_scores_count_page_results_as_misses() -> None:
    judged = [Judged("a", ("p/#a",), "literal", "tuning"), Judged("b", ("p/#b",), "literal", "tuning")]
    found = scores([["p/", "p/#x", "p/#a"], []], [item.answers for item in judged])
    assert (found.top1, found.top3, round(found.mrr10, 3), found.no_results) == (0.0, 0.5, 0.167, 1)


@pytest.mark.pure
def test_judged_scores_are_over_all_queries_and_over_the_held_out_ones() -> None:
    judged = [Judged("a", ("p/#a",), "literal", "tuning"), Judged("b", ("p/#b",), "literal", "held-out")]
    every, kept = judged_scores([["p/#a"], ["p/#x", "p/#b"]], judged)
    assert (every.queries, every.top1, every.top3) == (2, 0.5, 1.0)
    assert (kept.queries, kept.top1, kept.top3) == (1, 0.0, 1.0)


@pytest.mark.pure
def test_learnt_words_and_examples_come_from_tuning_queries_only_each_to_its_first_answer() -> None:
    import jieba

    judged = [
        Judged("催收电话打到家里", ("overdue/#reminders", "#first-steps"), "paraphrase", "tuning"),
        Judged("催收电话怎么办", ("overdue/#reminders",), "paraphrase", "tuning"),
        Judged("95558 app", ("customer-service/#hotline-95588",), "paraphrase", "tuning"),
        Judged("上门催收可怕吗", ("overdue/#what-a-visit-means",), "paraphrase", "held-out"),
    ]
    learnt = learnt_words(judged, {"怎么办", "吗"}, jieba.lcut)
    # no single characters, no question words, no numbers or Latin words, each word once; the
    # held-out query teaches nothing
    assert learnt == {"reminders": ["催收", "电话", "家里"]}
    # the example queries: whole, by first answer, never a held-out one
    assert examples(judged) == {
        "reminders": ["催收电话打到家里", "催收电话怎么办"],
        "hotline-95588": ["95558 app"],
    }


def test_the_learnt_words_are_what_the_judged_set_gives() -> None:
    """hooks/search_queries.yml's `learnt` block is scripts/learn-asked's output for the judged set."""
    script = [sys.executable, str(ROOT / "scripts" / "learn-asked"), "--check"]
    result = subprocess.run(script, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr


# What search achieves on the judged set today (scripts/bench-search prints it: 0.95 / 0.99 on all
# queries, 0.85 / 0.96 on the 264 held-out ones, written before the changes they measure), less a
# margin: a change that ranks worse fails here. Issue 14's goal is top-1 0.85 and top-3 0.95 held
# out. No query may end without results.
FLOOR = {"top1": 0.93, "top3": 0.97, "no_results": 0}
HELD_OUT_FLOOR = {"top1": 0.83, "top3": 0.94}


@pytest.mark.parametrize("variant", VARIANTS)
def test_search_holds_its_floor_on_the_judged_queries_in_both_scripts_online_and_offline(
    browser, site_url: str, unpacked, variant: str
) -> None:
    from zhguide.zh_core import convert

    judged = load_judged()
    typed = {"Simplified": [item.query for item in judged]}
    typed["Traditional"] = [convert(query, "s2tw") for query in typed["Simplified"]]

    def visit(page, root: str) -> dict[str, list[list[str]]]:
        return {script: ranked(page, root, queries)[0] for script, queries in typed.items()}

    places = in_each_place(browser, site_url, unpacked, variant, visit)
    found = {(where, script): found for where, scripts in places.items() for script, found in scripts.items()}
    for (where, script), rankings in found.items():
        result, kept = judged_scores(rankings, judged)
        assert result.top1 >= FLOOR["top1"] and result.top3 >= FLOOR["top3"], (where, script, result)
        assert result.no_results <= FLOOR["no_results"], (where, script, result)
        assert kept.top1 >= HELD_OUT_FLOOR["top1"] and kept.top3 >= HELD_OUT_FLOOR["top3"], (
            where,
            script,
            kept,
        )
    # offline ranks exactly as the published site does
    assert found["offline", "Simplified"] == found["published", "Simplified"]
    assert found["offline", "Traditional"] == found["published", "Traditional"]
