"""schema.org FAQPage JSON-LD for every page that answers questions.

A question is an h2 or h3 whose text ends with a question mark; its answer is
the text up to the next h2 or h3. Both come from the finished page, so they
are in the page's own script, and each question's URL carries its #anchor.
The JSON-LD reaches the page's <head> through overrides/main.html.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from html.parser import HTMLParser

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

QUESTION_MARKS = ("？", "?")
SKIPPED_CLASSES = {"headerlink"}


@dataclass(frozen=True)
class Question:
    id: str
    name: str
    answer: str


class _Sections(HTMLParser):
    """Split page HTML into (heading tag, id, heading text, text up to the next heading)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.sections: list[list[str]] = []
        self.in_heading = False
        self.skip_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if self.skip_depth or SKIPPED_CLASSES & set((attributes.get("class") or "").split()):
            self.skip_depth += 1
        elif tag in ("h2", "h3"):
            self.sections.append([tag, attributes.get("id") or "", "", ""])
            self.in_heading = True
        elif tag in ("p", "li", "br", "tr", "div") and self.sections:
            self.sections[-1][3] += " "

    def handle_endtag(self, tag: str) -> None:
        if self.skip_depth:
            self.skip_depth -= 1
        elif tag in ("h2", "h3"):
            self.in_heading = False

    def handle_data(self, data: str) -> None:
        if self.skip_depth or not self.sections:
            return
        self.sections[-1][2 if self.in_heading else 3] += data


def questions(content: str) -> list[Question]:
    """The questions a page answers, with their answers as plain text."""
    parser = _Sections()
    parser.feed(content)
    parser.close()
    found = []
    for _, id_, heading, text in parser.sections:
        name, answer = " ".join(heading.split()), " ".join(text.split())
        if name.endswith(QUESTION_MARKS) and id_ and answer:
            found.append(Question(id_, name, answer))
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


def script_json(document: dict) -> str:
    """JSON safe to place inside a <script> element."""
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")


def on_page_context(context: dict, *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    """Put the page's FAQPage JSON-LD in the template context as `faq_schema`."""
    lang = getattr(page.file, "locale_alternate_of", None) or config.theme.language
    document = faq_page(questions(page.content or ""), page.canonical_url or page.abs_url or page.url, lang)
    context["faq_schema"] = script_json(document) if document else None
    return context
