"""Where scripts/build may write its site, and how it switches a new one in (scripts/_publish.py)."""

from __future__ import annotations

import gzip
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

import _publish
from conftest import ROOT

BUILD = [sys.executable, str(ROOT / "scripts" / "build"), "--local", "--no-pdf", "--no-offline"]


def build(out: Path) -> subprocess.CompletedProcess:
    return subprocess.run([*BUILD, str(out)], capture_output=True, text=True, check=False)


@pytest.mark.pure
@pytest.mark.parametrize(
    ("out", "reason"),
    [
        ("docs", "lies inside the project's sources"),
        ("docs/sub", "lies inside the project's sources"),
        ("hooks", "lies inside the project's sources"),
        (".", "the project's sources"),
        ("..", "the project's sources"),
    ],
)
def test_an_output_folder_in_or_around_the_sources_is_refused(out: str, reason: str) -> None:
    assert reason in _publish.unsafe_output(ROOT / out, ROOT)


@pytest.mark.pure
def test_a_foreign_folder_is_refused_and_a_previous_build_is_not(tmp_path: Path) -> None:
    assert _publish.unsafe_output(tmp_path / "new", ROOT) is None
    (tmp_path / "empty").mkdir()
    assert _publish.unsafe_output(tmp_path / "empty", ROOT) is None
    project = tmp_path / "project"
    (project / ".git").mkdir(parents=True)
    assert "holds .git" in _publish.unsafe_output(project, ROOT)
    (tmp_path / "photos").mkdir()
    (tmp_path / "photos" / "holiday.jpg").write_bytes(b"precious")
    assert "no build of this site wrote" in _publish.unsafe_output(tmp_path / "photos", ROOT)
    (tmp_path / "photos" / _publish.MARKER).write_text("", "utf-8")
    assert _publish.unsafe_output(tmp_path / "photos", ROOT) is None


@pytest.mark.build
def test_refused_outputs_are_left_untouched(tmp_path: Path) -> None:
    before = sorted(path.name for path in (ROOT / "docs").iterdir())
    for out in (ROOT / "docs", ROOT):
        result = build(out)
        assert result.returncode == 2 and "refusing to write the site there" in result.stderr
    assert sorted(path.name for path in (ROOT / "docs").iterdir()) == before
    foreign = tmp_path / "photos"
    foreign.mkdir()
    (foreign / "holiday.jpg").write_bytes(b"precious")
    assert build(foreign).returncode == 2
    assert [path.name for path in foreign.iterdir()] == ["holiday.jpg"]


@pytest.mark.build
def test_a_new_site_switches_in_atomically_and_leftovers_go(tmp_path: Path) -> None:
    out = tmp_path / "site"
    assert build(out).returncode == 0
    first = os.path.realpath(out)
    stale = tmp_path / ".site.staging-interrupted"
    stale.mkdir()  # what a killed build leaves
    seen_missing, stop = [], threading.Event()

    def poll() -> None:
        while not stop.is_set():
            if not (out / "index.html").is_file():
                seen_missing.append(time.monotonic())

    reader = threading.Thread(target=poll)
    reader.start()
    try:
        assert build(out).returncode == 0
    finally:
        stop.set()
        reader.join()
    assert seen_missing == [], "a reader found no site while the new one switched in"
    assert out.is_symlink() and os.path.realpath(out) != first
    assert (out / _publish.MARKER).is_file()
    assert not stale.exists()
    assert sorted(path.name for path in tmp_path.iterdir() if path.name.startswith(".site.v")) == sorted(
        [Path(first).name, Path(os.path.realpath(out)).name]
    )  # the previous version stays for requests still reading it; older ones go


@pytest.mark.build
def test_concurrent_builds_into_one_folder_take_turns(tmp_path: Path) -> None:
    out = tmp_path / "site"
    builds = [subprocess.Popen([*BUILD, str(out)], stderr=subprocess.PIPE, text=True) for _ in range(2)]
    errors = [process.communicate()[1] for process in builds]
    assert [process.returncode for process in builds] == [0, 0]
    assert "Traceback" not in "".join(errors)
    assert (out / "index.html").is_file()


@pytest.mark.build
def test_two_builds_of_one_commit_are_identical_downloads_included(tmp_path: Path) -> None:
    trees = []
    for name in ("one", "two"):
        out = tmp_path / name / "site"
        result = subprocess.run(
            [sys.executable, str(ROOT / "scripts" / "build"), "--local", "--no-pdf", str(out)],
            capture_output=True, text=True, check=False,
        )  # fmt: skip
        assert result.returncode == 0, result.stderr
        files = sorted(path for path in out.rglob("*") if path.is_file())
        trees.append({path.relative_to(out): path.read_bytes() for path in files})
    assert trees[0].keys() == trees[1].keys()
    assert [path for path in trees[0] if trees[0][path] != trees[1][path]] == []
    assert Path("download/icbc-overdue-guide-offline.zip") in trees[0]
    assert Path("index.html.gz") in trees[0]  # the gzip twins are reproducible too


def test_text_files_get_a_gzip_twin_with_no_name_and_no_time(tmp_path: Path) -> None:
    page = "<p>逾期后怎么办？</p>\n" * 200
    (tmp_path / "zh-Hant").mkdir()
    (tmp_path / "zh-Hant" / "index.html").write_text(page, "utf-8")
    (tmp_path / "tiny.css").write_text("a{}", "utf-8")  # gzip would make it larger
    (tmp_path / "favicon.png").write_bytes(b"\x89PNG" + bytes(500))  # not text
    assert _publish.precompress(tmp_path) == 1
    twin = (tmp_path / "zh-Hant" / "index.html.gz").read_bytes()
    assert gzip.decompress(twin) == page.encode("utf-8")
    assert twin[3] == 0 and twin[4:8] == bytes(4)  # no file name flag, no time: the same bytes every build
    assert sorted(path.name for path in tmp_path.rglob("*.gz")) == ["index.html.gz"]


@pytest.mark.build
def test_a_build_to_publish_needs_its_public_address(tmp_path: Path) -> None:
    environment = {key: value for key, value in os.environ.items() if key != "SITE_URL"}
    command = [*BUILD[:2], "--no-pdf", "--no-offline", str(tmp_path / "site")]  # BUILD without --local
    refused = subprocess.run(command, capture_output=True, text=True, check=False, env=environment)
    assert refused.returncode == 2 and "set SITE_URL to the public address" in refused.stderr
    assert not (tmp_path / "site").exists()
    local = subprocess.run([*command, "--local"], capture_output=True, text=True, env=environment)
    assert local.returncode == 0 and "--local" in local.stdout
