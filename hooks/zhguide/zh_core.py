"""Pure text functions shared by the plugin, scripts and tests.

OpenCC conversion with cached converters, the characters that betray the
wrong script, and the scan for headings without an explicit id. Nothing
here knows about MkDocs.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

import opencc

OPENCC_DIR = Path(opencc.__file__).parent


@functools.cache
def config_names() -> tuple[str, ...]:
    """Every OpenCC configuration the installed package ships, e.g. 's2tw'."""
    names = tuple(sorted(path.stem for path in (OPENCC_DIR / "config").glob("*.json")))
    if not names:  # the package's data layout (config/*.json, dictionary/*.txt) is what this reads
        raise RuntimeError(f"no OpenCC configurations in {OPENCC_DIR / 'config'}: opencc changed its layout")
    return names


@functools.cache
def converter(config_name: str) -> opencc.OpenCC:
    """One OpenCC converter per configuration; building one reads its dictionaries."""
    if config_name not in config_names():
        raise ValueError(
            f"unknown OpenCC configuration {config_name!r}; valid names: {', '.join(config_names())}"
        )
    return opencc.OpenCC(config_name)


@functools.lru_cache(maxsize=4096)
def convert(text: str, config_name: str) -> str:
    """Convert text with an OpenCC configuration; repeated texts are served from cache."""
    return converter(config_name).convert(text)


@functools.cache
def character_table(file_name: str) -> dict[str, tuple[str, ...]]:
    """One OpenCC character dictionary: a character and its candidate conversions."""
    table = {}
    for line in (OPENCC_DIR / "dictionary" / file_name).read_text("utf-8").splitlines():
        key, _, values = line.partition("\t")
        if key and values:
            table[key] = tuple(values.split())
    return table


@functools.cache
def traditional_only() -> frozenset[str]:
    """Characters that never appear in Simplified text, such as 個, 後 and 隨."""
    return frozenset(
        char for char, candidates in character_table("TSCharacters.txt").items() if char not in candidates
    )


@functools.cache
def foreign_to_variant(config_name: str) -> frozenset[str]:
    """Characters a variant never contains: those its converter always rewrites.

    For 's2tw' that is every Simplified-only character (个, 脚) and every glyph
    outside the Taiwan standard (爲, 衆, 着). A character that is also valid
    Traditional, such as 干 or 后, is not counted.
    """
    simplified = character_table("STCharacters.txt")
    candidates = set(simplified)
    for file_name in ("TWVariants.txt", "HKVariants.txt", "TSCharacters.txt"):
        candidates.update(character_table(file_name))
    return frozenset(
        char
        for char in candidates
        if convert(char, config_name) != char and char not in simplified.get(char, ())
    )


@functools.lru_cache(maxsize=1 << 14)
def foreign_char(char: str, config_name: str) -> bool:
    """True for a character the variant never contains (see foreign_to_variant), one at a time."""
    simplified = character_table("STCharacters.txt")
    return convert(char, config_name) != char and char not in simplified.get(char, ())


# Text OpenCC must leave alone travels through Markdown and OpenCC as
# placeholders: each non-ASCII character becomes U+E000, its code point in hex,
# U+E001. ASCII stays as it is, so Markdown syntax inside still renders.
_SHIELD_OPEN, _SHIELD_CLOSE = "\ue000", "\ue001"
_SHIELDED = re.compile(f"{_SHIELD_OPEN}([0-9a-f]+){_SHIELD_CLOSE}")


def shield(text: str) -> str:
    """Hide text's non-ASCII characters from OpenCC; `unshield` brings them back."""
    return "".join(char if char.isascii() else f"{_SHIELD_OPEN}{ord(char):x}{_SHIELD_CLOSE}" for char in text)


def unshield(text: str) -> str:
    """Restore the characters `shield` hid."""
    return _SHIELDED.sub(lambda match: chr(int(match[1], 16)), text)


def stray_characters(text: str, foreign: frozenset[str]) -> list[str]:
    """The characters of text that belong to the other script, in order of first use."""
    return list(dict.fromkeys(char for char in text if char in foreign))


_FENCE = re.compile(r"^\s*(```|~~~)")
_HEADING = re.compile(r"^(#{1,6})\s+(?P<text>.+?)\s*$")
_EXPLICIT_ID = re.compile(r"\{[^}]*#(?P<id>[a-z0-9][a-z0-9-]*)[^}]*\}\s*$")


def utf8_error(data: bytes) -> tuple[int, int, str] | None:
    """Where data stops being valid UTF-8, as (line, column, message); None if it is valid."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        line_start = data.rfind(b"\n", 0, error.start) + 1
        line = data.count(b"\n", 0, error.start) + 1
        column = len(data[line_start : error.start].decode("utf-8", "replace")) + 1
        return line, column, f"not valid UTF-8 (byte 0x{data[error.start]:02x}); save the file as UTF-8"
    return None


def body_start_line(source: str) -> int:
    """The 1-based line where the Markdown body starts, after any YAML front matter."""
    lines = source.splitlines()
    if lines and lines[0].strip() == "---":
        for number, line in enumerate(lines[1:], start=2):
            if line.strip() in ("---", "..."):
                return number + 1
    return 1


def headings_without_id(source: str) -> list[tuple[int, str]]:
    """Headings lacking an explicit lowercase ASCII {#id}, as (line number, text).

    Line numbers count from the top of the file, front matter included, so a
    message can point at the exact line. Headings inside fenced code are skipped.
    """
    missing = []
    in_fence = False
    lines = source.splitlines()
    for number in range(body_start_line(source), len(lines) + 1):
        line = lines[number - 1]
        if _FENCE.match(line):
            in_fence = not in_fence
            continue
        heading = None if in_fence else _HEADING.match(line)
        if heading and not _EXPLICIT_ID.search(heading["text"]):
            missing.append((number, heading["text"]))
    return missing


_SETEXT = re.compile(r"^ {0,3}(=+|-+)\s*$")
_INDENTED = re.compile(r"^ {1,3}#{1,6}\s")
_RAW_HEADING = re.compile(r"<h[1-6][\s>]", re.I)
_CODE_SPAN = re.compile(r"`+[^`]*`+")
_NOT_PARAGRAPH = re.compile(r"^\s*([-*+>|#]|\d+\.|$)")


def heading_problems(source: str) -> list[tuple[int, str]]:
    """Headings that would publish without their stable id, or not as headings, as (line, message):
    underlined (setext) headings, indented '#' lines, raw HTML headings, and an id used twice."""
    problems, seen, in_fence, previous = [], {}, False, ""
    lines = source.splitlines()
    for number in range(body_start_line(source), len(lines) + 1):
        line = lines[number - 1]
        if _FENCE.match(line):
            in_fence, previous = not in_fence, ""
            continue
        if in_fence:
            continue
        if _SETEXT.match(line) and not _NOT_PARAGRAPH.match(previous):
            text = previous.strip()
            problems.append((number - 1, f"heading '{text}' is underlined; write '## {text} {{#an-id}}'"))
        elif _INDENTED.match(line):
            problems.append((number, "a heading must start the line, or it is published as plain text"))
        if _RAW_HEADING.search(_CODE_SPAN.sub("", line)):
            problems.append((number, "write headings in Markdown ('## question？ {#an-id}'), not as HTML"))
        heading = _HEADING.match(line)
        explicit = heading and _EXPLICIT_ID.search(heading["text"])
        if explicit:
            if explicit["id"] in seen:
                problems.append((number, f"id '{explicit['id']}' is already on line {seen[explicit['id']]}"))
            seen.setdefault(explicit["id"], number)
        previous = line
    return problems


def explicit_ids(source: str) -> set[str]:
    """The explicit {#ids} of a source's headings."""
    return {
        found["id"]
        for line in source.splitlines()
        if (heading := _HEADING.match(line)) and (found := _EXPLICIT_ID.search(heading["text"]))
    }
