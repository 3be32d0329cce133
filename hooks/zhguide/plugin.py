"""The `zh-variants` MkDocs plugin: every variant of the guide from one Simplified source.

Events only route: each hands its data to a pure function of this package
(pages, variant_links, search_index, faq_schema, permalinks, source_checks), to a
job module (build_setup, page_output, search_build, share_build, alias_build,
worker_build) and to the adapters in upstream/, which hold every use of an
upstream internal.
What one build needs is kept on a `Build` made in on_config; static-i18n
re-runs the whole build once per variant with the same plugin, so each
variant's build makes its own.
"""

from __future__ import annotations

import functools
import logging
from pathlib import Path

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Link, Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from . import (
    alias_build,
    app_manifest,
    build_setup,
    faq_schema,
    page_output,
    pages,
    search_build,
    search_index,
    share_build,
    sitemap,
    source_checks,
    variant_links,
    worker_build,
)
from .cache import private_cache
from .config import Build, VariantsConfig
from .hotline import tel_links
from .offline import SHIM_URL, shim_source
from .permalinks import label_permalinks
from .source_checks import source_name
from .upstream import i18n, material_sections
from .upstream import mkdocs as mkdocs_adapter
from .variants import generated_scripts
from .zh_markup import MarkupError, script_problems
from .zh_search import tokenizer

log = logging.getLogger("mkdocs.plugins.zh_variants")


@functools.lru_cache(maxsize=1)
def bytecode_cache() -> jinja2.BytecodeCache:
    """Templates compiled once, not per variant and build (checked against their source), kept in
    this user's private cache."""
    folder = private_cache() / "jinja"
    folder.mkdir(mode=0o700, exist_ok=True)
    return jinja2.FileSystemBytecodeCache(str(folder))


class VariantsPlugin(BasePlugin[VariantsConfig]):
    """Generated variants, their links, search indexes and checks."""

    build: Build | None = None

    def on_config(self, config: MkDocsConfig) -> None:
        """Check the upstreams and the project; work out the variants and which one this build makes."""
        self.build = build_setup.prepared_build(config, self.config)

    def on_env(self, env: jinja2.Environment, *, config: MkDocsConfig, files: Files) -> jinja2.Environment:
        """Share one bytecode cache between every variant and build."""
        env.bytecode_cache = bytecode_cache()
        return env

    @event_priority(10)  # before static-i18n (-100) reads the sources: a bad byte stops the build first
    def _check_encoding(self, files: Files, *, config: MkDocsConfig) -> None:
        for file in files.documentation_pages():
            if file.abs_src_path:
                error = source_checks.encoding_error(source_name(config, file.src_uri), file.content_bytes)
                if error:
                    raise PluginError(error)

    @event_priority(-110)  # after static-i18n (-100) chose this variant's pages, which the added files follow
    def _add_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        alias_build.add_redirects(files, config=config, build=self.build)
        if self.build.offline and not files.get_file_from_path(SHIM_URL):
            try:
                files.append(File.generated(config, SHIM_URL, content=shim_source()))
            except FileNotFoundError as error:
                raise PluginError(str(error)) from error
        search_build.add_worker(files, config=config, build=self.build, options=self.config)
        worker_build.add_worker(files, config=config, build=self.build)
        return files

    on_files = CombinedEvent(_check_encoding, _add_files)

    def project_file_path(self, option: str) -> Path:
        return self.build.root / self.config[option]

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> None:
        """Convert the navigation labels mkdocs.yml spells out (sections, links, titled pages)."""
        variant = self.build.variant
        for item in pages.nav_items(nav.items) if variant.generated else ():
            explicit = isinstance(item, (Section, Link)) or mkdocs_adapter.titled_in_nav(item)
            if explicit and item.title:
                item.title = pages.variant_text(item.title, variant)

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Check the page's own source; resolve inline markup; shield what must not convert."""
        source, converts = source_name(config, page.file.src_uri), self.build.converts(page.file)
        if problem := source_checks.page_problem(page.file.content_string):
            raise PluginError(f"{source}:{problem[0]}: {problem[1]}")
        if not converts:  # a generated page's source was checked in the source variant's build
            for warning in source_checks.missing_ids(source, page.file.content_string):
                log.warning(warning)
            if found := script_problems(page.file.content_string, generated_scripts(self.build.variants)):
                raise PluginError(f"{source}:{found[0].line}:{found[0].column}: {found[0].message}")
        try:
            return pages.page_markdown(
                markdown, page.file.content_string, page.meta, self.build.variant, convert=converts
            )
        except MarkupError as error:
            raise PluginError(f"{source}:{error.line}:{error.column}: {error.message}") from error

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Refuse unsafe markup; convert a generated page; label its permalinks; place its old ids."""
        variant = self.build.variant
        if found := source_checks.unsafe_markup(html):
            message, needle = found[0]
            line = source_checks.line_of(page.file.content_string, needle)
            raise PluginError(f"{source_name(config, page.file.src_uri)}:{line}: {message}")
        if self.build.converts(page.file):
            for anchor in pages.nav_items(page.toc):
                anchor.title = pages.variant_text(anchor.title, variant)
            if "title" not in page.meta and page.title:
                page.title = pages.variant_text(page.title, variant)
            html = pages.page_html(html, variant)
        source, html = source_name(config, page.file.src_uri), label_permalinks(html)
        questions = self.build.questions[page.file.src_uri] = faq_schema.questions(html)  # parsed once
        html = share_build.collect(html, questions, page=page, source=source, build=self.build)
        if self.config.hotline:
            html = tel_links(html, self.config.hotline, config.extra.get("hotline_label") or "{number}")
        return alias_build.place_aliases(html, page=page, files=files, config=config, build=self.build)

    def on_page_context(self, context: dict, *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
        """Index the page; give templates its variant links, its variant root and its FAQ schema."""
        build, variant = self.build, self.build.variant
        cutter = self.tokenizer()
        for entry in material_sections.page_sections(page):
            prepared = search_index.variant_entry(
                entry, variant.prefix, cutter, build.separator, self.config.page_boost
            )
            build.entries.append(prepared)
        if variant.prefix:  # Material's search and storage live at the variant's root
            context["base_url"] = get_relative_url(variant.prefix, page.url)
        links = variant_links.page_links(page.url, variant, build.variants, config.site_url or "")
        context["variants"] = links
        context["search_worker"] = build.worker.path  # the browser wraps this worker
        i18n.set_page_alternates(config, variant_links.hreflang_entries(links))
        url = page.canonical_url or page.abs_url or page.url
        found = build.questions.get(page.file.src_uri, [])
        context["faq_schema"] = faq_schema.page_schema(found, url, variant.locale)
        return context

    def on_template_context(self, context: dict, *, template_name: str, config: MkDocsConfig) -> dict:
        """Give the sitemap every page of every variant, in the source variant's build (in any
        other, the sitemap renders empty, and MkDocs writes no empty template); give the 404
        page the variants' homes as its alternates."""
        if template_name == "sitemap.xml" and self.build.writes_site_files:
            paths = [(file.url, file.page.update_date) for file in context["pages"] if file.page]
            entries = sitemap.sitemap_entries(paths, self.build.variants, config.site_url or "")
            context["sitemap_entries"] = entries
        if template_name == "404.html":  # no page: the variants' homes are its alternates
            variant = self.build.variant.locale
            homes = variant_links.home_links(self.build.variants, variant, config.site_url or "")
            context["variants"] = homes  # the language switch leads to each variant's home
            i18n.set_page_alternates(config, variant_links.hreflang_entries(homes))
            context["search_worker"] = self.build.worker.path  # the browser wraps this worker
        return context

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        """Turn Material's menu toggles into a template (a text browser meets the page first); drop
        the next-page hints a browser prefetches; refuse inline code, which the site's CSP forbids."""
        return page_output.page_output(output, page.file.src_uri, page.file.dest_uri)

    def on_post_template(self, output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
        """The same for a page rendered from a template alone (404.html); a generated variant's
        404 page goes under its prefix (the site's root keeps the source variant's)."""
        prefix, site_url = self.build.variant.prefix, config.site_url or ""
        return page_output.template_output(output_content, template_name, prefix, site_url, config.site_dir)

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Write this variant's search index, its share pages and its web app manifest, once."""
        search_build.write_index(config=config, build=self.build, options=self.config)
        share_build.write(config=config, build=self.build)
        app_manifest.write(config=config, build=self.build)

    def tokenizer(self):
        """jieba with the guide's terms, loaded again only when the terms file changes."""
        terms = self.project_file_path("search_terms")
        return tokenizer(terms, terms.stat().st_mtime_ns if terms.is_file() else 0)
