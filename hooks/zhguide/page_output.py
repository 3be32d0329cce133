"""The plugin's output job: what a rendered page may hold, and where a variant's 404 page goes.

The plugin's on_post_page and on_post_template route here. Material's menu toggles
become a template (reading_order), the next-page hints a browser prefetches go,
and a page that would run inline code, which the site's Content-Security-Policy
forbids, stops the build with a PluginError naming the built file and line
(page_scripts).
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.exceptions import PluginError
from mkdocs.utils import write_file

from .page_scripts import inline_code
from .reading_order import templated_toggles
from .upstream import material


def checked_output(html: str, name: str) -> str:
    """html, if it runs no inline code; else a PluginError naming the built file and line."""
    if found := inline_code(html):
        line, what = found[0]
        raise PluginError(
            f"{name}:{line}: {what}: the site's Content-Security-Policy (deploy/nginx.conf) allows "
            "no inline code; move it into a file in overrides/assets/javascripts/"
        )
    return html


def page_output(output: str, src_uri: str, dest_uri: str) -> str:
    """A rendered page: its toggles a template, no prefetch hints, no inline code."""
    try:
        output = material.without_prefetch_hints(templated_toggles(output))
    except ValueError as error:
        raise PluginError(
            f"hooks/zhguide/upstream/material.py: {src_uri}: {error}; Material's base template changed"
        ) from error
    return checked_output(output, dest_uri)


def template_output(output: str, template_name: str, prefix: str, site_url: str, site_dir: str) -> str:
    """A page rendered from a template alone (404.html), checked the same way. A generated
    variant's goes under its prefix, reading that variant's search index, and is written there:
    the site's root keeps the source variant's ("" is returned, which MkDocs does not write)."""
    if not template_name.endswith(".html"):
        return output
    try:
        output = templated_toggles(output)
    except ValueError:
        pass  # a template page without Material's menu: nothing to hide from text browsers
    output = checked_output(output, template_name)
    if not prefix:
        return output
    root = urlsplit(site_url).path or "/"
    output = material.with_search_base(output, root + prefix, template_name)
    write_file(output.encode("utf-8"), str(Path(site_dir, prefix, template_name)))
    return ""
