"""Keep old links working when a question or a page is renamed, moved or removed.

In the front matter of the page that now holds the answer:

    redirect_from:                 # old pages, as source paths: their URLs redirect here
      - old-page.md
    anchor_aliases:                # old #ids that must still land on a question
      old-id: new-id               # a question of this page
      moved-id: other.md#new-id    # a question that moved to another page

An old page URL becomes a small page that forwards to the new one, keeping
the #anchor, in every variant. An old id on this page becomes an empty element
just before its question, so the browser scrolls there without JavaScript; an
id that moved to another page forwards there (overrides/partials/variant-script.html).
"""

from __future__ import annotations

import html
import json
import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url
from mkdocs.utils.meta import get_data

from variant_pages import current_language, url_prefix

log = logging.getLogger("mkdocs.plugins.link_aliases")


def old_page_dest(src_uri: str, config: MkDocsConfig) -> File:
    """The File a source path would have become, for its URL and destination."""
    return File(src_uri, None, config.site_dir, config.use_directory_urls)


def redirect_page(target: str, lang: str) -> str:
    """A page that forwards to target (relative), keeping the #anchor, with or without JavaScript."""
    href = html.escape(target)
    return (
        f'<!doctype html>\n<html lang="{html.escape(lang)}">\n<head>\n<meta charset="utf-8">\n'
        f'<title>{href}</title>\n<meta name="robots" content="noindex">\n'
        f'<link rel="canonical" href="{href}">\n<meta http-equiv="refresh" content="0; url={href}">\n'
        f"<script>location.replace({json.dumps(target)} + location.hash)</script>\n"
        f'</head>\n<body><a href="{href}">{href}</a></body>\n</html>\n'
    )


def split_target(target: str) -> tuple[str, str]:
    """('other.md', 'new-id') for 'other.md#new-id'; ('', 'new-id') for 'new-id' or '#new-id'."""
    page_part, _, new_id = target.rpartition("#")
    return page_part, new_id


def alias_markup(aliases: dict[str, str], content: str, page_url: str, target_urls: dict[str, str]) -> str:
    """content with an element for each old id: before its question, or forwarding to another page."""
    for old_id, target in aliases.items():
        page_part, new_id = split_target(target)
        if page_part:
            href = html.escape(get_relative_url(target_urls[page_part], page_url or "./") + "#" + new_id)
            content = f'<span id="{html.escape(old_id)}" data-moved-to="{href}"></span>' + content
        else:
            marker = f'<h2 id="{new_id}"' if f'<h2 id="{new_id}"' in content else f'<h3 id="{new_id}"'
            content = content.replace(marker, f'<span id="{html.escape(old_id)}"></span>{marker}', 1)
    return content


def _front_matter(file: File) -> dict:
    return get_data(file.content_string)[1] if file.src_uri.endswith(".md") else {}


# After static-i18n (-100) has chosen this variant's files, so the redirect
# pages it adds are not taken for translations.
@event_priority(-110)
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    """Add a forwarding page at the URL of every page listed in a redirect_from."""
    language = current_language(config)
    locale, prefix = language.locale, url_prefix(language)
    taken = {file.dest_uri for file in files}
    for file in files.documentation_pages():
        for old in _front_matter(file).get("redirect_from") or []:
            former = old_page_dest(str(old), config)
            dest_uri, url = prefix + former.dest_uri, prefix + former.url
            if dest_uri in taken:
                raise PluginError(
                    f"{file.src_uri}: redirect_from '{old}' is still a page; remove one of them"
                )
            target = get_relative_url(file.url or "./", url or "./")
            files.append(File.generated(config, dest_uri, content=redirect_page(target, locale)))
            taken.add(dest_uri)
    return files


def on_page_content(content: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Place each old id of this page where its question now is."""
    aliases = {str(old): str(target) for old, target in (page.meta.get("anchor_aliases") or {}).items()}
    source = f"{Path(config.docs_dir).name}/{page.file.src_uri}"
    targets = {}
    for old_id, target in aliases.items():
        page_part, new_id = split_target(target)
        if f' id="{old_id}"' in content:
            raise PluginError(f"{source}: anchor_aliases '{old_id}' is still an id on this page")
        if page_part:
            linked = files.get_file_from_path(page_part)
            if linked is None:
                raise PluginError(
                    f"{source}: anchor_aliases '{old_id}' points at '{page_part}', which is no page"
                )
            targets[page_part] = linked.url
        elif f'<h2 id="{new_id}"' not in content and f'<h3 id="{new_id}"' not in content:
            raise PluginError(f"{source}: anchor_aliases '{old_id}' points at '#{new_id}', no question here")
    return alias_markup(aliases, content, page.url, targets) if aliases else content
