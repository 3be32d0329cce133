"""Browser figures for scripts/bench: first-visit weight and which search indexes are fetched."""

from __future__ import annotations

INDEX = "search/search_index.json"


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
