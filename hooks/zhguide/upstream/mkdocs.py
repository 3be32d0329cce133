"""Adapter: MkDocs itself and the HTML its Python-Markdown writes.

Contract (MkDocs 1.6.x, Python-Markdown 3.x):
- a Page's `title` is a property that stores a title given in mkdocs.yml's nav
  in the instance's `__dict__`; a title taken from the page's own heading is not
  there (the nav labels this project converts are the former only);
- `mkdocs.utils.meta.get_data(text)` returns (body, front matter);
- `File(src_uri, src_dir, dest_dir, use_directory_urls)` gives the URL and
  destination a source path would get; `config.theme.static_templates` is the
  set of templates (404.html, sitemap.xml) each build renders;
- Python-Markdown's toc extension writes a heading with an explicit id as
  `<hN id="ID">text<a class="headerlink" href="#ID" title="TITLE">&para;</a></hN>`:
  the permalink labels and the anchor aliases find headings and permalinks in
  exactly that form, and `check()` renders one to prove it still holds.
"""

from __future__ import annotations

import re

import markdown
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File
from mkdocs.utils.meta import get_data

from . import fail, require_version

ADAPTER, DISTRIBUTION, WRITTEN_FOR = "mkdocs", "mkdocs", ">=1.6.1,<2"
PERMALINK = re.compile(r'<a class="headerlink" href="(#[^"]*)" title="([^"]*)">')
HEADING = re.compile(r"(<h([1-6])\b[^>]*>)(.*?)(</h\2>)", re.S)
PROBE = "## T {#probe-id}"


def heading_marker(level: int, id_: str) -> str:
    """How a rendered heading with this explicit id starts."""
    return f'<h{level} id="{id_}"'


def check_markup(rendered: str) -> None:
    """Fail unless a rendered probe heading has the form this project's patterns read."""
    if not rendered.startswith(heading_marker(2, "probe-id")) or not PERMALINK.search(rendered):
        raise fail(ADAPTER, "markdown", f"its toc extension writes headings differently: {rendered!r}")


def check(config: MkDocsConfig) -> None:
    """Fail loudly unless MkDocs is in the known range and headings render as known."""
    require_version(ADAPTER, DISTRIBUTION, WRITTEN_FOR)
    toc = {"permalink": True, "permalink_title": "L"}
    check_markup(markdown.markdown(PROBE, extensions=["toc", "attr_list"], extension_configs={"toc": toc}))


def titled_in_nav(item: object) -> bool:
    """True when mkdocs.yml's nav gives this page its title (not its own heading)."""
    return "title" in vars(item)


def front_matter(text: str) -> dict:
    """The YAML front matter of a Markdown source."""
    return get_data(text)[1]


def destination(src_uri: str, config: MkDocsConfig) -> tuple[str, str]:
    """The (destination, URL) a source path would get in this build."""
    file = File(src_uri, None, config.site_dir, config.use_directory_urls)
    return file.dest_uri, file.url


def drop_static_template(config: MkDocsConfig, name: str) -> None:
    """Stop this build from rendering one of the theme's static templates (404.html)."""
    config.theme.static_templates.discard(name)
