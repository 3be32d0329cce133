"""Links between the variants of a page: the language switch and the hreflang metadata.

For every page this works out where the same page lives in each variant, as
a relative URL (for the language switch, which must work under any sub-path
and from file://) and as an absolute URL under `site_url` (for hreflang,
canonical and x-default metadata). Templates read the result from the page
context as `variants`; Material's own `<link rel="alternate">` tags get the
absolute URLs.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from mkdocs.utils import get_relative_url

from .site_urls import absolute


@dataclass(frozen=True)
class VariantLink:
    lang: str
    name: str
    href: str  # relative to the current page
    url: str  # absolute, under site_url ('' without one)
    current: bool
    default: bool


def variant_links(
    page_url: str, page_lang: str, languages: list[tuple[str, str, bool]], urls: dict[str, str], site_url: str
) -> list[VariantLink]:
    """The page's links to every variant, in the order of mkdocs.yml."""
    return [
        VariantLink(
            lang=lang,
            name=name,
            href=get_relative_url(urls[lang] or "./", page_url or "./"),
            url=absolute(site_url, urls[lang]) if site_url else "",
            current=lang == page_lang,
            default=default,
        )
        for lang, name, default in languages
    ]


def hreflang_entries(links: list[VariantLink]) -> list[dict]:
    """Material's `<link rel="alternate" hreflang>` entries for the page's links."""
    return [{"name": link.name, "link": link.url or link.href, "lang": link.lang} for link in links]


def home_links(variants: list, current: str, site_url: str) -> list[VariantLink]:
    """Links to every variant's home, for a page that is in no variant (a 404 page, which answers
    at any address: its links start at the site's root path)."""
    root = urlsplit(site_url).path or "/"
    return [
        VariantLink(
            lang=variant.locale,
            name=variant.name,
            href=root + variant.prefix,
            url=absolute(site_url, variant.prefix) if site_url else "",
            current=variant.locale == current,
            default=variant.default,
        )
        for variant in variants
    ]


def page_links(page_url: str, variant, variants: list, site_url: str) -> list[VariantLink]:
    """A page's links to itself in every variant: the same path under each variant's prefix."""
    path = page_url.removeprefix(variant.prefix)
    urls = {other.locale: other.prefix + path for other in variants}
    languages = [(other.locale, other.name, other.default) for other in variants]
    return variant_links(page_url, variant.locale, languages, urls, site_url)
