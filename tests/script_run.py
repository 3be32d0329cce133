"""Run a command of scripts/ as `python scripts/<name> ARGS` runs it, for the build tests.

A fresh interpreter imports MkDocs, Material and the plugins again before it
reads a config: about 0.4 s of CPU, for each of the forty-odd builds of the
fast test loop, most of which fail at once on bad input. A test worker has
imported them already, so the command runs in a fork of it instead: the
script runs from its file as `__main__` (runpy), with its own arguments,
environment and output pipes, and the child ends with the script's exit code.
A worker with other threads (a browser's) is not forked, whose locks a child
could inherit held: there the script runs in a new interpreter. The child
inherits the worker's modules as they are (their caches are keyed on content
or mtimes): a test that patched a module and then ran a script would build
with its patch, so none does.
"""

from __future__ import annotations

import io
import os
import runpy
import selectors
import subprocess
import sys
import threading
import traceback
from pathlib import Path
from typing import NoReturn


def _child(script: Path, args: list[str], environment: dict[str, str], out: int, err: int) -> NoReturn:
    code = 1
    try:
        os.dup2(out, 1)
        os.dup2(err, 2)
        os.close(out)
        os.close(err)
        # new streams: the worker's are pytest's captures, and their locks may be held
        sys.stdout, sys.stderr = (io.TextIOWrapper(io.FileIO(fd, "w", closefd=False), line_buffering=True)
                                  for fd in (1, 2))  # fmt: skip
        os.environ.clear()
        os.environ.update(environment)
        sys.argv = [str(script), *args]
        runpy.run_path(str(script), run_name="__main__")
        code = 0
    except SystemExit as exit:
        code = exit.code if isinstance(exit.code, int) else int(exit.code is not None)
        if isinstance(exit.code, str):
            print(exit.code, file=sys.stderr)
    except BaseException:
        traceback.print_exc()
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)


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
    if threading.active_count() > 1:
        return subprocess.run(command, capture_output=True, text=True, check=False, env=environment)
    (out_read, out_write), (err_read, err_write) = os.pipe(), os.pipe()
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:
        os.close(out_read)
        os.close(err_read)
        _child(script, args, environment, out_write, err_write)
    os.close(out_write)
    os.close(err_write)
    stdout, stderr = _read_both(out_read, err_read)
    code = os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])
    return subprocess.CompletedProcess(command, code, stdout, stderr)
