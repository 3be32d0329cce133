"""The plugin's service-worker job: the parts in overrides/worker/, joined into sw.js at the site's root.

The plugin's on_files routes here, as it does for the search worker. The parts
are theme files (the `custom_dir`), so MkDocs would copy each as it is; they
leave the site, and the source variant's build (the one that writes the site's
own files) writes them as one file, in their names' order, where its scope is
the whole site. Only a build that publishes the worker writes it
(scripts/build sets extra.service_worker): `mkdocs serve` and the offline zip
have none. scripts/_offline_save.py stamps the built file; the parts say what
each does.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from .config import Build

PARTS = "worker/"  # in the theme's custom_dir
WORKER = "sw.js"


def joined(sources: list[str]) -> str:
    """The worker's source: its parts, one after the other."""
    return "\n".join(source.rstrip("\n") for source in sources) + "\n"


def add_worker(files: Files, *, config: MkDocsConfig, build: Build) -> None:
    """Take the worker's parts out of the site; write them joined as sw.js where the worker is on."""
    parts = sorted((file for file in files if file.src_uri.startswith(PARTS)), key=lambda file: file.src_uri)
    if not parts:
        raise PluginError(
            f"the service worker's parts are missing: overrides/{PARTS}*.js (the theme's custom_dir)"
        )
    for file in parts:
        files.remove(file)
    if build.writes_site_files and not build.offline and config.extra.get("service_worker"):
        content = joined([file.content_string for file in parts])
        files.append(File.generated(config, WORKER, content=content))
