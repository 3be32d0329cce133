"""A larger guide for benchmarks: the real pages copied N times, links and ids kept valid."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

PARTS = ("mkdocs.yml", "docs", "hooks", "overrides")
ID = re.compile(r"\{#([a-z0-9-]+)")
LINK = re.compile(r"\]\(([a-z0-9-]+)\.md(#[a-z0-9-]+)?\)")


def copy_project(source: Path, dest: Path) -> Path:
    """Copy a project's build inputs to dest."""
    dest.mkdir(parents=True, exist_ok=True)
    for part in PARTS:
        if (source / part).is_dir():
            shutil.copytree(source / part, dest / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source / part, dest / part)
    return dest


def relinked(markdown: str, copy: int) -> str:
    """Markdown whose links to other pages point at their copy number `copy`."""
    return LINK.sub(lambda m: f"]({m[1]}-{copy}.md{m[2] + '-' + str(copy) if m[2] else ''})", markdown)


def renumbered(markdown: str, copy: int) -> str:
    """A page's Markdown for copy number `copy`: its ids and its links to other pages renamed."""
    return relinked(ID.sub(lambda m: f"{{#{m[1]}-{copy}", markdown), copy)


def synthetic_nav(copies: list[list[str]], per_group: int = 10) -> str:
    """A nav for the copies, as a growing guide would have one: each copy of the guide a
    section, every `per_group` copies a top-level part, so that no page lists all others."""
    lines = ["nav:", "  - index.md"]
    for first in range(0, len(copies), per_group):
        group = copies[first : first + per_group]
        lines.append(f"  - 第 {first // per_group + 1} 部分:")
        for number, names in enumerate(group, start=first + 1):
            lines.append(f"    - 第 {number} 篇:")
            lines.extend(f"      - {name}" for name in names)
    return "\n".join(lines) + "\n"


def synthetic_project(source: Path, dest: Path, pages: int) -> Path:
    """A copy of the project whose docs hold about `pages` pages: the home page plus whole copies
    of the other pages, so that every link between them still resolves."""
    project = copy_project(source, dest)
    docs = project / "docs"
    originals = sorted(p for p in docs.glob("*.md") if p.name != "index.md" and p.suffixes == [".md"])
    copies = []
    for copy in range(1, max(1, round((pages - 1) / len(originals))) + 1):
        copies.append([])
        for page in originals:
            name = f"{page.stem}-{copy}.md"
            (docs / name).write_text(renumbered(page.read_text("utf-8"), copy), "utf-8")
            copies[-1].append(name)
    for page in originals:
        page.unlink()
    config = project / "mkdocs.yml"
    text = re.sub(r"nav:\n(?:  - .*\n)+", lambda _: synthetic_nav(copies), config.read_text("utf-8"))
    index = docs / "index.md"
    index.write_text(relinked(index.read_text("utf-8"), 1), "utf-8")
    config.write_text(text, "utf-8")
    return project
