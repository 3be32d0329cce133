"""The plugin's share-page job: each question's share address (share_pages).

The plugin's events route here: `collect` in on_page_content, `write` in
on_post_build. The work itself is share_pages' (pure); this module keeps the
questions a build has met on its `Build`, and turns a question id used on two
pages into a PluginError that names the file and the line.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

from . import share_pages, source_checks
from .config import Build
from .faq_schema import Question


def collect(html: str, questions: list[Question], *, page: Page, source: str, build: Build) -> str:
    """Keep the page's questions (faq_schema.questions of html) for their share pages; link each
    from its permalink."""
    if build.offline:  # the download is read where it is, not shared
        return html
    found = share_pages.page_shares(questions, page.url)
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
    pages = share_pages.site_pages(build.shares, build.old_ids, build, texts, site_url)
    if pages:  # all under the variant's q/
        Path(config.site_dir, build.variant.prefix, share_pages.SHARE_DIR).mkdir(parents=True, exist_ok=True)
    for dest_uri, page in pages:
        new_file(Path(config.site_dir, dest_uri), page.encode("utf-8"))


def new_file(path: Path, content: bytes) -> None:
    """Write a file in a folder of its own whose parent exists (q/<id>/index.html): a folder and a
    file per question, eight thousand a variant at a thousand pages, so in the fewest system
    calls (mkdocs.utils.write_file checks each folder first and buffers each file)."""
    with contextlib.suppress(FileExistsError):
        os.mkdir(path.parent)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o666)
    try:
        view = memoryview(content)
        while view:
            view = view[os.write(descriptor, view) :]
    finally:
        os.close(descriptor)
