"""The variants of the guide: which languages are built, where, and how each is made.

A language of mkdocs.yml's i18n plugin is a generated variant when it names an
OpenCC configuration in its `extra`; the language without one is the source
every other variant is generated from:

    - locale: zh-Hant
      name: 繁體中文
      extra: {opencc: s2tw}

Adding a variant is one such entry: everything else (pages, links, search
indexes, downloads, tests, benchmarks) iterates over `Variant`s.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from .upstream.i18n import Language
from .zh_core import config_names
from .zh_glossary import Entry, Pairs, load, pairs_for


class VariantError(ValueError):
    """mkdocs.yml declares variants this project cannot build; the message says where."""


@dataclass(frozen=True)
class Variant:
    """One language the site is built in, and how its text comes from the source."""

    locale: str
    name: str
    prefix: str  # '' for the default variant, else 'zh-Hant/'
    default: bool
    source_locale: str  # the language of the sources in docs/
    opencc: str | None = None  # None for the source variant itself
    pairs: Pairs = ()  # the glossary's phrases for this variant

    @property
    def generated(self) -> bool:
        return self.opencc is not None


def source_of(languages: list[Language]) -> Language:
    """The one built language without an OpenCC configuration: the sources' own."""
    sources = [language for language in languages if language.build and language.opencc is None]
    if len(sources) != 1:
        names = ", ".join(language.locale for language in sources) or "none"
        raise VariantError(
            "mkdocs.yml: exactly one built language of plugins.i18n must have no extra.opencc "
            f"(the language docs/ is written in); found {names}"
        )
    return sources[0]


def check_opencc(locale: str, name: object) -> str:
    """A valid OpenCC configuration name, or an error a user can act on."""
    if name not in config_names():
        raise VariantError(
            f"mkdocs.yml: plugins.i18n.languages[{locale}].extra.opencc is {name!r}, "
            f"which is not an OpenCC configuration. Valid names: {', '.join(config_names())}."
        )
    return str(name)


def variants_of(languages: list[Language], glossary: tuple[Entry, ...]) -> list[Variant]:
    """Every built variant, in the order of mkdocs.yml."""
    source = source_of(languages).locale
    return [
        Variant(
            locale=language.locale,
            name=language.name,
            prefix=language.prefix,
            default=language.default,
            source_locale=source,
            opencc=None if language.opencc is None else check_opencc(language.locale, language.opencc),
            pairs=() if language.opencc is None else pairs_for(glossary, language.locale, language.opencc),
        )
        for language in languages
        if language.build
    ]


@functools.lru_cache(maxsize=8)
def _glossary(path: Path, modified_ns: int) -> tuple[Entry, ...]:
    return load(path)


def glossary_at(path: Path) -> tuple[Entry, ...]:
    """The glossary file, read again only when it changes (GlossaryError if malformed)."""
    return _glossary(path, path.stat().st_mtime_ns if path.is_file() else 0)


def variant_named(variants: list[Variant], locale: str) -> Variant:
    """The variant of a locale."""
    return next(variant for variant in variants if variant.locale == locale)


def glossary_forms(variants: list[Variant]) -> list[str]:
    """Every phrase the glossary writes, and its source: their characters fold too."""
    return [text for variant in variants for pair in variant.pairs for text in pair]


def generated_scripts(variants: list[Variant]) -> dict[str, str]:
    """Lowercase locale -> OpenCC configuration of each generated variant: what its text is checked
    against (glossary forms, inline-markup entries)."""
    return {variant.locale.lower(): variant.opencc for variant in variants if variant.generated}
