"""Rebuilds in one process, as `mkdocs serve` does them, convert only what changed."""

from __future__ import annotations

from pathlib import Path

from _bench_build import build_in_process
from conftest import VARIANTS
from zhguide import zh_convert


def test_unchanged_pages_are_not_converted_again(project_copy, tmp_path: Path) -> None:
    project = project_copy()
    build_in_process(project / "mkdocs.yml", tmp_path / "site")
    first = zh_convert.convert_html.cache_info()

    build_in_process(project / "mkdocs.yml", tmp_path / "site")
    second = zh_convert.convert_html.cache_info()
    assert second.misses == first.misses, "an unchanged rebuild converted a page again"
    assert second.hits >= first.hits + 4

    page = project / "docs" / "overdue.md"
    page.write_text(page.read_text("utf-8") + "\n新增的一段说明。\n", "utf-8")
    build_in_process(project / "mkdocs.yml", tmp_path / "site")
    third = zh_convert.convert_html.cache_info()
    generated = sum(1 for prefix in VARIANTS.values() if prefix)
    assert third.misses == second.misses + generated, "only the edited page, once a variant"
    assert "新增的一段說明。" in (tmp_path / "site" / "zh-Hant" / "overdue" / "index.html").read_text("utf-8")
