"""Adapter: Material for MkDocs, its Python side and its templates.

Contract (Material 9.8.x):
- `material.plugins.search.plugin.SearchIndex(**config)` cuts a rendered page into
  sections with `add_entry_from_context(page)`, appending {location, title, text}
  entries to `entries`; its `_segment_chinese` is the one place that cuts Chinese
  (with jieba when installed). This project cuts every entry itself, alike in
  both scripts, so the sections are taken uncut. No public API gives the
  sections without Material's own search plugin, which would also write an index.
- the offline plugin is `material/offline` (or `offline`) with an `enabled`
  option; it loads its iframe-worker shim from `config.extra["polyfills"]`
  (undocumented), which is the only way to serve a local copy instead of a CDN's;
- `base.html` writes its settings for the bundle as JSON in `<script id="__config">`,
  whose `base` is where its search looks for `search/search_index.json`;
- `base.html` writes the drawer and search toggles as two
  `<input class="md-toggle" data-md-toggle="...">` at the top of <body>;
- the templates this project forks (overrides/partials/header.html,
  alternate.html, copyright.html, the sidebars of base.html in
  overrides/partials/sidebars.html, and the inline scripts of
  partials/javascripts/, which the site's CSP forbids) are the ones whose checksums are below; an
  upgrade that changes them fails the build until each fork is reviewed;
- `partials/languages/zh.html`, `zh-TW.html` and `en.html` are its string sets;
- a built page holds its content in `<article class="md-content__inner md-typeset">`
  and names its table of contents in the `__toc` label (the PDFs are made from
  them, scripts/_print_view.py); an offline build's index is a script,
  `var __index = {…}`, and its lunr language files sit in assets/javascripts/lunr.
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from . import fail, require_version

ADAPTER, DISTRIBUTION, WRITTEN_FOR = "material", "mkdocs-material", ">=9.8.2,<9.9"
OFFLINE_PLUGINS = ("material/offline", "offline")
STRING_SETS = ("zh", "zh-TW", "en")
# Material template -> (its sha256 when forked, the override to review when it changes)
FORKED = {
    "partials/header.html": (
        "8cf3fb15bcf969ff596649616fd99366b3c31c08d57a86d05308efc16d8fa75f",
        "overrides/partials/header.html",
    ),
    "partials/alternate.html": (
        "572b1d4dae611aa5fd65107edec95e44331b6141abf86834ea4dc6c1ddd7241b",
        "overrides/partials/alternate.html",
    ),
    "partials/copyright.html": (
        "bc86bca3bf75070fe5d72e2a3463bdddf87c10f4d6459c945fe81c5d384e35ea",
        "overrides/partials/copyright.html",
    ),
    "partials/javascripts/base.html": (  # its inline script runs from material-patches.js
        "d6113712bc4deb30b4bd810ee0dfc28b6f04d2f88cc0016c0f1766eac7b762b6",
        "overrides/assets/javascripts/material-patches.js",
    ),
    "partials/javascripts/content.html": (  # its inline script is left out (no content tabs)
        "3722e156f0f6339de39fbbfc178b6e401d1a4fb890f189ac5b80c2504bda7dcf",
        "overrides/partials/javascripts/content.html",
    ),
    "base.html": (
        "a919e32d2225e09ecbdeb8076ca6ce9ca0836329760bf7871a04172569b77842",
        "overrides/partials/sidebars.html and overrides/main.html",
    ),
}
# base.html's page settings for its bundle: the JSON in <script id="__config">, with the
# `base` its search resolves `search/search_index.json` against
CONFIG = re.compile(r'<script id="__config" type="application/json">(.*?)</script>', re.S)
SCRIPT_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})  # JSON inside <script>
# the labels that open the drawer (overlay, header button, navigation title) or the
# navigation's table of contents: for="__drawer", for="__toc"
TOGGLE_LABEL = re.compile(r'(<label\b[^>]*?)\sfor="(__drawer|__toc)"')
# the current page's item of the navigation (partials/nav-item.html) holds the page's table of
# contents a second time: its toggle and label, the page's link, then the contents (partials/toc.html)
TOC_IN_NAV = re.compile(
    r'(<input class="md-nav__toggle md-toggle" type="checkbox" id="__toc">\s*'
    r'<label class="md-nav__link md-nav__link--active" (?:data-)?for="__toc">.*?</label>)'
    r'(\s*<a href="[^"]*" class="md-nav__link md-nav__link--active">.*?</a>\s*)'
    r'<nav class="md-nav md-nav--secondary"',
    re.S,
)
NAV_TAG = re.compile(r"<(/?)nav\b")
TOGGLES = re.compile(r'(?:<input class="md-toggle" data-md-toggle="(?:drawer|search)"[^>]*>\s*){2}')
# Material's built pages and offline build, as the scripts read them after a build
CONTENT = 'class="md-content"'  # the content area of every page (redirect stubs have none)
ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*?)</article>', re.S)
TOC_LABEL = re.compile(  # for= or, in a built page, data-for= (hooks/zhguide/reading_order.py)
    r'<label class="md-nav__title" (?:data-)?for="__toc">\s*<span[^>]*></span>\s*([^<]+?)\s*<'
)
CANONICAL = re.compile(r'<link rel="canonical" href="([^"]+)">')  # base.html, from page.canonical_url
SITE_NAME = re.compile(r'property="og:site_name" content="([^"]+)"')  # this project's own head (main.html)
PREFETCH_HINT = re.compile(r'\s*<link rel="(?:prev|next)" href="[^"]*">')  # base.html's site_meta block
OFFLINE_INDEX = "var __index = "  # how the offline plugin writes search_index.js
LUNR = "assets/javascripts/lunr"  # lunr's language files, which an English-pipeline index never loads


def templates() -> Path:
    """Material's template folder."""
    import material

    return Path(material.__file__).parent / "templates"


def check_forks(folder: Path) -> None:
    """Fail when a template this project forks is not the one it was forked from."""
    for name, (digest, fork) in FORKED.items():
        path = folder / name
        if not path.is_file() or hashlib.sha256(path.read_bytes()).hexdigest() != digest:
            raise fail(ADAPTER, DISTRIBUTION, f"its {name} changed since {fork} forked it; review the fork")
    languages = folder / "partials" / "languages"
    missing = [name for name in STRING_SETS if not (languages / f"{name}.html").is_file()]
    if missing:
        raise fail(ADAPTER, DISTRIBUTION, f"its string sets {', '.join(missing)} are gone")


@functools.cache
def section_index_class() -> type:
    from material.plugins.search import plugin as search

    index = getattr(search, "SearchIndex", None)
    if index is None or not all(
        hasattr(index, name) for name in ("add_entry_from_context", "_segment_chinese")
    ):
        raise fail(ADAPTER, DISTRIBUTION, "its SearchIndex no longer cuts a page into sections the known way")

    class Sections(index):
        def _segment_chinese(self, data: str) -> str:  # the project cuts words itself
            return data

    return Sections


def check(config: MkDocsConfig) -> None:
    """Fail loudly unless Material is installed in the known range, with the templates forked."""
    require_version(ADAPTER, DISTRIBUTION, WRITTEN_FOR)
    check_forks(templates())
    section_index_class()


def offline_enabled(config: MkDocsConfig) -> bool:
    """True when Material's offline plugin is on for this build."""
    plugin = next((config.plugins[name] for name in OFFLINE_PLUGINS if name in config.plugins), None)
    return bool(plugin and plugin.config.enabled)


def serve_polyfill_locally(config: MkDocsConfig, local: str) -> None:
    """Replace the iframe-worker shim Material's offline plugin loads from a CDN by a local copy."""
    kept = [script for script in config.extra.get("polyfills", []) if "iframe-worker" not in str(script)]
    config.extra["polyfills"] = [*kept, local]


def toggle_labels(html: str) -> tuple[str, int]:
    """The page with each label of the drawer and toc toggles bound by data-for, not for; how many."""
    return TOGGLE_LABEL.subn(r'\1 data-for="\2"', html)


def toc_in_nav(html: str) -> tuple[int, int, str, str, str] | None:
    """Where the navigation repeats the page's contents (start, end) and its parts there: the
    toggle with its label, the page's link, the contents; None if the page has none."""
    found = TOC_IN_NAV.search(html)
    if not found:
        return None
    depth, start = 0, found.end() - len('<nav class="md-nav md-nav--secondary"')
    for tag in NAV_TAG.finditer(html, start):
        depth += -1 if tag[1] else 1
        if not depth:  # the contents' own </nav>: it nests a <nav> for each subsection
            end = html.index(">", tag.end()) + 1
            return found.start(), end, found[1], found[2], html[start:end]
    raise ValueError("the navigation's table of contents has no end (</nav>)")


def menu_toggles(html: str) -> re.Match[str] | None:
    """Where base.html wrote its two menu toggles in a rendered page."""
    return TOGGLES.search(html)


def with_search_base(html: str, base: str, where: str) -> str:
    """A rendered page whose `__config` base (where Material's search finds its index) is base."""
    found = in_built_page(CONFIG, html, where)
    config = json.loads(found)
    config["base"] = base
    start = html.index(found)
    return html[:start] + json.dumps(config).translate(SCRIPT_SAFE) + html[start + len(found) :]


def without_prefetch_hints(html: str) -> str:
    """A rendered page without base.html's <link rel="prev"> and rel="next">: Firefox downloads the
    next page in the background for them (README: Offline reading: nothing unasked)."""
    head = html.find("</head>")
    return PREFETCH_HINT.sub("", html[:head], count=2) + html[head:] if head > 0 else html


def in_built_page(pattern: re.Pattern[str], html: str, where: str) -> str:
    """The first group of a pattern in a built page, or a loud error naming the page."""
    found = pattern.search(html)
    if not found:
        raise fail(ADAPTER, DISTRIBUTION, f"{where} has no {pattern.pattern[:60]!r}: its page markup changed")
    return found[1]
