"""The site's one sitemap: every page of every variant, each with its counterparts.

Every variant has every page at the same path under its prefix, so the
source variant's build lists them all; overrides/sitemap.xml writes them. The
markup and order are static-i18n's: each entry's own variant first.
"""

from __future__ import annotations

from dataclasses import dataclass

from .site_urls import absolute
from .variants import Variant


@dataclass(frozen=True)
class SitemapEntry:
    loc: str
    lastmod: str
    alternates: tuple[tuple[str, str], ...]  # (locale, absolute URL): its own variant first


def sitemap_entries(
    paths: list[tuple[str, str]], variants: list[Variant], site_url: str
) -> list[SitemapEntry]:
    """Entries for pages given as (path under a variant's root, last modified), variant by variant."""

    return [
        SitemapEntry(
            loc=absolute(site_url, variant.prefix + path),
            lastmod=lastmod,
            alternates=tuple(
                (other.locale, absolute(site_url, other.prefix + path))
                for other in [variant, *(other for other in variants if other != variant)]
            ),
        )
        for variant in variants
        for path, lastmod in paths
    ]
