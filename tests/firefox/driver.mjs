// Firefox ESR as a browser the Python tests drive (scripts/_engines.py), one JSON command a line on
// stdin, one JSON answer a line on stdout. puppeteer-core drives it over WebDriver BiDi.
//
// Usage: node tests/firefox/driver.mjs FIREFOX WIDTH HEIGHT
// Commands: {"op": "goto", "url"}, {"op": "run", "fn": "(arg) => ...", "arg"} (its value, awaited),
// {"op": "click", "selector"}, {"op": "type", "selector", "text"} (the whole text at once, then a key
// release), {"op": "version"}, {"op": "errors"} (page errors since the last call).
// Answers: {"ok": true, "value"} or {"ok": false, "error"}. The browser closes when stdin does.
import readline from "node:readline";
import puppeteer from "puppeteer-core";

const [firefox, width, height] = process.argv.slice(2);
const browser = await puppeteer.launch({ browser: "firefox", executablePath: firefox, headless: true });
const page = await browser.newPage();
await page.setViewport({ width: Number(width), height: Number(height), isMobile: true, hasTouch: true });
const errors = [];
page.on("pageerror", (error) => errors.push(String(error)));

async function answer(command) {
  const { op } = command;
  if (op === "goto") return void (await page.goto(command.url, { waitUntil: "load" }));
  if (op === "run") return page.evaluate(`(${command.fn})(${JSON.stringify(command.arg ?? null)})`);
  if (op === "click") return void (await page.click(command.selector));
  if (op === "type") {  // the whole text at once, as an input method commits it, then a key release
    await page.focus(command.selector);
    await page.$eval(command.selector, (box, text) => { box.value = text; }, command.text);
    await page.keyboard.press("End");
    return null;
  }
  if (op === "version") return browser.version();
  if (op === "errors") return errors.splice(0);
  throw new Error(`unknown op ${op}`);
}

for await (const line of readline.createInterface({ input: process.stdin })) {
  let reply;
  try {
    reply = { ok: true, value: (await answer(JSON.parse(line))) ?? null };
  } catch (error) {
    reply = { ok: false, error: String(error) };
  }
  process.stdout.write(JSON.stringify(reply) + "\n");
}
await browser.close();
