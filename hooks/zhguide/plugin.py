"""The `zh-variants` MkDocs plugin: every variant of the guide from one Simplified source.

Events only route: each hands its data to a pure function of this package
(pages, variant_links, search_index, faq_schema, permalinks, link_aliases,
reading_order, source_checks) and to the adapters in upstream/, which hold
every use of an upstream internal. What one build needs is kept on a `Build`
made in on_config; static-i18n re-runs the whole build once per variant with
the same plugin, so each variant's build makes its own.
"""

from __future__ import annotations

import functools
import logging
import re
from dataclasses import dataclass, field
from pathlib import Path

import jinja2
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Link, Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from . import faq_schema, link_aliases, pages, search_index, sitemap, source_checks, variant_links
from .offline import SHIM_URL, shim_source
from .permalinks import label_permalinks
from .reading_order import scripted_toggles
from .upstream import i18n, material, material_browser
from .upstream import mkdocs as mkdocs_adapter
from .variants import Variant, VariantError, glossary_at, variant_named, variants_of
from .zh_glossary import GlossaryError
from .zh_markup import MarkupError
from .zh_search import load_queries, one_separator, tokenizer

log = logging.getLogger("mkdocs.plugins.zh_variants")


class VariantsConfig(Config):
    glossary = c.Type(str, default="glossary.yml")  # in docs_dir; not published
    search_terms = c.Type(str, default="hooks/search_terms.txt")  # beside mkdocs.yml
    search_queries = c.Type(str, default="hooks/search_queries.yml")  # beside mkdocs.yml
    search_separator = c.Type(str, default=r"[\s\u200b\-]+")
    title_boost = c.Type((int, float), default=5)
    only = c.Type(str, default="")  # one variant's locale: this process builds that variant alone


@dataclass
class Build:
    """What one variant's build knows and collects."""

    root: Path  # the folder of mkdocs.yml
    variants: list[Variant]
    variant: Variant
    offline: bool
    worker: material_browser.SearchWorker
    separator: re.Pattern[str] | None  # compacts the published index; None offline
    entries: list[dict] = field(default_factory=list)

    def handwritten(self, file: File) -> bool:
        """True for a page written by hand in this variant (docs/<page>.<locale>.md)."""
        return file.src_uri.endswith(f".{self.variant.locale}.md")

    def converts(self, file: File) -> bool:
        """True for a page this variant generates from the source."""
        return self.variant.generated and not self.handwritten(file)


@functools.lru_cache(maxsize=1)
def bytecode_cache() -> jinja2.BytecodeCache:
    """Templates compiled once per process, not per variant and build (checked against their source)."""
    return jinja2.FileSystemBytecodeCache()


def source_name(config: MkDocsConfig, src_uri: str) -> str:
    """How messages name a source file: relative to the project, e.g. docs/overdue.md."""
    return f"{Path(config.docs_dir).name}/{src_uri}"


class VariantsPlugin(BasePlugin[VariantsConfig]):
    """Generated variants, their links, search indexes and checks."""

    build: Build | None = None

    def on_config(self, config: MkDocsConfig) -> None:
        """Check the upstreams; work out the variants and which one this build makes."""
        for adapter in (mkdocs_adapter, i18n, material):
            adapter.check(config)
        glossary = Path(config.docs_dir) / self.config.glossary
        try:
            variants = variants_of(i18n.languages(config), glossary_at(glossary))
        except GlossaryError as error:
            raise PluginError(f"{Path(config.docs_dir).name}/{self.config.glossary}:{error}") from error
        except VariantError as error:
            raise PluginError(str(error)) from error
        if self.config.only:  # scripts/build: one process per variant
            if self.config.only not in [variant.locale for variant in variants]:
                known = ", ".join(variant.locale for variant in variants)
                raise PluginError(f"mkdocs.yml: zh-variants 'only' is {self.config.only!r}, not in {known}")
            i18n.build_only(config, self.config.only)
        variant = variant_named(variants, i18n.current_locale(config))
        offline = material.offline_enabled(config)
        separator = None if offline else one_separator(self.config.search_separator)
        root = Path(config.config_file_path).parent
        self.build = Build(root, variants, variant, offline, material_browser.search_worker(), separator)
        if variant.generated:  # every variant would write the site's one 404.html; the source's stays
            mkdocs_adapter.drop_static_template(config, "404.html")
        # Before static-i18n's on_config (-100) copies them into this variant's config.
        strings = {key: config[key] for key in pages.SITE_STRINGS}
        labels = {key: config.extra.get(key) for key in pages.EXTRA_STRINGS}
        for other in variants:
            if other.generated:
                site, extra = pages.site_strings(strings, other), pages.site_strings(labels, other)
                i18n.set_language_strings(config, other.locale, site, extra)
        if offline:
            material.serve_polyfill_locally(config, SHIM_URL)

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
        for file in list(files.documentation_pages()):
            for old, content in self.redirects(file, files, config):
                files.append(File.generated(config, old, content=content))
        if self.build.offline and not files.get_file_from_path(SHIM_URL):
            try:
                files.append(File.generated(config, SHIM_URL, content=shim_source()))
            except FileNotFoundError as error:
                raise PluginError(str(error)) from error
        worker = files.get_file_from_path(search_index.WORKER)
        if worker is not None and not self.build.offline:
            files.remove(worker)
            if self.build.variant.default:  # one wrapper for every variant, at the site's root
                files.append(File.generated(config, search_index.WORKER, content=self.worker(worker, files)))
        return files

    on_files = CombinedEvent(_check_encoding, _add_files)

    def redirects(self, file: File, files: Files, config: MkDocsConfig) -> list[tuple[str, str]]:
        """(destination, page) of each forwarding page a page's redirect_from asks for."""
        prefix, found = self.build.variant.prefix, []
        taken = {other.dest_uri for other in files}
        front = mkdocs_adapter.front_matter(file.content_string) if file.src_uri.endswith(".md") else {}
        for old in front.get("redirect_from") or []:
            former = mkdocs_adapter.file_at(str(old), config)
            dest_uri, url = prefix + former.dest_uri, prefix + former.url
            if dest_uri in taken:
                raise PluginError(f"{file.src_uri}: redirect_from '{old}' is still a page; remove one")
            target = get_relative_url(file.url or "./", url or "./")
            found.append((dest_uri, link_aliases.redirect_page(target, self.build.variant.locale)))
            taken.add(dest_uri)
        return found

    def worker(self, wrapper: File, files: Files) -> str:
        """The search worker wrapper with its query help, from the sources of every page."""
        texts = [file.content_string for file in files.documentation_pages()]
        texts += [form for entry in glossary_forms(self.build.variants) for form in entry]
        try:
            queries = load_queries(self.project_file_path("search_queries"))
        except ValueError as error:
            raise PluginError(f"hooks/{error}") from error
        help_ = search_index.query_help(texts, queries, self.build.worker)
        return search_index.worker_with_help(wrapper.content_string, help_)

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
        if not converts:  # a generated page's source was checked in the source variant's build
            for warning in source_checks.missing_ids(source, page.file.content_string):
                log.warning(warning)
        try:
            return pages.page_markdown(
                markdown, page.file.content_string, page.meta, self.build.variant, convert=converts
            )
        except MarkupError as error:
            raise PluginError(f"{source}:{error.line}:{error.column}: {error.message}") from error

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Convert a generated page; label its permalinks; place its old ids."""
        variant = self.build.variant
        if self.build.converts(page.file):
            for anchor in pages.nav_items(page.toc):
                anchor.title = pages.variant_text(anchor.title, variant)
            if "title" not in page.meta and page.title:
                page.title = pages.variant_text(page.title, variant)
            html = pages.page_html(html, variant)
        html = label_permalinks(html)
        aliases = {str(old): str(new) for old, new in (page.meta.get("anchor_aliases") or {}).items()}
        if not aliases:
            return html
        targets = {
            page_part: found.url
            for page_part, _ in map(link_aliases.split_target, aliases.values())
            if page_part and (found := files.get_file_from_path(page_part))
        }
        try:
            link_aliases.check_aliases(aliases, html, set(targets))
        except link_aliases.AliasError as error:
            raise PluginError(f"{source_name(config, page.file.src_uri)}: {error}") from error
        return link_aliases.alias_markup(aliases, html, page.url, targets)

    def on_page_context(self, context: dict, *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
        """Index the page; give templates its variant links, its variant root and its FAQ schema."""
        build, variant = self.build, self.build.variant
        cutter = self.tokenizer()
        for entry in material.page_sections(page):
            build.entries.append(search_index.variant_entry(entry, variant.prefix, cutter, build.separator))
        if variant.prefix:  # Material's search and storage live at the variant's root
            context["base_url"] = get_relative_url(variant.prefix, page.url)
        path = page.url.removeprefix(variant.prefix)
        urls = {other.locale: other.prefix + path for other in build.variants}
        languages = [(other.locale, other.name, other.default) for other in build.variants]
        links = variant_links.variant_links(page.url, variant.locale, languages, urls, config.site_url or "")
        context["variants"] = links
        context["search_worker"] = build.worker.path  # the browser wraps this worker
        i18n.set_page_alternates(config, variant_links.hreflang_entries(links))
        url = page.canonical_url or page.abs_url or page.url
        document = faq_schema.faq_page(faq_schema.questions(page.content or ""), url, variant.locale)
        context["faq_schema"] = faq_schema.script_json(document) if document else None
        return context

    def on_template_context(self, context: dict, *, template_name: str, config: MkDocsConfig) -> dict:
        """Give the sitemap every page of every variant, in the source variant's build (in any
        other, the sitemap renders empty, and MkDocs writes no empty template); give the 404
        page the variants' homes as its alternates."""
        if template_name == "sitemap.xml" and not self.build.variant.generated:
            paths = [(file.url, file.page.update_date) for file in context["pages"] if file.page]
            entries = sitemap.sitemap_entries(paths, self.build.variants, config.site_url or "")
            context["sitemap_entries"] = entries
        if template_name == "404.html":  # no page: the variants' homes are its alternates
            homes = variant_links.home_links(self.build.variants, config.site_url or "")
            i18n.set_page_alternates(config, variant_links.hreflang_entries(homes))
            context["search_worker"] = self.build.worker.path  # the browser wraps this worker
        return context

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        """Write Material's menu toggles by script: a text browser meets the page first."""
        try:
            return scripted_toggles(output)
        except ValueError as error:
            raise PluginError(
                f"hooks/zhguide/upstream/material.py: {page.file.src_uri}: {error}; "
                "Material's base template changed"
            ) from error

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Write this variant's search index, once, in its final form."""
        build = self.build
        index = search_index.index_config(
            self.config.search_separator, self.config.title_boost, compact=build.separator is not None
        )
        data = search_index.index_json(index, build.entries)
        path = Path(config.site_dir) / build.variant.prefix / search_index.INDEX
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(data, "utf-8")
        if build.offline and build.variant.prefix:  # Material's offline plugin scripts the root's
            path.with_suffix(".js").write_text(f"var __index = {data}", "utf-8")

    def tokenizer(self):
        """jieba with the guide's terms, loaded again only when the terms file changes."""
        terms = self.project_file_path("search_terms")
        return tokenizer(terms, terms.stat().st_mtime_ns if terms.is_file() else 0)


def glossary_forms(variants: list[Variant]) -> list[tuple[str, str]]:
    """Every phrase the glossary writes, with its source: their characters fold too."""
    return [pair for variant in variants for pair in variant.pairs]
