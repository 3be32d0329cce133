"""Each variant's own search index, cut into words alike in both scripts, written once.

- Scope: every variant's build indexes its own pages and writes its own
  `<prefix>search/search_index.json`, with locations relative to the variant's
  root, and each page tells Material to look in its own variant's root; a
  result never leads to the other script and never shows twice.
- Words: every section is cut anew by jieba with the guide's terms
  (hooks/search_terms.txt), Traditional text where its Simplified shadow is
  cut (zh_search), as the page is indexed.
- Queries: the guide's ranking (overrides/assets/javascripts/search-text.js,
  search-rank.js, search-results.js) answers them in the guide's search worker
  (search-worker.js), which the page starts in place of Material's and which
  speaks its protocol. All are written as one file, with the query help in
  front: OpenCC's whole fold tables (characters and phrases, search_help), the
  readers' phrasings (hooks/search_queries.yml) and the message numbers of
  Material's worker (upstream/material_browser.py).
- Readers' words: each section's entry carries the words readers ask it in
  (`asked` of hooks/search_queries.yml), which the ranking counts as its own,
  the words of the judged reader queries it answers (`learnt`, written by
  scripts/learn-asked), which count alike but do not cut queries, and those
  queries themselves (`examples`, also written by scripts/learn-asked), which
  vote for it when a query is worded like one of them (search-examples.js).
- No dead ends: each index carries the line that results open with when no
  word of a query is on any section (`no_match` of hooks/search_queries.yml,
  in the variant's script), pointing to the official channel's section.
- Size: the published index is compact (plain text, one-byte word breaks); the
  offline download keeps Material's own format (the offline plugin's script).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

from .search_help import search_folds
from .upstream.material import OFFLINE_INDEX
from .upstream.material_browser import SearchWorker
from .zh_search import prepared_config, prepared_doc

INDEX = "search/search_index.json"
WORKER = "assets/javascripts/search-worker.js"  # in the theme's custom_dir
# The guide's ranking, written into the worker in this order, not served on their own.
RANKING = tuple(f"assets/javascripts/search-{name}.js" for name in ("text", "examples", "rank", "results"))
# lunr's English pipeline: every word is cut at build time, and its stemmer leaves Han text as it is.
LUNR = {"lang": ["en"], "pipeline": ["stemmer"]}


def index_config(separator: str, title_boost: float, *, compact: bool) -> dict:
    """The index's configuration, in the order and with the fields Material's worker reads."""
    fields = {"title": {"boost": title_boost}, "text": {"boost": 1.0}, "tags": {"boost": 1e6}}
    config = {"lang": LUNR["lang"], "separator": separator, "pipeline": LUNR["pipeline"], "fields": fields}
    return prepared_config(config, compact)


def variant_entry(
    entry: dict, prefix: str, tokenizer, separator: re.Pattern[str] | None, page_boost: float = 1.0
) -> dict:
    """A section's entry as the variant's index holds it: located from the variant's root, cut,
    and compact when a separator is given. A page's own entry (its title and introduction, no
    #section) weighs page_boost: a reader looks for the answer, and Material folds a page's
    sections away under its entry when the entry ranks first."""
    location = entry["location"]
    doc = {**entry, "location": location.removeprefix(prefix)}
    if "#" not in location and page_boost != 1.0:
        doc["boost"] = page_boost  # Material's per-document boost (its `search.boost`)
    return prepared_doc(doc, tokenizer, separator)


def compact_json(data: dict) -> str:
    """JSON as the browser gets it: UTF-8 characters, not \\u escapes, and no spaces."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def index_json(config: dict, docs: list[dict], notice: dict | None = None) -> str:
    """A search index file's text. The notice is part of the config: Material hands its worker
    the index's config and docs, and nothing else of the file."""
    return compact_json({"config": {**config, **({"notice": notice} if notice else {})}, "docs": docs})


def notice(no_match: dict | None, docs: list[dict], convert: Callable[[str], str]) -> dict | None:
    """The line results open with when no word of a query is found, in the variant's script
    (`convert`), leading to its section (a question id: ids are unique across the guide, so a
    page may be renamed); ValueError if no section of the index has that id."""
    if no_match is None:
        return None
    found = [doc["location"] for doc in docs if doc["location"].partition("#")[2] == no_match["section"]]
    if not found:
        raise ValueError(f"no_match: no section of the search index has the id '{no_match['section']}'")
    return {"location": found[0], **{key: convert(no_match[key]) for key in ("title", "text")}}


def unknown_asked(asked: dict[str, list[str]], docs: list[dict], old_ids: dict[str, str]) -> list[str]:
    """The question ids of `asked` (readers' words for a section) that no section of the index has,
    an old id of `anchor_aliases` (old_ids) counting as the id it became."""
    ids = {doc["location"].partition("#")[2] for doc in docs}
    return [id_ for id_ in asked if old_ids.get(id_, id_) not in ids]


def _by_question(words: dict[str, list[str]], old_ids: dict[str, str]) -> dict[str, list[str]]:
    """Words listed by question id, an old id of `anchor_aliases` (old_ids) followed to its question."""
    found: dict[str, list[str]] = {}
    for id_, listed in words.items():
        found.setdefault(old_ids.get(id_, id_), []).extend(listed)
    return found


def with_asked(
    docs: list[dict],
    asked: dict[str, list[str]],
    old_ids: dict[str, str],
    learnt: dict[str, list[str]],
    examples: dict[str, list[str]] | None = None,
) -> list[dict]:
    """The index's entries, each section with the words readers ask it in (`asked`, by question id,
    written in Simplified: the ranking folds both scripts alike), the words learnt from the judged
    queries it answers that its asked words do not repeat (`learnt`), and those queries
    (`examples`) but for one that is an asked word already."""
    asked, learnt = _by_question(asked, old_ids), _by_question(learnt, old_ids)
    examples = _by_question(examples or {}, old_ids)
    found = []
    for doc in docs:
        id_ = doc["location"].partition("#")[2]
        listed = asked.get(id_, [])
        extra = {
            "asked": listed,
            "learnt": [word for word in learnt.get(id_, []) if word not in listed],
            "examples": [query for query in examples.get(id_, []) if query not in listed],  # not twice
        }
        found.append({**doc, **{key: words for key, words in extra.items() if words}})
    return found


def query_help(queries: dict, worker: SearchWorker) -> dict:
    """What the ranking needs to read queries in every variant: the fold tables (one string of
    character pairs, Traditional then Simplified; phrases as "繁简" entries joined by "|"), synonyms,
    question words and Material's message numbers."""
    chars, phrases = search_folds(tuple(sorted(queries["folds"].items())))
    return {
        "fold": "".join(key + value for key, value in sorted(chars.items())),
        "phrases": "|".join(key + value for key, value in sorted(phrases.items())),
        "synonyms": queries["synonyms"],
        "ignore": queries["ignore"],
        "messages": {key: getattr(worker, key) for key in ("setup", "ready", "query", "result")},
    }


def worker_with_help(ranking: list[str], worker: str, help_: dict) -> str:
    """The search worker: the query help, the ranking's files, then the worker's message loop."""
    return "\n".join([f"self.QUERY_HELP = {compact_json(help_)};", *ranking, worker])


def write_index(
    site_dir: Path, prefix: str, config: dict, docs: list[dict], *, script: bool, notice: dict | None = None
) -> None:
    """A variant's index at its root; with `script`, also as the script the offline copy reads."""
    data = index_json(config, docs, notice)
    path = site_dir / prefix / INDEX
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(data, "utf-8")
    if script:
        path.with_suffix(".js").write_text(OFFLINE_INDEX + data, "utf-8")
