// The offline download from file:// in Debian's Firefox ESR with its default preferences
// (puppeteer relaxes security.fileuri.strict_origin_policy; it is set back to Firefox's
// default, true, under which storage is not shared between the files). tests/test_offline.py
// runs it.
//
// Usage: node tests/firefox/offline_check.mjs FILE_URL_OF_THE_ROOT_FOLDER QUERY [FIREFOX]
// Prints {"browser", "steps": [[what, ok, detail], ...]} and exits 0 once every step ran.
import puppeteer from "puppeteer-core";

const [root, query, firefox = "/usr/bin/firefox-esr"] = process.argv.slice(2);
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
  await page.goto(root + "zh-Hant/index.html", { waitUntil: "load" });
  await page.click("input.md-search__input");
  await page.type("input.md-search__input", query);
  let found = 0;
  try {
    await page.waitForFunction(() => document.querySelectorAll(".md-search-result__item").length > 0, { timeout: 15000 });
    found = await page.$$eval(".md-search-result__item", (items) => items.length);
  } catch (error) { /* reported below */ }
  steps.push([`offline search for ${query} finds answers`, found > 0, String(found)]);
} finally {
  await browser.close();
}
console.log(JSON.stringify({ browser: "firefox", steps }));
