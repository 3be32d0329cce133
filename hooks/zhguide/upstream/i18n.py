"""Adapter: mkdocs-static-i18n, which builds one site per language from one set of sources.

Contract (static-i18n 1.3.x):
- the plugin is registered as `i18n`; its `config.languages` entries have `locale`,
  `name`, `default`, `build`, `link`, `extra`, `site_name`, `site_description`,
  `copyright`; it builds the default language into the site root and each other
  one under `<locale>/`, re-running the whole build once per language with the
  same config object, and keeps `current_language` and `default_language`;
- with `fallback_to_default`, every language has every page, at the same path
  under its prefix (this project works out counterparts itself and never reads
  static-i18n's per-File attributes);
- its `on_config` (priority -100) copies a language's `site_name`,
  `site_description`, `copyright` and `extra` into the config, so values written
  into the language entries before it are what that language's build shows;
- it builds first the language in `current_language` when that is set before its
  first `on_config`, and then every other language whose entry has `build: true`:
  so one process builds one language when the others' `build` is off and
  `current_language` names it (static-i18n's own `build_only_locale` would make
  that language the default, at the site's root);
- its `on_page_context` (priority 50) resets `config.extra.alternate`, which
  Material renders as `<link rel="alternate" hreflang>`: the page's own links are
  set after it (no public API gives a page its own alternates).
"""

from __future__ import annotations

from dataclasses import dataclass

from mkdocs.config.defaults import MkDocsConfig

from . import fail, require_version

ADAPTER, DISTRIBUTION, WRITTEN_FOR = "i18n", "mkdocs-static-i18n", ">=1.3.1,<1.4"
PLUGIN = "i18n"
PLUGIN_ATTRIBUTES = ("current_language", "default_language", "config")


@dataclass(frozen=True)
class Language:
    """One language entry of mkdocs.yml, as this project reads it."""

    locale: str
    name: str
    default: bool
    build: bool
    prefix: str  # where its pages live: '' for the default language, else 'zh-Hant/'
    opencc: str | None  # extra.opencc: the OpenCC configuration that generates it, if any


def check(config: MkDocsConfig) -> None:
    """Fail loudly unless static-i18n is installed in the known range and configured."""
    require_version(ADAPTER, DISTRIBUTION, WRITTEN_FOR)
    missing = [name for name in PLUGIN_ATTRIBUTES if not hasattr(plugin(config), name)]
    if missing:
        raise fail(ADAPTER, DISTRIBUTION, f"its plugin no longer has {', '.join(missing)}")
    if not plugin(config).config.fallback_to_default:
        raise fail(ADAPTER, DISTRIBUTION, "mkdocs.yml must keep fallback_to_default: true")


def plugin(config: MkDocsConfig):
    """The static-i18n plugin of this config."""
    found = config.plugins.get(PLUGIN)
    if found is None:
        raise fail(ADAPTER, DISTRIBUTION, "mkdocs.yml lists no '- i18n:' plugin with its languages")
    return found


def prefix_of(link: str, default: bool) -> str:
    """A language's URL prefix from its `link` ('/zh-Hant/' -> 'zh-Hant/'); '' for the default."""
    return "" if default else link.strip("/") + "/"


def languages(config: MkDocsConfig) -> list[Language]:
    """Every language mkdocs.yml declares, in its order."""
    return [
        Language(
            locale=entry.locale,
            name=entry.name,
            default=entry.default,
            build=entry.build,
            prefix=prefix_of(entry.link or f"/{entry.locale}/", entry.default),
            opencc=(entry.extra or {}).get("opencc"),
        )
        for entry in plugin(config).config.languages
    ]


def current_locale(config: MkDocsConfig) -> str:
    """The locale the running build produces."""
    found = plugin(config)
    return found.current_language or found.default_language


def build_only(config: MkDocsConfig, locale: str) -> None:
    """Make this process build one language, where the full build would put it."""
    found = plugin(config)
    if found.current_language not in (None, locale):
        raise fail(ADAPTER, DISTRIBUTION, f"cannot build only {locale} after {found.current_language}")
    for entry in found.config.languages:
        entry.build = entry.locale == locale
    found.current_language = locale


def set_language_strings(config: MkDocsConfig, locale: str, strings: dict[str, str], extra: dict) -> None:
    """Give a language the site strings and `extra` entries its build shows, unless mkdocs.yml sets them."""
    entry = next(entry for entry in plugin(config).config.languages if entry.locale == locale)
    for key, value in strings.items():
        if entry[key] is None:
            entry[key] = value
    entry.extra = {**extra, **(entry.extra or {})}


def set_page_alternates(config: MkDocsConfig, alternates: list[dict]) -> None:
    """The `<link rel="alternate" hreflang>` entries of the page being rendered."""
    config.extra.alternate = alternates
