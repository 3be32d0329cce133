"""WebKit, the engine of every iPhone browser and of WeChat on iOS: every check Firefox runs.

Debian's WebKitWebDriver drives MiniBrowser under Xvfb, over W3C WebDriver
(scripts/_engines.py), at phone width. Behind deploy/nginx.conf, every page:
search, the language switch keeping the page and its #section, share addresses
and deep links landing with the question at the top, the menu, full-width
punctuation, and no Content-Security-Policy violation. Then the reader queries in
both scripts on both variants, and the offline zip from file://. Offline reading
through the service worker is tests/test_offline_reading.py's.

WebDriver cannot run a script before a page's own, so a violation is watched from
the moment the page has loaded, through everything the reader then does; what
loads with the page is checked by its effects (every script of the page ran, every
file came from the site).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import _engines as engines
from _search_quality import section_of
from conftest import VARIANTS, variant_at
from test_nginx import site_paths
from test_search import reader_queries

ENGINE = "webkit"
WATCH = """() => { window.__violations = [];
  document.addEventListener('securitypolicyviolation',
    (event) => window.__violations.push(`${event.violatedDirective} ${event.blockedURI}`)); return true; }"""
# What the page's scripts do as it loads: guide-head.js, guide-header.js, Material's bundle (after
# material-patches.js); and every file it loaded came from the site.
LOADED = """(origin) => document.readyState === 'complete'
  && document.documentElement.classList.contains('js')
  && document.querySelector('.md-header input.md-search__input') !== null
  && document.querySelector('.md-top') !== null && document.querySelector('.md-top').style.top !== ''
  && performance.getEntriesByType('resource').every((entry) => entry.name.startsWith(origin))"""
PUNCTUATION = """() => {
  const p = document.querySelector('article p');
  const [comma, han] = ['，。、：', '银行信用'].map((text) => {
    const probe = p.appendChild(document.createElement('span'));
    probe.textContent = text;
    const width = probe.getBoundingClientRect().width / text.length;
    probe.remove();
    return width;
  });
  return comma >= 0.9 * han;
}"""
SEARCH_OPEN = "() => document.getElementById('__search').checked"
PLACEHOLDER = """() => {
  const config = JSON.parse(document.getElementById('__config').textContent);
  const text = config.translations['search.result.placeholder'];
  const meta = document.querySelector('.md-search-result__meta');
  return meta !== null && meta.textContent.trim() === text;
}"""
RESULTS = """() => {
  const links = [...document.querySelectorAll('.md-search-result__link')].map((link) => link.href);
  return links.length ? links : null;
}"""
CLICK = "(selector) => { document.querySelector(selector).click(); return true; }"
TOP = "(id) => { const box = document.getElementById(id).getBoundingClientRect(); return box.top; }"


@pytest.fixture(scope="module")
def webkit():
    if reason := engines.missing(ENGINE):
        if os.environ.get("CI"):
            pytest.fail(f"the WebKit tests must run in CI, but {reason}")
        pytest.skip(reason)
    with engines.opened(ENGINE) as browser:
        yield browser


def search(browser: engines.Engine, query: str) -> list[str]:
    """Search as a reader on a phone does: the header's search button, then the query, as an input
    method sends it; the result links, once shown for this query."""
    if not browser.run(SEARCH_OPEN):
        browser.click("label.md-header__button[for='__search']")
    browser.type("input.md-search__input", "")
    browser.wait(PLACEHOLDER)
    browser.type("input.md-search__input", query)
    return browser.wait(RESULTS)


def page_problems(browser: engines.Engine, url: str, path: str, other: str) -> list[str]:
    """What goes wrong on one page for a WebKit reader on a phone."""
    problems = []
    origin = url.split("/", 3)[:3]
    origin = "/".join(origin) + "/"
    browser.goto(url + path)
    try:
        browser.wait(LOADED, origin)
    except TimeoutError:
        problems.append("a script of the page did not run, or a file came from elsewhere")
    browser.run(WATCH)
    if browser.run("() => document.querySelector('article p') !== null") and not browser.run(PUNCTUATION):
        problems.append("full-width punctuation is drawn narrow")
    if not search(browser, "95588"):
        problems.append("search for 95588 found nothing")
    share = browser.run("() => { const a = document.querySelector('a.headerlink[data-share]');"
                        " return a && [a.dataset.share, a.href]; }")  # fmt: skip
    browser.goto(url + path)
    if share:
        question, address = share
        browser.run(WATCH)
        browser.run(CLICK, "a.headerlink[data-share]")
        if browser.run("() => location.hash") != f"#{question}":
            problems.append("the ¶ left the page")
        browser.goto(address)
        target = f"{url}{path}#{question}"
        try:
            browser.wait("(target) => location.href === target", target)
            browser.wait(f"(id) => ({TOP})(id) >= 0 && ({TOP})(id) < 300", question, timeout=5)
        except TimeoutError:
            problems.append(f"the share address {address} did not land on #{question} at the top")
        browser.goto(f"{url}{path}#{question}")
        browser.run(WATCH)
        browser.run(CLICK, f".md-select__link[hreflang='{other}']")
        try:
            browser.wait("([lang, hash]) => document.documentElement.lang === lang && location.hash === hash",
                         [other, f"#{question}"])  # fmt: skip
        except TimeoutError:
            problems.append(f"the switch did not keep #{question} in {other}")
        # the switch remembered the other variant: without forgetting it, the page would now send
        # the reader there (guide-head.js), a navigation that could cut the next script short
        browser.run("() => { localStorage.clear(); return true; }")
    browser.goto(url + path)
    browser.run(WATCH)
    browser.click("label.md-header__button[for='__drawer']")
    try:
        browser.wait("() => document.getElementById('__drawer').checked")
    except TimeoutError:
        problems.append("the menu did not open")
    problems += [f"CSP violation: {found}" for found in browser.run("() => window.__violations") or []]
    browser.run("() => { localStorage.clear(); return true; }")  # the next page, as a first visit
    return problems


@pytest.mark.browser
def test_every_page_works_in_webkit_under_the_policy(webkit, nginx_url: str, built_site: Path) -> None:
    paths = site_paths(built_site)
    problems = {}
    for path in paths:
        other = next(locale for locale in VARIANTS if locale != variant_at(path))
        if found := page_problems(webkit, nginx_url, path, other):
            problems[path] = found
    assert len(paths) == 12 and problems == {}


def query_failures(browser: engines.Engine, site: str, prefix: str) -> list[str]:
    """Every reader query in both scripts on a variant (tests/test_search.py's): the top hit's misses."""
    failures = []
    for simplified, traditional, expected in reader_queries():
        for query in (simplified, traditional):
            hrefs = search(browser, query)
            assert all(href.startswith(site + prefix) for href in hrefs), (query, hrefs)
            top = next(found for found in (section_of(href, site + prefix) for href in hrefs) if "#" in found)
            if top not in expected:
                failures.append(f"{query}: top hit {top}, expected {' or '.join(expected)}")
    return failures


@pytest.mark.browser
@pytest.mark.parametrize("locale", list(VARIANTS))
def test_reader_queries_in_both_scripts_in_webkit(webkit, nginx_url: str, locale: str) -> None:
    webkit.goto(nginx_url + "404.html")
    webkit.run("() => { localStorage.clear(); return true; }")  # no remembered choice leads elsewhere
    webkit.goto(nginx_url + VARIANTS[locale])
    assert query_failures(webkit, nginx_url, VARIANTS[locale]) == []


@pytest.mark.browser
def test_the_offline_zip_works_from_file_urls_in_webkit(webkit, unpacked: Path) -> None:
    root = unpacked.resolve().as_uri() + "/"
    webkit.goto(root + "overdue.html#home-visit-timing")
    webkit.run(CLICK, ".md-select__link[hreflang='zh-Hant']")
    switched = root + "zh-Hant/overdue.html?variant=zh-Hant#home-visit-timing"
    webkit.wait("(url) => location.href === url", switched)
    assert webkit.wait("() => document.documentElement.lang") == "zh-Hant"
    queries = {"95588": "customer-service.html", "逾期多久会上门": "overdue.html", "徵信": "overdue.html"}
    for prefix in ("zh-Hant/", ""):  # the choice is remembered: the root follows it
        for query, page in queries.items():
            webkit.goto(root + prefix + "index.html")
            hits = search(webkit, query)
            sections = [hit for hit in hits if "#" in hit]
            assert sections and sections[0].startswith(root + prefix + page), (query, hits[:3])
        if prefix:
            webkit.run(CLICK, ".variant-switch a[hreflang='zh-Hans']")
            webkit.wait("(url) => location.href === url", root + "index.html?variant=zh-Hans")
