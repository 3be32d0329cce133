"""Give each heading's permalink an accessible name in the page's own script, and no text.

Python-Markdown's permalink is a bare "¶" with a title; a screen reader
announces it as "pilcrow", and a text browser prints it after every heading.
The label is the permalink's title (本节链接 from mkdocs.yml, already converted
for a generated variant) and the heading's text, so it reads in the page's
script (the plugin labels them after converting the page); the ¶ a sighted
reader taps is drawn by guide.css.
"""

from __future__ import annotations

import html
import re

from .upstream.mkdocs import HEADING, PERMALINK

_TAG = re.compile(r"<[^>]+>")
PILCROW = re.compile(r"^(?:&para;|¶)")  # the permalink's text


def label_permalinks(content: str) -> str:
    """Add aria-label="<title>：<heading text>" to every heading permalink in content."""

    def label(heading: re.Match[str]) -> str:
        inner = heading[3]
        link = PERMALINK.search(inner)
        if link is None:
            return heading[0]
        text = html.unescape(_TAG.sub("", inner[: link.start()])).strip()
        name = html.escape(f"{html.unescape(link[2])}：{text}")
        labelled = f'<a class="headerlink" href="{link[1]}" title="{link[2]}" aria-label="{name}">'
        rest = PILCROW.sub("", inner[link.end() :], count=1)
        return heading[1] + inner[: link.start()] + labelled + rest + heading[4]

    return HEADING.sub(label, content)
