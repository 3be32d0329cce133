"""The plugin's share-page job: each question's share address (share_pages).

The plugin's events route here: `collect` in on_page_content, `write` in
on_post_build. The work itself is share_pages' (pure); this module keeps the
questions a build has met on its `Build`, and turns a question id used on two
pages into a PluginError that names the file and the line.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page
from mkdocs.utils import write_file

from . import faq_schema, share_pages, source_checks
from .config import Build


def collect(html: str, *, page: Page, source: str, build: Build) -> str:
    """Keep the page's questions for their share pages; link each from its permalink."""
    if build.offline:  # the download is read where it is, not shared
        return html
    found = share_pages.page_shares(faq_schema.questions(html), page.url)
    for share in found:
        if (other := build.shared_from.setdefault(share.id, source)) != source:
            line = source_checks.line_of(page.file.content_string, "{#" + share.id)
            raise PluginError(
                f"{source}:{line}: the question id '{share.id}' is also a question of {other}; "
                f"each question's share address ({share_pages.SHARE_DIR}<id>/) needs an id of its own"
            )
        build.shares[share.id] = share
    return share_pages.shared_permalinks(html, found, build.variant.prefix)


def write(*, config: MkDocsConfig, build: Build) -> None:
    """Write the share page of every question, and of every old id of one."""
    site_url = config.site_url or ""
    texts = share_pages.Texts(config.site_name, config.extra.get("share_read_more") or "")
    for dest_uri, page in share_pages.site_pages(build.shares, build.old_ids, build, texts, site_url):
        write_file(page.encode("utf-8"), str(Path(config.site_dir, dest_uri)))
