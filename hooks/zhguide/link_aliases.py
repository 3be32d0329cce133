"""Keep old links working when a question or a page is renamed, moved or removed.

In the front matter of the page that now holds the answer:

    redirect_from:                 # old pages, as source paths: their URLs redirect here
      - old-page.md
    anchor_aliases:                # old #ids that must still land on a question
      old-id: new-id               # a question of this page
      moved-id: other.md#new-id    # a question that moved to another page

An old page URL becomes a small page that forwards to the new one, keeping
the #anchor, in every variant. An old id on this page becomes an empty element
just before its question, so the browser scrolls there without JavaScript; an
id that moved to another page forwards there (overrides/partials/variant-script.html).
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable

from mkdocs.utils import get_relative_url

from .upstream.mkdocs import heading_marker


class AliasError(ValueError):
    """An alias that cannot work; the message says which and why, and `value` which entry."""

    def __init__(self, message: str, value: object = None) -> None:
        super().__init__(message)
        self.value = value


def source_path(value: object, key: str) -> str:
    """A source path inside docs/ as written in the front matter ('old.md', 'part/old.md')."""
    parts = str(value).split("/")
    if (
        not isinstance(value, str) or not value.endswith(".md") or value.startswith("/")
        or "\\" in value or any(part in ("", ".", "..") for part in parts)
    ):  # fmt: skip
        message = f"{key} '{value}' is not a Markdown source path inside docs/ (such as old-page.md)"
        raise AliasError(message, value)
    return value


def redirect_sources(value: object) -> list[str]:
    """The old source paths of a `redirect_from` (AliasError unless a list of such paths)."""
    if value is None:
        return []
    if not isinstance(value, list):
        raise AliasError("redirect_from must be a list of old source paths: '- old-page.md' a line", value)
    return [source_path(old, "redirect_from") for old in value]


def alias_targets(value: object) -> dict[str, str]:
    """The old ids and targets of an `anchor_aliases` (AliasError unless a mapping of them)."""
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise AliasError("anchor_aliases must map each old id to its question: 'old-id: new-id'", value)
    for old, target in value.items():
        if not isinstance(old, str) or not isinstance(target, str) or not target:
            raise AliasError(f"anchor_aliases '{old}' must map an old id to 'new-id' or 'page.md#id'", old)
        page_part, _ = split_target(target)
        if page_part:
            try:
                source_path(page_part, f"anchor_aliases '{old}' points at")
            except AliasError as error:
                raise AliasError(str(error), old) from None
    return dict(value)


def front_matter_line(source: str, key: str, value: object = None) -> int:
    """The line of a front-matter key, or of one of its values, for messages (1 if not found)."""
    lines = source.splitlines()
    start = next((number for number, line in enumerate(lines, 1) if line.lstrip().startswith(f"{key}:")), 0)
    if start and value is not None:  # the value as a whole word: 'a.md' is not in '- aa.md'
        needle = re.compile(rf"(?<![\w./-]){re.escape(str(value))}(?![\w./-])")
        found = next((n for n, line in enumerate(lines[start - 1 :], start) if needle.search(line)), None)
        return found or start
    return start or 1


REDIRECT_SCRIPT = "assets/javascripts/redirect.js"  # keeps the #anchor (overrides/assets/)


def redirect_page(target: str, lang: str, script: str) -> str:
    """A page that forwards to target (relative), keeping the #anchor with JavaScript (script: the
    relative URL of REDIRECT_SCRIPT), and without it."""
    href = html.escape(target)
    return (
        f'<!doctype html>\n<html lang="{html.escape(lang)}">\n<head>\n<meta charset="utf-8">\n'
        f'<title>{href}</title>\n<meta name="robots" content="noindex">\n'
        f'<link rel="canonical" href="{href}">\n<meta http-equiv="refresh" content="0; url={href}">\n'
        f'<script src="{html.escape(script)}" data-to="{href}"></script>\n'
        f'</head>\n<body><a href="{href}">{href}</a></body>\n</html>\n'
    )


def split_target(target: str) -> tuple[str, str]:
    """('other.md', 'new-id') for 'other.md#new-id'; ('', 'new-id') for 'new-id' or '#new-id'."""
    page_part, _, new_id = target.rpartition("#")
    return page_part, new_id


def alias_markup(aliases: dict[str, str], content: str, page_url: str, target_urls: dict[str, str]) -> str:
    """content with an element for each old id: before its question, or forwarding to another page."""
    for old_id, target in aliases.items():
        page_part, new_id = split_target(target)
        if page_part:
            href = html.escape(get_relative_url(target_urls[page_part], page_url or "./") + "#" + new_id)
            content = f'<span id="{html.escape(old_id)}" data-moved-to="{href}"></span>' + content
        else:
            marker = question_marker(content, new_id)
            content = content.replace(marker, f'<span id="{html.escape(old_id)}"></span>{marker}', 1)
    return content


def question_marker(content: str, id_: str) -> str | None:
    """Where the question (h2 or h3) with this id starts in a page, if it has one."""
    return next((marker for level in (2, 3) if (marker := heading_marker(level, id_)) in content), None)


def check_aliases(
    aliases: dict[str, str], content: str, pages: set[str], ids_of: Callable[[str], set[str]]
) -> None:
    """AliasError unless every old id is gone from the page and points at a question of it or
    at a question of another page of the site (`ids_of` gives a source's question ids)."""
    for old_id, target in aliases.items():
        page_part, new_id = split_target(target)
        if f' id="{old_id}"' in content:
            raise AliasError(f"anchor_aliases '{old_id}' is still an id on this page", old_id)
        if page_part and page_part not in pages:
            raise AliasError(f"anchor_aliases '{old_id}' points at '{page_part}', which is no page", old_id)
        if page_part and new_id not in ids_of(page_part):
            raise AliasError(f"anchor_aliases '{old_id}' points at '{target}', no question there", old_id)
        if not page_part and question_marker(content, new_id) is None:
            raise AliasError(f"anchor_aliases '{old_id}' points at '#{new_id}', no question here", old_id)


def redirect_pages(
    old_pages: list[str], page_url: str, prefix: str, lang: str, taken: set[str],
    former: Callable[[str], tuple[str, str]],
) -> list[tuple[str, str]]:  # fmt: skip
    """(destination, page) of a forwarding page for each old source path of a page, under the
    variant's prefix; `former(path)` is the (destination, URL) the path would have had."""
    found = []
    for old in old_pages:
        dest_uri, url = (prefix + part for part in former(old))
        if dest_uri in taken:
            raise AliasError(f"redirect_from '{old}' is still a page; remove one", old)
        target = get_relative_url(page_url or "./", url or "./")
        found.append((dest_uri, redirect_page(target, lang, get_relative_url(REDIRECT_SCRIPT, url or "./"))))
        taken.add(dest_uri)
    return found


def placed_aliases(
    content: str, page_url: str, aliases: dict[str, str], page_urls: dict[str, str],
    ids_of: Callable[[str], set[str]],
) -> str:  # fmt: skip
    """content with its old ids placed (AliasError if one cannot work); `page_urls` maps the
    site's source paths to their URLs, `ids_of` gives a source's question ids."""
    targets = {
        page_part: page_urls[page_part]
        for page_part, _ in map(split_target, aliases.values())
        if page_part in page_urls
    }
    check_aliases(aliases, content, set(targets), ids_of)
    return alias_markup(aliases, content, page_url, targets)
