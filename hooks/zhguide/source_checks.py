"""Check the Markdown sources before anything is built from them.

- Every page must be valid UTF-8: the build stops with the file, line and
  column of the first bad byte, before any page is written.
- Every heading needs an explicit, stable {#id}. Python-Markdown would derive
  ids from Chinese headings as `_1`, `_2`, ... which change whenever a heading
  is added above, breaking every shared link. Each heading without one is
  reported with its file and line; `mkdocs build --strict` then fails.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from . import yaml_text
from .zh_core import heading_problems, headings_without_id, utf8_error

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

ID_ADVICE = "add a lowercase ASCII one, for example '## 逾期多久会上门？ {#home-visit-timing}'."


def source_name(config: MkDocsConfig, src_uri: str) -> str:
    """How messages name a source file: relative to the project, e.g. docs/overdue.md."""
    return f"{Path(config.docs_dir).name}/{src_uri}"


def encoding_error(source: str, data: bytes) -> str | None:
    """'docs/page.md:line:col: message' if the bytes are not valid UTF-8."""
    error = utf8_error(data)
    return f"{source}:{error[0]}:{error[1]}: {error[2]}" if error else None


def missing_ids(source: str, text: str) -> list[str]:
    """A warning for each heading of a source without its explicit id, or not written as one."""
    missing = [
        (line, f"heading '{heading}' has no explicit id; {ID_ADVICE}")
        for line, heading in headings_without_id(text)
    ]
    return [f"{source}:{line}: {message}" for line, message in sorted(missing + heading_problems(text))]


# What a page's Markdown may not publish: script in any form, and requests to other hosts.
UNSAFE = (
    # (pattern, message, what to look for in the source), the last two formatted with group 1
    (re.compile(r"<(script|iframe|object|embed|form)\b", re.I), "raw <{}> is not allowed in a page", "<{}"),
    (re.compile(r"<[a-z][^>]*\s(on[a-z]+)\s*=", re.I), "inline event handlers ({}=) are not allowed", "{}"),
    (re.compile(r"<[^>]*\b(?:href|src)=[\"']?\s*(javascript):", re.I), "{}: links are not allowed", "{}:"),
    (
        re.compile(r"<(?:img|audio|video|source|track)\b[^>]*\bsrc=[\"']?((?:https?:)?//[^\"' >]+)", re.I),
        "{} is on another host: images and media come from the site itself",
        "{}",
    ),
)


def unsafe_markup(html: str) -> list[tuple[str, str]]:
    """(message, what to look for in the source) for each thing a rendered page may not hold."""
    return [
        (message.format(found[1]), needle.format(found[1]))
        for pattern, message, needle in UNSAFE
        for found in pattern.finditer(html)
    ]


def line_of(source: str, needle: str) -> int:
    """The first line of a source holding the needle (case-insensitive), for messages; 1 if none."""
    lowered = needle.lower()
    return next((number for number, line in enumerate(source.splitlines(), 1) if lowered in line.lower()), 1)


_FRONT = re.compile(r"\A---[ \t]*\n(.*?\n)(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)


def repeated_key(front: str) -> tuple[int, str] | None:
    """(line within the front matter, key) of the first top-level key set a second time."""
    seen = set()
    for number, line in enumerate(front.splitlines(), 1):
        if (key := re.match(r"([A-Za-z_][\w-]*)\s*:", line)) and key[1] in seen:
            return number, key[1]
        seen.add(key[1] if key else None)
    return None


def page_problem(source: str) -> tuple[int, str] | None:
    """(line, message) if a page's front matter is not valid YAML (MkDocs would publish it as
    text) or the page has no content (MkDocs would title it after its file name)."""
    import yaml

    front = _FRONT.match(source)
    if front:
        try:
            data = yaml_text.load(front[1])
        except yaml.YAMLError as error:
            mark, problem = getattr(error, "problem_mark", None), getattr(error, "problem", error)
            return (mark.line + 2 if mark else 2), f"the front matter is not valid YAML: {problem}"
        if data is not None and not isinstance(data, dict):
            return 2, "the front matter must be 'key: value' lines"
        if twice := repeated_key(front[1]):
            return twice[0] + 1, f"the front matter sets '{twice[1]}' twice; YAML would keep only the last"
    start = front.end() if front else 0
    if not source[start:].strip():
        return source.count("\n", 0, start) + 1, "the page has no content"
    return None
