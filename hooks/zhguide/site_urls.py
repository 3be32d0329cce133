"""Absolute addresses under site_url, as urljoin makes them, without its cost where it adds nothing.

A build joins site_url with a page's path some twenty times per page (its links to
every variant, its share pages, the sitemap): at 1000 pages, urljoin's parsing was a
measurable part of the build. A plain path under a site_url ending in / joins to their
concatenation; anything else (dot or empty segments, a leading /, a scheme, a query) goes
through urljoin.
"""

from __future__ import annotations

import functools
import re
from urllib.parse import urljoin, urlsplit

PLAIN = re.compile(r"(?![/.])[^:;?\\\s\x00-\x1f]*")  # no scheme, parameters, query, leading / or .
RESOLVED = re.compile(r"(?:^|/)\.\.?(?:/|$)|//")  # a . or .. segment or an empty one: urljoin resolves them


@functools.lru_cache(maxsize=8)
def _plain_base(site_url: str) -> bool:
    """True for a site_url that a plain path extends as it is: a folder, no query or fragment,
    nothing urljoin would resolve in its own path."""
    path = urlsplit(site_url).path
    plain = not any(mark in site_url for mark in "?#;") and not RESOLVED.search(path)
    return site_url.endswith("/") and plain


def absolute(site_url: str, path: str) -> str:
    """urljoin(site_url, path), or path unchanged without a site_url."""
    if not site_url:
        return path
    if _plain_base(site_url):
        before, hash_, fragment = path.partition("#")
        if PLAIN.fullmatch(path) and not RESOLVED.search(before) and (fragment or not hash_):
            return site_url + path  # (urljoin drops an empty fragment)
    return urljoin(site_url, path)
