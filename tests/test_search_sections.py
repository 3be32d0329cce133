"""A page's search sections, cut without Material's HTML parser (upstream/material_sections.py):
the same sections as the parser's, on the guide's pages and on generated markup, or none."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from material.plugins.search.plugin import Parser

from conftest import ROOT
from zhguide.upstream import ContractError, material_sections
from zhguide.upstream.material_sections import cut


def parsed(html: str) -> list[tuple] | None:
    """Material's own sections of the markup (None where its parser fails)."""
    parser = Parser()
    try:
        parser.feed(html)
        parser.close()
    except ValueError:
        return None
    return [(s.el.tag, dict(s.el.attrs), s.depth, s.id, s.title, s.text) for s in parser.data]


def cut_as_parsed(html: str) -> list[tuple] | None:
    found = cut(html)
    return None if found is None else [(c.tag, c.attrs, c.depth, c.id, c.title, c.text) for c in found]


LINK = '<a class="headerlink" href="#{0}" title="本节链接" aria-label="本节链接">¶</a>'
PLAIN = [
    # what Python-Markdown writes for the guide, and the parser's quirks on it
    '<h1 id="t">标题</h1>\n<p>前言</p>\n<h2 id="a">问？' + LINK.format("a") + "</h2>\n<p>答。</p>",
    "<p>no heading at all</p>\n<ul>\n<li>one</li>\n<li></li>\n</ul>",
    '<p>preface</p><h2 id="a">A</h2><p>x</p><h3 id="b">B</h3><p>y</p><h2>no id</h2><p>z</p>',
    '<h2 data-search-exclude id="x">hidden</h2><p>still in x</p><h2 id="y">Y</h2><p>shown</p>',
    '<div class="admonition" data-search-exclude><p>box</p><div><p>inner</p></div><p>after inner</p></div>',
    '<div class="admonition"><h3 id="n">nested</h3><p>in n</p></div><p>back in the first section</p>',
    "<pre><code>line 1\n  line 2\n\n</code></pre>\n<p>a\nb   c</p>",
    "<p>&lt;b&gt; &amp; &quot;q&quot; &#39;s&#39; &nbsp; &copy;</p><p>&nbsp;</p>",
    '<p><img alt="x" src="a.png"> <br /> <hr> text<sub>2</sub><sup></sup></p>',
    '<h2 id="a">A<code>c</code><strong>s</strong></h2><p></p><p> </p><p>x</p><p></p>',
    '<table><tr><td id="c">cell</td></tr></table><object><p>never</p></object><p>after</p>',
    '<pre class="linenodiv">1\n2</pre><p>code</p><p><span data-x>attr without value</span></p>',
    '<h2 id="a&amp;b">entity in an id</h2><h4 id="">empty id</h4><p>x</p>',
    "</p><p>an end tag first</p></div>",
]
NOT_PLAIN = [
    "<!-- a comment --><p>x</p>",
    "<script>var a = '<p>';</script><p>x</p>",
    "<P>upper case</P>",
    "<p class='single quotes'>x</p>",
    "<div/><p>x</p>",
    "<p>a < b</p>",
    '<p\nclass="x">line break in a tag</p>',
    "<!doctype html><p>x</p>",
]


@pytest.mark.parametrize("html", PLAIN)
def test_plain_markup_is_cut_as_materials_parser_cuts_it(html: str) -> None:
    assert cut_as_parsed(html) == parsed(html) is not None


@pytest.mark.parametrize("html", NOT_PLAIN)
def test_other_markup_is_left_to_materials_parser(html: str) -> None:
    assert cut(html) is None


def test_where_the_parser_fails_the_cut_gives_way_to_it() -> None:
    # the inner </div> lets go of every div (skipped by name), so </p> looks for a <p> never kept
    html = "<div data-search-exclude><p><div></div></p></div>"
    assert parsed(html) is None and cut(html) is None


# Plain pieces only: any sequence of them is markup that cut() reads.
TAGS = ["p", "h1", "h2", "h3", "div", "pre", "code", "li", "ul", "a", "span", "sub", "object"]
OPEN = st.sampled_from(TAGS).flatmap(
    lambda tag: st.sampled_from(
        [f"<{tag}>", f'<{tag} id="i">', f'<{tag} id="j" class="c">', f"<{tag} data-search-exclude>",
         f'<{tag} class="headerlink">', f'<{tag} class="linenodiv">']
    )
)  # fmt: skip
PIECES = st.one_of(
    OPEN,
    st.sampled_from([f"</{tag}>" for tag in TAGS]),
    st.sampled_from(["x", " ", "\n", "  \n ", "中文", "&amp;", "&nbsp;", "a\nb", "<br>", "<hr />"]),
)
MARKUP = st.lists(PIECES, max_size=40).map("".join)


@settings(max_examples=1000, deadline=None, derandomize=True, database=None)
@given(MARKUP)
def test_any_plain_markup_is_cut_as_the_parser_cuts_it_or_left_to_it_where_it_fails(html: str) -> None:
    assert cut_as_parsed(html) == parsed(html)


def test_a_changed_parser_fails_the_build(monkeypatch: pytest.MonkeyPatch) -> None:
    material_sections.check(None)
    monkeypatch.setattr(material_sections, "PARSER_SHA256", "0" * 64)
    with pytest.raises(ContractError, match=r"material_sections\.py: .*its search Parser changed"):
        material_sections._material.__wrapped__()


def built_index(site: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, list]:
    """Each variant's index entries, from one in-process build of the guide into site."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    monkeypatch.setenv("SITE_URL", os.environ.get("SITE_URL", "https://example.org/"))
    config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(site))
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
    indexes = sorted(site.rglob("search/search_index.json"))
    assert len(indexes) >= 2
    return {str(path.relative_to(site)): json.loads(path.read_text("utf-8"))["docs"] for path in indexes}


@pytest.mark.build
def test_the_guides_index_is_the_one_materials_parser_gives(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every page of the guide, both variants: the index is the same, entry for entry."""
    fast = built_index(tmp_path / "cut", monkeypatch)
    monkeypatch.setattr(material_sections, "cut", lambda html: None)  # every page to the parser
    assert built_index(tmp_path / "parser", monkeypatch) == fast
