"""Give each heading's permalink an accessible name in the page's own script.

Python-Markdown's permalink is a bare "¶" with a title; a screen reader
announces it as "pilcrow". The label is the permalink's title (本节链接 from
mkdocs.yml, already converted for a generated variant) and the heading's
text, so it reads in the page's script. Runs after hooks/variant_pages.py,
which mkdocs.yml lists first.
"""

from __future__ import annotations

import html
import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

_HEADING = re.compile(r"(<h([1-6])\b[^>]*>)(.*?)(</h\2>)", re.S)
_PERMALINK = re.compile(r'<a class="headerlink" href="(#[^"]*)" title="([^"]*)">')
_TAG = re.compile(r"<[^>]+>")


def label_permalinks(content: str) -> str:
    """Add aria-label="<title>：<heading text>" to every heading permalink in content."""

    def label(heading: re.Match[str]) -> str:
        inner = heading[3]
        link = _PERMALINK.search(inner)
        if link is None:
            return heading[0]
        text = html.unescape(_TAG.sub("", inner[: link.start()])).strip()
        name = html.escape(f"{html.unescape(link[2])}：{text}")
        labelled = f'<a class="headerlink" href="{link[1]}" title="{link[2]}" aria-label="{name}">'
        return heading[1] + inner[: link.start()] + labelled + inner[link.end() :] + heading[4]

    return _HEADING.sub(label, content)


def on_page_content(html_: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Label the page's heading permalinks."""
    return label_permalinks(html_)
