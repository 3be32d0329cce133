"""Shared fixtures: the real site build, a real HTTP server and a real Chromium."""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))
sys.path.insert(0, str(ROOT / "scripts"))

import _nginx  # noqa: E402 - deploy/nginx.conf, run locally
import _synthetic as synthetic  # noqa: E402
from _chromium import CHROMIUM, launched  # noqa: E402
from _print_view import engine_missing  # noqa: E402
from _static_server import serve  # noqa: E402 - the tests' HTTP server
from _variant_builds import configured_variants  # noqa: E402
from script_run import run_script  # noqa: E402
from zhguide import zh_core  # noqa: E402

SITE_URL = "http://127.0.0.1:8000/"
FIREFOX = Path("/usr/bin/firefox-esr")  # Debian's Firefox ESR, driven by tests/firefox/*.mjs
# The variants mkdocs.yml builds, the source first: locale -> URL prefix ('' for the source).
# Tests iterate these; adding a variant to mkdocs.yml adds it to every test.
CONFIGURED = configured_variants(ROOT / "mkdocs.yml")
VARIANTS = {variant.locale: variant.prefix for variant in CONFIGURED}
OPENCC = {variant.locale: variant.opencc for variant in CONFIGURED}
SOURCE = next(iter(VARIANTS))


def variant_at(path: str) -> str:
    """The variant a site-relative path belongs to (the longest prefix it starts with)."""
    found = [locale for locale, prefix in VARIANTS.items() if path.lstrip("/").startswith(prefix)]
    return max(found, key=lambda locale: len(VARIANTS[locale]))


def foreign_characters(locale: str) -> frozenset[str]:
    """Characters a variant's text must never contain (the other script's)."""
    opencc = OPENCC[locale]
    return zh_core.traditional_only() if opencc is None else zh_core.foreign_to_variant(opencc)


def home_for(browser_locale: str) -> str:
    """The variant whose home the site's root sends a first-time visitor with this browser locale
    to (overrides/partials/variant-script.html): the variant of that name, else zh-Hant for a
    Traditional locale, else the source."""
    named = next((locale for locale in VARIANTS if locale.lower() == browser_locale.lower()), None)
    traditional = re.match(r"zh-(tw|hk|mo|hant)\b", browser_locale, re.I)
    return named or ("zh-Hant" if traditional else SOURCE)


def in_variant(text: str, locale: str) -> str:
    """A Simplified source string as a variant writes it (OpenCC alone, no glossary)."""
    return text if OPENCC[locale] is None else zh_core.convert(text, OPENCC[locale])


def run_build(project: Path, site: Path, site_url: str = SITE_URL, offline: bool = False):
    """Run the real scripts/build on a project directory (tests/script_run.py: in a fork of this
    worker); without the offline download unless asked (only the published-site fixture needs it)."""
    args = [str(site), "--config-file", str(project / "mkdocs.yml")]
    args += [] if offline else ["--no-offline", "--no-pdf"]
    if offline and engine_missing() and not os.environ.get("CI"):
        args.append("--no-pdf")  # a contributor's machine without Pango; CI always builds the PDFs
    return run_script(ROOT / "scripts" / "build", args, {**os.environ, "SITE_URL": site_url})


def built_once(tmp_path_factory: pytest.TempPathFactory, name: str, make: Callable[[Path], None]) -> Path:
    """A folder `make` fills, made once per test run: pytest-xdist's workers (scripts/test runs
    several) share it, the first to need it making it while the others wait on a lock. Without
    workers, the session's own temporary folder."""
    import fcntl

    base = tmp_path_factory.getbasetemp()
    shared = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base
    folder, done = shared / name, shared / f"{name}.done"
    with open(shared / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not done.exists():
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir()
            make(folder)
            done.touch()
    return folder


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The guide itself, built with --strict into a temporary directory, as published; once a run."""

    def build(folder: Path) -> None:
        result = run_build(ROOT, folder / "site", offline=True)
        assert result.returncode == 0, result.stderr
        assert "WARNING" not in result.stderr, result.stderr

    return built_once(tmp_path_factory, "published", build) / "site"


def copy_project(project: Path) -> Path:
    """Copy the project's build inputs (config, docs, hooks, overrides) to a new folder."""
    return synthetic.copy_project(ROOT, project)


@pytest.fixture
def project_copy(tmp_path: Path) -> Callable[[], Path]:
    """A copy of the project's build inputs in tmp_path, to break on purpose."""
    return lambda: copy_project(tmp_path / "project")


def add_page(project: Path, source: Path) -> None:
    """Copy a page into a project's docs/ and list it in its nav."""
    shutil.copy(source, project / "docs" / source.name)
    config = project / "mkdocs.yml"
    text = config.read_text("utf-8").replace("nav:\n", f"nav:\n  - {source.name}\n", 1)
    config.write_text(text, "utf-8")


OFFLINE_ZIP = "download/icbc-overdue-guide-offline.zip"


@pytest.fixture(scope="session")
def unpacked(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The published build's offline download, unpacked: its root folder, to open from file://."""
    import zipfile

    folder = tmp_path_factory.mktemp("offline")
    with zipfile.ZipFile(built_site / OFFLINE_ZIP) as bundle:
        bundle.extractall(folder)
    return folder / "icbc-overdue-guide"


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    """The built site served over HTTP on 127.0.0.1."""
    with serve(built_site) as url:
        yield url


def require(path: Path | str, what: str) -> None:
    if not shutil.which(str(path)):
        if os.environ.get("CI"):
            pytest.fail(f"{what} must run in CI, but {path} is missing")
        pytest.skip(f"{path} is missing (scripts/setup --browser installs it)")


@pytest.fixture(scope="session")
def nginx_url(built_site: Path) -> Iterator[str]:
    """The published build, served by deploy/nginx.conf on a free port of 127.0.0.1."""
    require(_nginx.NGINX, "the nginx tests")
    with _nginx.served(built_site) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Debian's Chromium driven by Playwright; skipped only outside CI when missing."""
    missing = (
        "playwright is not installed"
        if importlib.util.find_spec("playwright") is None
        else (None if CHROMIUM.exists() else f"{CHROMIUM} is missing (scripts/setup --browser installs it)")
    )
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"browser tests must run in CI, but {missing}")
        pytest.skip(missing)
    with launched() as chromium:
        yield chromium


@pytest.fixture
def new_page(browser) -> Iterator[Callable[..., object]]:
    """Open pages in fresh browser contexts; at the end, no request may have left 127.0.0.1."""
    contexts, requested = [], []

    def open_page(**options: object):
        context = browser.new_context(**{"viewport": {"width": 1280, "height": 900}, **options})
        contexts.append(context)
        page = context.new_page()
        page.on("request", lambda request: requested.append(request.url))
        return page

    yield open_page
    for context in contexts:
        context.close()
    foreign = [url for url in requested if not url.startswith(("http://127.0.0.1:", "data:"))]
    assert foreign == [], "requests left the site's own host"


def in_each_place(browser, site_url: str, unpacked: Path, variant: str, visit: Callable) -> dict:
    """visit(page, root) on the published site and in the unpacked offline download (from
    file://), each in a fresh desktop-sized context at the variant's home; what each returned."""
    found, places = {}, (("published", site_url, ""), ("offline", unpacked.as_uri() + "/", "index.html"))
    for where, base, home in places:
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        root = base + VARIANTS[variant]
        page.goto(root + home)
        found[where] = visit(page, root)
        context.close()
    return found


def search(page, query: str) -> list[str]:
    """Search the way a reader does, once Material's search is ready; return the result links.

    Material shows its "type to start searching" placeholder when its index is
    loaded and the box is empty. The query arrives the way an input method
    delivers it: the whole text at once, then a key release.
    """
    translations = json.loads(page.locator("#__config").text_content())["translations"]
    meta, box = page.locator(".md-search-result__meta"), page.locator("input.md-search__input")
    box.click()
    box.fill("")
    box.press("End")
    page.wait_for_function(
        "text => document.querySelector('.md-search-result__meta').textContent.trim() === text",
        arg=translations["search.result.placeholder"],
    )
    box.fill(query)
    box.press("End")
    # functions, not expressions: Playwright evaluates an expression with eval, which a strict CSP forbids
    page.wait_for_function("() => document.querySelectorAll('.md-search-result__item').length > 0")
    assert meta.text_content()
    return page.locator(".md-search-result__link").evaluate_all("links => links.map(link => link.href)")


LAYERS = ("pure", "build", "browser", "lighthouse")
# Fixtures that build a site (directly or through another fixture) put a test in the build layer.
BUILDING = {"built_site", "site_url", "nginx_url", "project_copy", "tmp_path_factory"}
# Names a test body uses to start Firefox or WebKit itself, without the `browser` fixture.
ENGINES = {"FIREFOX", "_engines", "engines", "_minibrowser"}


def names_used(item: pytest.Item) -> set[str]:
    """The global names a test's body refers to."""
    code = getattr(getattr(item, "function", None), "__code__", None)
    return set(code.co_names) if code else set()


def layer_of(item: pytest.Item) -> str:
    """The layer a test belongs to, from the fixtures it uses (README: running one layer)."""
    fixtures = set(getattr(item, "fixturenames", ()))
    if item.path.name == "test_lighthouse.py":
        return "lighthouse"
    if "browser" in fixtures or "new_page" in fixtures:
        return "browser"
    if ENGINES & names_used(item):
        return "browser"
    if fixtures & BUILDING or item.get_closest_marker("build"):
        return "build"
    return "pure"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark every test with its layer, so `pytest -m "not browser and not lighthouse"` runs the fast ones."""
    for item in items:
        if not any(item.get_closest_marker(layer) for layer in LAYERS if layer != "build"):
            item.add_marker(layer_of(item))
