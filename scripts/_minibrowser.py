"""WebKit as a reader has it: MiniBrowser in an ordinary, persistent profile, without WebDriver.

Under WebDriver (scripts/_engines.py) MiniBrowser runs an automation session, which is
ephemeral: it has no disk cache, so a service worker cannot take the files its page just loaded
from the HTTP cache, and downloads them again. A reader's browser (Safari, or MiniBrowser
started as here) has a disk cache. Without WebDriver nothing can run a script in the page, so
what happens is read from outside: the server's log, the window's title (xwininfo, from Debian's
x11-utils), and the profile's CacheStorage folder on disk.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from _engines import MINIBROWSER, virtual_display

XWININFO = Path("/usr/bin/xwininfo")
CACHES = Path("webkitgtk-4.1") / "MiniBrowser" / "CacheStorage"  # under XDG_CACHE_HOME


def missing() -> str | None:
    """Why MiniBrowser cannot run here as a reader's browser, or None."""
    for path, package in ((MINIBROWSER, "webkit2gtk-driver"), (XWININFO, "x11-utils")):
        if not path.exists():
            return f"{path} is missing: install Debian's {package} (scripts/setup --browser)"
    return None


@contextmanager
def profile() -> Iterator[Path]:
    """A fresh profile folder, removed afterwards: MiniBrowser keeps its data under it."""
    home = Path(tempfile.mkdtemp(prefix="minibrowser-"))
    try:
        yield home
    finally:
        shutil.rmtree(home, ignore_errors=True)


@contextmanager
def opened(home: Path, url: str) -> Iterator[str]:
    """MiniBrowser showing url, in the profile at home, on a display of its own: the DISPLAY value."""
    with virtual_display() as display:
        env = {**os.environ, "DISPLAY": display, "HOME": str(home), "XDG_CACHE_HOME": str(home / "cache"),
               "XDG_DATA_HOME": str(home / "data"), "XDG_CONFIG_HOME": str(home / "config")}  # fmt: skip
        process = subprocess.Popen(
            [str(MINIBROWSER), url], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        try:
            yield display
        finally:
            process.terminate()
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                process.kill()


def titles(display: str) -> list[str]:
    """The names of the display's MiniBrowser windows: a page's <title>, once it has loaded."""
    tree = subprocess.run(
        [str(XWININFO), "-root", "-tree", "-display", display], capture_output=True, text=True, check=False
    ).stdout
    return re.findall(r'^\s*0x[0-9a-f]+ "(.*)": \("MiniBrowser"', tree, re.M)


def wait_title(display: str, title: str, timeout: float = 90) -> None:
    """Poll until a window shows title (a fresh profile's first start can be slow on a busy
    machine); TimeoutError naming the titles last seen if it never does."""
    end, seen = time.monotonic() + timeout, []
    while time.monotonic() < end:
        seen = titles(display)
        if title in seen:
            return
        time.sleep(0.2)
    raise TimeoutError(f"MiniBrowser never showed {title!r} in {timeout:.0f} s; its windows: {seen}")


def wait_kept(home: Path, cache: str, timeout: float = 30, settle: float = 1.5) -> bool:
    """Poll until the profile holds a cache whose name contains `cache`, and the storage's size
    has not changed for `settle` seconds (the worker's writes are done)."""
    root = home / "cache" / CACHES
    end, last, since = time.monotonic() + timeout, None, time.monotonic()
    while time.monotonic() < end:
        names = b"".join(path.read_bytes() for path in root.glob("*/cacheslist"))
        size = b"".join(path.read_bytes() for path in root.glob("*/estimatedsize"))
        if cache.encode() in names:
            if size != last:
                last, since = size, time.monotonic()
            elif time.monotonic() - since >= settle:
                return True
        time.sleep(0.1)
    return False
