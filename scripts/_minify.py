"""The site's own scripts and styles, minified in place by esbuild (npm, pinned in package-lock.json).

The sources in overrides/ keep their comments, which say why each line is there;
a reader's phone gets them without. Minified: guide.css, the guide's page scripts
and the service worker (after scripts/build stamps it). Left as they are:
Material's fingerprinted files (already minified), the offline zip's iframe-worker
shim (the same), and the search worker, which bench-engines and the search tests read
as the build assembled it. What this saves, measured: README, Offline on a phone.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ESBUILD = ROOT / "node_modules" / ".bin" / "esbuild"
KEPT = ("search-worker.js", "iframe-worker-shim.js")


class MinifyError(RuntimeError):
    """esbuild is missing or refused a file; the message says which."""


def own_assets(site: Path) -> list[Path]:
    """The guide's own scripts and styles in a built site (not the worker: it is stamped first)."""
    assets = site / "assets"
    found = [*(assets / "javascripts").glob("*.js"), *(assets / "stylesheets").glob("*.css")]
    return sorted(path for path in found if ".min." not in path.name and path.name not in KEPT)


def minify(site: Path, files: list[Path]) -> None:
    """Minify files of a built site in place, keeping UTF-8 text as it is."""
    if not files:
        return
    if not ESBUILD.exists():
        raise MinifyError(f"{ESBUILD} is missing: run scripts/setup (npm ci installs esbuild)")
    command = [str(ESBUILD), *map(str, files), "--minify", "--charset=utf8", "--log-level=error",
               "--allow-overwrite", f"--outbase={site}", f"--outdir={site}"]  # fmt: skip
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode:
        raise MinifyError(f"esbuild could not minify the site's scripts and styles:\n{result.stderr.strip()}")
