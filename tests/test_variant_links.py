"""Pure tests: counterparts, sitemap entries and forwarding pages, worked out from the variants alone."""

from __future__ import annotations

import pytest

from zhguide.link_aliases import AliasError, front_matter_line, redirect_pages
from zhguide.page_scripts import inline_code
from zhguide.sitemap import sitemap_entries
from zhguide.variant_links import hreflang_entries, page_links
from zhguide.variants import Variant

SITE = "https://example.org/guide/"
HANS = Variant("zh-Hans", "简体中文", "", True, "zh-Hans")
HANT = Variant("zh-Hant", "繁體中文", "zh-Hant/", False, "zh-Hans", "s2tw")
HK = Variant("zh-HK", "香港繁體", "zh-HK/", False, "zh-Hans", "s2hk")
VARIANTS = [HANS, HANT, HK]


def test_a_page_links_to_itself_in_every_variant() -> None:
    links = page_links("zh-Hant/overdue/", HANT, VARIANTS, SITE)
    assert [(link.lang, link.href, link.url, link.current) for link in links] == [
        ("zh-Hans", "../../overdue/", f"{SITE}overdue/", False),
        ("zh-Hant", "./", f"{SITE}zh-Hant/overdue/", True),
        ("zh-HK", "../../zh-HK/overdue/", f"{SITE}zh-HK/overdue/", False),
    ]
    home = page_links("", HANS, VARIANTS, "")
    assert [link.href for link in home] == ["./", "zh-Hant/", "zh-HK/"]
    assert hreflang_entries(home)[1] == {"name": "繁體中文", "link": "zh-Hant/", "lang": "zh-Hant"}


def test_the_sitemap_lists_each_page_in_each_variant_its_own_first() -> None:
    entries = sitemap_entries([("", "2026-12-01"), ("overdue/", "2026-12-01")], VARIANTS[:2], SITE)
    assert [entry.loc for entry in entries] == [
        SITE, f"{SITE}overdue/", f"{SITE}zh-Hant/", f"{SITE}zh-Hant/overdue/",
    ]  # fmt: skip
    assert entries[3].alternates == (("zh-Hant", f"{SITE}zh-Hant/overdue/"), ("zh-Hans", f"{SITE}overdue/"))


def test_old_pages_forward_within_their_variant_and_never_replace_a_page() -> None:
    def former(path: str) -> tuple[str, str]:
        stem = path.removesuffix(".md")
        return f"{stem}/index.html", f"{stem}/"

    taken = {"zh-Hant/contact/index.html"}
    old = ["customer-service.md"]
    [(dest, page)] = redirect_pages(old, "zh-Hant/contact/", "zh-Hant/", "zh-Hant", taken, former)
    assert dest == "zh-Hant/customer-service/index.html" and dest in taken
    assert '<html lang="zh-Hant">' in page and 'url=../contact/"' in page
    # the #anchor is kept by a file (the site's CSP allows no inline script)
    assert '<script src="../../assets/javascripts/redirect.js" data-to="../contact/"></script>' in page
    assert not inline_code(page)
    with pytest.raises(AliasError, match=r"redirect_from 'contact\.md' is still a page"):
        redirect_pages(["contact.md"], "zh-Hant/other/", "zh-Hant/", "zh-Hant", taken, former)


@pytest.mark.parametrize(
    ("front", "value", "line"),
    [
        ("---\nredirect_from:\n  - aa.md\n  - a.md\n---\n", "a.md", 4),  # not the line of aa.md
        ("---\nredirect_from: a.md\n---\n", "a.md", 2),  # on the key's own line
        ("---\ntitle: x\nanchor_aliases: [old, new]\n---\n", ["old", "new"], 3),  # not found: the key's line
        ("---\nanchor_aliases:\n  old-id: x.md#y\n  id: z\n---\n", "id", 4),
    ],
)
def test_a_front_matter_message_names_the_values_own_line(front: str, value: object, line: int) -> None:
    key = "redirect_from" if "redirect_from" in front else "anchor_aliases"
    assert front_matter_line(front, key, value) == line
