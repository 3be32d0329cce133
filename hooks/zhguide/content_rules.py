"""Editorial rules on the Simplified sources (hooks/content_rules.yml), for scripts/lint-content.

- Headings are the questions readers ask: every `##` and `###` heading ends
  with a question mark.
- One list of official channels: a line naming 95588 with 在线客服 or App uses
  the canonical list word for word.
- Every page but the disclaimer's own links to the disclaimer.
- A character whose Traditional form the glossary decides (账 → 帳) never
  appears in a word the glossary does not list.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import PurePosixPath

from . import yaml_text
from .zh_lint import Finding, covered

HEADING = re.compile(r"^(#{2,3})\s+(.*?)\s*(?:\{[^}]*\})?\s*$")
FENCE = re.compile(r"^\s*(```|~~~)")
CHANNELS = ("在线客服", "App")  # named together with the hotline, they make a list of channels
HOTLINE = "95588"


@dataclass(frozen=True)
class Rules:
    official_channels: str
    disclaimer: str  # page.md#id
    glossary_characters: str


def load_rules(text: str) -> Rules:
    """The rules from their YAML text; ValueError naming a missing or misspelt key."""
    data = yaml_text.load(text) or {}
    try:
        return Rules(**{key: str(data[key]) for key in Rules.__dataclass_fields__})
    except KeyError as error:
        raise ValueError(f"no {error.args[0]}: in the rules") from None


def _lines(text: str) -> Iterator[tuple[int, str]]:
    """(number, line) of the page's lines: not its front matter, not fenced code."""
    lines = text.splitlines()
    start = lines.index("---", 1) + 1 if lines[:1] == ["---"] and "---" in lines[1:] else 0
    fenced = False
    for number, line in enumerate(lines[start:], start=start + 1):
        if FENCE.match(line):
            fenced = not fenced
        elif not fenced:
            yield number, line


def question_findings(path: str, text: str) -> list[Finding]:
    """`##` and `###` headings that are not questions."""
    return [
        Finding(path, number, 1, f"heading '{found[2]}' is not a question; ask it as a reader would (…？)")
        for number, line in _lines(text)
        if (found := HEADING.match(line)) and not found[2].endswith(("？", "?"))
    ]


def channel_findings(path: str, text: str, canonical: str) -> list[Finding]:
    """Lines listing official channels other than with the canonical list."""
    return [
        Finding(path, number, line.index(HOTLINE) + 1, f"list the official channels as: {canonical}")
        for number, line in _lines(text)
        if HOTLINE in line and any(channel in line for channel in CHANNELS) and canonical not in line
    ]


def disclaimer_findings(path: str, text: str, disclaimer: str) -> list[Finding]:
    """The page, if it is not the disclaimer's own and does not link to it."""
    page = disclaimer.partition("#")[0]
    if PurePosixPath(path).name == page or f"]({disclaimer})" in text:
        return []
    return [
        Finding(path, 1, 1, f"the page does not link to the disclaimer; end it with a link to {disclaimer}")
    ]


def glossary_word_findings(path: str, text: str, characters: str, phrases: tuple[str, ...]) -> list[Finding]:
    """Each use of a glossary-decided character outside every glossary phrase."""
    findings = []
    for number, line in _lines(text):
        for index, char in enumerate(line):
            if char in characters and not covered(line, index, phrases):
                word = line[max(index - 1, 0) : index + 2]
                message = f"'{char}' in '{word}' has no glossary form; add the word to docs/glossary.yml"
                findings.append(Finding(path, number, index + 1, message))
    return findings


def rule_findings(path: str, text: str, rules: Rules, phrases: tuple[str, ...]) -> list[Finding]:
    """Every editorial finding for one source."""
    return [
        *question_findings(path, text),
        *channel_findings(path, text, rules.official_channels),
        *disclaimer_findings(path, text, rules.disclaimer),
        *glossary_word_findings(path, text, rules.glossary_characters, phrases),
    ]
