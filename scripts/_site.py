"""What a built site holds, for tests and benchmarks: its guide pages and their text."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from pathlib import Path

from zhguide.upstream.material import CONTENT  # Material's content area; redirect stubs have none


def guide_pages(site: Path) -> list[str]:
    """Every page of every variant, as a URL path relative to the site root ('', 'overdue/',
    'zh-Hant/overdue/'); not the 404 page, redirect stubs or the offline download."""
    pages = []
    for path in sorted(site.rglob("index.html")):
        relative = path.parent.relative_to(site).as_posix()
        if CONTENT in path.read_text("utf-8"):
            pages.append("" if relative == "." else relative + "/")
    return pages


class _ArticleText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth, self.skip, self.parts = 0, 0, []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.depth += tag == "article"
        self.skip += tag in ("script", "style")

    def handle_endtag(self, tag: str) -> None:
        self.depth -= tag == "article"
        self.skip -= tag in ("script", "style")

    def handle_data(self, data: str) -> None:
        if self.depth and not self.skip:
            self.parts.append(data)


def article_text(html: str) -> str:
    """The text a reader reads on a page (its article), whitespace collapsed."""
    parser = _ArticleText()
    parser.feed(html)
    return re.sub(r"\s+", " ", "".join(parser.parts)).strip()


def page_title(site: Path, path: str) -> str:
    """A built page's <title>, as a browser shows it (a window's or a tab's name)."""
    page = (site / path / "index.html").read_text("utf-8")
    return html.unescape(re.search(r"<title>(.*?)</title>", page, re.S)[1].strip())
