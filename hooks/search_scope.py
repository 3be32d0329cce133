"""Give each language variant its own search index, so results stay in the reader's script.

static-i18n merges every variant into one `search/search_index.json`, and
Material has no language filter, so each answer would be found twice. This
hook splits the merged index by URL prefix: the default variant keeps
`search/search_index.json`, a variant served under `zh-Hant/` gets
`zh-Hant/search/search_index.json` with locations relative to that root, and
each page tells Material to look in its own variant's root.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

log = logging.getLogger("mkdocs.plugins.search_scope")

INDEX = Path("search") / "search_index.json"


def variant_roots(config: MkDocsConfig) -> list[str]:
    """URL prefixes of the non-default variants, such as 'zh-Hant/'."""
    plugin = config.plugins.get("i18n")
    languages = plugin.config.languages if plugin else []
    return [
        language.link.strip("/") + "/"
        for language in languages
        if language.build and not language.default and language.link.strip("/")
    ]


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
    """Replace the merged search index with one index per variant."""
    site = Path(config.site_dir)
    if not (site / INDEX).is_file():
        return
    merged = json.loads((site / INDEX).read_text("utf-8"))
    for root, index in split_index(merged, variant_roots(config)).items():
        path = site / root / INDEX
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), "utf-8")
