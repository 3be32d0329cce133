"""The other variants build in a forked process; the site is the same as one process builds it."""

from __future__ import annotations

from pathlib import Path

from _bench_build import build_in_process

from conftest import run_build
from parallel_variants import can_fork, other_locales
from test_build_errors import tree_digest

SAFE = {"has_fork": True, "threads": 1, "default_build": True, "loop_calls_build": True}


def test_other_locales_keep_the_order_of_mkdocs_yml() -> None:
    languages = [("zh-Hans", True), ("zh-Hant", False), ("zh-HK", False)]
    assert other_locales(languages) == ["zh-Hant", "zh-HK"]
    assert other_locales([("zh-Hans", True)]) == []


def test_forks_only_from_a_single_threaded_default_build() -> None:
    assert can_fork(**SAFE)
    assert not can_fork(**{**SAFE, "has_fork": False})  # Windows
    assert not can_fork(**{**SAFE, "threads": 2})  # mkdocs serve's rebuilds, beside its server thread
    assert not can_fork(**{**SAFE, "default_build": False})  # inside static-i18n's loop
    assert not can_fork(**{**SAFE, "loop_calls_build": False})  # static-i18n changed


def test_forked_build_writes_the_same_site(project_copy, tmp_path: Path) -> None:
    project = project_copy()
    result = run_build(project, tmp_path / "forked")
    assert result.returncode == 0, result.stderr
    build_in_process(project / "mkdocs.yml", tmp_path / "one")  # as mkdocs serve rebuilds
    forked, one = tree_digest(tmp_path / "forked"), tree_digest(tmp_path / "one")
    assert {name for name in forked if not name.endswith(".gz")} == {n for n in one if not n.endswith(".gz")}
    assert "zh-Hant/overdue/index.html" in forked
    differing = [name for name in forked if not name.endswith(".gz") and forked[name] != one[name]]
    assert differing == []
    sitemap = (tmp_path / "forked" / "sitemap.xml").read_text("utf-8")
    assert "/zh-Hant/overdue/" in sitemap and "127.0.0.1:8000/overdue/" in sitemap


def test_error_in_the_forked_variant_fails_the_build(project_copy, tmp_path: Path) -> None:
    project = project_copy()
    (project / "docs" / "overdue.zh-Hant.md").write_text("# 逾期 {#overdue}\n\n## 沒有固定連結？\n", "utf-8")
    site = tmp_path / "site"
    result = run_build(project, site)
    assert result.returncode != 0
    assert "docs/overdue.zh-Hant.md:3: heading '沒有固定連結？' has no explicit id" in result.stderr
    assert "Building the zh-Hant variant failed" in result.stderr
    assert not site.exists()
