"""Build each variant's own search index, cut into words alike in both scripts.

- Scope: static-i18n merges every variant into one `search/search_index.json`,
  and Material has no language filter, so each answer would be found twice.
  The merged index is split by URL prefix: the default variant keeps
  `search/search_index.json`, a variant under `zh-Hant/` gets
  `zh-Hant/search/search_index.json` with locations relative to that root, and
  each page tells Material to look in its own variant's root.
- Words: every entry is cut anew, by jieba with the guide's terms
  (hooks/search_terms.txt), so that Traditional text is cut where its
  Simplified shadow is (hooks/zh_search.py). The default variant's entries
  are cut as its own build ends (hooks/search_entries.py), the others' here.
- Queries: the worker wrapper (overrides/assets/javascripts/search-worker.js)
  is written out with the fold table for the characters the site uses and the
  readers' phrasings of hooks/search_queries.yml, so the browser can read a
  query typed in either script, in a reader's own words.
- Size: the published index is compact (plain text, one-byte word breaks); the
  offline download keeps Material's own format, read without the wrapper.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from offline_download import offline_enabled
from variant_pages import built_languages, i18n, url_prefix
from zh_search import fold_subset, load_queries, one_separator, prepared_config, prepared_doc, tokenizer

log = logging.getLogger("mkdocs.plugins.search_index")

INDEX = Path("search") / "search_index.json"
WORKER = Path("assets") / "javascripts" / "search-worker.js"  # in the theme's custom_dir
TERMS = Path(__file__).parent / "search_terms.txt"
QUERIES = Path(__file__).parent / "search_queries.yml"


def variant_roots(config: MkDocsConfig) -> list[str]:
    """URL prefixes of the non-default variants, such as 'zh-Hant/'."""
    return [url_prefix(language) for language in built_languages(config) if not language.default]


def root_of(url: str, roots: list[str]) -> str:
    """The variant root a page URL lives under; '' for the default variant."""
    return next((root for root in roots if url.startswith(root)), "")


def split_index(index: dict, roots: list[str]) -> dict[str, dict]:
    """Split a merged search index into one index per variant root, locations made relative."""
    parts = {root: [] for root in ["", *roots]}
    for doc in index.get("docs", []):
        root = root_of(doc["location"], roots)
        parts[root].append({**doc, "location": doc["location"][len(root) :]})
    return {root: {**index, "docs": docs} for root, docs in parts.items()}


def query_help(index: dict, queries: dict) -> dict:
    """What the browser needs to read queries in both variants: the fold table for the site's
    characters (one string of pairs, Traditional then Simplified), synonyms, ignored words."""
    texts = [doc["title"] + doc["text"] for doc in index["docs"]]
    texts += [word for words in queries["synonyms"].values() for word in words]
    fold = "".join(key + value for key, value in sorted(fold_subset(texts).items()))
    return {"fold": fold, "synonyms": queries["synonyms"], "ignore": queries["ignore"]}


def compact_json(data: dict) -> str:
    """JSON as the browser gets it: UTF-8 characters, not \\u escapes, and no spaces."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def worker_with_help(worker: str, help_: dict) -> str:
    """The search worker wrapper with the query help written in front of it."""
    return f"self.QUERY_HELP = {compact_json(help_)};\n{worker}"


def terms_tokenizer():
    """jieba with the guide's terms, loaded again only when the terms file changes."""
    return tokenizer(TERMS, TERMS.stat().st_mtime_ns if TERMS.is_file() else 0)


def without_material_segmentation() -> None:
    """Stop Material's search plugin from cutting Chinese with jieba itself: every entry is cut
    anew here (alike in both scripts), so Material's pass only doubled the build time."""
    from material.plugins.search import plugin as material_search

    if not hasattr(material_search, "jieba"):
        raise PluginError("hooks/search_index.py: Material's search plugin changed; review its jieba use")
    material_search.jieba = None


def inside_variant_loop(config: MkDocsConfig) -> bool:
    """True in a variant that static-i18n's loop builds after the default one (in this process
    or the forked one, hooks/parallel_variants.py): its entries are prepared by the outer build."""
    return getattr(i18n(config), "building", False)


def separator_for(config: MkDocsConfig, separator: str):
    """What compacts this build's entries (one character of the index's `separator`), or
    None in the offline build, whose index keeps Material's own format."""
    return None if offline_enabled(config) else one_separator(separator)


def prepared_index(index: dict, roots: list[str], tokenizer, separator) -> dict:
    """The merged index with the other variants' entries prepared (zh_search.prepared_doc); the
    default variant's (under no root) were prepared as its build ended (hooks/search_entries.py)."""
    docs = [
        prepared_doc(doc, tokenizer, separator) if root_of(doc["location"], roots) else doc
        for doc in index["docs"]
    ]
    return {**index, "config": prepared_config(index["config"], separator is not None), "docs": docs}


def on_config(config: MkDocsConfig) -> None:
    """Cut words once, here (jieba loads when the first entries are cut)."""
    without_material_segmentation()


def on_page_context(context: dict, *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    """Make Material's client-side base (search index, local storage) the page's variant root."""
    root = root_of(page.url, variant_roots(config))
    if root:
        context["base_url"] = get_relative_url(root, page.url)
    return context


# After static-i18n (-100): its on_post_build builds the other variants and
# only then writes the merged index that this splits.
@event_priority(-110)
def on_post_build(*, config: MkDocsConfig) -> None:
    """Replace the merged search index with one segmented index per variant."""
    site = Path(config.site_dir)
    if inside_variant_loop(config) or not (site / INDEX).is_file():
        return  # the outer build merges every variant's entries
    merged = json.loads((site / INDEX).read_text("utf-8"))
    roots = variant_roots(config)
    separator = separator_for(config, merged["config"]["separator"])
    merged = prepared_index(merged, roots, terms_tokenizer(), separator)
    try:
        queries = load_queries(QUERIES)
    except ValueError as error:
        raise PluginError(f"hooks/{error}") from error
    offline = offline_enabled(config)
    if not offline:  # one copy for both variants, fetched with the worker when search starts
        source = Path(config.theme.custom_dir) / WORKER
        worker = worker_with_help(source.read_text("utf-8"), query_help(merged, queries))
        (site / WORKER).write_text(worker, "utf-8")
    for root, index in split_index(merged, roots).items():
        path = site / root / INDEX
        path.parent.mkdir(parents=True, exist_ok=True)
        data = compact_json(index)  # the published site reads it through the worker wrapper
        if offline:  # from file://, Material's own worker loads the index as a script instead
            path.with_suffix(".js").write_text(f"var __index = {data}", "utf-8")
        path.write_text(data, "utf-8")
