"""The layers of the README's test loops: the fast loop starts no browser."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT


def collected(marks: str) -> list[str]:
    command = [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:xdist", "-m", marks]
    result = subprocess.run(command, capture_output=True, text=True, check=False, cwd=ROOT)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    return [line for line in result.stdout.splitlines() if "::" in line]


def test_the_fast_loop_starts_no_browser_engine() -> None:
    fast = collected("not browser and not lighthouse")
    engines = ("firefox", "webkit", "chromium")
    named = [test for test in fast if any(engine in test.lower() for engine in engines)]
    assert named == [], "tests that start a browser need the browser layer (conftest.layer_of)"
    assert len(fast) > 400
