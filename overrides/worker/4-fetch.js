/* sw.js, part 4: every request of the site: the network first, a copy kept per build. */
async function respond(event) {
  const { request } = event, path = pathOf(request.url);
  const clientId = event.resultingClientId || event.clientId;
  if (IMMUTABLE.test(path)) {
    const found = await lookup(request, clientId);
    if (found) return found.hit;
  }
  let response;
  try {
    response = await fetch(request);
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
  event.respondWith(respond(event));
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

