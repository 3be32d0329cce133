"""The plugin's search job: the guide's search worker, and each variant's index.

The plugin's events route here: `add_worker` in on_files, `write_index` in
on_post_build. The work itself is search_index's and search_help's (pure);
this module reads hooks/search_queries.yml and turns what is wrong in it into
a PluginError that names the file and the line.
"""

from __future__ import annotations

import functools
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from . import pages, search_index
from .config import Build, VariantsConfig
from .search_help import entry_line, key_line, load_queries


def queries(build: Build, options: VariantsConfig) -> dict:
    """The readers' phrasings (hooks/search_queries.yml), checked."""
    try:
        return load_queries(build.root / options.search_queries)
    except ValueError as error:
        raise PluginError(f"hooks/{error}") from error


def add_worker(files: Files, *, config: MkDocsConfig, build: Build, options: VariantsConfig) -> None:
    """Put the guide's search worker in place of the theme's files it is made of: its query help,
    the ranking and the message loop, as one file, written once, at the site's root."""
    loop = files.get_file_from_path(search_index.WORKER)
    if loop is None:
        return
    if missing := [path for path in search_index.RANKING if files.get_file_from_path(path) is None]:
        raise PluginError(f"the search worker needs {', '.join(missing)} in the theme's custom_dir")
    ranking = [files.get_file_from_path(path) for path in search_index.RANKING]
    for file in (*ranking, loop):  # online and offline alike: the same ranking
        files.remove(file)
    if build.writes_site_files:  # one worker for every variant
        help_ = search_index.query_help(queries(build, options), build.worker)
        sources = [file.content_string for file in ranking]
        content = search_index.worker_with_help(sources, loop.content_string, help_)
        files.append(File.generated(config, search_index.WORKER, content=content))


def write_index(*, config: MkDocsConfig, build: Build, options: VariantsConfig) -> None:
    """Write this variant's search index, once, in its final form: its entries with the words
    readers ask each question in and their example queries, and the line that opens results when
    nothing matches."""
    found, source = queries(build, options), build.root / options.search_queries
    convert = functools.partial(pages.variant_text, variant=build.variant)
    try:
        notice = search_index.notice(found["no_match"], build.entries, convert)
    except ValueError as error:
        line = key_line(source.read_text("utf-8"), "no_match")
        raise PluginError(f"{options.search_queries}:{line}: {error}") from error
    for key in ("asked", "learnt", "examples"):
        if unknown := search_index.unknown_asked(found[key], build.entries, build.old_ids):
            line = entry_line(source.read_text("utf-8"), key, unknown[0])
            message = f"{key}: no section of the search index has the id '{unknown[0]}'"
            raise PluginError(f"{options.search_queries}:{line}: {message}")
    docs = search_index.with_asked(
        build.entries, found["asked"], build.old_ids, found["learnt"], found["examples"]
    )
    index = search_index.index_config(
        options.search_separator, options.title_boost, compact=build.separator is not None
    )
    # Offline, Material's offline plugin makes the root's index a script; the others' are made here.
    script = build.offline and bool(build.variant.prefix)
    search_index.write_index(
        Path(config.site_dir), build.variant.prefix, index, docs, script=script, notice=notice
    )
