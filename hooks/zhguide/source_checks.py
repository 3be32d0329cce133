"""Check the Markdown sources before anything is built from them.

- Every page must be valid UTF-8: the build stops with the file, line and
  column of the first bad byte, before any page is written.
- Every heading needs an explicit, stable {#id}. Python-Markdown would derive
  ids from Chinese headings as `_1`, `_2`, ... which change whenever a heading
  is added above, breaking every shared link. Each heading without one is
  reported with its file and line; `mkdocs build --strict` then fails.
"""

from __future__ import annotations

from .zh_core import headings_without_id, utf8_error

ID_ADVICE = "add a lowercase ASCII one, for example '## 逾期多久会上门？ {#home-visit-timing}'."


def encoding_error(source: str, data: bytes) -> str | None:
    """'docs/page.md:line:col: message' if the bytes are not valid UTF-8."""
    error = utf8_error(data)
    return f"{source}:{error[0]}:{error[1]}: {error[2]}" if error else None


def missing_ids(source: str, text: str) -> list[str]:
    """A warning for each heading of a source without an explicit id."""
    return [
        f"{source}:{line}: heading '{heading}' has no explicit id; {ID_ADVICE}"
        for line, heading in headings_without_id(text)
    ]
