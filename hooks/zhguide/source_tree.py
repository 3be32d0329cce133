"""What the build reads must be the project's own files: no symbolic links, no devices, FIFOs or sockets.

A symbolic link in docs/ to a file outside it would publish that file (any
file the build machine can read) in every variant, index, sitemap and
download. A link that stays inside docs/ is refused too: it would make one
source two pages, which is what `redirect_from` does openly. The plugin checks
docs/, the theme's custom_dir (overrides/) and the other files it reads
(hooks/search_queries.yml, ...) before anything is built; the first problem
stops the build, naming the entry and, for a link, its target.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

WHAT = {stat.S_IFIFO: "a FIFO", stat.S_IFSOCK: "a socket", stat.S_IFCHR: "a device", stat.S_IFBLK: "a device"}


def entry_problem(path: Path, name: str, inside: Path) -> str | None:
    """Why the build must not read `path` (named `name` in messages), or None; `inside` is the folder
    a link's target would have to stay in."""
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return None
    if stat.S_ISLNK(mode):
        target = Path(os.path.realpath(path))
        where = "inside" if target == inside or inside in target.parents else "outside"
        return (
            f"{name}: a symbolic link to {target} ({where} {inside.name}/); the build reads only the "
            "project's own files: copy the file in (or, for a page that moved, use redirect_from)"
        )
    if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
        what = WHAT.get(stat.S_IFMT(mode), "not a regular file")
        return f"{name}: {what}, not a file the build can read; remove it"
    return None


def tree_problems(root: Path, label: str) -> list[str]:
    """Every entry of a folder (the folder itself included) that the build must not read, in order."""
    root = Path(os.path.abspath(root))
    found = [problem] if (problem := entry_problem(root, label, root.parent)) else []
    if found or not root.is_dir():
        return found
    for folder, folders, files in os.walk(root, followlinks=False):
        for entry in sorted([*folders, *files]):
            path = Path(folder, entry)
            name = f"{label}/{path.relative_to(root).as_posix()}"
            if problem := entry_problem(path, name, root):
                found.append(problem)
        folders[:] = sorted(entry for entry in folders if not Path(folder, entry).is_symlink())
    return found


def project_problems(root: Path, docs: Path, theme: Path | None, files: list[str]) -> list[str]:
    """What the build must not read: under docs/ and the theme's custom_dir, and the other files it
    reads (paths relative to the project's root)."""
    found = tree_problems(docs, docs.name)
    if theme is not None:
        found += tree_problems(theme, Path(os.path.relpath(theme, root)).as_posix())
    for name in files:
        if problem := entry_problem(root / name, name, root):
            found.append(problem)
    return found
