"""tests/script_run.py runs a command of scripts/ as `python scripts/<name>` does, forked or not."""

from __future__ import annotations

import os
import subprocess
import sys
import threading

import pytest

from conftest import ROOT
from script_run import run_script

BUILD = ROOT / "scripts" / "build"


def beside_a_thread(*args):
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        return run_script(*args)
    finally:
        stop.set()
        thread.join()


@pytest.mark.parametrize("run", [run_script, beside_a_thread], ids=["forked", "new interpreter"])
@pytest.mark.parametrize("args", [["--help"], ["--no-such-option"]])
def test_a_script_gives_what_a_new_interpreter_gives(run, args: list[str]) -> None:
    expected = subprocess.run(
        [sys.executable, str(BUILD), *args], capture_output=True, text=True, check=False
    )
    found = run(BUILD, args, dict(os.environ))
    assert (found.returncode, found.stdout, found.stderr) == (
        expected.returncode,
        expected.stdout,
        expected.stderr,
    )
    assert found.returncode == (0 if args == ["--help"] else 2)
