/*
 * The guide's service worker: offline reading, with the reader in control (README: Offline on a phone).
 *
 * scripts/build stamps BUILD and DATE below (scripts/_offline_save.py), so every new build is a new
 * worker, which the browser installs on the reader's next visit online. Without the stamp (mkdocs
 * serve, the offline zip) no page registers it.
 *
 * - Pages and the guide's own files: the network first, always, so an online reader never gets an
 *   outdated page; a copy of each answer is kept (per build) for when the network is gone.
 *   Material's fingerprinted files (name.<hash>.min.js) never change: a kept copy serves them.
 * - "Save the whole guide" (a message from the home page): one variant's files, as the build listed
 *   them in <variant>offline.json with a digest each, into a cache of that build alone. A file whose
 *   digest differs (a new build was published meanwhile) fails the save: a saved guide is one build.
 * - A new build's worker saves each saved variant again before it takes over, then drops the old
 *   copy: offline, the reader gets the old build whole or the new one whole, never a mix.
 * - Offline, a page never opened nor saved gets a short page in the variant's script that says so
 *   and links to what is kept (the texts come from the pages, `strings` messages).
 * Nothing is fetched that the reader did not open or ask to save.
 */
const BUILD = "dev";  // stamped by scripts/build
const DATE = "";  // stamped by scripts/build: the build's date, shown as the saved version's
const ROOT = new URL("./", self.location).href;
const PREFIX = "icbc-guide-";
const VISITED = `${PREFIX}visited-${BUILD}`;
const STATE = `${PREFIX}state`;  // one JSON record per saved variant, and each variant's texts
const IMMUTABLE = /\.[0-9a-f]{8}\.min\.(js|css)$/;
const NEVER = /^(download\/|sw\.js$)/;  // the downloads are the reader's to fetch; the worker, the browser's
const served = new Map();  // client id -> the cache its page came from, offline (best effort)

const savedName = (locale, build) => `${PREFIX}saved-${locale}-${build}`;
const stateKey = (kind, locale) => `${ROOT}__${kind}/${encodeURIComponent(locale)}`;
const pathOf = (url) => new URL(url).pathname.slice(new URL(ROOT).pathname.length);
const keyOf = (url) => { const key = new URL(url); key.search = ""; key.hash = ""; return key.href; };

async function readState(kind, locale) {
  const found = await (await caches.open(STATE)).match(stateKey(kind, locale));
  return found ? found.json() : null;
}

async function writeState(kind, locale, value) {
  const cache = await caches.open(STATE);
  if (value === null) return cache.delete(stateKey(kind, locale));
  const body = JSON.stringify(value);
  return cache.put(stateKey(kind, locale), new Response(body, { headers: { "Content-Type": "application/json" } }));
}

async function savedStates() {
  const keys = await (await caches.open(STATE)).keys();
  const locales = keys.map((request) => request.url).filter((url) => url.startsWith(`${ROOT}__saved/`))
    .map((url) => decodeURIComponent(url.slice(`${ROOT}__saved/`.length)));
  return Promise.all(locales.map(async (locale) => [locale, await readState("saved", locale)]));
}

async function digest(buffer) {
  const hash = new Uint8Array(await crypto.subtle.digest("SHA-256", buffer));
  return Array.from(hash.slice(0, 8), (byte) => byte.toString(16).padStart(2, "0")).join("");
}

/* Save one variant, as its list says, into a cache of that list's build; its state once whole. */
async function save(locale, list, progress) {
  const at = new URL(list, ROOT), inside = (url) => url.href.startsWith(ROOT);
  if (!inside(at) || !at.pathname.endsWith("/offline.json")) throw new Error(`${list} is not a list of this site`);
  const listed = await fetch(at, { cache: "no-cache" });
  if (!listed.ok) throw new Error(`${list}: ${listed.status}`);
  const { build, date, files } = await listed.json();
  const name = savedName(locale, build), cache = await caches.open(name);
  let done = 0;
  try {
    for (const [path, expected] of files) {
      if (!inside(new URL(path, ROOT))) throw new Error(`${path} is not of this site`);
      const response = await fetch(new URL(path, ROOT), { cache: "no-cache" });
      const body = response.ok ? await response.clone().arrayBuffer() : null;
      if (!body || (await digest(body)) !== expected) throw new Error(`${path} is not of build ${build}`);
      await cache.put(new URL(path, ROOT).href, response);
      progress(++done, files.length);
    }
  } catch (error) {
    const before = await readState("saved", locale);
    if (!before || before.cache !== name) await caches.delete(name);
    throw error;
  }
  const before = await readState("saved", locale);
  await writeState("saved", locale, {
    cache: name, build, date, list, saved: before ? before.saved : new Date().toISOString(),
    updatedFrom: before && before.build !== build ? before.date : (before && before.updatedFrom) || null,
  });
  if (before && before.cache !== name) await caches.delete(before.cache);
  return readState("saved", locale);
}

async function tell(message) {
  for (const client of await self.clients.matchAll({ includeUncontrolled: true })) client.postMessage(message);
}

self.addEventListener("install", (event) => {
  event.waitUntil((async () => {  // a saved variant of an older build is saved again, whole, first
    for (const [locale, state] of await savedStates()) {
      if (state && state.build !== BUILD) await save(locale, state.list, () => {});
    }
    await self.skipWaiting();  // pages come from the network first: taking over at once is safe
  })());
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    const names = (await caches.keys()).filter((name) => name.startsWith(PREFIX));
    const older = names.filter((name) => name.startsWith(`${PREFIX}visited-`) && name !== VISITED);
    const saved = (await savedStates()).map(([, state]) => state && state.cache);
    // the previous build's visited pages stay, whole, until this build has kept its own
    const keep = new Set([STATE, VISITED, ...saved, ...older.slice(-1)]);
    for (const name of names) if (!keep.has(name)) await caches.delete(name);
    await self.clients.claim();
    for (const [locale, state] of await savedStates()) {
      if (state && state.updatedFrom) await tell({ type: "updated", locale, state });
    }
  })());
});

async function lookup(request, clientId) {
  const options = { ignoreSearch: true };
  const first = served.get(clientId);
  const names = [
    ...(first ? [first] : []),
    ...(await savedStates()).map(([, state]) => state && state.cache).filter(Boolean),
    VISITED,
    ...(await caches.keys()).filter((name) => name.startsWith(`${PREFIX}visited-`) && name !== VISITED),
  ];
  for (const name of names) {
    if (!(await caches.has(name))) continue;
    const hit = await (await caches.open(name)).match(request, options);
    if (hit) return { hit, name };
  }
  return null;
}

function escape(text) {
  return String(text).replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);
}

/* The page for an address that is neither kept nor reachable, in its variant's script. */
async function offlinePage(url) {
  const path = pathOf(url);
  const texts = await (await caches.open(STATE)).keys();
  const variants = await Promise.all(texts.map((request) => request.url).filter((key) => key.startsWith(`${ROOT}__strings/`))
    .map((key) => readState("strings", decodeURIComponent(key.slice(`${ROOT}__strings/`.length)))));
  const known = variants.filter(Boolean).sort((a, b) => b.prefix.length - a.prefix.length);
  const own = known.find((strings) => path.startsWith(strings.prefix)) || known[0];  // else the texts it has
  if (!own) return Response.error();
  const kept = [];
  for (const name of (await caches.keys()).filter((name) => name.startsWith(PREFIX) && name !== STATE)) {
    for (const request of await (await caches.open(name)).keys()) {
      const where = pathOf(request.url);
      const other = variants.some((strings) => strings && strings.prefix.length > own.prefix.length && where.startsWith(strings.prefix));
      if (where.startsWith(own.prefix) && (where.endsWith("/") || where === own.prefix) && !other && !kept.includes(request.url)
          && !where.slice(own.prefix.length).startsWith("q/")) kept.push(request.url);
    }
  }
  const items = await Promise.all(kept.sort().map(async (href) => {
    const found = await lookup(new Request(href), null);
    const title = found ? ((await found.hit.clone().text()).match(/<title>([^<]*)<\/title>/) || [])[1] : "";
    return `<li><a href="${escape(href)}">${title || escape(href)}</a></li>`;
  }));
  const styles = own.styles.map((href) => `<link rel="stylesheet" href="${escape(href)}">`).join("");
  const html = `<!doctype html><html lang="${escape(own.locale)}"><head><meta charset="utf-8">`
    + `<meta name="viewport" content="width=device-width,initial-scale=1"><title>${escape(own.title)}</title>${styles}</head>`
    + `<body><main class="md-main"><div class="md-content"><article class="md-content__inner md-typeset guide-offline">`
    + `<h1>${escape(own.title)}</h1><p>${escape(own.text)}</p><ul>${items.join("")}</ul></article></div></main></body></html>`;
  return new Response(html, {
    status: 200,  // a 5xx would have some browsers show their own error page instead
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Content-Security-Policy": "default-src 'none'; style-src 'self'; img-src 'self' data:; base-uri 'none'",
      "Cache-Control": "no-store",
    },
  });
}

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

self.addEventListener("message", (event) => {
  const message = event.data || {}, reply = (data) => event.source && event.source.postMessage(data);
  const work = (async () => {
    if (message.type === "keep") return keep(message.urls || []);
    if (message.type === "strings") return writeState("strings", message.strings.locale, message.strings);
    if (message.type === "state") return reply({ type: "state", locale: message.locale, state: await readState("saved", message.locale), build: BUILD, date: DATE });
    if (message.type === "seen") {
      const state = await readState("saved", message.locale);
      if (state && state.updatedFrom) await writeState("saved", message.locale, { ...state, updatedFrom: null });
      return null;
    }
    if (message.type === "remove") {
      const state = await readState("saved", message.locale);
      if (state) await caches.delete(state.cache);
      await writeState("saved", message.locale, null);
      return reply({ type: "state", locale: message.locale, state: null, removed: true });
    }
    if (message.type === "save") {
      try {
        const state = await save(message.locale, message.list, (done, total) =>
          reply({ type: "progress", locale: message.locale, done, total }));
        return reply({ type: "state", locale: message.locale, state, build: BUILD, date: DATE, saved: true });
      } catch (error) {
        return reply({ type: "failed", locale: message.locale, error: String(error) });
      }
    }
    return null;
  })();
  event.waitUntil(work);
});
