"""schema.org FAQPage JSON-LD for every page that answers questions.

A question is an h2 or h3 whose text ends with a question mark; its answer is
the text up to the next h2 or h3. Both come from the finished page, so they
are in the page's own script, and each question's URL carries its #anchor.
The JSON-LD reaches the page's <head> through overrides/main.html. Python-Markdown's own
output is what this reads (hooks/zhguide/upstream/mkdocs.py checks its heading form).
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from itertools import pairwise

QUESTION_MARKS = ("？", "?")
# The page HTML is Python-Markdown's own output, so its headings are plain, unnested
# <h2>/<h3> elements: splitting it with patterns is exact here, and ten times faster
# than an HTML parser on every page of every variant.
HEADING = re.compile(r"<(h[23])\b([^>]*)>(.*?)</\1>", re.S)
ID = re.compile(r'\bid="([^"]*)"')
HEADERLINK = re.compile(r'<a\b[^>]*\bclass="(?:[^"]*\s)?headerlink(?:\s[^"]*)?"[^>]*>.*?</a>', re.S)
BREAK = re.compile(r"<(?:p|li|br|tr|div)\b")  # a block that starts a new run of words
TAG = re.compile(r"<!--.*?-->|<[^>]*>", re.S)


@dataclass(frozen=True)
class Question:
    id: str
    name: str
    answer: str


def plain(fragment: str) -> str:
    """The words of an HTML fragment, whitespace collapsed, permalinks left out."""
    text = TAG.sub("", BREAK.sub(lambda m: " " + m[0], HEADERLINK.sub("", fragment)))
    return " ".join(html.unescape(text).split())


def questions(content: str) -> list[Question]:
    """The questions a page answers, with their answers as plain text."""
    found = []
    for heading, following in pairwise([*HEADING.finditer(content), None]):
        id_ = ID.search(heading[2])
        name = plain(heading[3])
        answer = plain(content[heading.end() : following.start() if following else len(content)])
        if name.endswith(QUESTION_MARKS) and id_ and id_[1] and answer:
            found.append(Question(html.unescape(id_[1]), name, answer))
    return found


def faq_page(found: list[Question], page_url: str, lang: str) -> dict | None:
    """The FAQPage document for a page's questions, or None if it has none."""
    if not found:
        return None
    return {
        "@context": "https://schema.org",
        "@type": "FAQPage",
        "inLanguage": lang,
        "url": page_url,
        "mainEntity": [
            {
                "@type": "Question",
                "name": question.name,
                "url": f"{page_url}#{question.id}",
                "acceptedAnswer": {"@type": "Answer", "text": question.answer},
            }
            for question in found
        ],
    }


SCRIPT_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


def script_json(document: dict) -> str:
    """JSON safe inside a <script> element: no <, > or & that the HTML parser could read as a tag,
    a comment (`<!--` switches it into a state where `</script>` no longer ends the script) or an
    entity; JSON reads the escapes as the same characters."""
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")).translate(SCRIPT_SAFE)


def page_schema(found: list[Question], page_url: str, lang: str) -> str | None:
    """The page's FAQPage JSON-LD (found: its questions), ready for a <script> element, or None
    without questions."""
    document = faq_page(found, page_url, lang)
    return script_json(document) if document else None
