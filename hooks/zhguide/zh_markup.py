"""Inline variant markup in the Simplified source, resolved for one variant.

    -{原样}-                          keep the text as written, in every variant
    -{zh-Hans:短信;zh-Hant:簡訊}-      explicit text for each variant

Language tags are matched case-insensitively. A variant without its own
entry gets the default variant's text, converted like the rest of the page.
Markup inside fenced code blocks and inline code is left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from .zh_core import foreign_char, shield

OPEN, CLOSE = "-{", "}-"
_FENCE = re.compile(r"^\s*(```|~~~)")
_CODE_SPAN = re.compile(r"(`+).+?\1")
_TOKEN = re.compile(re.escape(OPEN) + "|" + re.escape(CLOSE))
_ENTRY = re.compile(r"\s*([A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)\s*:(.*)", re.S)
_ENTRY_START = re.compile(r";(?=\s*[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*\s*:)")


class MarkupError(ValueError):
    """Malformed markup, with the 1-based line and column where it starts."""

    def __init__(self, line: int, column: int, message: str) -> None:
        super().__init__(f"{line}:{column}: {message}")
        self.line, self.column, self.message = line, column, message


@dataclass(frozen=True)
class Span:
    start: int  # offset of "-{"
    end: int  # offset just after "}-"
    body: str
    line: int
    column: int


def _code_free_lines(text: str) -> Iterator[tuple[int, int, str]]:
    """(line number, offset, line) of each line, with code blanked out to spaces."""
    offset, in_fence = 0, False
    for number, line in enumerate(text.splitlines(keepends=True), start=1):
        if _FENCE.match(line):
            in_fence = not in_fence
            yield number, offset, " " * len(line)
        elif in_fence:
            yield number, offset, " " * len(line)
        else:
            yield number, offset, _CODE_SPAN.sub(lambda m: " " * len(m[0]), line)
        offset += len(line)


def spans(text: str) -> list[Span]:
    """Every markup span in text, in order; raises MarkupError if one is unbalanced."""
    found, opened = [], None
    for number, offset, line in _code_free_lines(text):
        for token in _TOKEN.finditer(line):
            position = offset + token.start()
            if token[0] == OPEN:
                if opened:
                    raise MarkupError(*opened[1:], f"'{OPEN}' is opened again before '{CLOSE}' closes it")
                opened = (position, number, token.start() + 1)
            elif opened is None:
                raise MarkupError(number, token.start() + 1, f"'{CLOSE}' closes no '{OPEN}'")
            else:
                start = opened[0]
                found.append(Span(start, position + 2, text[start + 2 : position], *opened[1:]))
                opened = None
    if opened:
        raise MarkupError(*opened[1:], f"'{OPEN}' is never closed by '{CLOSE}'")
    return found


def entries(span: Span) -> dict[str, str] | None:
    """A span's per-variant texts keyed by lowercase language tag; None for a keep span."""
    if not _ENTRY.match(span.body):
        return None
    texts = {}
    for part in _ENTRY_START.split(span.body):
        tag, value = _ENTRY.match(part).groups()
        texts[tag.lower()] = value
    return texts


def _choose(span: Span, locale: str, default_locale: str) -> tuple[str, bool]:
    """The text a span gives one variant, and whether that text is final (not to be converted)."""
    texts = entries(span)
    if texts is None:
        return span.body, True
    if locale.lower() in texts:
        return texts[locale.lower()], locale.lower() != default_locale.lower()
    if default_locale.lower() in texts:
        return texts[default_locale.lower()], False
    raise MarkupError(span.line, span.column, f"no '{default_locale}:' text in '{OPEN}{span.body}{CLOSE}'")


def validate(text: str, default_locale: str) -> None:
    """Raise MarkupError for the first malformed span in text."""
    for span in spans(text):
        _choose(span, default_locale, default_locale)


def script_problems(text: str, configs: dict[str, str]) -> list[MarkupError]:
    """A MarkupError for each entry of a generated variant whose text holds characters that variant
    never writes, e.g. Simplified in its zh-Hant text (configs: lowercase locale -> OpenCC
    configuration of each generated variant). Such text is not converted, so it would be published
    as written."""
    found = []
    for span in spans(text):
        for tag, value in (entries(span) or {}).items():
            if tag not in configs:
                continue
            if stray := [char for char in dict.fromkeys(value) if foreign_char(char, configs[tag])]:
                message = f"the {tag} text '{value.strip()}' holds {''.join(stray)}, which {tag} never writes"
                found.append(MarkupError(span.line, span.column, message))
    return found


def resolve(text: str, *, locale: str, default_locale: str, protect: bool) -> str:
    """Replace every markup span by the text for `locale`.

    With `protect`, text that must not be converted (keep spans and the
    variant's own entries) is shielded from OpenCC.
    """
    out, last = [], 0
    for span in spans(text):
        value, final = _choose(span, locale, default_locale)
        out += [text[last : span.start], shield(value) if final and protect else value]
        last = span.end
    return "".join([*out, text[last:]])
