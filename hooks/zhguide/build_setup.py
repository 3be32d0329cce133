"""The plugin's setup job: which variants there are, and what this variant's build needs.

The plugin's on_config routes here. `prepared_build` checks the upstreams and the
project's files before anything is read, loads and checks the glossary, works out
the variants (static-i18n's languages) and the one this build makes, and gives
each generated variant its site strings, before static-i18n copies them. Every
problem becomes a PluginError naming the file and the line.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from . import pages, source_tree
from .config import Build, VariantsConfig
from .offline import SHIM_URL
from .source_checks import source_name
from .upstream import i18n, material, material_browser, material_sections
from .upstream import mkdocs as mkdocs_adapter
from .variants import VariantError, generated_scripts, glossary_at, variant_named, variants_of
from .zh_glossary import GlossaryError
from .zh_glossary import problems as zh_glossary_problems
from .zh_search import one_separator


def checked_variants(config: MkDocsConfig, options: VariantsConfig) -> list:
    """The variants of mkdocs.yml, with their glossary entries, checked."""
    glossary_name = source_name(config, options.glossary)  # docs/glossary.yml, for messages
    try:
        entries = glossary_at(Path(config.docs_dir) / options.glossary)
        variants = variants_of(i18n.languages(config), entries)
    except GlossaryError as error:
        raise PluginError(f"{glossary_name}:{error}") from error
    except VariantError as error:
        raise PluginError(str(error)) from error
    if found := zh_glossary_problems(entries, generated_scripts(variants)):
        line, problem = found[0]
        raise PluginError(f"{glossary_name}:{line}: {problem}")
    return variants


def prepared_build(config: MkDocsConfig, options: VariantsConfig) -> Build:
    """This variant's Build; the config given each generated variant's strings (and, offline,
    the local polyfill)."""
    for adapter in (mkdocs_adapter, i18n, material, material_sections):
        adapter.check(config)
    root = Path(config.config_file_path).parent
    theme = Path(config.theme.custom_dir) if config.theme.custom_dir else None
    read = [options.search_queries, options.search_terms]
    if found := source_tree.project_problems(root, Path(config.docs_dir), theme, read):
        raise PluginError(found[0])  # before anything is read or written
    variants = checked_variants(config, options)
    if options.only:  # scripts/build: one process per variant
        if options.only not in [variant.locale for variant in variants]:
            known = ", ".join(variant.locale for variant in variants)
            raise PluginError(f"mkdocs.yml: zh-variants 'only' is {options.only!r}, not in {known}")
        i18n.build_only(config, options.only)
    variant = variant_named(variants, i18n.current_locale(config))
    offline = material.offline_enabled(config)
    separator = None if offline else one_separator(options.search_separator)
    build = Build(root, variants, variant, offline, material_browser.search_worker(), separator)
    # Before static-i18n's on_config (-100) copies them into this variant's config.
    strings = {key: config[key] for key in pages.SITE_STRINGS}
    labels = {key: config.extra.get(key) for key in pages.EXTRA_STRINGS}
    for other in variants:
        if other.generated:
            site, extra = pages.site_strings(strings, other), pages.site_strings(labels, other)
            i18n.set_language_strings(config, other.locale, site, extra)
    if offline:
        material.serve_polyfill_locally(config, SHIM_URL)
    return build
