/*
 * The guide's service worker: offline reading, with the reader in control (README: Offline on a
 * phone). It is sw.js at the site's root, joined from the files of overrides/worker/ in their order
 * (hooks/zhguide/worker_build.py); this first part holds what it knows and where it keeps it.
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

/* The caches that hold the saved variants, one each. */
async function savedCaches() {
  return (await savedStates()).map(([, state]) => state && state.cache).filter(Boolean);
}

async function digest(buffer) {
  const hash = new Uint8Array(await crypto.subtle.digest("SHA-256", buffer));
  return Array.from(hash.slice(0, 8), (byte) => byte.toString(16).padStart(2, "0")).join("");
}

