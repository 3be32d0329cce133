/* sw.js, part 5: what pages ask (guide-offline.js): keep, texts, state, save, remove. */
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
