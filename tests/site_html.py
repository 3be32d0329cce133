"""Read facts out of built HTML pages, the way a reader or a crawler meets them."""

from __future__ import annotations

import re
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
SHOWN_ATTRIBUTES = ("aria-label", "title", "placeholder", "alt")
# <link> relations whose target the browser fetches (canonical and alternate are only references)
LOADED_RELS = {"stylesheet", "icon", "preload", "prefetch", "modulepreload", "manifest", "apple-touch-icon"}
CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)")


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str | None]] = []  # (tag, lang)
        self.html_lang: str | None = None
        self.text: list[tuple[str | None, str]] = []  # (effective lang, text)
        self.headings: list[tuple[str, str | None, str]] = []  # (tag, id, text)
        self.resources: list[str] = []
        self.head: list[dict[str, str | None]] = []  # attributes of every <link> and <meta>
        self.json_ld: list[str] = []
        self._json_ld = False
        self._heading: list | None = None
        self._skip = 0

    def _lang(self) -> str | None:
        return next((lang for _, lang in reversed(self.stack) if lang), self.html_lang)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "html":
            self.html_lang = attributes.get("lang")
        if tag not in VOID:
            self.stack.append((tag, attributes.get("lang")))
        lang = self._lang()
        for name in SHOWN_ATTRIBUTES:
            if attributes.get(name):
                self.text.append((lang, attributes[name]))
        if tag == "meta" and (
            attributes.get("name") == "description" or attributes.get("property", "").startswith("og:")
        ):
            self.text.append((lang, attributes.get("content") or ""))
        if tag in ("link", "meta"):
            self.head.append(attributes)
        if tag in ("script", "img") and attributes.get("src"):
            self.resources.append(attributes["src"])
        if (
            tag == "link"
            and attributes.get("href")
            and LOADED_RELS & set((attributes.get("rel") or "").split())
        ):
            self.resources.append(attributes["href"])
        if attributes.get("style"):
            self.resources.extend(CSS_URL.findall(attributes["style"]))
        self._json_ld = tag == "script" and attributes.get("type") == "application/ld+json"
        if tag in ("script", "style") and attributes.get("type") != "application/json":
            self._skip += 1
        if re.fullmatch(r"h[1-6]", tag):
            self._heading = [tag, attributes.get("id"), ""]

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._json_ld = False
        if tag in ("script", "style") and self._skip and self.stack and self.stack[-1][0] == tag:
            self._skip -= 1
        if self._heading and tag == self._heading[0]:
            self.headings.append(tuple(self._heading))
            self._heading = None
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data: str) -> None:
        if self.stack and self.stack[-1][0] == "style":
            self.resources.extend(CSS_URL.findall(data))
        if self._json_ld:
            self.json_ld.append(data)
        if self._skip:
            return
        self.text.append((self._lang(), data))
        if self._heading:
            self._heading[2] += data


# Markup a page writes into itself from a template (overrides/partials/header.html), as a
# browser with JavaScript shows it.
TEMPLATE = re.compile(r'<script type="text/html"[^>]*>(.*?)</script>', re.S)


def parse(html: str) -> _Page:
    page = _Page()
    page.feed(TEMPLATE.sub(lambda template: template[1], html))
    page.close()
    return page


def own_script_text(html: str) -> str:
    """All text a reader sees or hears in the page's own language, UI strings included."""
    page = parse(html)
    return "".join(text for lang, text in page.text if lang == page.html_lang)


def html_lang(html: str) -> str | None:
    return parse(html).html_lang


def headings(html: str) -> list[tuple[str, str | None, str]]:
    """(tag, id, text) of every heading in the page."""
    return [(tag, id_, text.strip()) for tag, id_, text in parse(html).headings]


def resource_urls(html: str) -> list[str]:
    """Every URL the page loads by itself: scripts, stylesheets, icons, images, CSS url()."""
    return parse(html).resources


def links_and_metas(html: str) -> list[dict[str, str | None]]:
    """The attributes of every <link> and <meta> element."""
    return parse(html).head


def json_ld(html: str) -> list[str]:
    """The text of every JSON-LD script."""
    return parse(html).json_ld
