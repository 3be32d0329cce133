"""What a built page may run: scripts from files only, so a strict Content-Security-Policy holds.

deploy/nginx.conf serves the site with `script-src 'self'` and `style-src 'self'`
and no 'unsafe-inline': a browser would refuse an inline script, an inline
event handler, a `javascript:` URL or a style attribute. The build refuses them
first, in every rendered page, so no template change or upgrade of Material can
slip one in unnoticed. Data blocks (`<script type="application/json">`, JSON-LD,
`text/html` templates) run nothing and are allowed.
"""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser

# <script type="..."> values a browser runs (an empty or missing type is JavaScript too)
JAVASCRIPT = ("text/javascript", "application/javascript", "text/ecmascript", "application/ecmascript")
RUNS = {"", "module", *JAVASCRIPT}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data"}
HANDLER = re.compile(r"on[a-z]+")  # every event handler attribute (onclick, onerror); not online-and-app


class _Finder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[int, str]] = []
        self.inline: int | None = None  # the line of an open inline script
        self.closed = False  # a </script> was met

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line = self.getpos()[0]
        values = {name: value or "" for name, value in attrs}
        for name, value in values.items():
            if HANDLER.fullmatch(name):
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
            self.closed = True


# A superset of what _Finder reports, found by regular expressions instead of a parse. html.parser
# only reads an attribute whose name follows a quote, a space or a slash and ends before a space, a
# slash, = or > (its attrfind_tolerant), so every event handler or style attribute reads as below
# (names are case-insensitive: the page is lowercased first); a javascript: URL, once unescaped and
# its spaces removed, starts with j, so its value starts with spaces and j, or with an entity.
# Words in text can match too: such a page is parsed whole. Each name is searched for alone and
# its preceding character checked after: a search that starts with letters is several times
# quicker than one that starts at every space and quote of the page.
SUSPECT_NAMES = (
    re.compile(r"on[a-z]+(?=[\s/=>]|$)"),
    re.compile(r"style(?=[\s/=>]|$)"),
    re.compile(r"""(?:href|src|action|formaction|data)\s*=+\s*['"]?\s*[j&]"""),
)
ATTRIBUTE_START = re.compile(r"""['"\s/]""")  # what may precede an attribute's name
SCRIPT_OPEN = re.compile(r"<script", re.I)
SCRIPT_CLOSE = re.compile(r"</script[^>]*>?", re.I)
_SPACE, _NAME = r"[ \t\n\r\f]", r"[a-zA-Z][a-zA-Z-]*"  # html.parser's tag-name ends; a plain name
PLAIN_ATTRIBUTE = re.compile(rf"""{_SPACE}+({_NAME})(?:="([^"]*)"|='([^']*)')?""")
PLAIN_SCRIPT = re.compile(rf"""<script((?:{_SPACE}+{_NAME}(?:="[^"]*"|='[^']*')?)*){_SPACE}*>""")


def _parsed(html: str) -> _Finder:
    finder = _Finder()
    finder.feed(html)
    finder.close()
    return finder


def _runs_nothing(html: str, start: int) -> bool:
    """True if the <script at start is a plain tag (names, quoted values, single spaces) that
    the parser reads the same way and that has a src or a type no browser runs."""
    tag = PLAIN_SCRIPT.match(html, start)
    if not tag:
        return False
    values = {
        name.lower(): unescape(double or single) for name, double, single in PLAIN_ATTRIBUTE.findall(tag[1])
    }
    return "src" in values or values.get("type", "").strip().lower() not in RUNS


def _script_runs(html: str, start: int) -> bool:
    """Whether the <script at start, parsed alone up to the </script> that ends it, is found to
    run: from a tag's start the parser reads exactly as it does within the page. A </script
    inside the tag's own attributes does not end it, so the part grows to the next one."""
    if _runs_nothing(html, start):
        return False
    for closed in SCRIPT_CLOSE.finditer(html, start):
        finder = _parsed(html[start : closed.end()])
        if finder.closed or finder.found:
            return bool(finder.found)
    return bool(_parsed(html[start:]).found)


def _suspect(html: str) -> bool:
    """False only if _parsed(html) finds nothing: no attribute can be one, and no <script> runs
    (a page's dozen scripts are parsed, not its whole markup)."""
    lowered = html.lower()
    for name in SUSPECT_NAMES:
        for found in name.finditer(lowered):
            if found.start() and ATTRIBUTE_START.match(lowered, found.start() - 1):
                return True
    return any(_script_runs(html, opened.start()) for opened in SCRIPT_OPEN.finditer(html))


def inline_code(html: str) -> list[tuple[int, str]]:
    """(line, what) for each inline script, event handler, javascript: URL or style attribute.
    A built page is parsed whole only when a cheaper pass finds something that could be one."""
    return _parsed(html).found if _suspect(html) else []
