"""Run a command of scripts/ as `python scripts/<name> ARGS` runs it, for the build tests.

A fresh interpreter imports MkDocs, Material and the plugins again before it
reads a config: about 0.4 s of CPU, for each of the forty-odd builds of the
fast test loop, most of which fail at once on bad input. A test worker has
imported them already, so the command runs in a fork of it instead
(scripts/_fork.py): the
script runs from its file as `__main__` (runpy), with its own arguments,
environment and output pipes, and the child ends with the script's exit code.
A worker with other threads (a browser's) is not forked, whose locks a child
could inherit held: there the script runs in a new interpreter. The child
inherits the worker's modules as they are (their caches are keyed on content
or mtimes): a test that patched a module and then ran a script would build
with its patch, so none does.
"""

from __future__ import annotations

import os
import runpy
import selectors
import subprocess
import sys
from pathlib import Path

from _fork import can_fork, forked


def _run(script: Path, args: list[str]) -> None:
    """The script as `python script ARGS` runs it, in this process."""
    sys.argv = [str(script), *args]
    runpy.run_path(str(script), run_name="__main__")


def _read_both(out: int, err: int) -> tuple[str, str]:
    written: dict[int, list[bytes]] = {out: [], err: []}
    with selectors.DefaultSelector() as selector:
        for fd in written:
            selector.register(fd, selectors.EVENT_READ)
        while selector.get_map():
            for key, _ in selector.select():
                if chunk := os.read(key.fd, 1 << 16):
                    written[key.fd].append(chunk)
                else:
                    selector.unregister(key.fd)
                    os.close(key.fd)
    return tuple(b"".join(written[fd]).decode("utf-8", "replace") for fd in (out, err))


def run_script(script: Path, args: list[str], environment: dict[str, str]) -> subprocess.CompletedProcess:
    """The script's exit code, output and errors, as subprocess.run(..., capture_output=True,
    text=True) gives them for `python script ARGS`."""
    command = [sys.executable, str(script), *args]
    if not can_fork():
        return subprocess.run(command, capture_output=True, text=True, check=False, env=environment)
    pid, out_read, err_read = forked(lambda: _run(script, args), environment, errors_apart=True)
    stdout, stderr = _read_both(out_read, err_read)
    code = os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])
    return subprocess.CompletedProcess(command, code, stdout, stderr)
