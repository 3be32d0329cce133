/* sw.js, part 2: saving a variant whole, and saving it again when a new build's worker installs. */
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
    const saved = await savedCaches();
    // the previous build's visited pages stay, whole, until this build has kept its own
    const keep = new Set([STATE, VISITED, ...saved, ...older.slice(-1)]);
    for (const name of names) if (!keep.has(name)) await caches.delete(name);
    await self.clients.claim();
    for (const [locale, state] of await savedStates()) {
      if (state && state.updatedFrom) await tell({ type: "updated", locale, state });
    }
  })());
});

