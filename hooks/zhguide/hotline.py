"""Tap to call: the first mention of the hotline in each answer is a tel: link.

Readers are on phones, and the hotline answers half their questions. The
sources write the number as plain text; the build links it, in one place: in
each section of a page (the text under one heading), the first mention outside
a heading, a link, code or a box title becomes
`<a class="tel" href="tel:95588" aria-label="拨打 95588">95588</a>`. The label
is mkdocs.yml's extra.hotline_label, in the page's own script. Print and the
PDFs show the number as plain text (guide.css, scripts/_print_view.py).
"""

from __future__ import annotations

import html
import re

from .zh_convert import TAG_NAME, TOKEN, VOID

HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
NO_LINK = frozenset({"a", "code", "pre", "kbd", "samp", "script", "style", "button", "label"}) | HEADINGS
LINKED = re.compile(r'<a class="tel" href="tel:[^"]*"[^>]*>([^<]*)</a>')  # what tel_link writes
BOX_TITLE = re.compile(r"""\sclass\s*=\s*["'][^"']*\badmonition-title\b""")


def unlinked(page: str) -> str:
    """The page with its tel: links back to plain numbers (for print and the PDFs)."""
    return LINKED.sub(lambda found: found[1], page)


def tel_link(number: str, label: str) -> str:
    """The link markup for the number; label names it for screen readers ({number} filled in)."""
    name = html.escape(label.replace("{number}", number))
    return f'<a class="tel" href="tel:{html.escape(number)}" aria-label="{name}">{html.escape(number)}</a>'


def tel_links(page: str, number: str, label: str) -> str:
    """The page's HTML with the first mention of number in each section linked (see above)."""
    if number not in page:
        return page  # nothing to link: the page is not walked
    mention = re.compile(rf"(?<!\d){re.escape(number)}(?!\d)")
    out, closed = [], []  # closed: the open elements no link may go into
    linked, position = False, 0
    while position < len(page):
        token = TOKEN.match(page, position)
        piece, position = token[0], token.end()
        name = TAG_NAME.match(piece) if piece.startswith("<") else None
        if name is None:
            found = None if linked or closed or piece.startswith("<!") else mention.search(piece)
            if found:
                piece = piece[: found.start()] + tel_link(number, label) + piece[found.end() :]
                linked = True
            out.append(piece)
            continue
        tag = name[1].lower()
        if tag in HEADINGS and not piece.startswith("</"):
            linked = False  # a new section
        if piece.startswith("</"):
            if tag in closed:
                while closed and closed.pop() != tag:
                    pass
        elif tag not in VOID and not piece.endswith("/>") and (tag in NO_LINK or BOX_TITLE.search(piece)):
            closed.append(tag)
        out.append(piece)
    return "".join(out)
