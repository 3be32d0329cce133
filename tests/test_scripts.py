"""The scripts are small CLIs: each answers --help, and the benchmark still runs."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, VARIANTS, run_build
from zhguide.search_help import load_queries

PYTHON_SCRIPTS = (
    "build", "lint-content", "bench-convert", "published-links", "bench-search", "bench", "nginx-local",
    "bench-engines", "learn-asked", "bench-offline",
)  # fmt: skip
SHELL_SCRIPTS = ("setup", "test")


@pytest.mark.parametrize("name", PYTHON_SCRIPTS + SHELL_SCRIPTS)
def test_help(name: str) -> None:
    command = [str(ROOT / "scripts" / name), "--help"]
    if name in PYTHON_SCRIPTS:
        command.insert(0, sys.executable)
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert "usage" in result.stdout.lower()


def test_learn_asked_refuses_an_out_of_date_block_and_a_malformed_judged_set(tmp_path: Path) -> None:
    queries = tmp_path / "search_queries.yml"
    queries.write_text((ROOT / "hooks" / "search_queries.yml").read_text("utf-8"), "utf-8")
    judged = tmp_path / "judged.tsv"
    judged.write_text("逾期了先做什么\t#first-steps\tliteral\ttuning\n", "utf-8")
    command = [sys.executable, str(ROOT / "scripts" / "learn-asked"), "--queries", str(queries)]
    result = subprocess.run([*command, "--judged", str(judged), "--check"], capture_output=True, text=True)
    assert result.returncode == 1 and "out of date" in result.stderr
    assert subprocess.run([*command, "--judged", str(judged)], capture_output=True).returncode == 0
    learnt, examples = queries.read_text("utf-8").split("\nlearnt:\n")[1].split("\nexamples:\n")
    assert learnt.startswith("  first-steps: [逾期]\n") and examples == '  first-steps: ["逾期了先做什么"]\n'
    assert load_queries(queries)["examples"] == {"first-steps": ["逾期了先做什么"]}
    judged.write_text("逾期了先做什么\t#first-steps\tliteral\n", "utf-8")
    result = subprocess.run([*command, "--judged", str(judged)], capture_output=True, text=True)
    assert result.returncode == 1 and f"{judged}:1: expected query" in result.stderr


@pytest.mark.build
def test_bench_convert_prints_every_figure() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "bench-convert"), "--repeat", "1"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    for row in ("chars/s", "share of the build converting", "rebuild after a one-page edit", "without cache"):
        assert row in result.stdout
    generated = sum(1 for prefix in VARIANTS.values() if prefix)
    assert f"({generated} page converted)" in result.stdout  # the edited page, once a generated variant


def test_bench_search_prints_relevance_sizes_and_times(browser, tmp_path: Path) -> None:
    judged = tmp_path / "judged.tsv"  # a few judged queries: the whole set takes minutes
    lines = (ROOT / "tests" / "data" / "search_judged.tsv").read_text("utf-8").splitlines()
    judged.write_text("\n".join([line for line in lines if line and not line.startswith("#")][:6]), "utf-8")
    command = [sys.executable, str(ROOT / "scripts" / "bench-search"), "--repeat", "1", "--pages"]
    result = subprocess.run([*command, "--judged", str(judged)], capture_output=True, text=True, check=False)
    # A timing over its budget exits 1 and says FAIL; timings are for the benchmark, not for this test.
    assert result.returncode == (1 if "FAIL)" in result.stdout else 0), result.stderr
    row = r"^  (published|offline) +zh-\w+ +(Simplified|Traditional) +(\d\.\d\d) \((\d\.\d\d)\)"
    rows = re.findall(row, result.stdout, re.M)
    assert len(rows) == 2 * 2 * len(VARIANTS)  # places x scripts x variants, each beside stock's
    assert all(0 <= float(ours) <= 1 and 0 <= float(stock) <= 1 for *_, ours, stock in rows)
    for variant in VARIANTS:  # figures that make sense, for every variant
        raw, packed = re.search(rf"{variant} index +([\d,]+) B raw +([\d,]+) B gzip", result.stdout).groups()
        assert 0 < int(packed.replace(",", "")) < int(raw.replace(",", ""))
        timing = rf"{variant} first search to results +(\d+) ms \(median of 1; budget 300 ms: (pass|FAIL)\)"
        assert 0 < int(re.search(timing, result.stdout)[1]) < 30_000
    assert "raw/page" in result.stdout


@pytest.mark.build
def test_the_synthetic_guide_of_the_benchmarks_builds_strict(tmp_path: Path) -> None:
    """Its links, ids and readers' words (hooks/search_queries.yml) renamed for its copies."""
    from _synthetic import synthetic_project

    project = synthetic_project(ROOT, tmp_path / "project", 12)
    result = run_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr
    assert (tmp_path / "site" / "overdue-1" / "index.html").is_file()


def test_bench_engines_finds_the_guides_ranking_ahead_of_minisearch(built_site: Path) -> None:
    """The engine was chosen by this comparison (README, Search): it must still hold, row by row."""
    command = [sys.executable, str(ROOT / "scripts" / "bench-engines"), str(built_site)]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    row = r"^  (own ranking|MiniSearch) +(zh-\w+) +(Simplified|Traditional) +(\d\.\d\d) +(\d\.\d\d)"
    found = {(engine, variant, script): (float(top1), float(top3)) for engine, variant, script, top1, top3 in
             re.findall(row, result.stdout, re.M)}  # fmt: skip
    assert len(found) == 2 * 2 * len(VARIANTS)
    for (engine, variant, script), (top1, top3) in found.items():
        if engine == "own ranking":
            library = found["MiniSearch", variant, script]
            assert top1 >= library[0] and top3 >= library[1], (variant, script, top1, top3, library)


@pytest.mark.build
def test_bench_times_a_synthetic_guide() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "bench"), "--pages", "12", "--repeat", "1"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert re.search(r"Synthetic guide of 12 pages, every variant: \d+\.\d\d s", result.stdout)
    assert re.search(r"The same under MkDocs \+ Material \+ static-i18n alone: \d+\.\d\d s", result.stdout)


def test_bench_measures_rebuilds_weight_and_index_fetches(browser, site_url: str, built_site) -> None:
    import _bench_browser
    import _bench_build
    from _static_server import serve

    ((rebuild, saved),) = _bench_build.serve_rebuilds(ROOT, 1)
    assert 0 < rebuild <= saved
    sent: list[tuple[str, int]] = []
    with serve(built_site, sent=sent) as url:
        weight = _bench_browser.first_visit_bytes(browser, url, sent)
        start = len(sent)
        searched, ms = _bench_browser.first_search(browser, url + "zh-Hant/", sent)
    assert 20 * 1024 < weight < 200 * 1024
    assert {"/", "/sw.js", "/assets/javascripts/guide-offline.js"} <= {path for path, _ in sent}
    first_search = {path for path, _ in sent[start:]}  # a fresh context: its page, then its search
    assert {"/zh-Hant/search/search_index.json", "/assets/javascripts/search-worker.js"} <= first_search
    assert 10 * 1024 < searched < weight and 0 < ms < 10_000
    on_load, on_search = _bench_browser.index_requests(browser, site_url + "zh-Hant/")
    assert on_load == [] and on_search == [site_url + "zh-Hant/search/search_index.json"]


@pytest.mark.build
def test_build_without_a_pdf_engine_stops_with_a_clear_message(tmp_path) -> None:
    shadow = tmp_path / "shadow"  # a WeasyPrint that cannot load Pango, as on a machine without it
    shadow.mkdir()
    (shadow / "weasyprint.py").write_text("raise OSError(\"cannot load library 'libpango-1.0-0'\")\n")
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build"), str(tmp_path / "site"), "--local", "--no-offline"],
        capture_output=True, text=True, check=False, env={**os.environ, "PYTHONPATH": str(shadow)},
    )  # fmt: skip
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert (
        "WeasyPrint cannot run (cannot load library 'libpango-1.0-0'): scripts/setup --browser"
        in result.stderr
    )
    assert "or build with --no-pdf" in result.stderr
    assert not (tmp_path / "site").exists()


@pytest.mark.browser
def test_bench_offline_prints_every_figure_for_an_engine() -> None:
    import _engines

    if reason := _engines.missing("webkit"):
        pytest.fail(reason) if os.environ.get("CI") else pytest.skip(reason)
    bench = [sys.executable, str(ROOT / "scripts" / "bench-offline")]
    command = [*bench, "--repeat", "1", "--engines", "webkit", "--variants", list(VARIANTS)[-1]]
    result = subprocess.run(command, capture_output=True, text=True, check=False, timeout=600)
    assert result.returncode == 0, result.stderr[-2000:]
    rows = [line for line in result.stdout.splitlines() if line.startswith("| webkit |")]
    figures = r"KB \(\+\d+\.\d\) \|.* s \|.* ms \(\d+ pages\) \|.* s \| yes \|$"
    assert len(rows) == 2 and re.search(figures, rows[0]), result.stdout
    # and as a reader's own WebKit has it: the worker costs a few KB, not the page's files again
    visits = [re.search(r"\| ([\d.]+) / ([\d.]+) KB \|$", row) for row in rows[1:]]
    assert all(visit and 0 < float(visit[1]) - float(visit[2]) < 10 for visit in visits), result.stdout
    unknown = subprocess.run([*bench, "--engines", "lynx"], capture_output=True, text=True, check=False)
    assert unknown.returncode == 2 and "unknown engine lynx" in unknown.stderr
