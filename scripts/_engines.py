"""Three browser engines behind one small interface, for tests and benchmarks that must hold in each.

- Chromium: Debian's /usr/bin/chromium, driven by Playwright (scripts/_chromium.py);
- Firefox: Debian's firefox-esr, driven by puppeteer-core over WebDriver BiDi, in a node process
  that takes one JSON command a line (tests/firefox/driver.mjs);
- WebKit: Debian's webkit2gtk-driver (WebKitWebDriver, with MiniBrowser --automation) under
  Xvfb, driven by Selenium over W3C WebDriver. Every iPhone browser is WebKit.

Each engine opens one phone-sized window in a fresh profile. `run` calls a JavaScript function
(its source, one argument) in the page and returns its value, awaited: a function, not an
expression, which the site's strict Content-Security-Policy would refuse to evaluate. Waiting is
polling `run`, the same in every engine. WebDriver has no offline switch: tests stop the server.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]  # the repository
FIREFOX = Path("/usr/bin/firefox-esr")
WEBKIT_DRIVER = Path("/usr/bin/WebKitWebDriver")
MINIBROWSER = Path("/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser")
XVFB = Path("/usr/bin/Xvfb")
ENGINES = ("chromium", "firefox", "webkit")
PHONE = (390, 844)  # an iPhone's width in CSS pixels


class Engine:
    """One browser window: goto, run, click, type; wait polls run."""

    name = ""

    def goto(self, url: str) -> None:
        raise NotImplementedError

    def run(self, function: str, arg: object = None) -> object:
        raise NotImplementedError

    def click(self, selector: str) -> None:
        raise NotImplementedError

    def type(self, selector: str, text: str) -> None:
        raise NotImplementedError

    def wait(self, function: str, arg: object = None, timeout: float = 20) -> object:
        """The first truthy value of function(arg), polled; TimeoutError after timeout seconds."""
        end = time.monotonic() + timeout
        while True:
            try:
                value = self.run(function, arg)
            except Exception:  # a page between two navigations
                value = None
            if value:
                return value
            if time.monotonic() > end:
                raise TimeoutError(f"{self.name}: {function} stayed false for {timeout} s")
            time.sleep(0.1)


class Chromium(Engine):
    name = "chromium"

    def __init__(self, page) -> None:
        self.page = page

    def goto(self, url: str) -> None:
        self.page.goto(url)

    def run(self, function: str, arg: object = None) -> object:
        return self.page.evaluate(function, arg)

    def click(self, selector: str) -> None:
        self.page.locator(selector).first.click()

    def type(self, selector: str, text: str) -> None:
        """The whole text at once, as an input method sends it, then a key release; "" empties it."""
        box = self.page.locator(selector)
        box.fill(text)
        box.press("End")


class Firefox(Engine):
    name = "firefox"

    def __init__(self, process: subprocess.Popen) -> None:
        self.process = process

    def call(self, **command: object) -> object:
        self.process.stdin.write(json.dumps(command) + "\n")
        self.process.stdin.flush()
        line = self.process.stdout.readline()
        if not line:
            raise RuntimeError(f"firefox: the driver stopped: {self.process.stderr.read()[-2000:]}")
        reply = json.loads(line)
        if not reply["ok"]:
            raise RuntimeError(f"firefox: {command['op']}: {reply['error']}")
        return reply["value"]

    def goto(self, url: str) -> None:
        self.call(op="goto", url=url)

    def run(self, function: str, arg: object = None) -> object:
        return self.call(op="run", fn=function, arg=arg)

    def click(self, selector: str) -> None:
        self.call(op="click", selector=selector)

    def type(self, selector: str, text: str) -> None:
        self.call(op="type", selector=selector, text=text)  # at once, then a key release


ASYNC = """const done = arguments[arguments.length - 1];
Promise.resolve().then(() => (%s)(arguments[0]))
  .then((value) => done({ value }), (error) => done({ error: String(error) }));"""


class WebKit(Engine):
    name = "webkit"

    def __init__(self, driver) -> None:
        self.driver = driver

    def goto(self, url: str) -> None:
        self.driver.get(url)

    def run(self, function: str, arg: object = None) -> object:
        reply = self.driver.execute_async_script(ASYNC % function, arg)
        if "error" in reply:
            raise RuntimeError(f"webkit: {reply['error']}")
        return reply.get("value")

    def click(self, selector: str) -> None:
        self.driver.find_element("css selector", selector).click()

    def type(self, selector: str, text: str) -> None:
        """The whole text at once, as an input method commits it, then a key release (typed key by
        key, a page may answer a prefix of it first)."""
        from selenium.webdriver.common.keys import Keys

        box = self.driver.find_element("css selector", selector)
        box.click()
        self.driver.execute_script("arguments[0].value = arguments[1];", box, text)
        box.send_keys(Keys.END)


def missing(name: str) -> str | None:
    """Why an engine cannot run here, or None."""
    needs = {
        "chromium": [Path("/usr/bin/chromium")],
        "firefox": [FIREFOX, Path(shutil.which("node") or "/nonexistent/node"),
                    ROOT / "node_modules" / "puppeteer-core"],
        "webkit": [WEBKIT_DRIVER, MINIBROWSER, XVFB],
    }[name]  # fmt: skip
    absent = [str(path) for path in needs if not path.exists()]
    return f"{', '.join(absent)} missing (scripts/setup --browser installs it)" if absent else None


@contextmanager
def opened(name: str, size: tuple[int, int] = PHONE, playwright_browser=None) -> Iterator[Engine]:
    """One engine's window, of the given size, in a fresh profile; Chromium's in a Playwright
    browser already launched, when given (one process cannot run two of Playwright's loops)."""
    if name == "chromium":
        with chromium(size, playwright_browser) as engine:
            yield engine
    elif name == "firefox":
        with firefox(size) as engine:
            yield engine
    else:
        with webkit(size) as engine:
            yield engine


@contextmanager
def chromium(size: tuple[int, int], browser=None) -> Iterator[Engine]:
    from _chromium import launched

    if browser is None:
        with launched() as browser, chromium(size, browser) as engine:
            yield engine
        return
    viewport = {"width": size[0], "height": size[1]}
    context = browser.new_context(viewport=viewport, is_mobile=True, has_touch=True)
    try:
        yield Chromium(context.new_page())
    finally:
        context.close()


@contextmanager
def firefox(size: tuple[int, int]) -> Iterator[Engine]:
    command = ["node", str(ROOT / "tests" / "firefox" / "driver.mjs"), str(FIREFOX), *map(str, size)]
    process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True, cwd=ROOT)  # fmt: skip
    try:
        yield Firefox(process)
    finally:
        process.stdin.close()
        try:
            process.wait(30)
        except subprocess.TimeoutExpired:
            process.kill()


@contextmanager
def virtual_display() -> Iterator[str]:
    """An Xvfb display of its own (its number chosen by Xvfb): the DISPLAY value."""
    read, write = os.pipe()
    command = [str(XVFB), "-displayfd", str(write), "-screen", "0", "1280x1024x24", "-nolisten", "tcp"]
    process = subprocess.Popen(command, pass_fds=(write,), stderr=subprocess.DEVNULL)
    os.close(write)
    with os.fdopen(read) as pipe:
        number = pipe.readline().strip()
    try:
        if not number:
            raise RuntimeError("Xvfb did not start")
        yield f":{number}"
    finally:
        process.terminate()
        process.wait(10)


@contextmanager
def webkit(size: tuple[int, int]) -> Iterator[Engine]:
    from selenium import webdriver
    from selenium.webdriver.webkitgtk.options import Options
    from selenium.webdriver.webkitgtk.service import Service

    with virtual_display() as display:
        options = Options()
        options.binary_location = str(MINIBROWSER)
        options.add_argument("--automation")
        service = Service(executable_path=str(WEBKIT_DRIVER), env={**os.environ, "DISPLAY": display})
        driver = webdriver.WebKitGTK(options=options, service=service)
        try:
            driver.set_window_size(*size)
            yield WebKit(driver)
        finally:
            driver.quit()
