"""Generate each OpenCC variant of the guide, in memory, from the Simplified source.

A language of the i18n plugin becomes a generated variant by naming an OpenCC
configuration in its `extra`:

    - locale: zh-Hant
      extra: {opencc: s2tw}

static-i18n falls back to the Simplified page wherever no hand-written
`<page>.zh-Hant.md` exists. This hook converts the human text of that page
(after it is rendered, so code, URLs and attributes stay as they are), its
title, description and table of contents, the navigation labels, and the
site name, description and copyright, applying docs/glossary.yml first. It
also resolves the inline markup `-{…}-` in every page of every variant.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Link, Navigation, Section
from mkdocs.structure.pages import Page

from zh_convert import convert_html, convert_text
from zh_core import config_names
from zh_glossary import Entry, GlossaryError, Pairs, load, pairs_for
from zh_markup import MarkupError, resolve, validate

log = logging.getLogger("mkdocs.plugins.variant_pages")

OPTION = "opencc"
GLOSSARY = "glossary.yml"
SITE_STRINGS = ("site_name", "site_description", "copyright")
EXTRA_STRINGS = (
    "offline_label",
    "pdf_label",
    "credit_label",
)  # interface text of this site's own templates, in mkdocs.yml's extra
PAGE_META = ("title", "description")


@dataclass(frozen=True)
class Variant:
    """The language one build produces, and how to get its text from the source."""

    locale: str
    default_locale: str
    opencc: str | None  # None for the source variant itself
    pairs: Pairs = ()


def check_config_name(locale: str, name: object) -> str:
    """Return a valid OpenCC configuration name, or raise an error a user can act on."""
    if name not in config_names():
        raise PluginError(
            f"mkdocs.yml: plugins.i18n.languages[{locale}].extra.{OPTION} is {name!r}, "
            f"which is not an OpenCC configuration. Valid names: {', '.join(config_names())}."
        )
    return str(name)


@functools.lru_cache(maxsize=8)
def _glossary(path: Path, modified_ns: int) -> tuple[Entry, ...]:
    return load(path)


def glossary(config: MkDocsConfig) -> tuple[Entry, ...]:
    """The glossary in docs/, re-read only when the file changes."""
    path = Path(config.docs_dir) / GLOSSARY
    try:
        return _glossary(path, path.stat().st_mtime_ns if path.is_file() else 0)
    except GlossaryError as error:
        raise PluginError(f"{Path(config.docs_dir).name}/{GLOSSARY}:{error}") from error


def variant_for(config: MkDocsConfig, language) -> Variant:
    """The Variant one i18n language produces."""
    default = next(lang.locale for lang in i18n(config).config.languages if lang.default)
    name = (language.extra or {}).get(OPTION)
    if name is None:
        return Variant(language.locale, default, None)
    name = check_config_name(language.locale, name)
    return Variant(language.locale, default, name, pairs_for(glossary(config), language.locale))


def current_variant(config: MkDocsConfig) -> Variant:
    """The Variant the running build produces."""
    return variant_for(config, current_language(config))


def i18n(config: MkDocsConfig):
    """The mkdocs-static-i18n plugin."""
    plugin = config.plugins.get("i18n")
    if plugin is None:
        raise PluginError(
            "hooks/variant_pages.py needs the mkdocs-static-i18n plugin: add '- i18n:' "
            "with its languages under 'plugins' in mkdocs.yml."
        )
    return plugin


def url_prefix(language) -> str:
    """Where static-i18n puts a language's pages: '' for the default one, else 'zh-Hant/'."""
    return "" if language.default else f"{language.locale}/"


def built_languages(config: MkDocsConfig) -> list:
    """The i18n languages this site builds, in the order of mkdocs.yml."""
    return [language for language in i18n(config).config.languages if language.build]


def current_language(config: MkDocsConfig):
    """The i18n language of the running build."""
    plugin = i18n(config)
    locale = plugin.current_language or plugin.default_language
    return next(language for language in plugin.config.languages if language.locale == locale)


def uses_fallback_source(file: File) -> bool:
    """True when static-i18n serves this page from another language's source file."""
    return getattr(file, "locale", None) != getattr(file, "locale_alternate_of", None)


def nav_items(items: Iterable) -> Iterator:
    """Every item of a navigation tree, depth first."""
    for item in items:
        yield item
        yield from nav_items(getattr(item, "children", None) or ())


def page_text(text: str, variant: Variant, *, convert: bool) -> str:
    """Resolve inline markup in a source string and, if asked, convert it to the variant."""
    text = resolve(text, locale=variant.locale, default_locale=variant.default_locale, protect=convert)
    return convert_text(text, variant.opencc, variant.pairs) if convert else text


def on_config(config: MkDocsConfig) -> None:
    """Check every variant's OpenCC name and the glossary; derive the variants' site strings."""
    if current_variant(config).opencc is not None:
        # Every variant would write the site's one 404.html; the source variant's stays.
        config.theme.static_templates.discard("404.html")
    # Runs before static-i18n's own on_config (priority -100), so on the first,
    # Simplified build the site strings are still the ones from mkdocs.yml.
    for language in i18n(config).config.languages:
        variant = variant_for(config, language)
        if variant.opencc is None:
            continue
        for key in SITE_STRINGS:
            if config[key] and language[key] is None:  # a hand-written value in mkdocs.yml wins
                language[key] = convert_text(config[key], variant.opencc, variant.pairs)
        language.extra = language.extra or {}
        for key in EXTRA_STRINGS:
            if config.extra.get(key) and key not in language.extra:
                language.extra[key] = convert_text(config.extra[key], variant.opencc, variant.pairs)


def on_nav(nav: Navigation, *, config: MkDocsConfig, files: Files) -> None:
    """Convert navigation labels that mkdocs.yml spells out (sections, links, titled pages)."""
    variant = current_variant(config)
    if variant.opencc is None:
        return
    for item in nav_items(nav.items):
        explicit = isinstance(item, (Section, Link)) or "title" in vars(item)
        if explicit and item.title:
            item.title = convert_text(item.title, variant.opencc, variant.pairs)


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Resolve inline markup; shield what a generated variant must not convert."""
    variant = current_variant(config)
    try:
        validate(page.file.content_string, variant.default_locale)
    except MarkupError as error:
        source = f"{Path(config.docs_dir).name}/{page.file.src_uri}"
        raise PluginError(f"{source}:{error.line}:{error.column}: {error.message}") from error
    convert = variant.opencc is not None and uses_fallback_source(page.file)
    for key in PAGE_META:
        if isinstance(page.meta.get(key), str):
            page.meta[key] = page_text(page.meta[key], variant, convert=convert)
    return resolve(markdown, locale=variant.locale, default_locale=variant.default_locale, protect=convert)


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    """Convert the rendered page, its table of contents and its title into the variant."""
    variant = current_variant(config)
    if variant.opencc is None or not uses_fallback_source(page.file):
        return None
    for anchor in nav_items(page.toc):
        anchor.title = convert_text(anchor.title, variant.opencc, variant.pairs)
    if "title" not in page.meta and page.title:
        page.title = convert_text(page.title, variant.opencc, variant.pairs)
    return convert_html(html, variant.opencc, variant.pairs)
