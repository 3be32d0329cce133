"""The print view of a built variant, one document for the PDF: cover, contents, every page.

It is assembled from the site's own pages after they are built, so the PDF
holds exactly what the reader sees, in the variant's script, styled by the
site's own CSS and its print rules. WeasyPrint turns it into the PDF: it
embeds Noto Sans CJK in the variant's own face as one named subset font, numbers
the contents page (target-counter), and makes the outline (bookmarks) from
the headings: one entry per page and per question.

Links work in the PDF: one to a page or question the PDF holds jumps there
(each page's ids get a page prefix, p2-reminders, so no two collide); any other
goes to its public address (the page's canonical URL); the hotline's tel:
links are plain numbers again. The PDF carries no date and no build path, so
two builds of one commit give the same bytes.
"""

from __future__ import annotations

import html
import logging
import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urldefrag, urljoin

from zhguide.hotline import unlinked
from zhguide.upstream.material import ARTICLE, CANONICAL, SITE_NAME, TOC_LABEL, in_built_page

HEADING = re.compile(r'<h([12]) id="([^"]+)">(.*?)</h\1>', re.S)
STYLES = re.compile(r'<link rel="stylesheet" href="([^"]+)">')
TAG = re.compile(r"<[^>]+>")
ID = re.compile(r'\bid="([^"]+)"')
HREF = re.compile(r'\bhref="([^"]+)"')
# Noto Sans CJK in each variant's own glyph standard (Debian's fonts-noto-cjk)
FACES = {"zh-hans": "Noto Sans CJK SC", "zh-hant": "Noto Sans CJK TC", "zh-hk": "Noto Sans CJK HK"}


def face(lang: str) -> str:
    """The Noto Sans CJK face of a variant's glyph standard (Simplified's for a language not listed)."""
    return FACES.get(lang.lower(), FACES["zh-hans"])


PRINT_CSS = """
@page { size: A4; margin: 16mm 14mm 18mm;
  @bottom-center { content: counter(page) " / " counter(pages); font-size: 9pt; color: #555; } }
@page :first { @bottom-center { content: none; } }
:root { --md-text-font-family: FACE; --md-code-font-family: FACE; }
html, body, .md-typeset, .md-typeset :is(code, kbd, pre) { font-family: FACE, sans-serif !important; }
.print-cover { break-after: page; padding-top: 30vh; text-align: center; }
.print-cover h1 { font-size: 2em; }
.print-contents { break-after: page; }
.print-contents ul { list-style: none; padding: 0; margin: 0; }
.print-contents .print-page-entry { margin-top: 0.6em; }
.print-contents .print-question { margin-left: 1.5em; }
.print-contents a { text-decoration: none !important; color: inherit !important; }
.print-contents a::after { content: leader(".") " " target-counter(attr(href), page) !important; }
.print-page { break-before: page; }
.print-page .variant-switch, .print-page .offline-link, .print-page .headerlink { display: none; }
/* The outline: each page (h1) and question (h2, h3); not the cover or the contents */
.print-cover h1, .print-contents h2 { bookmark-level: none; }
.print-page h1 { bookmark-level: 1; }
.print-page h2 { bookmark-level: 2; }
.print-page h3 { bookmark-level: 3; }
/* Material draws a box's icon with a CSS mask, which print engines fill as a solid square over the
   title: the title is printed without it. */
.md-typeset .admonition-title::before { display: none !important; }
.md-typeset .admonition-title { padding-left: 0.6rem !important; }
.md-typeset .admonition > :is(ul, ol) { margin-left: 1.2em; }
/* One face of Noto Sans CJK: its bold face would be a second embedded font, 40% of the PDF.
   Emphasis is marked as with a highlighter pen instead, which a black-and-white print keeps. */
html, body, .md-typeset, .md-typeset * { font-weight: 400 !important; }
.md-typeset :is(strong, b) { background: #ffe9a6; }
"""


def text_of(fragment: str) -> str:
    return " ".join(html.unescape(TAG.sub("", fragment)).replace("¶", "").split())


def nav_sources(nav: list) -> Iterator[str]:
    """The Markdown sources of a MkDocs nav, in order: bare, titled and inside sections;
    links to anything else left out."""
    for entry in nav:
        value = next(iter(entry.values())) if isinstance(entry, dict) else entry
        if isinstance(value, list):
            yield from nav_sources(value)
        elif isinstance(value, str) and value.endswith(".md"):
            yield value


def page_files(variant_root: Path, nav: list) -> list[Path]:
    """The built page of every nav entry in a variant, in nav order (directory URLs)."""
    pages = []
    for source in nav_sources(nav):
        path = Path(source).with_suffix("")
        pages.append(variant_root / (path.parent if path.name == "index" else path) / "index.html")
    return pages


def linked_in_print(article: str, number: int, url: str, numbers: dict[str, int]) -> str:
    """A page's article for the print view: its ids prefixed with its number (p2-…), and each link
    to a page the PDF holds (numbers: canonical URL -> number) a jump within the PDF; any other
    link absolute, resolved against the page's canonical url."""

    def target(found: re.Match[str]) -> str:
        absolute = urljoin(url, html.unescape(found[1]))
        page, fragment = urldefrag(absolute)
        if page in numbers:
            return f'href="#p{numbers[page]}{"-" + fragment if fragment else ""}"'
        return f'href="{html.escape(absolute)}"'

    article = ID.sub(lambda found: f'id="p{number}-{found[1]}"', unlinked(article))  # numbers as text
    return HREF.sub(target, article)


def print_view(pages: list[Path], lang: str, title: str, reviewed: str, contents_label: str) -> str:
    """One HTML document holding a cover, a table of contents and every page's article."""
    first = pages[0].read_text("utf-8")
    styles = [pages[0].parent / href for href in STYLES.findall(first) if not href.startswith("http")]
    texts = [page.read_text("utf-8") for page in pages]
    urls = [in_built_page(CANONICAL, text, str(page)) for page, text in zip(pages, texts, strict=True)]
    numbers = {url: number for number, url in enumerate(urls, 1)}
    articles, contents = [], []
    for number, (page, text) in enumerate(zip(pages, texts, strict=True), 1):
        article = linked_in_print(in_built_page(ARTICLE, text, str(page)), number, urls[number - 1], numbers)
        articles.append(f'<section class="print-page md-typeset" id="p{number}">{article}</section>')
        for level, id_, heading in HEADING.findall(article):
            kind = "print-page-entry" if level == "1" else "print-question"
            contents.append(f'<li class="{kind}"><a href="#{id_}">{html.escape(text_of(heading))}</a></li>')
    links = "".join(f'<link rel="stylesheet" href="{style.resolve().as_uri()}">' for style in styles)
    return (
        f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
        f"{links}<style>{PRINT_CSS.replace('FACE', repr(face(lang)))}</style>"
        "</head><body><div class='md-typeset'>"
        f'<div class="print-cover"><h1>{html.escape(title)}</h1><p>{html.escape(reviewed)}</p></div>'
        f'<nav class="print-contents"><h2>{html.escape(contents_label)}</h2>'
        f"<ul>{''.join(contents)}</ul></nav>"
        f"{''.join(articles)}</div></body></html>"
    )


def reviewed_line(home: Path) -> str:
    """The home page's 'last reviewed' line (docs/index.md marks it `.last-reviewed`), in its script."""
    match = re.search(r'<p class="last-reviewed">(.+?)</p>', home.read_text("utf-8"), re.S)
    return text_of(match[1]) if match else ""


def engine_missing() -> str | None:
    """Why WeasyPrint cannot print here, or None."""
    try:
        import weasyprint  # noqa: F401
    except (ImportError, OSError) as error:  # OSError: Pango, which WeasyPrint loads, is missing
        return (
            f"WeasyPrint cannot run ({error}): scripts/setup --browser installs Debian's Pango, "
            "or build with --no-pdf"
        )
    return None


def to_pdf(document: str, base: Path, pdf: Path) -> None:
    """Print an HTML document (its relative links resolved against base) to PDF with WeasyPrint."""
    if reason := engine_missing():
        raise RuntimeError(reason)
    import weasyprint

    for name in ("weasyprint", "fontTools"):  # Material's screen CSS holds much that print ignores
        logging.getLogger(name).setLevel(logging.ERROR)
    pdf.parent.mkdir(parents=True, exist_ok=True)
    weasyprint.HTML(string=document, base_url=base.resolve().as_uri() + "/").write_pdf(pdf)
    if not pdf.is_file() or pdf.stat().st_size == 0:
        raise RuntimeError(f"WeasyPrint wrote no PDF for {base}")


def build_pdf(site: Path, variant_prefix: str, lang: str, nav: list, pdf: Path) -> None:
    """Assemble a variant's print view from its built pages and print it."""
    root = site / variant_prefix if variant_prefix else site
    pages = page_files(root, nav)
    home = pages[0].read_text("utf-8")
    title = html.unescape(in_built_page(SITE_NAME, home, str(pages[0])))
    # Material's "table of contents", translated
    contents_label = in_built_page(TOC_LABEL, pages[1].read_text("utf-8"), str(pages[1]))
    to_pdf(print_view(pages, lang, title, reviewed_line(pages[0]), contents_label), root, pdf)
