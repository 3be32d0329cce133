"""One plain `mkdocs build` per variant, in parallel, gives the site one build of all variants gives."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from _variant_builds import build_variants, configured_variants
from conftest import ROOT, run_build

pytestmark = pytest.mark.build


def tree(site: Path) -> dict[str, str]:
    return {
        path.relative_to(site).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(site.rglob("*"))
        if path.is_file()
    }


@pytest.fixture(scope="module")
def one_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site one `mkdocs build` of every variant writes."""
    one = tmp_path_factory.mktemp("one") / "site"
    command = [
        sys.executable,
        "-m",
        "mkdocs",
        "build",
        "--strict",
        "-f",
        str(ROOT / "mkdocs.yml"),
        "-d",
        str(one),
    ]
    subprocess.run(command, check=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, capture_output=True)
    return one


def forked(config: Path, site: Path, capfd) -> tuple[int, str]:
    """build_variants in a process of one thread, as scripts/build runs it: it forks."""
    code = "import sys; from pathlib import Path; from _variant_builds import build_variants; "
    code += f"sys.exit(build_variants(Path({str(config)!r}), Path({str(site)!r})))"
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT / "scripts")
    return run.returncode, run.stderr


def spawned(config: Path, site: Path, capfd) -> tuple[int, str]:
    """build_variants beside another thread (a test runner's): it starts new interpreters."""
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        return build_variants(config, site), capfd.readouterr().err
    finally:
        stop.set()
        thread.join()


@pytest.mark.parametrize("start", [forked, spawned])
def test_parallel_variant_builds_write_the_same_site(start, one_build: Path, tmp_path: Path, capfd) -> None:
    config = ROOT / "mkdocs.yml"
    parallel = tmp_path / "parallel"
    code, messages = start(config, parallel, capfd)
    assert code == 0, messages
    variants = configured_variants(config)
    # each process built its own variant and no other
    for variant in variants:
        assert messages.count(f"Building '{variant.locale}' documentation") == 1, messages
    assert variants[0].prefix == ""  # the source variant's folder became the site
    assert tree(parallel) == tree(one_build)
    assert not (tmp_path / "parallel.variants").exists()  # the per-variant folders are gone


def test_a_failing_variant_fails_the_build_with_its_own_message(project_copy, tmp_path: Path) -> None:
    project = project_copy()
    (project / "docs" / "overdue.zh-Hant.md").write_text("# 逾期\n\n## 沒有編號的問題？\n\n答。\n", "utf-8")
    result = run_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "docs/overdue.zh-Hant.md:3: heading '沒有編號的問題？' has no explicit id" in result.stderr
    assert "scripts/build: building the zh-Hant variant failed" in result.stderr
    assert not (tmp_path / "site").exists()
