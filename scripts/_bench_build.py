"""Build-time figures for scripts/bench: full builds, synthetic guides of N pages, serve rebuilds."""

from __future__ import annotations

import os
import queue
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from _synthetic import copy_project, framework_only, synthetic_project
from _variant_builds import build_variants

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def timed_build(config_file: Path, site: Path) -> float:
    """Seconds for the site as scripts/build builds it: one strict `mkdocs build` per variant, in
    parallel processes, assembled (scripts/_variant_builds.py); no downloads."""
    start = time.perf_counter()
    if build_variants(config_file, site, quiet=True):
        raise RuntimeError(f"building {config_file} failed")
    return time.perf_counter() - start


def timed_plain_build(config_file: Path, site: Path) -> float:
    """Seconds for one strict `mkdocs build` of every variant in one process (the bare stack)."""
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(config_file)]
    start = time.perf_counter()
    subprocess.run([*command, "-d", str(site)], check=True, env=ENV)
    return time.perf_counter() - start


def median_build(config_file: Path, repeat: int, sites: Path, timed=timed_build) -> float:
    """The median of `repeat` builds, each into a fresh directory under sites (kept: see below)."""
    return statistics.median(timed(config_file, sites / f"site-{n}") for n in range(repeat))


def synthetic_builds(root: Path, pages: int, repeat: int, sites: Path) -> tuple[float, float]:
    """The median build times of a synthetic guide of about `pages` pages (scripts/_synthetic.py),
    as scripts/build builds it and under the bare stack (MkDocs, Material and static-i18n alone),
    their runs alternating so that both meet the same machine.

    Every site stays under sites until the caller deletes them all: on an ext4 file system
    without a journal (these machines'), creating a file or folder within a few minutes of a large
    deletion costs up to ten times as much, the kernel stepping over each recently deleted inode,
    and the guide creates about nine times as many (a share page per question, q/<id>/index.html)."""
    guide = synthetic_project(root, sites / f"guide-{pages}", pages)
    bare = framework_only(synthetic_project(root, sites / f"bare-{pages}", pages))
    times: tuple[list[float], list[float]] = ([], [])
    for n in range(repeat):
        times[0].append(timed_build(guide / "mkdocs.yml", sites / f"guide-{pages}-site-{n}"))
        times[1].append(timed_plain_build(bare / "mkdocs.yml", sites / f"bare-{pages}-site-{n}"))
    return statistics.median(times[0]), statistics.median(times[1])


@contextmanager
def server_thread() -> Iterator[None]:
    """A second thread, alive as `mkdocs serve`'s server thread is during its rebuilds."""
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait, daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join()


def build_in_process(config_file: Path, site: Path) -> None:
    """One real build in this process, config loaded afresh, as a `mkdocs serve` rebuild runs
    (beside a server thread): every variant builds here, and its caches stay here."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(str(config_file), site_dir=str(site))
    config.plugins.on_startup(command="build", dirty=False)
    try:
        with server_thread():
            build(config)
    finally:
        config.plugins.on_shutdown()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def serve_rebuilds(root: Path, edits: int, timeout: float = 60) -> list[tuple[float, float]]:
    """Per edit of a page under `mkdocs serve`: seconds from detecting the change to reloading
    the browsers (the rebuild), and from saving the file to reloading (which adds MkDocs' file
    polling, every 0.5 s). The server runs on a copy of the project; docs/ is never touched."""
    with tempfile.TemporaryDirectory() as temp:
        project = copy_project(root, Path(temp) / "project")
        command = [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{free_port()}"]
        server = subprocess.Popen(
            command, cwd=project, env=ENV, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True
        )
        lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=lambda: [lines.put(line) for line in server.stderr], daemon=True).start()

        def wait_for(text: str) -> float:
            deadline = time.monotonic() + timeout
            while text not in lines.get(timeout=max(0.1, deadline - time.monotonic())):
                pass
            return time.perf_counter()

        try:
            wait_for("Serving on")
            times, page = [], project / "docs" / "overdue.md"
            for edit in range(edits):
                time.sleep(0.5)  # let the watcher settle between edits
                saved = time.perf_counter()
                with page.open("a", encoding="utf-8") as markdown:
                    markdown.write(f"\n编辑 {edit}。\n")
                detected = wait_for("Detected file changes")
                reloaded = wait_for("Reloading browsers")
                times.append((reloaded - detected, reloaded - saved))
            return times
        finally:
            server.terminate()
            server.wait(timeout=10)
