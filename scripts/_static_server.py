"""A real static HTTP server on 127.0.0.1 for the built site, gzip like a production host.

Tests and benchmarks share it: `serve(site)` yields the base URL and stops the
server afterwards. Text files go out gzip-compressed when the client accepts it,
a missing page gets the site's own 404.html, and an optional URL prefix
(/guide/) stands in for a site published below a domain's root.
"""

from __future__ import annotations

import contextlib
import gzip
import http.server
import io
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

COMPRESSIBLE = (".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".map")


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Serves one directory below a URL prefix, gzip-compressing text."""

    prefix = "/"
    protocol_version = "HTTP/1.1"  # keep-alive, as real hosts serve

    def log_message(self, format: str, *args: object) -> None:
        pass

    def translate_path(self, path: str) -> str:
        if not path.startswith(self.prefix):
            return str(Path(self.directory) / "__outside_the_prefix__")
        return super().translate_path("/" + path[len(self.prefix) :])

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir() and not self.path.split("?")[0].endswith("/"):
            return super().send_head()  # the base class redirects to the slash form
        if path.is_dir():
            path = path / "index.html"
        if not path.is_file():
            return self.send_file(Path(self.directory) / "404.html", 404)
        return self.send_file(path, 200)

    def send_file(self, path: Path, status: int):
        if not path.is_file():
            self.send_error(404)
            return None
        body = path.read_bytes()
        compress = path.suffix in COMPRESSIBLE and "gzip" in self.headers.get("Accept-Encoding", "")
        if compress:
            body = gzip.compress(body, compresslevel=6)
        self.send_response(status)
        self.body_bytes = len(body)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-cache")
        if compress:
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        return io.BytesIO(body)

    def end_headers(self) -> None:
        """Record what this answer sends (headers and body), where the server keeps a record."""
        sent = getattr(self.server, "sent", None)
        if sent is not None:
            headers = sum(len(line) for line in getattr(self, "_headers_buffer", [])) + 2
            sent.append((self.path, headers + getattr(self, "body_bytes", 0)))
        super().end_headers()


class QuietServer(http.server.ThreadingHTTPServer):
    """A server that does not print a traceback when a browser drops a connection."""

    def handle_error(self, request: object, client_address: object) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextlib.contextmanager
def serve(directory: Path, prefix: str = "/", sent: list[tuple[str, int]] | None = None) -> Iterator[str]:
    """Serve a directory on 127.0.0.1 under a URL prefix; yield the site's base URL. With `sent`, each
    answer's path and the bytes sent for it (headers and body, compressed as sent) are appended."""
    handler = type("Handler", (SiteHandler,), {"prefix": prefix})

    def make(*args: object) -> SiteHandler:
        return handler(*args, directory=str(directory))

    server = QuietServer(("127.0.0.1", 0), make)
    server.sent = sent
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}{prefix}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
