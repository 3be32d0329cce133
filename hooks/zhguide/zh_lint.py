"""Checks on the Simplified sources, each finding with file:line:col and a suggestion.

Pure functions: scripts/lint-content reads the files and prints the findings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .zh_core import character_table, heading_problems, headings_without_id, traditional_only, utf8_error
from .zh_glossary import Entry, GlossaryError, parse
from .zh_markup import MarkupError, entries, spans, validate

# 著 is a Simplified character only in these words; anywhere else it is what a
# naive conversion leaves behind (随著, 意味著) and should be 着.
ZHU_WORDS = (
    "著名", "著作", "显著", "著称", "卓著", "名著", "原著", "巨著", "专著", "编著", "论著", "译著",
    "著者", "遗著", "拙著", "合著", "著录", "昭著", "土著", "著述", "著书", "著有", "著文",
)  # fmt: skip
# Other leftovers of a naive conversion: the character, and the words where it is right.
LEFTOVERS = {"著": ("着", ZHU_WORDS), "於": ("于", ()), "瞭": ("了", ("瞭望", "瞭如指掌"))}


@dataclass(frozen=True, order=True)
class Finding:
    path: str
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.message}"


def _masked(text: str, default_locale: str) -> str:
    """text with the other variants' entries of inline markup blanked out, offsets kept.

    Malformed markup (reported on its own) ends the masking at its line.
    """
    try:
        found = spans(text)
    except MarkupError as error:
        cut = sum(len(line) for line in text.splitlines(keepends=True)[: error.line - 1])
        return _masked(text[:cut], default_locale) + text[cut:]
    chars = list(text)
    for span in found:
        texts = entries(span)
        if texts is None:
            continue
        for tag, value in texts.items():
            if tag != default_locale.lower():
                start = text.index(value, span.start)
                chars[start : start + len(value)] = " " * len(value)
    return "".join(chars)


def _simplified(char: str) -> str:
    return character_table("TSCharacters.txt")[char][0]


def covered(line: str, index: int, words: tuple[str, ...]) -> bool:
    return any(
        line.startswith(word, index - offset)
        for word in words
        for offset in range(len(word))
        if word[offset] == line[index]
    )


def script_findings(path: str, text: str, default_locale: str) -> list[Finding]:
    """Traditional characters and naive-conversion leftovers in a Simplified source."""
    text = _masked(text, default_locale)
    findings, traditional = [], traditional_only()
    for number, line in enumerate(text.splitlines(), start=1):
        for index, char in enumerate(line):
            if char in LEFTOVERS and not covered(line, index, LEFTOVERS[char][1]):
                fix = LEFTOVERS[char][0]
                word = line[max(index - 2, 0) : index + 2]
                message = f"leftover of a naive conversion '{char}' in '{word}'; use '{fix}'"
                findings.append(Finding(path, number, index + 1, message))
            elif char in traditional:
                message = f"traditional character '{char}' in a Simplified source; use '{_simplified(char)}'"
                findings.append(Finding(path, number, index + 1, message))
    return findings


def heading_findings(path: str, text: str) -> list[Finding]:
    """Headings, questions above all, that lack an explicit {#id} or are not written as headings."""
    return [
        Finding(path, line, 1, f"heading '{heading}' has no explicit id; add one like {{#short-english-id}}")
        for line, heading in headings_without_id(text)
    ] + [Finding(path, line, 1, message) for line, message in heading_problems(text)]


def markup_findings(path: str, text: str, default_locale: str) -> list[Finding]:
    """The first malformed inline markup span, if any."""
    try:
        validate(text, default_locale)
    except MarkupError as error:
        return [Finding(path, error.line, error.column, error.message)]
    return []


def glossary_findings(path: str, text: str, sources: list[str]) -> list[Finding]:
    """Glossary problems, and entries whose phrase occurs in none of the sources."""
    try:
        glossary: tuple[Entry, ...] = parse(text)
    except GlossaryError as error:
        return [Finding(path, error.line, 1, error.message)]
    return [
        Finding(path, entry.line, 1, f"glossary phrase '{entry.phrase}' occurs in no source; remove it")
        for entry in glossary
        if not any(entry.phrase in source for source in sources)
    ]


def lint(sources: dict[str, bytes], glossary: tuple[str, str] | None, default_locale: str) -> list[Finding]:
    """Every finding for a set of Simplified sources (path -> bytes) and the glossary (path, text)."""
    findings, texts = [], []
    for path, data in sources.items():
        if error := utf8_error(data):
            findings.append(Finding(path, *error))
            continue
        text = data.decode("utf-8")
        texts.append(text)
        findings += script_findings(path, text, default_locale)
        findings += heading_findings(path, text)
        findings += markup_findings(path, text, default_locale)
    if glossary:
        findings += glossary_findings(*glossary, texts)
    return sorted(findings)


def locale_suffix(name: str) -> str | None:
    """The locale of a page named like overdue.zh-Hant.md, or None."""
    match = re.fullmatch(r"[^.]+\.([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]+)*)\.md", name)
    return match[1] if match else None
