"""Generate each OpenCC variant of the guide, in memory, from the Simplified source.

A language of the i18n plugin becomes a generated variant by naming an OpenCC
configuration in its `extra`:

    - locale: zh-Hant
      extra: {opencc: s2tw}

static-i18n then falls back to the Simplified page wherever no hand-written
`<page>.zh-Hant.md` exists, and this hook converts that fallback page, its
title and description, the navigation labels, and the site name, description
and copyright. A hand-written page is left exactly as written.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Link, Navigation, Section
from mkdocs.structure.pages import Page

from zh_core import config_names, convert

log = logging.getLogger("mkdocs.plugins.variant_pages")

OPTION = "opencc"
SITE_STRINGS = ("site_name", "site_description", "copyright")
PAGE_META = ("title", "description")


def variant_config_name(extra: dict | None) -> str | None:
    """The OpenCC configuration a language's `extra` asks for, or None."""
    return (extra or {}).get(OPTION)


def check_config_name(locale: str, name: object) -> str:
    """Return a valid OpenCC configuration name, or raise an error a user can act on."""
    if name not in config_names():
        raise PluginError(
            f"mkdocs.yml: plugins.i18n.languages[{locale}].extra.{OPTION} is {name!r}, "
            f"which is not an OpenCC configuration. Valid names: {', '.join(config_names())}."
        )
    return str(name)


def variant_site_strings(config: dict, name: str) -> dict[str, str]:
    """The site-wide strings of mkdocs.yml, converted for one variant."""
    return {key: convert(config[key], name) for key in SITE_STRINGS if config.get(key)}


def uses_fallback_source(file: File) -> bool:
    """True when static-i18n serves this page from another language's source file."""
    return getattr(file, "locale", None) != getattr(file, "locale_alternate_of", None)


def nav_items(items: Iterable) -> Iterator:
    """Every item of a navigation tree, depth first."""
    for item in items:
        yield item
        yield from nav_items(getattr(item, "children", None) or ())


def i18n_languages(config: MkDocsConfig) -> list:
    """The languages configured for mkdocs-static-i18n."""
    plugin = config.plugins.get("i18n")
    if plugin is None:
        raise PluginError(
            "hooks/variant_pages.py needs the mkdocs-static-i18n plugin: add '- i18n:' "
            "with its languages under 'plugins' in mkdocs.yml."
        )
    return plugin.config.languages


def on_config(config: MkDocsConfig) -> None:
    """Check every variant's OpenCC name and derive its site name, description and copyright."""
    # Runs before static-i18n's own on_config (priority -100), so on the first,
    # Simplified build the site strings are still the ones from mkdocs.yml.
    for language in i18n_languages(config):
        name = variant_config_name(language.extra)
        if name is None:
            continue
        name = check_config_name(language.locale, name)
        for key, value in variant_site_strings(config, name).items():
            if language[key] is None:  # a hand-written value in mkdocs.yml wins
                language[key] = value


def on_nav(nav: Navigation, *, config: MkDocsConfig, files: Files) -> None:
    """Convert navigation labels that mkdocs.yml spells out (sections, links, titled pages)."""
    name = variant_config_name(config.extra)
    if name is None:
        return
    for item in nav_items(nav.items):
        explicit = isinstance(item, (Section, Link)) or "title" in vars(item)
        if explicit and item.title:
            item.title = convert(item.title, name)


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    """Convert a page served from the Simplified source into this build's variant."""
    name = variant_config_name(config.extra)
    if name is None or not uses_fallback_source(page.file):
        return None
    for key in PAGE_META:
        if isinstance(page.meta.get(key), str):
            page.meta[key] = convert(page.meta[key], name)
    return convert(markdown, name)
