"""Convert only the human text of a page into a variant: glossary, then OpenCC.

Text nodes and the `alt` and `title` attributes are converted. Code (`code`,
`pre`, `kbd`, `samp`), scripts and styles, elements marked `translate="no"`,
tag names, URLs, ids and every other attribute are copied unchanged. Text
shielded earlier (inline markup, glossary forms) is restored at the end.

Both entry points are cached on their arguments, so an unchanged page is not
converted twice, not across the builds of `mkdocs serve` either.
"""

from __future__ import annotations

import functools
import re

from .zh_core import convert, unshield
from .zh_glossary import Pairs, apply

PROTECTED = frozenset({"code", "pre", "kbd", "samp", "script", "style"})
RAW_TEXT = frozenset({"script", "style"})
VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
)
TOKEN = re.compile(r"<!--.*?-->|<![^>]*>|<\?[^>]*>|</?[A-Za-z][^>]*>|[^<]+|<", re.S)
TAG_NAME = re.compile(r"</?([A-Za-z][A-Za-z0-9-]*)")
_HUMAN_ATTRIBUTE = re.compile(r"""(\s(?:alt|title)\s*=\s*)(?:"([^"]*)"|'([^']*)')""")
_NO_TRANSLATE = re.compile(r"""\stranslate\s*=\s*["']?no\b""")


def _convert_piece(text: str, config_name: str, pairs: Pairs) -> str:
    return convert(apply(text, pairs), config_name)


@functools.lru_cache(maxsize=4096)
def convert_text(text: str, config_name: str, pairs: Pairs) -> str:
    """Convert a plain string (a title, a description, a TOC label)."""
    return unshield(_convert_piece(text, config_name, pairs))


def _convert_attributes(tag: str, config_name: str, pairs: Pairs) -> str:
    def replace(match: re.Match[str]) -> str:
        value = match[2] if match[2] is not None else match[3]
        quote = '"' if match[2] is not None else "'"
        return f"{match[1]}{quote}{_convert_piece(value, config_name, pairs)}{quote}"

    return _HUMAN_ATTRIBUTE.sub(replace, tag)


@functools.lru_cache(maxsize=4096)
def convert_html(html: str, config_name: str, pairs: Pairs) -> str:
    """Convert the human text of an HTML fragment, leaving all markup as it is."""
    out: list[str] = []
    stack: list[tuple[str, bool]] = []  # (open tag, inside protected content)
    position = 0
    while position < len(html):
        token = TOKEN.match(html, position)
        piece, position = token[0], token.end()
        protected = bool(stack) and stack[-1][1]
        name_match = TAG_NAME.match(piece) if piece.startswith("<") else None
        if name_match is None:  # text, a comment, a stray "<"
            is_text = not piece.startswith(("<!", "<?")) or piece == "<"
            out.append(_convert_piece(piece, config_name, pairs) if is_text and not protected else piece)
            continue
        name = name_match[1].lower()
        if piece.startswith("</"):
            while stack and stack.pop()[0] != name:
                pass
            out.append(piece)
            continue
        out.append(piece if protected else _convert_attributes(piece, config_name, pairs))
        if name in RAW_TEXT:  # copy the raw content up to the closing tag
            end = html.lower().find(f"</{name}", position)
            end = len(html) if end < 0 else end
            out.append(html[position:end])
            position = end
        elif name not in VOID and not piece.endswith("/>"):
            stack.append((name, protected or name in PROTECTED or bool(_NO_TRANSLATE.search(piece))))
    return unshield("".join(out))
