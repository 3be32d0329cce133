"""The plugin's old-address job: pages and ids that moved keep working (link_aliases).

The plugin's events route here: `add_redirects` in on_files (a page's
`redirect_from`: a small page at each old address that forwards to the new
one) and `place_aliases` in on_page_content (a page's `anchor_aliases`: each
old #id placed where its question now is, and remembered on the `Build` for
the search index and the share pages). The work itself is link_aliases'
(pure); this module turns a bad front matter entry into a PluginError that
names the file and the line.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from . import link_aliases
from .config import Build
from .source_checks import source_name
from .upstream import mkdocs as mkdocs_adapter
from .zh_core import explicit_ids


def add_redirects(files: Files, *, config: MkDocsConfig, build: Build) -> None:
    """A forwarding page at every old address a page lists under `redirect_from`."""
    taken = {file.dest_uri for file in files}
    for file in list(files.documentation_pages()):
        text = file.content_string
        front = mkdocs_adapter.front_matter(text) if file.src_uri.endswith(".md") else {}
        try:
            old_pages = link_aliases.redirect_sources(front.get("redirect_from"))
            found = link_aliases.redirect_pages(
                old_pages, file.url, build.variant.prefix, build.variant.locale, taken,
                lambda old: mkdocs_adapter.destination(old, config),
            )  # fmt: skip
        except link_aliases.AliasError as error:
            line = link_aliases.front_matter_line(text, "redirect_from", error.value)
            raise PluginError(f"{source_name(config, file.src_uri)}:{line}: {error}") from error
        for dest_uri, page in found:
            files.append(File.generated(config, dest_uri, content=page))


def place_aliases(html: str, *, page: Page, files: Files, config: MkDocsConfig, build: Build) -> str:
    """The page with each old id of its `anchor_aliases` placed at the question it became."""
    try:
        aliases = link_aliases.alias_targets(page.meta.get("anchor_aliases"))
        if not aliases:
            return html
        build.old_ids.update({old: link_aliases.split_target(to)[1] for old, to in aliases.items()})
        # only the pages its aliases name, each looked up (not every page of the site, per page)
        named = {link_aliases.split_target(to)[0] for to in aliases.values()} | {page.file.src_uri}
        found = {part: files.get_file_from_path(part) for part in named}
        pages_ = {part: file for part, file in found.items() if file and file.is_documentation_page()}
        page_urls = {src_uri: file.url for src_uri, file in pages_.items()}
        ids_of = lambda src_uri: explicit_ids(pages_[src_uri].content_string)  # noqa: E731
        return link_aliases.placed_aliases(html, page.url, aliases, page_urls, ids_of)
    except link_aliases.AliasError as error:
        line = link_aliases.front_matter_line(page.file.content_string, "anchor_aliases", error.value)
        raise PluginError(f"{source_name(config, page.file.src_uri)}:{line}: {error}") from error
