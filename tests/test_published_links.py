"""Published links keep landing: the manifest, anchor aliases and page redirects, in both variants."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from conftest import ROOT, VARIANTS, built_once, copy_project, run_build, serve, variant_at

MANIFEST = ROOT / "tests" / "data" / "published-links.txt"
SCRIPT = ROOT / "scripts" / "published-links"


def check(site: Path, manifest: Path = MANIFEST) -> subprocess.CompletedProcess:
    command = [sys.executable, str(SCRIPT), str(site), "--check", str(manifest)]
    return subprocess.run(command, capture_output=True, text=True, check=False)


def listed(site: Path) -> set[str]:
    result = subprocess.run(
        [sys.executable, str(SCRIPT), str(site)], capture_output=True, text=True, check=True
    )
    return set(result.stdout.split())


def manifest_links() -> set[str]:
    return {line for line in MANIFEST.read_text("utf-8").splitlines() if line and not line.startswith("#")}


def published_variants() -> list[str]:
    """The variants whose links the manifest must list (its 'published variants:' line)."""
    marker = "# published variants:"
    line = next(line for line in MANIFEST.read_text("utf-8").splitlines() if line.startswith(marker))
    return line.removeprefix(marker).split()


def test_the_manifest_lists_every_published_link(built_site: Path) -> None:
    links, published = manifest_links(), published_variants()
    assert "/overdue/#home-visit-timing" in links and "/zh-Hant/overdue/#home-visit-timing" in links
    assert set(published) <= set(VARIANTS), "a published variant is no longer built"
    missing = {link for link in listed(built_site) - links if variant_at(link) in published}
    how = f"scripts/published-links site/ --missing {MANIFEST.relative_to(ROOT)}"
    assert not missing, f"add to {MANIFEST.relative_to(ROOT)} what {how} prints: {sorted(missing)}"


def test_the_build_keeps_every_published_link(built_site: Path) -> None:
    result = check(built_site)
    assert (result.returncode, result.stdout) == (0, "")


def rename(project: Path) -> None:
    """Rename an id and a page, and move an id to another page, each with its alias."""
    docs = project / "docs"
    for page in docs.glob("*.md"):
        text = page.read_text("utf-8").replace("customer-service.md", "contact.md")
        page.write_text(text.replace("overdue.md#home-visit-timing", "overdue.md#when-visits-start"), "utf-8")
    overdue = docs / "overdue.md"
    text = overdue.read_text("utf-8").replace("{#home-visit-timing}", "{#when-visits-start}")
    overdue.write_text(
        text.replace("---\n", "---\nanchor_aliases:\n  home-visit-timing: when-visits-start\n", 1)
    )
    contact = docs / "contact.md"
    (docs / "customer-service.md").rename(contact)
    contact.write_text(
        contact.read_text("utf-8").replace("---\n", "---\nredirect_from:\n  - customer-service.md\n", 1)
    )
    negotiation = docs / "negotiation.md"  # one more alias, beside the page's own
    text = negotiation.read_text("utf-8")
    moved = "  scam-warning: contact.md#hotline-95588\n"
    if "\nanchor_aliases:\n" in text:
        negotiation.write_text(text.replace("\nanchor_aliases:\n", "\nanchor_aliases:\n" + moved, 1))
    else:
        negotiation.write_text(text.replace("---\n", "---\nanchor_aliases:\n" + moved, 1))
    config = project / "mkdocs.yml"
    config.write_text(config.read_text("utf-8").replace("customer-service.md", "contact.md"))


@pytest.fixture(scope="module")
def renamed_site(tmp_path_factory: pytest.TempPathFactory) -> Path:

    def build(folder: Path) -> None:
        project = copy_project(folder / "project")
        rename(project)
        result = run_build(project, folder / "site")
        assert result.returncode == 0, result.stderr

    return built_once(tmp_path_factory, "renamed", build) / "site"


def test_dropping_a_link_fails_the_check(project_copy, tmp_path: Path) -> None:
    project = project_copy()
    for page in (project / "docs").glob("*.md"):  # rename an id everywhere, without an alias
        text = page.read_text("utf-8").replace("{#reminders}", "{#bank-reminders}")
        page.write_text(text.replace("overdue.md#reminders", "overdue.md#bank-reminders"), "utf-8")
    queries = project / "hooks" / "search_queries.yml"  # the words readers ask it in, by id
    queries.write_text(queries.read_text("utf-8").replace("  reminders: [", "  bank-reminders: ["), "utf-8")
    assert run_build(project, tmp_path / "site").returncode == 0
    result = check(tmp_path / "site")
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f"{MANIFEST}: /overdue/#reminders: no #reminders on /overdue/",
        f"{MANIFEST}: /zh-Hant/overdue/#reminders: no #reminders on /zh-Hant/overdue/",
        f"{MANIFEST}: /q/reminders/: no page at /q/reminders/",  # its share address went with it
        f"{MANIFEST}: /zh-Hant/q/reminders/: no page at /zh-Hant/q/reminders/",
    ]


def test_aliases_and_redirects_keep_every_link(renamed_site: Path) -> None:
    result = check(renamed_site)
    assert (result.returncode, result.stdout) == (0, "")
    old = (renamed_site / "zh-Hant" / "customer-service" / "index.html").read_text("utf-8")
    assert '<html lang="zh-Hant">' in old and 'url=../contact/"' in old
    assert '<span id="home-visit-timing"></span><h2 id="when-visits-start"' in (
        renamed_site / "overdue" / "index.html"
    ).read_text("utf-8")


@pytest.mark.parametrize("prefix", VARIANTS.values())
def test_a_renamed_question_keeps_the_words_readers_ask_it_in(renamed_site: Path, prefix: str) -> None:
    """hooks/search_queries.yml still names it home-visit-timing: the alias leads there."""
    index = json.loads((renamed_site / prefix / "search" / "search_index.json").read_text("utf-8"))
    [visits] = [doc for doc in index["docs"] if doc["location"] == "overdue/#when-visits-start"]
    assert "多久" in visits["asked"]


@pytest.mark.parametrize("prefix", VARIANTS.values())
def test_old_links_land_in_the_browser(new_page, renamed_site: Path, prefix: str) -> None:
    with serve(renamed_site) as root:
        page = new_page()
        page.goto(f"{root}{prefix}overdue/#home-visit-timing")
        heading = page.locator("#when-visits-start")
        page.wait_for_timeout(300)
        box = heading.bounding_box()
        assert 0 <= box["y"] < 300, "the renamed question is scrolled into view"

        page.goto(f"{root}{prefix}customer-service/#hotline-95588")
        page.wait_for_url(f"**/{prefix}contact/#hotline-95588")
        assert page.locator("h2#hotline-95588").is_visible()

        page.goto(f"{root}{prefix}negotiation/#scam-warning")
        page.wait_for_url(f"**/{prefix}contact/#hotline-95588")
        assert urlsplit(page.url).path == f"/{prefix}contact/"


@pytest.mark.parametrize(
    ("front_matter", "line", "message"),
    [
        ("redirect_from:\n  - negotiation.md\n", 3, "redirect_from 'negotiation.md' is still a page"),
        ("anchor_aliases:\n  old: no-such-id\n", 3, "anchor_aliases 'old' points at '#no-such-id'"),
        ("anchor_aliases:\n  old: gone.md#x\n", 3, "anchor_aliases 'old' points at 'gone.md'"),
        ("anchor_aliases:\n  consequences: reminders\n", 3, "'consequences' is still"),
        # values that are not what the key takes: a clear message with the line, never a traceback
        ("redirect_from: old.md\n", 2, "redirect_from must be a list of old source paths"),
        ("anchor_aliases:\n  - old\n", 2, "anchor_aliases must map each old id"),
        # paths that would leave docs/ (and the site): refused, never written
        ("redirect_from:\n  - /tmp/x.md\n", 3, "redirect_from '/tmp/x.md' is not a Markdown source path"),
        ("redirect_from:\n  - ../../x.md\n", 3, "redirect_from '../../x.md' is not a Markdown source path"),
        ("anchor_aliases:\n  old: ../x.md#y\n", 3, "anchor_aliases 'old' points at '../x.md' is not"),
    ],
)
def test_bad_aliases_fail_the_build(
    project_copy, tmp_path: Path, front_matter: str, line: int, message: str
) -> None:
    project = project_copy()
    page = project / "docs" / "overdue.md"  # a page with no front-matter aliases of its own
    page.write_text(page.read_text("utf-8").replace("---\n", "---\n" + front_matter, 1), "utf-8")
    result = run_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert re.search(rf"docs/overdue\.md:{line}: (anchor_aliases )?{re.escape(message)}", result.stderr)
    assert "Traceback" not in result.stderr
    assert re.search(r"scripts/build: build failed", result.stderr)


def test_nothing_is_written_outside_the_site(project_copy, tmp_path: Path) -> None:
    canary = tmp_path / "canary.md"
    canary.write_text("precious", "utf-8")
    project = project_copy()
    page = project / "docs" / "negotiation.md"
    front = f"---\nredirect_from:\n  - {canary}\n  - {'../' * 12}{canary.relative_to('/')}\n"
    page.write_text(page.read_text("utf-8").replace("---\n", front, 1), "utf-8")
    result = run_build(project, tmp_path / "site")
    assert result.returncode != 0 and f"redirect_from '{canary}' is not a Markdown" in result.stderr
    assert canary.read_text("utf-8") == "precious"
    assert sorted(path.name for path in tmp_path.iterdir()) == [".site.lock", "canary.md", "project"]


def test_missing_prints_only_the_links_the_manifest_lacks(built_site: Path, renamed_site: Path) -> None:
    def missing(site: Path) -> subprocess.CompletedProcess:
        command = [sys.executable, str(SCRIPT), str(site), "--missing", str(MANIFEST)]
        return subprocess.run(command, capture_output=True, text=True, check=False)

    assert (missing(built_site).returncode, missing(built_site).stdout.strip()) == (0, "")
    found = missing(renamed_site)
    assert found.returncode == 1
    lines = found.stdout.split()
    assert "/overdue/#when-visits-start" in lines and "/zh-Hant/contact/" in lines
    assert "/overdue/" not in lines  # listed already
