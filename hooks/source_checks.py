"""Check the Markdown sources before anything is built from them.

- Every page must be valid UTF-8: the build stops with the file, line and
  column of the first bad byte, before any page is written.
- Every heading needs an explicit, stable {#id}. Python-Markdown would derive
  ids from Chinese headings as `_1`, `_2`, ... which change whenever a heading
  is added above, breaking every shared link. Each heading without one is
  reported with its file and line; `mkdocs build --strict` then fails.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from variant_pages import uses_fallback_source
from zh_core import headings_without_id, utf8_error

log = logging.getLogger("mkdocs.plugins.source_checks")


def source_name(config: MkDocsConfig, src_uri: str) -> str:
    """How messages name a source file: relative to the project, e.g. docs/overdue.md."""
    return f"{Path(config.docs_dir).name}/{src_uri}"


def on_files(files: Files, *, config: MkDocsConfig) -> None:
    """Stop the build at the first Markdown page that is not valid UTF-8."""
    for file in files.documentation_pages():
        if file.abs_src_path and (error := utf8_error(Path(file.abs_src_path).read_bytes())):
            line, column, message = error
            raise PluginError(f"{source_name(config, file.src_uri)}:{line}:{column}: {message}")


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> None:
    """Warn about each heading of the page's source file that has no explicit id."""
    if uses_fallback_source(page.file):
        return  # the source file was already checked in its own language's build
    for line, text in headings_without_id(page.file.content_string):
        log.warning(
            f"{source_name(config, page.file.src_uri)}:{line}: heading '{text}' has no explicit id; "
            "add a lowercase ASCII one, for example '## 逾期多久会上门？ {#home-visit-timing}'."
        )
