"""deploy/nginx.conf, run locally: the same server block on 127.0.0.1, as an ordinary process.

The deploy file marks the lines a deployer changes with "# deploy: <what>". Here
the "tls" lines are left out (no certificate on 127.0.0.1), the first "listen"
line becomes `listen 127.0.0.1:<port>` and the others go, and "root" points at
the build. Everything else (headers, caching, compression, types, 404 pages) is
served exactly as deployed. nginx runs in the foreground with a private prefix
(pid file, temp folders, error log on stderr), so no root and no system
nginx are needed.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEPLOY = ROOT / "deploy" / "nginx.conf"
NGINX = "/usr/sbin/nginx"
MARK = re.compile(r"#\s*deploy:\s*(\w+)")
TEMPS = ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")


def local_server(deploy: str, root: Path, port: int) -> str:
    """The deploy file's text for 127.0.0.1:port serving root; ValueError if a marked line is missing."""
    lines, seen = [], set()
    for line in deploy.splitlines():
        mark = MARK.search(line)
        what = mark[1] if mark else ""
        seen.add(what)
        indent = line[: len(line) - len(line.lstrip())]
        if what == "tls":
            continue
        if what == "listen":
            if "listen" not in {done for done, _ in lines}:
                lines.append(("listen", f"{indent}listen 127.0.0.1:{port};"))
            continue
        if what == "root":
            line = f'{indent}root "{root}";'
        lines.append((what, line))
    missing = {"listen", "root"} - seen
    if missing:
        raise ValueError(f"no line marked '# deploy: {sorted(missing)[0]}'")
    return "\n".join(line for _, line in lines) + "\n"


def main_config(prefix: Path, server: Path, log: Path | None = None) -> str:
    """A whole nginx configuration around the server file, writing only inside prefix; with a log,
    each request's address and the bytes sent for it (headers and body, as sent) go there."""
    temps = "".join(f"    {name}_temp_path {prefix / 'tmp' / name};\n" for name in TEMPS)
    user = "user root;\n" if os.geteuid() == 0 else ""  # a root master's workers must read the build
    logging = (
        f"    log_format sent '$request_uri $bytes_sent';\n    access_log {log} sent;\n"
        if log
        else "    access_log off;\n"
    )
    return (
        f"{user}worker_processes 1;\npid {prefix / 'nginx.pid'};\nerror_log stderr warn;\n"
        "events { worker_connections 256; }\n"
        f"http {{\n{logging}{temps}    include {server};\n}}\n"
    )


def start(
    root: Path, port: int, deploy: Path = DEPLOY, nginx: str = NGINX, log: Path | None = None
) -> tuple[subprocess.Popen, Path]:
    """Start nginx in the foreground serving root on 127.0.0.1:port; (process, its prefix folder)."""
    if not shutil.which(nginx):
        raise FileNotFoundError(f"{nginx} is missing: install Debian's nginx (scripts/setup --browser)")
    prefix = Path(tempfile.mkdtemp(prefix="nginx-local-"))
    for name in TEMPS:
        (prefix / "tmp" / name).mkdir(parents=True)
    server = prefix / "site.conf"
    server.write_text(local_server(deploy.read_text("utf-8"), root.resolve(), port), "utf-8")
    config = prefix / "nginx.conf"
    config.write_text(main_config(prefix, server, log), "utf-8")
    command = [nginx, "-p", str(prefix), "-c", str(config), "-e", "stderr", "-g", "daemon off;"]
    check = subprocess.run([*command[:-2], "-t", "-q"], capture_output=True, text=True, check=False)
    if check.returncode:
        shutil.rmtree(prefix, ignore_errors=True)
        raise RuntimeError(f"{deploy}: nginx -t failed:\n{check.stderr.strip()}")
    return subprocess.Popen(command), prefix


def logged(log: Path, start: int = 0) -> list[tuple[str, int]]:
    """What a server started with a log sent, from the log's line `start` on: (address, bytes)."""
    lines = log.read_text("utf-8").splitlines()[start:] if log.exists() else []
    return [(address, int(sent)) for address, sent in (line.rsplit(" ", 1) for line in lines if line.strip())]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def served(
    root: Path, port: int | None = None, deploy: Path = DEPLOY, log: Path | None = None
) -> Iterator[str]:
    """root served by the deploy file on 127.0.0.1 (a free port unless given): its URL, once it answers;
    with a log, what start() writes there (the line of its own readiness probe already in)."""
    port, before = port or free_port(), len(logged(log)) if log else 0
    process, prefix = start(root, port, deploy, log=log)
    url = f"http://127.0.0.1:{port}/"
    try:
        for _ in range(200):
            try:
                urllib.request.urlopen(url, timeout=1).close()
                break
            except OSError:
                if process.poll() is not None:
                    raise RuntimeError(f"nginx stopped (exit code {process.returncode})") from None
                time.sleep(0.05)
        deadline = time.monotonic() + 5  # nginx logs a request just after answering it
        while log and len(logged(log)) <= before and time.monotonic() < deadline:
            time.sleep(0.01)
        yield url
    finally:
        process.terminate()
        process.wait(10)
        shutil.rmtree(prefix, ignore_errors=True)
