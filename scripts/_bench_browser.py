"""Browser figures for scripts/bench: first-visit weight and which search indexes are fetched."""

from __future__ import annotations

INDEX = "search/search_index.json"


def first_visit_bytes(browser, url: str) -> int:
    """Bytes a first visit to url transfers (headers and gzip bodies), the search index excluded."""
    context = browser.new_context(viewport={"width": 360, "height": 640}, is_mobile=True)
    total = 0
    try:
        page = context.new_page()
        finished = []
        page.on("requestfinished", lambda request: finished.append(request))
        page.goto(url, wait_until="networkidle")
        for request in finished:
            if not request.url.endswith(INDEX):
                sizes = request.sizes()
                total += sizes["responseBodySize"] + sizes["responseHeadersSize"]
    finally:
        context.close()
    return total


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
