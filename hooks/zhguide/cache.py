"""One private cache folder per user, for what builds compute once and reuse.

jieba's smaller dictionary and Jinja's compiled templates live in
$XDG_CACHE_HOME/icbc-overdue-guide (or ~/.cache/...), created with mode 0700.
It is checked before every use: a folder another user owns, or that others
can read or write, is refused, since a planted file there would change the
search index or the pages.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from mkdocs.exceptions import PluginError

NAME = "icbc-overdue-guide"


class CacheError(PluginError):
    """The cache folder is not private to this user; the message says what to do."""


def check_private(folder: Path) -> Path:
    """The folder, if this user owns it and nobody else may use it; CacheError otherwise."""
    info = folder.stat()
    if info.st_uid != os.getuid() or info.st_mode & 0o077:
        raise CacheError(
            f"{folder} is a cache that must belong to you alone (mode 0700); "
            f"it does not, so it is not used: remove it or run 'chmod 700 {folder}'"
        )
    return folder


def private_cache() -> Path:
    """This user's cache folder for the guide's builds, created private if missing."""
    folder = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / NAME
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError:  # no writable home: a folder of this user's own in the temporary directory
        folder = Path(tempfile.gettempdir()) / f"{NAME}-{os.getuid()}"
        folder.mkdir(mode=0o700, exist_ok=True)
    return check_private(folder)
