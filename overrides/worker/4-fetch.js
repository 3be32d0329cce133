/* sw.js, part 4: every request of the site: the network first, a copy kept per build. */

/* The request, asking the server only whether a kept copy is still current (its ETag and date). A
 * worker's own fetches may not share the browser's HTTP cache (WebKit's do not): without this, each
 * of the guide's files would be sent whole on every page, where the browser alone gets a 304. */
function revalidating(request, kept) {
  const etag = kept.headers.get("ETag"), modified = kept.headers.get("Last-Modified");
  if (request.mode === "navigate" || !(etag || modified)) return request;
  const headers = new Headers(request.headers);
  if (etag) headers.set("If-None-Match", etag);
  if (modified) headers.set("If-Modified-Since", modified);
  return new Request(request.url, { headers, credentials: request.credentials, cache: "no-store" });
}

async function respond(event) {
  const { request } = event, path = pathOf(request.url);
  const clientId = event.resultingClientId || event.clientId;
  const kept = request.mode === "navigate" ? null : await lookup(request, clientId);
  if (kept && IMMUTABLE.test(path)) return kept.hit;  // its name changes with its content
  let response;
  try {
    response = await fetch(kept ? revalidating(request, kept.hit) : request);
    if (kept && response.status === 304) return kept.hit;  // the server says it is still this build's
  } catch (error) {  // no network: a kept copy, of the build the page came from when known
    const found = await lookup(request, event.clientId);
    if (found) {
      if (request.mode === "navigate" && event.resultingClientId) served.set(event.resultingClientId, found.name);
      return found.hit;
    }
    if (request.mode === "navigate") return offlinePage(request.url);
    throw error;
  }
  if (response.ok && response.type === "basic" && !response.redirected) {
    const copy = response.clone();
    event.waitUntil(caches.open(VISITED).then((cache) => cache.put(keyOf(request.url), copy)));
  }
  return response;
}

self.addEventListener("fetch", (event) => {
  const { request } = event;
  if (request.method !== "GET" || !request.url.startsWith(ROOT) || NEVER.test(pathOf(request.url))) return;
  if (request.headers.has("range")) return;
  // A request its page gave up (it went on to another page) is answered with a network error, as
  // without a worker: a rejected answer would be reported on that page as the worker's error.
  event.respondWith(respond(event).catch(() => Response.error()));
});

/* Keep what a page loaded before this worker controlled it (the reader's first visit). */
async function keep(urls) {
  const cache = await caches.open(VISITED);
  for (const url of urls) {
    if (!url.startsWith(ROOT) || NEVER.test(pathOf(url)) || (await cache.match(url, { ignoreSearch: true }))) continue;
    try {
      const response = await fetch(url, { cache: "force-cache" });  // as the page just had it: no request
      if (response.ok && response.type === "basic") await cache.put(keyOf(url), response);
    } catch (error) { /* gone offline meanwhile: the next visit keeps it */ }
  }
}

