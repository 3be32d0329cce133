"""What a built page may run: scripts from files only, so a strict Content-Security-Policy holds.

deploy/nginx.conf serves the site with `script-src 'self'` and `style-src 'self'`
and no 'unsafe-inline': a browser would refuse an inline script, an inline
event handler, a `javascript:` URL or a style attribute. The build refuses them
first, in every rendered page, so no template change or upgrade of Material can
slip one in unnoticed. Data blocks (`<script type="application/json">`, JSON-LD,
`text/html` templates) run nothing and are allowed.
"""

from __future__ import annotations

from html.parser import HTMLParser

# <script type="..."> values a browser runs (an empty or missing type is JavaScript too)
JAVASCRIPT = ("text/javascript", "application/javascript", "text/ecmascript", "application/ecmascript")
RUNS = {"", "module", *JAVASCRIPT}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data"}


class _Finder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[int, str]] = []
        self.inline: int | None = None  # the line of an open inline script

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line = self.getpos()[0]
        values = {name: value or "" for name, value in attrs}
        for name, value in values.items():
            if name.startswith("on"):
                self.found.append((line, f"an inline event handler ({name}=) on <{tag}>"))
            elif name == "style":
                self.found.append((line, f"a style attribute on <{tag}>"))
            elif name in URL_ATTRIBUTES and "".join(value.split()).lower().startswith("javascript:"):
                self.found.append((line, f"a javascript: URL in <{tag} {name}>"))
        if tag == "script" and "src" not in values and values.get("type", "").strip().lower() in RUNS:
            self.inline = line

    def handle_data(self, data: str) -> None:
        if self.inline is not None and data.strip():
            self.found.append((self.inline, f"an inline script ({' '.join(data.split())[:40]}…)"))
            self.inline = None

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self.inline = None


def inline_code(html: str) -> list[tuple[int, str]]:
    """(line, what) for each inline script, event handler, javascript: URL or style attribute."""
    finder = _Finder()
    finder.feed(html)
    finder.close()
    return finder.found
