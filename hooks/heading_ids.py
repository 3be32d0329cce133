"""Require an explicit, stable {#id} on every heading, so shared links never break.

Python-Markdown would otherwise derive ids from Chinese headings as `_1`,
`_2`, ... which change whenever a heading is added above. A heading without
an explicit id is reported with its file and line; under `mkdocs build
--strict` that fails the build.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from variant_pages import uses_fallback_source
from zh_core import headings_without_id

log = logging.getLogger("mkdocs.plugins.heading_ids")


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> None:
    """Warn about each heading of the page's source file that has no explicit id."""
    if uses_fallback_source(page.file):
        return  # the source file was already checked in its own language's build
    path = f"{Path(config.docs_dir).name}/{page.file.src_uri}"
    for line, text in headings_without_id(page.file.content_string):
        log.warning(
            f"{path}:{line}: heading '{text}' has no explicit id; "
            "add a lowercase ASCII one, for example '## 逾期多久会上门？ {#home-visit-timing}'."
        )
