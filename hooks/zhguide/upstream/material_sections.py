"""Adapter: Material's search sections of a page, cut without its HTML parser when they can be.

Contract (Material 9.8.x, `material/plugins/search/plugin.py`):
- `SearchIndex.add_entry_from_context(page)` skips a page whose `search.exclude` is set, feeds
  `page.content` to its `Parser` (an `html.parser.HTMLParser`), and hands each section of
  `Parser.data` that is not excluded to `create_entry_for_section(section, toc, url, page)`;
- a section is a `Section(Element(tag, attrs), depth)` with `id`, `title` and `text` lists;
- the `Parser`, `Section` and `Element` classes and the `void` set are the ones whose checksum is
  below. An upgrade that changes them fails the build until `cut` below is reviewed against them.

Why: the parser is the costliest step of indexing a page (an eighth of a variant's build of a
thousand pages). Python-Markdown writes plain markup: lowercase tags, attributes with double-quoted
values, no comments or scripts. `cut` reads that markup with one regular expression and follows
the parser's rules step by step, quirks included (a skipped tag is skipped by name; an empty kept
element is dropped only when its first opening is); any other markup returns None and goes to
Material's parser. tests/test_search_sections.py holds `cut` to the parser on every page of the
guide and on generated markup.
"""

from __future__ import annotations

import functools
import hashlib
import inspect
import re
from dataclasses import dataclass, field
from html import escape, unescape

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from . import fail

ADAPTER, DISTRIBUTION = "material_sections", "mkdocs-material"
PARSER_SHA256 = "4588ba17541cf33e8d44b67a82ad6c29fa8752ca39ddca29c838d1472eda7205"
HEADINGS = frozenset(f"h{level}" for level in range(1, 7))
KEEP = frozenset({"p", "code", "pre", "li", "ol", "ul", "sub", "sup"})  # tags a section's text keeps
SKIP = frozenset({"object", "script", "style"})  # never indexed, and never let go of
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
                  "source", "track", "wbr"})  # fmt: skip
# elements whose content html.parser does not read as markup, or might not: not cut here
RAW = frozenset({"script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes",
                 "noscript", "plaintext"})  # fmt: skip
TOKEN = re.compile(
    r'([^<]+)|<([a-z][a-z0-9]*)((?: [a-z][a-z0-9_.:-]*(?:="[^"<]*")?)*)( /)?>|</([a-z][a-z0-9]*)>'
)
ATTRIBUTE = re.compile(r' ([a-z][a-z0-9_.:-]*)(?:="([^"<]*)")?')


@dataclass
class Cut:
    """One section as Material's parser leaves it (its Section, with its element's tag and attributes)."""

    tag: str
    attrs: dict[str, str | None]
    depth: float = 0
    id: str | None = None
    title: list[str] = field(default_factory=list)
    text: list[str] = field(default_factory=list)


def cut(html: str) -> list[Cut] | None:
    """The page's sections as Material's Parser cuts them, or None if the markup is not plain."""
    context: list[tuple[str, dict]] = []  # the open elements
    names: list[str] = []  # their tags
    skip, data = set(SKIP), []  # skipped tags, by name as the parser compares them
    section: Cut | None = None
    position = 0
    while position < len(html):
        token = TOKEN.match(html, position)
        if token is None:
            return None
        position = token.end()
        text, opened, attributes, self_closed, closed = token.groups()
        if text is not None:
            if skip.intersection(names):
                continue
            text = unescape(text)
            if "pre" not in names:
                text = text.replace("\n", " ") if not text.isspace() else " "
            if section is None:
                section = Cut("hx", {})
                data.append(section)
            if section.tag in names:
                if not any(tag == "a" and attrs.get("class") == "headerlink" for tag, attrs in context):
                    section.title.append(escape(text, quote=False))
            elif text.isspace():
                if not section.text or not section.text[-1].isspace() or "pre" in names:
                    section.text.append(text)
            else:
                section.text.append(escape(text, quote=False))
            continue
        if opened is not None:
            if opened in RAW or (self_closed and opened not in VOID):
                return None
            if opened in VOID:
                continue  # the parser neither opens nor closes it
            attrs = {found[1]: found[2] and unescape(found[2]) for found in ATTRIBUTE.finditer(attributes)}
            context.append((opened, attrs))
            names.append(opened)
            if opened in HEADINGS and "id" in attrs:
                depth = len(context)
                if opened != "h1" and not data:
                    data.append(Cut("hx", {}, depth))
                section = Cut(opened, attrs, depth, attrs["id"] if data else None)
                data.append(section)
            if section is None:
                section = Cut("hx", {})
                data.append(section)
            if "data-search-exclude" in attrs or attrs.get("class") == "linenodiv":
                skip.add(opened)
                continue
            if not skip.intersection(names) and opened in KEEP:
                (section.title if section.tag in names else section.text).append(f"<{opened}>")
            continue
        if not context or context[-1][0] != closed:
            continue
        if section.depth > len(context):
            for earlier in reversed(data):
                if earlier.depth <= len(context):
                    section.depth, section = float("inf"), earlier
                    break
        context.pop()
        names.pop()
        if closed in skip:
            if closed not in SKIP:
                skip.remove(closed)
            continue
        if not skip.intersection(names) and closed in KEEP:
            kept = section.title if section.tag in names else section.text
            if f"<{closed}>" not in kept:
                return None  # the parser would fail here: let it, with its own error
            index = kept.index(f"<{closed}>")
            if any(not piece.isspace() for piece in kept[index + 1 :]):
                kept.append(f"</{closed}>")
            else:
                del kept[index:]
    return data


@functools.cache
def _material() -> tuple[type, type, type]:
    """Material's SearchIndex (the project's subclass), Section and Element, once checked."""
    from material.plugins.search import plugin as search

    from .material import section_index_class

    parts = [getattr(search, name, None) for name in ("Parser", "Section", "Element", "SearchIndex")]
    if None in parts or not isinstance(getattr(search, "void", None), set):
        raise fail(ADAPTER, DISTRIBUTION, "its search plugin no longer has Parser, Section, Element and void")
    parser, section, element, index = parts
    source = "".join(
        inspect.getsource(part) for part in (parser, section, element, index.add_entry_from_context)
    )
    digest = hashlib.sha256((source + repr(sorted(search.void))).encode()).hexdigest()
    if digest != PARSER_SHA256:
        raise fail(
            ADAPTER, DISTRIBUTION, f"its search Parser changed (sha256 {digest}); review cut() against it"
        )
    return section_index_class(), section, element


def check(config: MkDocsConfig) -> None:
    """Fail loudly unless Material's parser is the one `cut` follows (config: as every adapter's)."""
    _material()


def page_sections(page: Page) -> list[dict]:
    """The page's sections as Material's search indexes them: location, title and text (HTML)."""
    index_class, section_class, element_class = _material()
    index = index_class()
    cuts = None if (page.meta.get("search") or {}).get("exclude") else cut(page.content or "")
    if cuts is None:
        index.add_entry_from_context(page)  # Material's own parser, on markup cut() does not read
    for found in cuts or ():
        section = section_class(element_class(found.tag, found.attrs), found.depth)
        section.id, section.title, section.text = found.id, found.title, found.text
        if not section.is_excluded():
            index.create_entry_for_section(section, page.toc, page.url, page)
    entries = getattr(index, "entries", None)
    if not isinstance(entries, list):
        raise fail(ADAPTER, DISTRIBUTION, "its SearchIndex keeps no `entries` list")
    return entries
