// Loads pages of a served site in Debian's Firefox ESR, driven by puppeteer-core over
// WebDriver BiDi, with Firefox's default preferences (tests/test_nginx.py runs it).
//
// Usage: node tests/firefox/site_check.mjs BASE_URL '{"path/": "other-locale", ...}' QUERY [FIREFOX]
// For each path: no Content-Security-Policy violation and no page error; Chinese punctuation
// is full width; search for QUERY finds results; the language switch leads to the other
// locale; a question's ¶ stays on the page, and its share address lands on the question;
// on a phone-sized window the menu opens. Prints {"browser", "checked": [paths], "pages": {path: [problems]}}
// and exits 0 once every page was checked (the problems are the caller's to judge).
import puppeteer from "puppeteer-core";

const [base, othersJson, query, firefox = "/usr/bin/firefox-esr"] = process.argv.slice(2);
const others = JSON.parse(othersJson);
const WATCH = () => {
  window.__violations = [];
  document.addEventListener("securitypolicyviolation",
    (event) => window.__violations.push(`${event.violatedDirective} ${event.blockedURI}`));
};

async function opened(browser, url, viewport, problems) {
  const page = await browser.newPage();
  page.on("pageerror", (error) => problems.push(`page error: ${error}`));
  await page.setViewport(viewport);
  await page.evaluateOnNewDocument(WATCH);
  await page.goto(url, { waitUntil: "load" });
  return page;
}

async function punctuationIsFullWidth(page, problems) {
  // Full-width punctuation takes a whole character's width, as in every other engine.
  const [comma, han] = await page.$eval("article p", (p) => ["，。、：", "银行信用"].map((text) => {
    const probe = p.appendChild(document.createElement("span"));
    probe.textContent = text;
    const width = probe.getBoundingClientRect().width / text.length;
    probe.remove();
    return width;
  }));
  if (comma < 0.9 * han) problems.push(`full-width punctuation drawn ${comma} px wide beside ${han} px`);
}

async function searchWorks(page, problems) {
  await punctuationIsFullWidth(page, problems);
  // Material's placeholder shows once its index is loaded; then the query, as an input method sends it.
  const placeholder = await page.$eval("#__config", (config) =>
    JSON.parse(config.textContent).translations["search.result.placeholder"]);
  await page.click("input.md-search__input");
  await page.waitForFunction((text) =>
    document.querySelector(".md-search-result__meta").textContent.trim() === text, { timeout: 15000 }, placeholder);
  await page.type("input.md-search__input", query);
  try {
    await page.waitForFunction(() => document.querySelectorAll(".md-search-result__item").length > 0, { timeout: 15000 });
  } catch (error) {
    problems.push(`search for ${query} found nothing`);
  }
}

async function switchWorks(page, problems, other) {
  await page.hover(".md-header__option .md-select");
  await Promise.all([
    page.waitForNavigation({ waitUntil: "load" }),
    page.click(`.md-select__link[hreflang='${other}']`),
  ]);
  const lang = await page.$eval("html", (html) => html.lang);
  if (lang !== other) problems.push(`the switch led to ${lang}, not ${other}`);
}

async function shareWorks(page, problems) {
  // A question's ¶ links its share address: tapped, it stays on the page and goes to the
  // question; opened (as from a shared link), the share address lands on the question.
  const link = await page.$("a.headerlink[data-share]");
  if (!link) return;  // a page without questions
  const [id, href] = await link.evaluate((a) => [a.dataset.share, a.href]);
  await page.evaluate(() => { window.__stayed = true; });
  await link.click();
  await page.waitForFunction((id) => location.hash === `#${id}`, { timeout: 5000 }, id).catch(() => {});
  if (!(await page.evaluate(() => window.__stayed === true && location.hash))) problems.push("the ¶ left the page");
  const target = page.url().split("#")[0] + `#${id}`;
  await page.goto(href, { waitUntil: "load" });
  for (let tries = 0; tries < 50 && page.url() !== target; tries++) await new Promise((done) => setTimeout(done, 100));
  if (page.url() !== target) problems.push(`the share address ${href} led to ${page.url()}, not ${target}`);
  await new Promise((done) => setTimeout(done, 300));
  const top = await page.evaluate((id) => document.getElementById(id).getBoundingClientRect().top, id);
  if (!(top >= 0 && top < 300)) problems.push(`the deep link #${id} shows its question ${top} px down`);
}

async function menuWorks(page, problems) {
  await page.click("label.md-header__button[for='__drawer']");
  try {
    await page.waitForFunction(() => {
      const link = document.querySelector(".md-sidebar--primary .md-nav__link");
      const box = link && link.getBoundingClientRect();
      return document.getElementById("__drawer").checked && box && box.left >= 0 && box.width > 0;
    }, { timeout: 5000 });
  } catch (error) {
    problems.push("the menu did not open");
  }
}

const browser = await puppeteer.launch({ browser: "firefox", executablePath: firefox, headless: true });
const report = { browser: await browser.version(), checked: [], pages: {} };
try {
  for (const [path, other] of Object.entries(others)) {
    const problems = [];
    const desktop = { width: 1280, height: 900 };
    const phone = { width: 412, height: 823, isMobile: true, hasTouch: true };
    const violations = [];
    const checks = [[desktop, searchWorks], [desktop, shareWorks], [desktop, switchWorks], [phone, menuWorks]];
    for (const [viewport, check] of checks) {
      const page = await opened(browser, base + path, viewport, problems);
      violations.push(...(await page.evaluate(() => window.__violations)));
      await check(page, problems, other);
      if (check !== switchWorks && check !== shareWorks) violations.push(...(await page.evaluate(() => window.__violations)));
      await page.close();
    }
    problems.push(...[...new Set(violations)].map((violation) => `CSP violation: ${violation}`));
    report.checked.push(path);
    report.pages[path] = problems;
  }
} finally {
  await browser.close();
}
console.log(JSON.stringify(report));
