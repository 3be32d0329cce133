"""Bad input fails the real build with a message naming the file, and no site is half-written."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

import _publish
from conftest import ROOT, run_build
from zhguide import zh_core


def tree_digest(folder: Path) -> dict[str, str]:
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def test_heading_without_id_fails_with_file_and_line(project_copy, tmp_path: Path) -> None:
    project = project_copy()
    page = project / "docs" / "overdue.md"
    lines = page.read_text("utf-8").splitlines()
    lines.insert(10, "## 没有固定链接的问题？")
    page.write_text("\n".join(lines) + "\n", "utf-8")
    site = tmp_path / "site"
    (site / "old").mkdir(parents=True)
    (site / _publish.MARKER).touch()  # a previous build
    result = run_build(project, site)
    assert result.returncode != 0
    assert "docs/overdue.md:11: heading '没有固定链接的问题？' has no explicit id" in result.stderr
    assert sorted(p.name for p in site.iterdir()) == [_publish.MARKER, "old"], "the old site is left alone"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith((".site.staging", ".site.v"))] == []


def test_unknown_opencc_configuration_lists_valid_names(project_copy, tmp_path: Path) -> None:
    project = project_copy()
    config = project / "mkdocs.yml"
    config.write_text(config.read_text("utf-8").replace("opencc: s2tw", "opencc: s2xx"), "utf-8")
    result = run_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "plugins.i18n.languages[zh-Hant].extra.opencc is 's2xx'" in result.stderr
    assert "Valid names: hk2s, s2hk, s2t, s2tw, s2twp" in result.stderr
    assert not (tmp_path / "site").exists()


def break_glossary_syntax(project: Path) -> None:
    (project / "docs" / "glossary.yml").write_text("replace:\n  账单: 帳單\n  还款: [還款\n", "utf-8")


def break_glossary_identity(project: Path) -> None:
    (project / "docs" / "glossary.yml").write_text("replace:\n  账单: 帳單\n  还款: 还款\n", "utf-8")


def break_utf8(project: Path) -> None:
    page = project / "docs" / "negotiation.md"
    lines = page.read_bytes().split(b"\n")
    lines[8] = "逾期".encode("gbk") + lines[8]
    page.write_bytes(b"\n".join(lines))


def break_markup(project: Path) -> None:
    page = project / "docs" / "customer-service.md"
    lines = page.read_text("utf-8").splitlines()
    lines[9] = "短信原文：-{你的账单已逾期。" + lines[9]
    page.write_text("\n".join(lines) + "\n", "utf-8")


def break_no_match_section(project: Path) -> None:
    queries = project / "hooks" / "search_queries.yml"
    text = queries.read_text("utf-8").replace("section: hotline-95588", "section: gone")
    queries.write_text(text, "utf-8")


def break_asked_section(project: Path) -> None:
    queries = project / "hooks" / "search_queries.yml"
    text = queries.read_text("utf-8").replace("  reminders: [", "  reminder: [")
    queries.write_text(text, "utf-8")


def asked_line() -> int:
    lines = (ROOT / "hooks" / "search_queries.yml").read_text("utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if line.startswith("  reminders: ["))


def break_block_section(key: str):
    """A breakage: in the `key:` block that scripts/learn-asked writes, a question id no section has."""

    def breakage(project: Path) -> None:
        queries = project / "hooks" / "search_queries.yml"
        head, marker, block = queries.read_text("utf-8").partition(f"\n{key}:\n")
        queries.write_text(head + marker + block.replace("  reminders: [", "  reminder: [", 1), "utf-8")

    breakage.__name__ = f"break_{key}_section"
    return breakage


def block_line(key: str) -> int:
    """The line of the reminders question in the `key:` block."""
    lines = (ROOT / "hooks" / "search_queries.yml").read_text("utf-8").splitlines()
    start = lines.index(f"{key}:")
    return next(n for n, line in enumerate(lines[start:], start + 1) if line.startswith("  reminders: ["))


def no_match_line() -> int:
    lines = (ROOT / "hooks" / "search_queries.yml").read_text("utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if line.startswith("no_match:"))


@pytest.mark.parametrize(
    ("breakage", "message"),
    [
        (
            break_no_match_section,
            f"hooks/search_queries.yml:{no_match_line()}: no_match: no section of the search index "
            "has the id 'gone'",
        ),
        (
            break_asked_section,
            f"hooks/search_queries.yml:{asked_line()}: asked: no section of the search index "
            "has the id 'reminder'",
        ),
        *[
            (
                break_block_section(key),
                f"hooks/search_queries.yml:{block_line(key)}: {key}: no section of the search index "
                "has the id 'reminder'",
            )
            for key in ("learnt", "examples")
        ],
        (break_glossary_syntax, "docs/glossary.yml:4: not valid YAML"),
        (
            break_glossary_identity,
            "docs/glossary.yml:3: '还款' maps to itself; list it under 'keep:' instead",
        ),
        (break_utf8, "docs/negotiation.md:9:1: not valid UTF-8 (byte 0xd3); save the file as UTF-8"),
        (break_markup, "docs/customer-service.md:10:6: '-{' is never closed by '}-'"),
    ],
)
def test_bad_input_fails_with_file_and_line_and_no_site(
    project_copy, tmp_path: Path, breakage, message
) -> None:
    project = project_copy()
    breakage(project)
    result = run_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert message in result.stderr
    assert not (tmp_path / "site").exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith((".site.staging", ".site.v"))] == []


def test_a_search_worker_without_its_ranking_fails_the_build(project_copy, tmp_path: Path) -> None:
    project = project_copy()
    (project / "overrides" / "assets" / "javascripts" / "search-rank.js").unlink()
    result = run_build(project, tmp_path / "site")
    assert result.returncode != 0
    needs = "the search worker needs assets/javascripts/search-rank.js in the theme's custom_dir"
    assert needs in result.stderr
    assert not (tmp_path / "site").exists()


def test_hand_written_page_wins_over_the_generated_one(project_copy, tmp_path: Path) -> None:
    project = project_copy()
    source = (project / "docs" / "overdue.md").read_text("utf-8")
    hand_written = zh_core.convert(source, "s2tw") + "\n這頁由人手寫成，保留“原样”二字。\n"
    (project / "docs" / "overdue.zh-Hant.md").write_text(hand_written, "utf-8")
    result = run_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "site" / "zh-Hant" / "overdue" / "index.html").read_text("utf-8")
    assert "這頁由人手寫成，保留“原样”二字。" in html  # not run through OpenCC
    simplified = (tmp_path / "site" / "overdue" / "index.html").read_text("utf-8")
    assert "這頁由人手寫成" not in simplified


@pytest.mark.build
def test_build_never_writes_into_docs(tmp_path: Path) -> None:
    before = tree_digest(ROOT / "docs")
    result = run_build(ROOT, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert tree_digest(ROOT / "docs") == before
    assert not list((ROOT / "docs").glob("*.zh-Hant.md"))
