"""Offline reading in the browser (sw.js, guide-offline.js, scripts/_offline_save.py, app_manifest.py).

In Chromium, Firefox and WebKit (scripts/_engines.py), at phone width, served by
deploy/nginx.conf on 127.0.0.1: a reader visits, saves the guide, loses the
network (the server stops: WebDriver has no offline switch), reads every page
and searches; a new build with one sentence changed is published; back online,
the saved guide becomes the new build, whole, and says so.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import pytest

import _engines as engines
import _minibrowser as minibrowser
import _nginx
from _offline_save import LIST, human_size
from _site import guide_pages, page_title
from conftest import ROOT, VARIANTS, built_once, copy_project, in_variant, require, run_build, variant_at
from test_webkit import search  # as a reader on a phone does, in any engine

OLD_SENTENCE = "银行一般会先通过短信、电话、邮件等方式，提醒你尽快还款。"
NEW_SENTENCE = "银行一般会先通过短信、电话、邮件等方式，提醒你尽快还款。这一句是新版本才有的。"
# query -> a section among its first four results
QUERIES = {"95588": "#hotline-95588", "协商要准备什么": "#prepare-documents"}

CONTROLLED = "() => navigator.serviceWorker.controller !== null"
SAVE_STATE = "() => (document.querySelector('.guide-save') || {dataset: {}}).dataset.state"
STATUS = "() => document.querySelector('.guide-save__status').textContent"
NOTICE = "() => { const p = document.querySelector('.guide-updated'); return !p.hidden && p.textContent; }"
# Exactly one saved copy, of this build; or none, for null.
SAVED_ONLY = """(build) => caches.keys().then((names) => names.filter((name) => name.includes('-saved-')))
  .then((saved) => (build === null ? saved.length === 0
    : saved.length === 1 && saved[0].endsWith('-' + build)))"""
# What the save control shows (not what its markup holds)
SHOWN = """() => [...document.querySelectorAll('.guide-save > *')]
  .filter((part) => getComputedStyle(part).display !== 'none' && part.getBoundingClientRect().height > 0)
  .map((part) => part.classList[part.classList.length - 1] || part.tagName)"""
ARTICLE = "() => (document.querySelector('article') || document.body).textContent"
HEADING = "() => { const h1 = document.querySelector('h1'); return h1 && h1.textContent.trim(); }"
KEPT = """(pattern) => caches.keys()
  .then((names) => Promise.all(names.map((name) => caches.open(name).then((cache) => cache.keys()))))
  .then((lists) => lists.flat().some((request) => new RegExp(pattern).test(request.url)))"""


def extra(key: str) -> str:
    """A label of mkdocs.yml's extra, as the source variant writes it."""
    text = (ROOT / "mkdocs.yml").read_text("utf-8")
    return re.search(rf"^  {key}: (.*?)\s*(#.*)?$", text, re.M)[1]


@pytest.fixture(scope="session")
def two_builds(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The guide built twice, as published (no downloads): as it is, then with one sentence changed;
    once a run."""

    def build(folder: Path) -> None:
        for name, sentence in (("old", OLD_SENTENCE), ("new", NEW_SENTENCE)):
            project = copy_project(folder / f"{name}-project")
            page = project / "docs" / "overdue.md"
            text = page.read_text("utf-8")
            assert OLD_SENTENCE in text
            page.write_text(text.replace(OLD_SENTENCE, sentence), "utf-8")
            result = run_build(project, folder / name)
            assert result.returncode == 0, result.stderr

    folder = built_once(tmp_path_factory, "two-builds", build)
    return folder / "old", folder / "new"


def engine_required(name: str, request: pytest.FixtureRequest):
    """Fail in CI, skip elsewhere, when an engine or nginx is missing; the session's Playwright
    browser for Chromium (conftest's `browser`), else None."""
    if reason := engines.missing(name):
        if os.environ.get("CI"):
            pytest.fail(f"the {name} tests must run in CI, but {reason}")
        pytest.skip(reason)
    require(_nginx.NGINX, "the offline reading tests")
    return request.getfixturevalue("browser") if name == "chromium" else None


def heading(site: Path, path: str) -> str:
    """A built page's title, as its h1 reads."""
    return re.search(r"<h1[^>]*>(.*?)<", (site / path / "index.html").read_text("utf-8"))[1].strip()


def listing(site: Path, prefix: str) -> dict:
    """A variant's list of files to save (scripts/_offline_save.py)."""
    return json.loads((site / prefix / LIST).read_text("utf-8"))


@pytest.mark.browser
@pytest.mark.parametrize("locale", list(VARIANTS))
@pytest.mark.parametrize("engine", engines.ENGINES)
def test_a_saved_guide_reads_offline_and_updates_whole(engine: str, locale: str, two_builds, request) -> None:
    chromium = engine_required(engine, request)
    old, new = two_builds
    prefix, port = VARIANTS[locale], _nginx.free_port()
    pages = [path for path in guide_pages(old) if variant_at(path) == locale and "/q/" not in f"/{path}"]
    with engines.opened(engine, playwright_browser=chromium) as browser:
        with _nginx.served(old, port) as url:
            browser.goto(url + prefix)
            browser.wait(CONTROLLED)
            browser.wait(SAVE_STATE)
            size = browser.run("() => document.querySelector('.guide-save__size').textContent")
            assert human_size(listing(old, prefix)["size"]) in size
            assert browser.run(SHOWN) == ["guide-save__button", "guide-save__size"]
            browser.click(".guide-save__button")
            assert browser.wait(f"() => ({SAVE_STATE})() === 'saved'", timeout=60)
            assert listing(old, prefix)["date"] in browser.run(STATUS)
            progress = browser.run("() => { const bar = document.querySelector('.guide-save progress');"
                                   " return [bar.value, bar.max]; }")  # fmt: skip
            assert progress == [len(listing(old, prefix)["files"])] * 2  # it counted every file
            assert browser.run(SHOWN) == ["guide-save__status", "guide-save__remove"]
        # offline: every page, and search
        for path in pages:
            browser.goto(url + path)
            assert browser.wait(HEADING) == heading(old, path), path
        browser.goto(url + prefix + "overdue/")
        assert in_variant(OLD_SENTENCE, locale) in browser.run(ARTICLE)
        for query, section in QUERIES.items():  # in either script, as online
            for typed in {query, *(in_variant(query, other) for other in VARIANTS)}:
                browser.goto(url + prefix + "overdue/")
                hits = search(browser, typed)
                assert any(hit.endswith(section) for hit in hits[:4]), (typed, hits[:4])
                assert all(hit.startswith(url + prefix) for hit in hits), hits
        browser.goto(url + prefix + "no-such-page/")
        assert browser.wait(HEADING) == in_variant(extra("offline_page_title"), locale)
        # a new build is published; back online, a reader gets it at once, and the saved guide follows
        with _nginx.served(new, port) as url:
            browser.goto(url + prefix + "overdue/")
            assert in_variant(NEW_SENTENCE, locale) in browser.run(ARTICLE)  # never an old page online
            assert listing(new, prefix)["build"] != listing(old, prefix)["build"]
            browser.wait(SAVED_ONLY, listing(new, prefix)["build"])  # one build, whole: the old one is gone
            # the page open when it happened says so (once: whichever page that is)
            assert in_variant("指南已更新", locale) in browser.wait(NOTICE, timeout=60)
            browser.goto(url + prefix)
            browser.wait(f"() => ({SAVE_STATE})() === 'saved'")
        browser.goto(url + prefix + "overdue/")
        assert in_variant(NEW_SENTENCE, locale) in browser.run(ARTICLE)
        browser.goto(url + prefix + "customer-service/")
        assert browser.wait(HEADING)
        # the reader removes the saved guide
        with _nginx.served(new, port) as url:
            browser.goto(url + prefix)
            browser.wait(f"() => ({SAVE_STATE})() === 'saved'")
            browser.click(".guide-save__remove")
            browser.wait(f"() => ({SAVE_STATE})() === 'none'")
            assert browser.run(STATUS) == in_variant(extra("save_removed"), locale)
            assert browser.wait(SAVED_ONLY, None)


@pytest.mark.browser
@pytest.mark.parametrize("engine", engines.ENGINES)
def test_a_save_that_meets_another_build_fails_and_keeps_nothing(
    engine: str, two_builds, request, tmp_path: Path
) -> None:
    chromium = engine_required(engine, request)
    site = tmp_path / "site"
    shutil.copytree(two_builds[0], site)
    changed = site / "assets" / "stylesheets" / "guide.css"  # published after its list was written
    changed.write_text(changed.read_text("utf-8") + "\n/* a later build */\n", "utf-8")
    changed.with_name("guide.css.gz").unlink()
    prefix = next(iter(VARIANTS.values()))
    with engines.opened(engine, playwright_browser=chromium) as browser, _nginx.served(site) as url:
        browser.goto(url + prefix)
        browser.wait(CONTROLLED)
        browser.wait(SAVE_STATE)
        browser.click(".guide-save__button")
        failed = extra("save_failed")
        browser.wait(f"(text) => ({STATUS})() === text", failed, timeout=60)
        assert browser.run(SAVE_STATE) == "none"
        assert browser.wait(SAVED_ONLY, None)


@pytest.mark.browser
@pytest.mark.parametrize("engine", engines.ENGINES)
def test_a_page_once_opened_reads_offline_and_others_say_so(engine: str, two_builds, request) -> None:
    chromium = engine_required(engine, request)
    old, _ = two_builds
    locale = next(iter(VARIANTS))
    prefix, port = VARIANTS[locale], _nginx.free_port()
    with engines.opened(engine, playwright_browser=chromium) as browser:
        with _nginx.served(old, port) as url:
            browser.goto(url + prefix + "negotiation/")
            browser.wait(CONTROLLED)
            browser.wait(KEPT, "negotiation/$")
            browser.wait(KEPT, r"/bundle\.[0-9a-f]+\.min\.js$")
        browser.goto(url + prefix + "negotiation/")
        assert browser.wait(HEADING) == heading(old, prefix + "negotiation/")
        styled = "() => getComputedStyle(document.querySelector('.md-header')).position"
        assert browser.run(styled) in ("sticky", "fixed")
        # search was never used, nor the guide saved: its files were never fetched, and search says why
        browser.click("label.md-header__button[for='__search']")
        browser.type("input.md-search__input", "95588")
        meta = "(text) => document.querySelector('.md-search-result__meta').textContent.trim() === text"
        assert browser.wait(meta, extra("search_offline"))
        browser.goto(url + prefix + "overdue/")
        assert browser.wait(HEADING) == extra("offline_page_title")
        links = browser.run("() => [...document.querySelectorAll('article a')].map((link) => link.href)")
        assert links == [url + prefix + "negotiation/"]


def test_a_first_visit_fetches_the_page_its_files_and_the_worker_only(browser, nginx_url: str) -> None:
    for prefix in VARIANTS.values():
        context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
        requested: list[str] = []
        context.on("request", lambda request, seen=requested: seen.append(request.url))
        page = context.new_page()
        page.goto(nginx_url + prefix)
        page.wait_for_function(CONTROLLED)
        page.wait_for_function(KEPT, arg=re.escape(nginx_url + prefix) + "$")
        page.wait_for_timeout(500)
        loaded = page.evaluate("() => performance.getEntriesByType('resource').map((entry) => entry.name)")
        context.close()
        allowed = {nginx_url + prefix, nginx_url + "sw.js", *loaded}
        assert [url for url in requested if url not in allowed] == []
        assert not [url for url in loaded if re.search(r"search_index|offline\.json|/q/|\.html$", url)]


def test_each_variant_is_installable_in_chromium(browser, nginx_url: str, tmp_path: Path) -> None:
    """In an ordinary profile: a Playwright context is incognito, where nothing can be installed."""
    from _chromium import ARGS, CHROMIUM

    context = browser.browser_type.launch_persistent_context(
        tmp_path / "profile", executable_path=str(CHROMIUM), args=ARGS
    )
    try:
        for locale, prefix in VARIANTS.items():
            page = context.new_page()
            page.goto(nginx_url + prefix)
            page.wait_for_function(CONTROLLED)
            session = context.new_cdp_session(page)
            manifest = session.send("Page.getAppManifest")
            assert manifest["errors"] == [] and manifest["url"] == nginx_url + prefix + "manifest.webmanifest"
            assert json.loads(manifest["data"])["lang"] == locale
            assert session.send("Page.getInstallabilityErrors")["installabilityErrors"] == []
            page.close()
    finally:
        context.close()


@pytest.mark.browser
@pytest.mark.parametrize("locale", list(VARIANTS))
def test_webkit_in_a_readers_profile_keeps_the_first_page_from_its_disk_cache(
    locale: str, two_builds, tmp_path: Path
) -> None:
    """Under WebDriver the session has no disk cache, and the worker downloads the first page's
    files again (scripts/bench-offline). In a reader's own profile nothing is sent twice, nothing
    but the page, its files and the worker is sent, and the page then opens offline."""
    if reason := minibrowser.missing() or engines.missing("webkit"):
        if os.environ.get("CI"):
            pytest.fail(f"the WebKit tests must run in CI, but {reason}")
        pytest.skip(reason)
    old, _ = two_builds
    prefix, log, port = VARIANTS[locale], tmp_path / "sent.log", _nginx.free_port()
    title = page_title(old, prefix)
    with minibrowser.profile() as home:
        with _nginx.served(old, port, log=log) as url:
            start = len(_nginx.logged(log))
            with minibrowser.opened(home, url + prefix) as display:
                minibrowser.wait_title(display, title)
                assert minibrowser.wait_kept(home, "-visited-")
            sent = [address for address, _ in _nginx.logged(log, start)]
        assert sent[0] == "/" + prefix and "/sw.js" in sent
        assert len(sent) == len(set(sent)), f"sent twice: {sent}"
        others = [address for address in sent if not re.search(r"/assets/|^/sw\.js$", address)]
        assert others == ["/" + prefix]  # the page, its files (under assets/) and the worker: no other page
        with minibrowser.opened(home, url + prefix) as display:  # the server has stopped: offline
            minibrowser.wait_title(display, title)
