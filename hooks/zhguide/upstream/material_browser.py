"""Adapter: Material for MkDocs in the browser, its bundle and its search worker.

What the browser side of this project must know about Material's JavaScript
is read here, from the installed files, and handed to the browser by the
build (`SearchWorker`), never guessed in JavaScript. The browser side of the
adapter is overrides/assets/javascripts/material-patches.js (Material's storage
helpers, the worker replaced, the index loaded on demand, sitemap probes
answered, Material started one task later; its page's values given by
overrides/partials/material-search.html), with
overrides/assets/javascripts/search-worker.js (the guide's worker, started in
place of Material's); each says why no public option of Material serves.

Contract (Material 9.8.x):
- one search worker, `assets/javascripts/workers/search.<hash>.min.js`, which
  base.html names in its `__config`, and which the bundle starts with `new Worker(url)`;
- the worker answers messages `{type, data}` in one `switch` on the type: the
  setup case builds the index from `data` (with `data.config`) and answers
  with a ready message, the query case calls `.search(data)` on it and answers
  with a result message; their numbers are read from the worker itself. The
  guide's worker (search-worker.js, with search-rank.js) speaks this protocol
  in its place, and answers a query in the result Material's UI reads: `{items: [[result, ...], ...]}`,
  groups of one page's results, each `{location, title, text, score, terms}`
  (the bundle renders `score` and the `terms` a result misses); the bundle hands
  the worker the index's `config` and `docs` as the file has them;
- the bundle requests `search/search_index.json` (and `sitemap.xml`, for its
  language switch) with XMLHttpRequest, which the page defers (the index until
  search is used) or answers at once (sitemap probes).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

from . import fail
from .material import DISTRIBUTION, templates

ADAPTER = "material_browser"
WORKERS = "assets/javascripts/workers"
SETUP_CASE = re.compile(
    r"case (\d+):return yield \w+\(\w+\.data\.config\),\w+=new \w+\(\w+\.data\),\{type:(\d+)\}"
)
QUERY_CASE = re.compile(r"case (\d+):let (\w+)=\w+\.data;try\{return\{type:(\d+),data:\w+\.search\(\2\)")
BUNDLE_NEEDS = ("new Worker(", "XMLHttpRequest", '"search/search_index.json"', '"sitemap.xml"')
# How the bundle renders a result: its score, the terms it misses, its page's other results.
RESULT_NEEDS = ('"data-md-score":', ".score.toFixed(", ".terms", '"search.result.term.missing"', ".more.one")
RESULT_NEEDS += ("data:{config:",)  # the index's config, with the guide's notice, reaches the worker


@dataclass(frozen=True)
class SearchWorker:
    """Material's search worker as the browser side needs it."""

    path: str  # site-relative, e.g. assets/javascripts/workers/search.a7633da7.min.js
    setup: int  # the message type that hands the worker its index
    ready: int  # the message type of its answer: search is ready
    query: int  # the message type of a query
    result: int  # the message type of its answer


def protocol(source: str) -> tuple[int, int, int, int]:
    """The (setup, ready, query, result) message numbers of a worker's source."""
    setup, query = SETUP_CASE.search(source), QUERY_CASE.search(source)
    if not setup or not query:
        raise fail(ADAPTER, DISTRIBUTION, "its search worker no longer answers setup and query messages so")
    return int(setup[1]), int(setup[2]), int(query[1]), int(query[3])


def check_bundle(source: str) -> None:
    """Fail unless the bundle still starts a worker, requests the index and sitemaps, and renders
    results as known."""
    missing = [needle for needle in (*BUNDLE_NEEDS, *RESULT_NEEDS) if needle not in source]
    if missing:
        raise fail(ADAPTER, DISTRIBUTION, f"its bundle no longer uses {', '.join(missing)}")


def search_worker_source(folder: Path | None = None) -> str:
    """The source of Material's search worker."""
    return next(((folder or templates()) / WORKERS).glob("search.*.min.js")).read_text("utf-8")


@functools.cache
def search_worker(folder: Path | None = None) -> SearchWorker:
    """Material's search worker, its path as base.html names it, and its message numbers."""
    folder = folder or templates()
    found = sorted((folder / WORKERS).glob("search.*.min.js"))
    bundles = sorted((folder / "assets" / "javascripts").glob("bundle.*.min.js"))
    if len(found) != 1 or len(bundles) != 1:
        counts = f"{len(found)} search workers and {len(bundles)} bundles"
        raise fail(ADAPTER, DISTRIBUTION, f"expected one of each, found {counts}")
    path = f"{WORKERS}/{found[0].name}"
    if f'"{path}"' not in (folder / "base.html").read_text("utf-8"):
        raise fail(ADAPTER, DISTRIBUTION, f"base.html no longer names its search worker {path}")
    check_bundle(bundles[0].read_text("utf-8"))
    return SearchWorker(path, *protocol(found[0].read_text("utf-8")))
