/* sw.js, part 3: offline, a kept copy (of the build its page came from), or the offline page. */
async function lookup(request, clientId) {
  const options = { ignoreSearch: true };
  const first = served.get(clientId);
  const names = [
    ...(first ? [first] : []),
    ...(await savedCaches()),
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

