"""scripts/lint-content on the real sources and on a golden set of mistakes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import ROOT
from zhguide import zh_lint

LINT = ROOT / "scripts" / "lint-content"
DATA = Path(__file__).parent / "data" / "lint"


def run_lint(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(LINT), *args], capture_output=True, text=True, cwd=ROOT, check=False
    )


def test_the_guide_sources_are_clean() -> None:
    result = run_lint("docs")
    assert (result.returncode, result.stdout) == (0, ""), result.stdout


def test_mistakes_are_reported_with_positions_and_suggestions() -> None:
    result = run_lint("tests/data/lint")
    assert result.returncode == 1
    assert result.stdout == (DATA / "expected.txt").read_text("utf-8")
    assert "bad.zh-Hant.md" not in result.stdout  # hand-written Traditional pages are not Simplified sources
    assert "15 problem(s) found" in result.stderr


def test_help_and_missing_paths() -> None:
    assert run_lint("--help").returncode == 0
    missing = run_lint("no-such-folder")
    assert missing.returncode == 2 and "no such file or folder: no-such-folder" in missing.stderr


def test_other_variants_entries_may_be_traditional() -> None:
    text = "短信：-{zh-Hans:短信;zh-Hant:簡訊}-，隨"
    findings = zh_lint.script_findings("x.md", text, "zh-Hans")
    assert [(f.column, f.message) for f in findings] == [
        (len(text), "traditional character '隨' in a Simplified source; use '随'")
    ]


def test_zhu_is_fine_in_its_own_words() -> None:
    assert zh_lint.script_findings("x.md", "显著、著名、名著、土著", "zh-Hans") == []
    [finding] = zh_lint.script_findings("x.md", "接著说", "zh-Hans")
    assert (finding.column, "use '着'" in finding.message) == (2, True)
