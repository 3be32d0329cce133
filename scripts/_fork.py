"""Run Python code in a fork of this process, as a command of its own, its output on pipes.

A fresh interpreter imports MkDocs, Material and the plugins again; a fork
has them already (scripts/_variant_builds.py forks each variant's build,
tests/script_run.py each build test's scripts/build). The child gets its own
environment and new standard streams on the pipes, runs the code, and exits
with its code: the code of its SystemExit, 0 if it returns, 1 with a traceback
if it raises. A process with other threads is not forked, whose locks a child
could inherit held (`can_fork`); its callers start a new interpreter instead.
"""

from __future__ import annotations

import io
import os
import sys
import threading
import traceback
from collections.abc import Callable
from typing import NoReturn


def can_fork() -> bool:
    """True when this process has one thread, so that a fork of it holds no lock of another."""
    return threading.active_count() == 1


def _child(work: Callable[[], object], environment: dict[str, str], out: int, err: int) -> NoReturn:
    code = 1
    try:
        for fd, stream in ((out, 1), (err, 2)):
            os.dup2(fd, stream)
        for fd in {out, err}:
            os.close(fd)
        # new streams, not the parent's (a test runner's captures): a lock of theirs could be held
        sys.stdout, sys.stderr = (io.TextIOWrapper(io.FileIO(fd, "w", closefd=False), line_buffering=True)
                                  for fd in (1, 2))  # fmt: skip
        os.environ.clear()
        os.environ.update(environment)
        work()
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


def forked(work: Callable[[], object], environment: dict[str, str], *, errors_apart: bool = False) -> tuple:
    """Start work() in a fork: (its process id, the pipe its output comes on, and the pipe its
    errors come on: the same one unless errors_apart)."""
    out_read, out_write = os.pipe()
    err_read, err_write = os.pipe() if errors_apart else (out_read, out_write)
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:
        for fd in {out_read, err_read}:
            os.close(fd)
        _child(work, environment, out_write, err_write)
    for fd in {out_write, err_write}:
        os.close(fd)
    return pid, out_read, err_read
