"""Browser figures for scripts/bench and bench-search: first-visit weight, the first search (its bytes
and time to results) and which search indexes are fetched."""

from __future__ import annotations

INDEX = "search/search_index.json"
# A first search on a page that has loaded: the index and the worker are fetched only now.
# Resolves with the ms from the reader's focus and typing to the first rendered result.
FIRST_RESULT = """query => new Promise(resolve => {
  const box = document.querySelector("input.md-search__input");
  const start = performance.now();
  const done = () => document.querySelector(".md-search-result__item") && resolve(performance.now() - start);
  new MutationObserver(done).observe(document.body, {childList: true, subtree: true});
  box.focus();
  box.value = query;
  box.dispatchEvent(new KeyboardEvent("keyup", {key: "End", bubbles: true}));
  setTimeout(() => box.dispatchEvent(new KeyboardEvent("keyup", {key: "End", bubbles: true})), 50);
})"""


# Once the page's service worker (sw.js), if it has one, controls it and has kept what the page loaded.
SETTLED = """() => !navigator.serviceWorker || navigator.serviceWorker.getRegistration()
  .then((registration) => !registration || (navigator.serviceWorker.controller !== null
    && caches.keys().then((names) => Promise.all(names.map((name) => caches.open(name)
      .then((cache) => cache.match(location.href))))).then((found) => found.some(Boolean))))"""


def first_visit_bytes(browser, url: str, sent: list[tuple[str, int]]) -> int:
    """Bytes a first visit to url costs, as the server sent them (headers and gzip bodies): the page's
    and its service worker's requests alike, the search index excluded. `sent` is the server's record
    (scripts/_static_server.py)."""
    context = browser.new_context(viewport={"width": 360, "height": 640}, is_mobile=True)
    start = len(sent)
    try:
        page = context.new_page()
        page.goto(url, wait_until="networkidle")
        page.wait_for_function(SETTLED)
        page.wait_for_timeout(500)  # whatever else the page or its worker fetches by itself
    finally:
        context.close()
    return sum(size for path, size in sent[start:] if not path.split("?")[0].endswith(INDEX))


def index_requests(browser, url: str, query: str = "95588") -> tuple[list[str], list[str]]:
    """The search indexes a page fetches when it loads, and then when the reader searches."""
    context = browser.new_context()
    try:
        page = context.new_page()
        fetched = []
        page.on("request", lambda request: fetched.append(request.url) if INDEX in request.url else None)
        page.goto(url, wait_until="networkidle")
        on_load = list(fetched)
        box = page.locator("input.md-search__input")
        box.click()
        box.fill(query)
        box.press("End")
        page.wait_for_function("document.querySelectorAll('.md-search-result__item').length > 0")
        return on_load, fetched[len(on_load) :]
    finally:
        context.close()


def first_search(browser, url: str, sent: list[tuple[str, int]], query: str = "95588") -> tuple[int, float]:
    """A reader's first search on a loaded page: the bytes the server sent for it (the search
    worker with its query help, and the index; headers and gzip bodies) and the ms to the first
    result. A fresh context: nothing cached."""
    context = browser.new_context(viewport={"width": 360, "height": 640}, is_mobile=True)
    try:
        page = context.new_page()
        page.goto(url, wait_until="networkidle")
        page.wait_for_function(SETTLED)
        page.wait_for_timeout(300)
        start = len(sent)
        ms = page.evaluate(FIRST_RESULT, query)
        page.wait_for_load_state("networkidle")
    finally:
        context.close()
    return sum(size for _, size in sent[start:]), ms
