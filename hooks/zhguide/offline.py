"""The offline download: a build that works from file://, with nothing fetched from a network.

`OFFLINE=true` (set by scripts/build for the download) turns on Material's
offline plugin. Material would then load its iframe-worker shim from a CDN;
the plugin serves the pinned copy that `npm ci` installs instead, and fails
the build with a clear message when it is missing. In the published site,
`OFFLINE_DOWNLOAD` names the zip that scripts/build puts beside it, and its
size; overrides/main.html links it from the home page and every footer.
"""

from __future__ import annotations

from pathlib import Path

SHIM = Path(__file__).resolve().parents[2] / "node_modules" / "iframe-worker" / "shim" / "index.js"
SHIM_URL = "assets/javascripts/iframe-worker-shim.js"


def shim_source() -> bytes:
    """The pinned iframe-worker shim (FileNotFoundError with what to run if it is missing)."""
    if not SHIM.is_file():
        raise FileNotFoundError(f"{SHIM} is missing: run scripts/setup (npm ci) to build the offline copy.")
    return SHIM.read_bytes()
