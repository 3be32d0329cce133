"""Each variant's own search index, cut into words alike in both scripts, written once.

- Scope: every variant's build indexes its own pages and writes its own
  `<prefix>search/search_index.json`, with locations relative to the variant's
  root, and each page tells Material to look in its own variant's root; a
  result never leads to the other script and never shows twice.
- Words: every section is cut anew by jieba with the guide's terms
  (hooks/search_terms.txt), Traditional text where its Simplified shadow is
  cut (zh_search), as the page is indexed.
- Queries: the worker wrapper (overrides/assets/javascripts/search-worker.js)
  is written with the query help in front of it: the fold table for every
  character the sources, the glossary and the readers' phrasings
  (hooks/search_queries.yml) use, in either script, and the message numbers of
  Material's worker (upstream/material_browser.py).
- Size: the published index is compact (plain text, one-byte word breaks); the
  offline download keeps Material's own format, read without the wrapper.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from .upstream.material import OFFLINE_INDEX
from .upstream.material_browser import SearchWorker
from .zh_search import fold_closure, prepared_config, prepared_doc

INDEX = "search/search_index.json"
WORKER = "assets/javascripts/search-worker.js"  # in the theme's custom_dir
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


def index_json(config: dict, docs: list[dict]) -> str:
    """A search index file's text."""
    return compact_json({"config": config, "docs": docs})


def query_help(texts: list[str], queries: dict, worker: SearchWorker) -> dict:
    """What the wrapper needs to read queries in every variant: the fold table (one string of
    pairs, Traditional then Simplified), synonyms, ignored words and Material's message numbers."""
    texts = [*texts, *(word for words in queries["synonyms"].values() for word in words)]
    fold = "".join(key + value for key, value in sorted(fold_closure(texts).items()))
    return {
        "fold": fold,
        "synonyms": queries["synonyms"],
        "ignore": queries["ignore"],
        "messages": {"setup": worker.setup, "query": worker.query},
    }


def worker_with_help(worker: str, help_: dict) -> str:
    """The search worker wrapper with the query help written in front of it."""
    return f"self.QUERY_HELP = {compact_json(help_)};\n{worker}"


def write_index(site_dir: Path, prefix: str, config: dict, docs: list[dict], *, script: bool) -> None:
    """A variant's index at its root; with `script`, also as the script the offline copy reads."""
    data = index_json(config, docs)
    path = site_dir / prefix / INDEX
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(data, "utf-8")
    if script:
        path.with_suffix(".js").write_text(OFFLINE_INDEX + data, "utf-8")
