"""Where scripts/build may write, and how a new site replaces the old one in one atomic step.

- The output folder is refused when it is, holds or lies inside the project's
  sources (docs, hooks, overrides, scripts, tests), when it is or holds the
  project's root, when it holds a `.git` or a `mkdocs.yml`, and when it is a
  non-empty folder that is no previous build (every build carries MARKER).
- OUT is a symbolic link to a versioned folder beside it, `.OUT.<version>`; a new
  build is switched in by replacing the link with os.replace, one atomic step, so
  a reader always finds a whole site. The previous version is kept for requests
  still reading it; older ones, and staging folders that an interrupted build
  left, are removed.
- One build at a time per OUT: a lock file beside it (`.OUT.lock`) makes a second
  build wait, saying so.
- Text files get a gzip twin (`page.html.gz`), which deploy/nginx.conf serves to
  browsers that accept it (gzip_static) without compressing on every request;
  written with no name and no time, so two builds of one commit are identical.
"""

from __future__ import annotations

import fcntl
import gzip
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

MARKER = ".icbc-overdue-guide-build"  # in every built site: this folder is a previous build
LEGACY = ("index.html", "sitemap.xml", "search/search_index.json")  # a build from before the marker
SOURCE_FOLDERS = ("docs", "hooks", "overrides", "scripts", "tests", ".ci", "deploy", ".git")
# gzip twins (.map: never fetched)
COMPRESSED = (".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".webmanifest")
STAGING = ".{name}.staging-"
VERSION = ".{name}.v"


def absolute(path: Path) -> Path:
    """An absolute path without following a final symbolic link (OUT is one)."""
    return Path(os.path.abspath(path))


def within(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def unsafe_output(out: Path, project: Path) -> str | None:
    """Why scripts/build must not write its site to `out`, or None if it may."""
    out, project = absolute(out), absolute(project)
    real = Path(os.path.realpath(out))
    for source in (project / name for name in SOURCE_FOLDERS):
        if within(real, source) or within(source, real):
            return f"{out} is, holds or lies inside the project's sources ({source})"
    if within(project, real):
        return f"{out} is or holds the project itself ({project})"
    if real.is_dir() and not out.is_symlink():
        held = [name for name in (".git", "mkdocs.yml") if (real / name).exists()]
        if held:
            return f"{out} holds {', '.join(held)}: it is a project, not a built site"
        earlier = (real / MARKER).is_file() or all((real / name).is_file() for name in LEGACY)
        if any(real.iterdir()) and not earlier:
            return f"{out} is a folder that no build of this site wrote (no {MARKER}); empty or remove it"
    elif out.is_symlink() and not (real / MARKER).is_file():
        return f"{out} links to {real}, which no build of this site wrote"
    elif out.exists() and not real.is_dir():
        return f"{out} is a file, not a folder"
    return None


@contextmanager
def locked(out: Path) -> Iterator[None]:
    """Hold the lock of one output folder; a second build waits for the first."""
    lock = out.with_name(f".{out.name}.lock")
    with lock.open("w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            print(f"scripts/build: another build into {out} is running; waiting for it", file=sys.stderr)
            fcntl.flock(handle, fcntl.LOCK_EX)
        yield


def staging_dir(out: Path) -> Path:
    """A fresh folder beside OUT to build into; readable by a web server."""
    staging = Path(tempfile.mkdtemp(prefix=STAGING.format(name=out.name), dir=out.parent))
    staging.chmod(0o755)  # mkdtemp makes it private
    return staging


def remove_stale(out: Path, keep: set[Path]) -> None:
    """Remove what interrupted builds left beside OUT and versions older than those kept."""
    for pattern in (STAGING, VERSION):
        for path in out.parent.glob(pattern.format(name=out.name) + "*"):
            if path not in keep:
                shutil.rmtree(path, ignore_errors=True)


def gzipped(data: bytes) -> bytes:
    """A file's gzip twin, as the build writes it: no name and no time, so builds stay identical."""
    return gzip.compress(data, compresslevel=9, mtime=0)


def human_size(size: int) -> str:
    """A size as the site shows it to readers: 243 KB, 1.2 MB."""
    return f"{size / 1024:.0f} KB" if size < 1024 * 1024 else f"{size / 1024 / 1024:.1f} MB"


def precompress(site: Path) -> int:
    """Write a reproducible `.gz` beside each text file of the site that gzip makes smaller;
    their number."""
    written = 0
    for path in sorted(site.rglob("*")):
        if path.suffix in COMPRESSED and path.is_file() and not path.is_symlink():
            data = path.read_bytes()
            packed = gzipped(data)
            if len(packed) < len(data):
                path.with_name(path.name + ".gz").write_bytes(packed)
                written += 1
    return written


def publish(site: Path, out: Path) -> None:
    """Switch OUT to a new site in one atomic step; keep the version it replaces."""
    (site / MARKER).write_text("built by scripts/build\n", "utf-8")
    version = out.with_name(VERSION.format(name=out.name) + f"{time.time_ns()}")
    site.rename(version)
    previous = Path(os.path.realpath(out)) if out.is_symlink() else None
    if out.is_dir() and not out.is_symlink():  # a site from before OUT was a link: keep it as a version
        previous = out.with_name(VERSION.format(name=out.name) + "0")
        out.rename(previous)
    link = out.with_name(f".{out.name}.link")
    link.unlink(missing_ok=True)
    link.symlink_to(version.name)  # relative: the pair moves together
    os.replace(link, out)
    remove_stale(out, {version, *([previous] if previous else [])})
