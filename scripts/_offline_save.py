"""Offline reading on the published site: each variant's list of files, the worker's stamp, the size shown.

scripts/build runs `prepare` on the assembled site, before the gzip twins:

- each variant's files, `<variant>offline.json`: its pages (share and old
  addresses included), its search index and manifest, and the site's files its
  pages load (styles, scripts, icons, the search worker), each with a digest, so
  that the worker (sw.js) saves one build whole or fails;
- the size of a saved variant, as a reader downloads it (gzip where the server
  compresses), written into the variant's home page where SAVE_SIZE stands;
- sw.js stamped with the build (a digest of every list) and its date: a new
  build is a new worker, which the browser installs on the reader's next visit.
"""

from __future__ import annotations

import hashlib
import json
import re
import time
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urljoin, urlsplit

from _publish import COMPRESSED, gzipped, human_size

WORKER = "sw.js"
LIST = "offline.json"
TOKEN = "@@SAVE_SIZE@@"
STAMP = re.compile(r'^const BUILD = "dev";(?P<build_rest>.*)\nconst DATE = "";', re.M)
NOT_SAVED = re.compile(r"(^|/)(download/|sitemap\.xml|offline\.json)|\.(gz|map)$|^sw\.js$|^\.")
LOADED = re.compile(r'\b(?:src|href|data-wrapper)="([^"#?]+)')


class OfflineSaveError(ValueError):
    """The built site cannot be saved as it stands; the message names the file."""


@dataclass(frozen=True)
class Saved:
    locale: str
    prefix: str
    files: list[tuple[str, str]]  # (site-relative address, digest), pages as their directory URL
    size: int  # bytes a reader downloads to save it


def address(path: str) -> str:
    """A file's address as pages link it: a page's folder ('overdue/'), the home '' ."""
    return path.removesuffix("index.html")


def own_files(site: Path, prefix: str, prefixes: list[str]) -> list[str]:
    """The files of one variant's tree (not another variant's, not the shared assets/)."""
    others = [other for other in prefixes if other != prefix and other.startswith(prefix)]
    found = []
    for path in sorted(site.rglob("*")):
        relative = path.relative_to(site).as_posix()
        if not path.is_file() or not relative.startswith(prefix) or NOT_SAVED.search(relative):
            continue
        if relative.startswith("assets/") or any(relative.startswith(other) for other in others):
            continue
        found.append(relative)
    return found


def loaded_assets(site: Path, pages: list[str]) -> list[str]:
    """The site's files under assets/ that these pages (and the manifest) load."""
    found = set()
    for page in pages:
        text = (site / page).read_text("utf-8", errors="replace")
        base = "http://site/" + page
        links = LOADED.findall(text) if page.endswith(".html") else []
        if page.endswith(".webmanifest"):
            links = [icon["src"] for icon in json.loads(text).get("icons", [])]
        for link in links:
            target = urlsplit(urljoin(base, link))
            path = unquote(target.path).lstrip("/")
            if target.netloc == "site" and path.startswith("assets/") and (site / path).is_file():
                found.add(str(PurePosixPath(path)))
    return sorted(found)


def transfer_size(data: bytes, name: str) -> int:
    """What a reader downloads for a file: the gzip twin the build writes for it, if smaller."""
    return min(len(data), len(gzipped(data))) if name.endswith(COMPRESSED) else len(data)


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:16]  # what sw.js compares (the first 8 bytes)


def stamp(source: str, build: str, date: str) -> str:
    """The worker's source with its build and date; OfflineSaveError without the lines to stamp."""
    if not STAMP.search(source):
        raise OfflineSaveError(f'{WORKER}: no lines `const BUILD = "dev";` and `const DATE = "";` to stamp')
    stamped = f'const BUILD = "{build}";\\g<build_rest>\nconst DATE = "{date}";'
    return STAMP.sub(stamped, source, 1)


def fill_size(html: str, size: str, name: str) -> str:
    if (found := html.count(TOKEN)) != 1:
        raise OfflineSaveError(f"{name}: expected one {TOKEN} (partials/offline-save.html), found {found}")
    return html.replace(TOKEN, size)


def prepare(site: Path, variants: list[tuple[str, str]], epoch: int | None) -> list[Saved]:
    """Write each variant's list and its size, and stamp the worker; what each variant saves."""
    worker = site / WORKER
    if not worker.is_file():
        raise OfflineSaveError(f"{WORKER} is missing from the site (hooks/zhguide/worker_build.py writes it)")
    prefixes = [prefix for _, prefix in variants]
    chosen = {prefix: own_files(site, prefix, prefixes) for _, prefix in variants}
    chosen = {prefix: paths + loaded_assets(site, paths) for prefix, paths in chosen.items()}
    sizes = {prefix: sum(transfer_size((site / path).read_bytes(), path) for path in paths)
             for prefix, paths in chosen.items()}  # fmt: skip
    for prefix in prefixes:
        home = site / prefix / "index.html"
        home.write_text(fill_size(home.read_text("utf-8"), human_size(sizes[prefix]), str(home)), "utf-8")
    if left := [path for path in site.rglob("*.html") if TOKEN in path.read_text("utf-8", errors="ignore")]:
        raise OfflineSaveError(f"{left[0]}: {TOKEN} outside a home page")
    date = time.strftime("%Y-%m-%d", time.gmtime(epoch if epoch is not None else time.time()))
    saved = [
        Saved(locale, prefix, [(address(path), digest((site / path).read_bytes())) for path in paths], size)
        for (locale, prefix), paths, size in zip(variants, chosen.values(), sizes.values(), strict=True)
    ]
    build = digest(json.dumps([[item.locale, item.files] for item in saved]).encode()
                   + worker.read_bytes())  # fmt: skip
    for item in saved:
        listing = {"build": build, "date": date, "locale": item.locale, "size": item.size}
        text = json.dumps({**listing, "files": item.files}, ensure_ascii=False)
        (site / item.prefix / LIST).write_text(text + "\n", "utf-8")
    worker.write_text(stamp(worker.read_text("utf-8"), build, date), "utf-8")
    return saved
