"""A share address for every question: q/<id>/ under each variant's root.

A link preview (WeChat, Telegram, e-mail) shows a page's <title> and Open Graph
tags and never reads the #fragment, so a shared `overdue/#consequences`
previews as the whole page. Each question therefore gets a small page of its
own: its title is the question and its description the first sentence of the
answer, both in the variant's script; it names the question as canonical and
forwards there at once, without JavaScript (a meta refresh). The question's ¶
links it, so that a copied permalink previews well; a tap on the page itself
only scrolls (assets/javascripts/share-links.js). An old id kept by
`anchor_aliases` keeps its share address. Pure functions; the plugin collects
the questions of each page and writes the pages after the build.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Protocol

from mkdocs.utils import get_relative_url

from .site_urls import absolute
from .variant_links import page_links
from .variants import Variant


class Variants(Protocol):
    """The variant being built, and every variant (config.Build is one)."""

    variant: Variant
    variants: list[Variant]


SHARE_DIR = "q/"
SENTENCE_END = re.compile(r"[。！？!?]")
# Open Graph's locale for each OpenCC configuration, or for the source's own locale
OG_LOCALES = {"zh-Hans": "zh_CN", "s2t": "zh_TW", "s2tw": "zh_TW", "s2twp": "zh_TW", "s2hk": "zh_HK"}


@dataclass(frozen=True)
class Share:
    """A question, as its share page shows it."""

    id: str
    question: str
    summary: str  # the first sentence of the answer
    page_url: str  # the URL of the page that answers it, site-relative ('' for the home)


def share_url(prefix: str, id_: str) -> str:
    """The share address of a question, site-relative: 'q/<id>/' or 'zh-Hant/q/<id>/'."""
    return f"{prefix}{SHARE_DIR}{id_}/"


def summary(answer: str, limit: int = 120) -> str:
    """The answer's first sentence, cut to `limit` characters (ending in …)."""
    end = SENTENCE_END.search(answer)
    sentence = answer[: end.end()] if end else answer
    return sentence if len(sentence) <= limit else sentence[: limit - 1] + "…"


def page_shares(questions: list, page_url: str) -> list[Share]:
    """The shares of a page's questions (faq_schema.Question: id, name, answer)."""
    return [Share(question.id, question.name, summary(question.answer), page_url) for question in questions]


def shared_permalinks(content: str, shares: list[Share], prefix: str) -> str:
    """content with each question's permalink (as permalinks.py writes it) linking its share
    address; data-share tells assets/javascripts/share-links.js which id to scroll to."""
    for share in shares:
        old = f'<a class="headerlink" href="#{html.escape(share.id)}"'
        href = get_relative_url(share_url(prefix, share.id), share.page_url or "./")
        new = f'<a class="headerlink" href="{html.escape(href)}" data-share="{html.escape(share.id)}"'
        content = content.replace(old, new, 1)
    return content


def og_locale(locale: str, opencc: str | None) -> str | None:
    """Open Graph's name for a variant's language, if known (zh_CN, zh_TW, zh_HK)."""
    return OG_LOCALES.get(opencc or locale)


@dataclass(frozen=True)
class Texts:
    """A variant's own words on its share pages (from mkdocs.yml, converted)."""

    site_name: str
    read_more: str  # the link to the whole answer


def share_page(share: Share, id_: str, variant: Variant, texts: Texts, site_url: str, others: list) -> str:
    """The share page at share_url(variant.prefix, id_) (id_: the question's id or an old one of
    it); `others` are its links to the same page in the other variants (variant_links.VariantLink)."""
    here = share_url(variant.prefix, id_)
    target = get_relative_url(share.page_url or "./", here) + "#" + share.id
    canonical = absolute(site_url, share.page_url + "#" + share.id) if site_url else target
    locale = og_locale(variant.locale, variant.opencc)
    e = html.escape
    head = [
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width,initial-scale=1">',
        f"<title>{e(share.question)} - {e(texts.site_name)}</title>",
        f'<meta name="description" content="{e(share.summary)}">',
        f'<link rel="canonical" href="{e(canonical)}">',
        '<meta property="og:type" content="article">',
        f'<meta property="og:site_name" content="{e(texts.site_name)}">',
        f'<meta property="og:title" content="{e(share.question)}">',
        f'<meta property="og:description" content="{e(share.summary)}">',
        *([f'<meta property="og:url" content="{e(absolute(site_url, here))}">'] if site_url else []),
        *([f'<meta property="og:locale" content="{e(locale)}">'] if locale else []),
        '<meta name="twitter:card" content="summary">',
        f'<meta http-equiv="refresh" content="0; url={e(target)}">',
    ]
    switch = " ".join(
        f'<a href="{e(link.href)}" hreflang="{e(link.lang)}" lang="{e(link.lang)}">{e(link.name)}</a>'
        for link in others
    )
    body = [
        f"<h1>{e(share.question)}</h1>",
        f"<p>{e(share.summary)}</p>",
        f'<p><a href="{e(target)}">{e(texts.read_more)}</a></p>',
        *([f"<p>{switch}</p>"] if switch else []),
    ]
    return (
        f'<!doctype html>\n<html lang="{e(variant.locale)}">\n<head>\n' + "\n".join(head)
        + "\n</head>\n<body>\n" + "\n".join(body) + "\n</body>\n</html>\n"
    )  # fmt: skip


def site_pages(
    shares: dict[str, Share], old_ids: dict[str, str], build: Variants, texts: Texts, site_url: str
) -> list[tuple[str, str]]:
    """(destination, page) of the share page of every question of a variant, and of every old id
    of one (anchor_aliases: old id -> new id); each links the same page in the other variants."""
    ids = {old: new for old, new in old_ids.items() if new in shares} | {id_: id_ for id_ in shares}
    found = []
    for id_, question in sorted(ids.items()):
        url = share_url(build.variant.prefix, id_)
        links = page_links(url, build.variant, build.variants, site_url)
        others = [link for link in links if not link.current]
        page = share_page(shares[question], id_, build.variant, texts, site_url, others)
        found.append((url + "index.html", page))
    return found
