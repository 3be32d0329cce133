"""Links between the variants of a page: the language switch and the hreflang metadata.

For every page this works out where the same page lives in each variant, as
a relative URL (for the language switch, which must work under any sub-path
and from file://) and as an absolute URL under `site_url` (for hreflang,
canonical and x-default metadata). Templates read the result from the page
context as `variants`; Material's own `<link rel="alternate">` tags get the
absolute URLs.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from urllib.parse import urljoin

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from variant_pages import built_languages, current_language, url_prefix

log = logging.getLogger("mkdocs.plugins.variant_links")


@dataclass(frozen=True)
class VariantLink:
    lang: str
    name: str
    href: str  # relative to the current page
    url: str  # absolute, under site_url ('' without one)
    current: bool
    default: bool


def counterpart_urls(
    page_url: str, page_lang: str, alternates: dict[str, str], homes: dict[str, str]
) -> dict:
    """Site-relative URL of the page in each variant; a variant without the page gets its home."""
    urls = {lang: alternates.get(lang, home) for lang, home in homes.items()}
    urls[page_lang] = page_url
    return urls


def variant_links(
    page_url: str, page_lang: str, languages: list[tuple[str, str, bool]], urls: dict[str, str], site_url: str
) -> list[VariantLink]:
    """The page's links to every variant, in the order of mkdocs.yml."""
    return [
        VariantLink(
            lang=lang,
            name=name,
            href=get_relative_url(urls[lang] or "./", page_url or "./"),
            url=urljoin(site_url, urls[lang]) if site_url else "",
            current=lang == page_lang,
            default=default,
        )
        for lang, name, default in languages
    ]


def on_page_context(context: dict, *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    """Give templates the page's variant links; point Material's alternates at absolute URLs."""
    built = built_languages(config)
    languages = [(language.locale, language.name, language.default) for language in built]
    homes = {language.locale: url_prefix(language) for language in built}
    alternates = {lang: file.url for lang, file in getattr(page.file, "alternates", {}).items()}
    page_lang = getattr(page.file, "locale_alternate_of", None) or current_language(config).locale
    urls = counterpart_urls(page.url, page_lang, alternates, homes)
    links = variant_links(page.url, page_lang, languages, urls, config.site_url or "")
    context["variants"] = links
    # Material renders config.extra.alternate as <link rel="alternate" hreflang>; static-i18n
    # resets it for every page (priority 50), so this runs after it.
    config.extra.alternate = [
        {"name": link.name, "link": link.url or link.href, "lang": link.lang} for link in links
    ]
    return context
