"""A larger guide for benchmarks: the real pages copied N times, links and ids kept valid."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

PARTS = ("mkdocs.yml", "docs", "hooks", "overrides")
ID = re.compile(r"\{#([a-z0-9-]+)")
LINK = re.compile(r"\]\(([a-z0-9-]+)\.md(#[a-z0-9-]+)?\)")
SAME_PAGE = re.compile(r"\]\(#([a-z0-9-]+)\)")
# the front matter's anchor_aliases block, and one entry of it: "  old-id: [page.md#]new-id"
ALIASES = re.compile(r"^anchor_aliases:\n(?:[ \t]+.*\n)+", re.M)
ALIAS = re.compile(r"^(\s+)([a-z0-9-]+): (?:([a-z0-9-]+)\.md#)?([a-z0-9-]+)", re.M)


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
    """Markdown whose links to other pages point at their copy number `copy` (the home page,
    index.md, has one copy, with its own ids)."""

    def link(m: re.Match[str]) -> str:
        if m[1] == "index":
            return m[0]
        return f"]({m[1]}-{copy}.md{m[2] + '-' + str(copy) if m[2] else ''})"

    return LINK.sub(link, markdown)


def realiased(markdown: str, copy: int) -> str:
    """Markdown whose anchor_aliases, old ids and targets alike, are those of copy number `copy`."""

    def alias(m: re.Match[str]) -> str:
        page = f"{m[3]}-{copy}.md#" if m[3] else ""
        return f"{m[1]}{m[2]}-{copy}: {page}{m[4]}-{copy}"

    return ALIASES.sub(lambda block: ALIAS.sub(alias, block[0]), markdown)


def renumbered(markdown: str, copy: int) -> str:
    """A page's Markdown for copy number `copy`: its ids, aliases and links to other pages renamed."""
    markdown = SAME_PAGE.sub(lambda m: f"](#{m[1]}-{copy})", ID.sub(lambda m: f"{{#{m[1]}-{copy}", markdown))
    return realiased(relinked(markdown, copy), copy)


Section = tuple[int, int, list]  # first and last copy number, then pages or subsections


def grouped(sections: list[Section], per_group: int) -> list[Section]:
    """Sections gathered into parts of at most `per_group`, parts into larger parts, and so on
    until one level holds at most `per_group` entries."""
    while len(sections) > per_group:
        groups = [sections[first : first + per_group] for first in range(0, len(sections), per_group)]
        sections = [(group[0][0], group[-1][1], group) for group in groups]
    return sections


def nav_lines(entries: list, depth: int) -> list[str]:
    """YAML nav lines for pages (names) and sections, indented for `depth`."""
    lines = []
    for entry in entries:
        if isinstance(entry, str):
            lines.append(f"{'  ' * depth}- {entry}")
            continue
        first, last, children = entry
        lines.append(f"{'  ' * depth}- 第 {first}{f'–{last}' if last != first else ''} 篇:")
        lines.extend(nav_lines(children, depth + 1))
    return lines


def synthetic_nav(copies: list[list[str]], per_group: int = 10) -> str:
    """A nav for the copies, as a growing guide would have one: each copy of the guide a
    section, sections gathered into parts so that no level of the sidebar lists more than
    `per_group` entries, and no page lists all others."""
    sections = [(number, number, names) for number, names in enumerate(copies, start=1)]
    return "\n".join(["nav:", "  - index.md", *nav_lines(grouped(sections, per_group), 1)]) + "\n"


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
    # the no-match line leads to the first copy's question, and readers' words are the first copy's
    queries = project / "hooks" / "search_queries.yml"
    phrasings = re.sub(r"(?m)^(  section: [a-z0-9-]+)$", r"\1-1", queries.read_text("utf-8"))
    home = set(ID.findall(index.read_text("utf-8")))
    asked = re.compile(r"(?m)^  ([a-z0-9-]+): \[")  # asked: entries, the only ids followed by a list
    queries.write_text(asked.sub(lambda m: m[0] if m[1] in home else f"  {m[1]}-1: [", phrasings), "utf-8")
    config.write_text(text, "utf-8")
    return project


def framework_only(project: Path) -> Path:
    """The project's docs and nav under MkDocs, Material (with navigation.prune) and static-i18n
    alone, both variants: no hooks, no overrides, no search. What the stack itself costs."""
    config = project / "mkdocs.yml"
    text = config.read_text("utf-8")
    nav = re.search(r"^nav:\n(?:  .*\n)+", text, re.M)[0]
    extensions = re.search(r"^markdown_extensions:\n(?:  .*\n)+", text, re.M)[0]
    config.write_text(
        "site_name: framework only\nsite_url: http://127.0.0.1:8000/\nexclude_docs: glossary.yml\n"
        + nav
        + "theme:\n  name: material\n  language: zh\n  font: false\n  features: [navigation.prune]\n"
        + extensions
        + "plugins:\n  - i18n:\n      docs_structure: suffix\n      languages:\n"
        + "        - {locale: zh, name: 简体中文, default: true}\n"  # Material's own names for
        + "        - {locale: zh-TW, name: 繁體中文}\n",  # the two scripts' templates
        "utf-8",
    )
    for part in ("hooks", "overrides"):
        shutil.rmtree(project / part, ignore_errors=True)
    return project
