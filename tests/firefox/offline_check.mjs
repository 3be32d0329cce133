// The offline download from file:// in Debian's Firefox ESR with its default preferences
// (puppeteer relaxes security.fileuri.strict_origin_policy; it is set back to Firefox's
// default, true, under which storage is not shared between the files). tests/test_offline.py
// runs it.
//
// Usage: node tests/firefox/offline_check.mjs FILE_URL_OF_THE_ROOT_FOLDER SEARCHES [FIREFOX]
// SEARCHES: JSON [[page, query, the page the first section result must be on], ...]
// Prints {"browser", "steps": [[what, ok, detail], ...]} and exits 0 once every step ran.
import puppeteer from "puppeteer-core";

const [root, searchesJson, firefox = "/usr/bin/firefox-esr"] = process.argv.slice(2);
const searches = JSON.parse(searchesJson);
const browser = await puppeteer.launch({
  browser: "firefox", executablePath: firefox, headless: true,
  extraPrefsFirefox: { "security.fileuri.strict_origin_policy": true, "intl.accept_languages": "zh-TW, zh" },
});
const steps = [];
const settle = () => new Promise((resolve) => setTimeout(resolve, 800));
const lang = (page) => page.$eval("html", (html) => html.lang);

async function choose(page, locale) {
  await page.hover(".md-header__option .md-select");
  await Promise.all([
    page.waitForNavigation({ waitUntil: "load" }),
    page.click(`.md-select__link[hreflang='${locale}']`),
  ]);
  await settle();  // a redirect the page itself would make
}

try {
  const page = await browser.newPage();
  await page.goto(root + "index.html", { waitUntil: "load" });
  await settle();
  steps.push(["a zh-TW browser opening the root lands on zh-Hant", (await lang(page)) === "zh-Hant", page.url()]);
  await choose(page, "zh-Hans");
  steps.push(["choosing 简体中文 there stays on the Simplified home", (await lang(page)) === "zh-Hans", page.url()]);
  await page.goto(root + "index.html", { waitUntil: "load" });
  await settle();
  steps.push(["the root remembers the choice", (await lang(page)) === "zh-Hans", page.url()]);
  await page.goto(root + "overdue.html", { waitUntil: "load" });
  await choose(page, "zh-Hant");
  const there = new URL(page.url()).pathname.endsWith("/zh-Hant/overdue.html") && (await lang(page)) === "zh-Hant";
  steps.push(["a choice on a content page leads to that page in zh-Hant", there, page.url()]);
  await choose(page, "zh-Hans");
  const back = new URL(page.url()).pathname.endsWith("/overdue.html") && (await lang(page)) === "zh-Hans";
  steps.push(["and back to the Simplified page", back, page.url()]);
  for (const [from, query, expected] of searches) {
    await page.goto(root + from, { waitUntil: "load" });
    await page.click("input.md-search__input");
    await page.type("input.md-search__input", query);
    let top = "";
    try {
      await page.waitForFunction(() => document.querySelector(".md-search-result__link[href*='#']"), { timeout: 15000 });
      top = await page.$eval(".md-search-result__link[href*='#']", (link) => link.href);
    } catch (error) { /* reported below */ }
    const ok = top.startsWith(root + expected + "?") || top.startsWith(root + expected + "#");
    steps.push([`offline search on ${from} for ${query} finds ${expected}`, ok, top]);
  }
} finally {
  await browser.close();
}
console.log(JSON.stringify({ browser: "firefox", steps }));
