"""Each generated variant's text, in memory, from the Simplified source.

A page static-i18n builds from the source language's file is converted after
Markdown renders it, so only human text changes (code, URLs and attributes stay
as they are); so are its title, description and table of contents, the
navigation labels mkdocs.yml spells out, and the site strings (name,
description, copyright and this site's own interface labels). The glossary is
applied first, and the inline markup `-{…}-` is resolved in every page of every
variant.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from .variants import Variant
from .zh_convert import convert_html, convert_text
from .zh_markup import resolve, validate

SITE_STRINGS = ("site_name", "site_description", "copyright")
# this site's own labels (overrides/, and the tel: links' names)
EXTRA_STRINGS = (
    "offline_label",
    "pdf_label",
    "credit_label",
    "not_found_title",
    "not_found_text",
    "not_found_home",
    "not_found_index",
    "hotline_label",
    "app_short_name",
    "save_label",
    "save_size",
    "save_progress",
    "save_done",
    "save_updated",
    "save_remove",
    "save_removed",
    "save_failed",
    "search_offline",
    "offline_page_title",
    "offline_page_text",
    "share_read_more",
)
PAGE_META = ("title", "description")


def variant_text(text: str, variant: Variant) -> str:
    """A source string in a generated variant (the glossary first, then OpenCC)."""
    return convert_text(text, variant.opencc, variant.pairs) if variant.generated else text


def site_strings(values: dict[str, str], variant: Variant) -> dict[str, str]:
    """The non-empty site strings of mkdocs.yml in a generated variant."""
    return {key: variant_text(value, variant) for key, value in values.items() if value}


def nav_items(items: Iterable) -> Iterator:
    """Every item of a navigation tree, depth first."""
    for item in items:
        yield item
        yield from nav_items(getattr(item, "children", None) or ())


def page_text(text: str, variant: Variant, *, convert: bool) -> str:
    """Resolve inline markup in a source string and, if asked, convert it to the variant."""
    text = resolve(text, locale=variant.locale, default_locale=variant.source_locale, protect=convert)
    return variant_text(text, variant) if convert else text


def page_markdown(markdown: str, source: str, meta: dict, variant: Variant, *, convert: bool) -> str:
    """A page's Markdown with its markup resolved (MarkupError if malformed); its meta strings
    are resolved and, if asked, converted in place."""
    validate(source, variant.source_locale)
    for key in PAGE_META:
        if isinstance(meta.get(key), str):
            meta[key] = page_text(meta[key], variant, convert=convert)
    return resolve(markdown, locale=variant.locale, default_locale=variant.source_locale, protect=convert)


def page_html(html: str, variant: Variant) -> str:
    """A rendered page's human text in the variant."""
    return convert_html(html, variant.opencc, variant.pairs)
