"""How well search answers judged reader queries: top-1, top-3, MRR@10, queries without results.

The judged set is tests/data/search_judged.tsv (query, the sections that
answer it, kind, split). A query is typed into Material's search box, as a
reader does, in each script on each variant; the ranking is what the reader
sees, in order. Material shows results in groups, one page's each: a group
opens with the page's own entry, a heading when a section shows under it
(the guide's results make a group of each run of one page's results that
follow one another in its ranking, search-results.js). A section that scores
below its group's first is folded under "N more on this page", and when the
page's entry outscores its sections, the page's entry is the result the reader
sees, a miss: the reader wanted the answer, not the page. Folded results do
not count. scripts/bench-search prints the figures; tests/test_search_judged.py
holds a floor.
"""

from __future__ import annotations

import json
import re
import statistics
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

KINDS, SPLITS = ("literal", "paraphrase"), ("tuning", "held-out")
HAN_WORD = re.compile(r"[\u3400-\u9fff\U00020000-\U0003ffff]+")
JUDGED = Path(__file__).resolve().parents[1] / "tests" / "data" / "search_judged.tsv"
# What the reader sees, in order: Material shows results in groups of one page's; a group opens with
# the page's own entry, which is only the group's heading when a section of the page shows under it.
VISIBLE_RESULTS = """() => [...document.querySelectorAll(".md-search-result__item")].flatMap(item => {
  const hrefs = [...item.querySelectorAll(".md-search-result__link")]
    .filter(link => !link.closest("details:not([open])")).map(link => link.href);
  return hrefs.length > 1 && !new URL(hrefs[0]).hash ? hrefs.slice(1) : hrefs;
})"""
# Types the query as an input method delivers it; resolves with [ms to the results, whether any].
TYPED = """([query, none]) => new Promise(resolve => {
  const box = document.querySelector("input.md-search__input");
  const meta = document.querySelector(".md-search-result__meta");
  const start = performance.now();
  const done = () => {
    const found = document.querySelector(".md-search-result__item");
    if (!found && meta.textContent.trim() !== none) return;
    observer.disconnect();
    resolve([performance.now() - start, !!found]);
  };
  const observer = new MutationObserver(done);
  const watch = {childList: true, subtree: true, characterData: true};
  observer.observe(document.querySelector(".md-search-result"), watch);
  box.value = query;
  box.dispatchEvent(new KeyboardEvent("keyup", {key: "End", bubbles: true}));
})"""


# Material's message line shows a text (its placeholder: search is ready and the box is empty).
SHOWS = "text => document.querySelector('.md-search-result__meta').textContent.trim() === text"
# Every query in turn, in the page, as TYPED types one: its answer once Material has shown it and
# its list has not changed over two tasks (the rest of the first screen: on 300 queries the same
# rankings as waiting two animation frames, 4.5 times sooner), then the box emptied
# and Material's answer to the empty box awaited (arriving later, it would read as the next
# query's). Resolves with [ms to the results, the visible results] per query.
RANK_ALL = """async ([queries, none, placeholder]) => {
  const typed = ${typed}, visible = ${visible};
  const box = document.querySelector("input.md-search__input");
  const list = document.querySelector(".md-search-result");
  const meta = document.querySelector(".md-search-result__meta");
  const task = () => new Promise(resolve => setTimeout(resolve, 0));
  const settled = async () => {
    let changed = true;
    const observer = new MutationObserver(() => { changed = true; });
    observer.observe(list, {childList: true, subtree: true, characterData: true, attributes: true});
    while (changed) { changed = false; await task(); await task(); }
    observer.disconnect();
  };
  const shown = text => new Promise(resolve => {
    const check = () => meta.textContent.trim() === text && (observer.disconnect(), resolve(), true);
    const observer = new MutationObserver(check);
    observer.observe(list, {childList: true, subtree: true, characterData: true});
    check();
  });
  const answers = [];
  for (const query of queries) {
    const [ms, found] = await typed([query, none]);
    await settled();
    answers.push([ms, found ? visible() : []]);
    box.value = "";
    box.dispatchEvent(new KeyboardEvent("keyup", {key: "End", bubbles: true}));
    await shown(placeholder);
  }
  return answers;
}""".replace("${typed}", TYPED).replace("${visible}", VISIBLE_RESULTS)


@dataclass(frozen=True)
class Judged:
    query: str
    answers: tuple[str, ...]  # sections relative to a variant's root: 'overdue/#reminders', '#disclaimer'
    kind: str  # 'literal' or 'paraphrase'
    split: str  # 'tuning' or 'held-out'


def load_judged(path: Path = JUDGED) -> list[Judged]:
    """The judged queries of a TSV file (ValueError naming the line of a malformed one)."""
    found = []
    for number, line in enumerate(path.read_text("utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if (
            len(fields) != 4
            or fields[2] not in ("literal", "paraphrase")
            or fields[3] not in ("tuning", "held-out")
        ):
            raise ValueError(
                f"{path}:{number}: expected query, sections, literal|paraphrase, tuning|held-out"
            )
        found.append(Judged(fields[0], tuple(fields[1].split()), fields[2], fields[3]))
    return found


def section_of(href: str, root: str) -> str:
    """A result's section relative to its variant's root URL: 'overdue/#reminders' online
    ('…/overdue/?h=…#reminders') and offline ('…/overdue.html?h=…#reminders'); 'overdue/' for a page."""
    url = urlsplit(href)
    path = unquote(url.path).removeprefix(unquote(urlsplit(root).path))
    path = "" if path in ("", "index.html") else path.removesuffix(".html").removesuffix("/") + "/"
    return path + (f"#{url.fragment}" if url.fragment else "")


@dataclass(frozen=True)
class Scores:
    queries: int
    top1: float
    top3: float
    mrr10: float
    no_results: int


def scores(rankings: list[list[str]], answers: list[tuple[str, ...]]) -> Scores:
    """Top-1, top-3 and MRR@10 of ranked sections against the right ones, and how many found nothing."""
    ranks = []
    for ranking, right in zip(rankings, answers, strict=True):
        ranks.append(next((rank for rank, found in enumerate(ranking[:10], 1) if found in right), None))
    count = len(ranks) or 1
    return Scores(
        queries=len(ranks),
        top1=sum(rank == 1 for rank in ranks) / count,
        top3=sum(rank is not None and rank <= 3 for rank in ranks) / count,
        mrr10=sum(1 / rank for rank in ranks if rank) / count,
        no_results=sum(not ranking for ranking in rankings),
    )


def judged_scores(rankings: list[list[str]], judged: list[Judged]) -> tuple[Scores, Scores]:
    """The scores of rankings for judged queries, in order: over all of them, and over the held-out ones."""
    held = [number for number, item in enumerate(judged) if item.split == "held-out"]
    every = scores(rankings, [item.answers for item in judged])
    return every, scores([rankings[n] for n in held], [judged[n].answers for n in held])


def ranked(page, root: str, queries: list[str]) -> tuple[list[list[str]], float]:
    """Each query's visible results as sections, on an open page of the variant at root (a URL),
    and the median ms from typing to results. The queries run in the page, one after another
    (RANK_ALL): no round trip to the driver between them."""
    translations = json.loads(page.locator("#__config").text_content())["translations"]
    none, placeholder = translations["search.result.none"], translations["search.result.placeholder"]
    page.locator("input.md-search__input").click()
    page.wait_for_function(SHOWS, arg=placeholder)  # ready, the box empty
    answers = page.evaluate(RANK_ALL, [queries, none, placeholder]) if queries else []
    rankings = [[section_of(href, root) for href in hrefs] for _, hrefs in answers]
    return rankings, statistics.median(ms for ms, _ in answers) if answers else 0.0


def visible(items: list[list[dict]]) -> list[str]:
    """The sections a reader sees of a ranking's result groups, as Material renders them: each
    group's sections that score as its first does, the page's own entry only when it is first."""
    shown = []
    for group in items:
        group = sorted(group, key=lambda item: -item["score"])
        best = group[0]["score"]
        sections = [item for item in group if "#" in item["location"]]
        top = [item["location"] for item in sections if item["score"] >= best]
        shown += top or [group[0]["location"]]
    return [section_of(location, "") for location in shown]  # the published index's locations


def learnt_words(
    judged: list[Judged], ignore: set[str], cut: Callable[[str], list[str]]
) -> dict[str, list[str]]:
    """The words of the tuning queries, by the question id of the first section that answers each
    (never a held-out query's): each word cut of it of two or more Han characters that is not a
    question word, once per question, in the judged set's order. Numbers and Latin words are left to
    the ranking's own matching (a mistyped 95558 is not a word of the hotline's question)."""
    learnt: dict[str, list[str]] = {}
    for item in judged:
        if item.split != "tuning":
            continue
        words = learnt.setdefault(item.answers[0].partition("#")[2], [])
        for word in cut(item.query):
            if len(word) > 1 and HAN_WORD.fullmatch(word) and word not in ignore and word not in words:
                words.append(word)
    return {id_: words for id_, words in learnt.items() if words}


def examples(judged: list[Judged]) -> dict[str, list[str]]:
    """The tuning queries (never a held-out one) by the question id of the first section that
    answers each, in the judged set's order: the search's example queries (search-examples.js)."""
    found: dict[str, list[str]] = {}
    for item in judged:
        if item.split == "tuning":
            found.setdefault(item.answers[0].partition("#")[2], []).append(item.query)
    return found
