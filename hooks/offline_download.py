"""The offline download: a build that works from file://, with nothing fetched from a network.

`OFFLINE=true` (set by scripts/build for the download) turns on Material's
offline plugin. Material would then load its iframe-worker shim from a CDN;
this hook serves the pinned copy that `npm ci` installs instead, and fails
the build with a clear message when it is missing. In the published site,
`OFFLINE_DOWNLOAD` names the zip that scripts/build puts beside it, and its
size; overrides/main.html links it from the home page and every footer.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

log = logging.getLogger("mkdocs.plugins.offline_download")

SHIM = Path(__file__).resolve().parent.parent / "node_modules" / "iframe-worker" / "shim" / "index.js"
SHIM_URL = "assets/javascripts/iframe-worker-shim.js"


def offline_enabled(config: MkDocsConfig) -> bool:
    """True when Material's offline plugin is on for this build."""
    plugin = config.plugins.get("material/offline") or config.plugins.get("offline")
    return bool(plugin and plugin.config.enabled)


def local_polyfills(polyfills: list, local: str) -> list:
    """Material's polyfills with every iframe-worker URL replaced by one local copy."""
    kept = [script for script in polyfills if "iframe-worker" not in str(script)]
    return [*kept, local]


def on_config(config: MkDocsConfig) -> None:
    """Serve the iframe-worker shim from the site itself in an offline build."""
    if offline_enabled(config):
        config.extra["polyfills"] = local_polyfills(config.extra.get("polyfills", []), SHIM_URL)


# After static-i18n (-100) has chosen this variant's files, so it leaves the shim alone.
@event_priority(-110)
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    """Add the pinned iframe-worker shim to an offline build."""
    if not offline_enabled(config) or files.get_file_from_path(SHIM_URL):
        return files
    if not SHIM.is_file():
        raise PluginError(f"{SHIM} is missing: run scripts/setup (npm ci) to build the offline download.")
    files.append(File.generated(config, SHIM_URL, content=SHIM.read_bytes()))
    return files
