"""The site as deployed: deploy/nginx.conf in Debian's nginx on 127.0.0.1, in Chromium and Firefox.

scripts/_nginx.py runs the deploy file itself (without its TLS lines) as an
ordinary process. Every page is loaded in both engines: no Content-Security-
Policy violation, no page error, and search, the language switch and the menu
work under the strict policy. The headers, caching, compression, types and 404
pages are checked on the wire.
"""

from __future__ import annotations

import gzip
import json
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

import _nginx
from _site import guide_pages
from conftest import FIREFOX, ROOT, SOURCE, VARIANTS, require, search, variant_at

FIREFOX_CHECK = ROOT / "tests" / "firefox" / "site_check.mjs"
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; object-src 'none'; script-src 'self'; style-src 'self'; "
    "img-src 'self' data:; font-src 'self'; connect-src 'self'; worker-src 'self'; manifest-src 'self'; "
    "base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    "Strict-Transport-Security": "max-age=63072000",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    "Cross-Origin-Opener-Policy": "same-origin",
}
REVALIDATE, IMMUTABLE = "no-cache", "public, max-age=31536000, immutable"
# Records every CSP violation of the page before any of its scripts runs.
WATCH = """window.__violations = [];
document.addEventListener("securitypolicyviolation",
  event => window.__violations.push(`${event.violatedDirective} ${event.blockedURI}`));"""
PHONE = {"viewport": {"width": 412, "height": 823}, "is_mobile": True, "has_touch": True}


def fetch(url: str, **headers: str) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def site_paths(site: Path) -> list[str]:
    """Every guide page of every variant, and each variant's 404 page through a missing address."""
    return guide_pages(site) + [f"{prefix}no-such-page/" for prefix in VARIANTS.values()]


def fingerprinted(site: Path, pattern: str) -> str:
    [path] = sorted(site.glob(pattern))
    return path.relative_to(site).as_posix()


def test_the_local_server_is_the_deploy_file_without_tls_on_127_0_0_1() -> None:
    deploy = _nginx.DEPLOY.read_text("utf-8")
    local = _nginx.local_server(deploy, Path("/srv/site"), 8123)
    assert "ssl" not in local and "return 301 https" not in local
    set_here = ("    listen 127.0.0.1:8123;", '    root "/srv/site";')
    assert local.count("listen ") == 1 and all(line in local.splitlines() for line in set_here)
    assert "/srv/icbc-overdue-guide" not in local
    changed = [line for line in deploy.splitlines() if re.search(r"# deploy: (tls|listen|root)\b", line)]
    kept = [line for line in deploy.splitlines() if line not in changed]
    assert [line for line in local.splitlines() if line not in set_here] == kept  # the rest, as deployed


@pytest.mark.parametrize("mark", ["listen", "root"])
def test_a_deploy_file_without_a_marked_line_is_refused(mark: str) -> None:
    deploy = _nginx.DEPLOY.read_text("utf-8").replace(f"# deploy: {mark}", "")
    with pytest.raises(ValueError, match=f"no line marked '# deploy: {mark}'"):
        _nginx.local_server(deploy, Path("/srv/site"), 8123)


def test_every_answer_carries_the_headers_and_the_right_type_and_caching(
    nginx_url: str, built_site: Path
) -> None:
    html, js, css = (f"{kind}; charset=utf-8" for kind in ("text/html", "application/javascript", "text/css"))
    pdf = (200, "application/pdf", REVALIDATE)
    pdfs = {f"download/icbc-overdue-guide-{locale}.pdf": pdf for locale in VARIANTS}
    expected = {  # path -> (status, Content-Type, Cache-Control)
        "": (200, html, REVALIDATE),
        "zh-Hant/overdue/": (200, html, REVALIDATE),
        fingerprinted(built_site, "assets/javascripts/bundle.*.min.js"): (200, js, IMMUTABLE),
        fingerprinted(built_site, "assets/stylesheets/main.*.min.css"): (200, css, IMMUTABLE),
        "assets/javascripts/guide-head.js": (200, js, REVALIDATE),
        "assets/stylesheets/guide.css": (200, css, REVALIDATE),
        "sw.js": (200, js, REVALIDATE),  # a new build is a new worker: browsers must ask each time
        "zh-Hant/manifest.webmanifest": (200, "application/manifest+json; charset=utf-8", REVALIDATE),
        "zh-Hant/search/search_index.json": (200, "application/json; charset=utf-8", REVALIDATE),
        "sitemap.xml": (200, "text/xml; charset=utf-8", REVALIDATE),
        "sitemap.xml.gz": (200, "application/gzip", REVALIDATE),
        "download/icbc-overdue-guide-offline.zip": (200, "application/zip", REVALIDATE),
        **pdfs,
        "no-such-page/": (404, html, REVALIDATE),
        ".icbc-overdue-guide-build": (404, html, REVALIDATE),  # dot files are not served
    }  # fmt: skip
    found = {}
    for path in expected:
        status, headers, _ = fetch(nginx_url + path)
        found[path] = (status, headers.get("Content-Type"), headers.get("Cache-Control"))
        assert {name: headers.get(name) for name in SECURITY_HEADERS} == SECURITY_HEADERS, path
    assert found == expected


def test_text_is_sent_compressed_from_the_builds_gzip_twins(nginx_url: str, built_site: Path) -> None:
    for path in ("index.html", "zh-Hant/search/search_index.json", "assets/javascripts/material-patches.js"):
        plain = (built_site / path).read_bytes()
        status, headers, body = fetch(nginx_url + path, **{"Accept-Encoding": "gzip"})
        assert status == 200 and headers.get("Content-Encoding") == "gzip", path
        assert body == (built_site / f"{path}.gz").read_bytes() and gzip.decompress(body) == plain
        assert headers.get("Vary") == "Accept-Encoding"
        assert fetch(nginx_url + path)[2] == plain  # a client that takes no gzip gets the file


def test_a_missing_page_answers_404_in_its_variants_script(nginx_url: str) -> None:
    for locale, prefix in VARIANTS.items():
        for missing in (f"{prefix}no-such-page/", f"{prefix}overdue/no-such-file.html"):
            status, _, body = fetch(nginx_url + missing)
            assert status == 404 and f'<html lang="{locale}"' in body.decode("utf-8"), missing


def test_any_variant_with_a_404_page_at_its_root_gets_it_without_a_line_in_the_deploy_file(
    built_site: Path, tmp_path: Path
) -> None:
    site = shutil.copytree(built_site, tmp_path / "site", ignore=shutil.ignore_patterns("download"))
    (site / "zh-MO").mkdir()  # a variant mkdocs.yml does not have
    (site / "zh-MO" / "404.html").write_text('<!doctype html><html lang="zh-MO"><title>x</title></html>')
    with _nginx.served(site) as url:
        for missing, lang in (("zh-MO/no-such-page/", "zh-MO"), ("no-such-folder/page/", SOURCE)):
            status, _, body = fetch(url + missing)
            assert status == 404 and f'<html lang="{lang}"' in body.decode("utf-8"), missing


def test_nginx_local_stops_nginx_when_it_is_stopped(built_site: Path) -> None:
    port = _nginx.free_port()
    command = [sys.executable, str(ROOT / "scripts" / "nginx-local"), str(built_site), "--port", str(port)]
    local = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    try:
        assert "serving" in local.stdout.readline()
        for _ in range(200):  # nginx listens a moment after it starts
            try:
                assert fetch(f"http://127.0.0.1:{port}/")[0] == 200
                break
            except urllib.error.URLError:
                time.sleep(0.05)
        else:
            pytest.fail("nginx-local never answered")
        local.send_signal(signal.SIGTERM)  # as `kill` does
        assert local.wait(20) == 0
    finally:
        local.kill()
    with pytest.raises(OSError):  # nothing answers any more: nginx went with it
        socket.create_connection(("127.0.0.1", port), timeout=2).close()


def test_a_folder_without_its_slash_redirects_on_the_same_host(nginx_url: str) -> None:
    request = urllib.request.Request(nginx_url + "zh-Hant")
    opener = urllib.request.build_opener(NoRedirect)
    with pytest.raises(urllib.error.HTTPError) as answer:
        opener.open(request)
    assert answer.value.code == 301 and answer.value.headers["Location"] == "/zh-Hant/"


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def console_error(note) -> str | None:
    """A console error (None for other messages); a failed load as '<status> <url>'."""
    if note.type != "error":
        return None
    status = re.search(r"status of (\d+)", note.text)
    return f"{status[1]} {note.location.get('url')}" if status else note.text


def test_every_page_works_in_chromium_under_the_policy(new_page, nginx_url: str, built_site: Path) -> None:
    paths = site_paths(built_site)
    problems = {}
    for path in paths:
        page, errors = new_page(), []
        page.add_init_script(WATCH)
        page.on("pageerror", lambda error, errors=errors: errors.append(str(error)))
        page.on("console", lambda note, seen=errors: seen.append(console_error(note)))
        page.goto(nginx_url + path)
        assert search(page, "95588"), path
        page.keyboard.press("Escape")  # closes the search, which covers the header
        other = next(locale for locale in VARIANTS if locale != variant_at(path))
        page.locator(".md-header__option .md-select").hover()
        page.locator(f".md-select__link[hreflang='{other}']").click()
        page.wait_for_function("lang => document.documentElement.lang === lang", arg=other)
        phone = new_page(**PHONE)
        phone.add_init_script(WATCH)
        phone.goto(nginx_url + path)
        phone.locator("label.md-header__button[for='__drawer']").click()
        phone.wait_for_function("() => document.getElementById('__drawer').checked")
        phone.locator(".md-sidebar--primary .md-nav__link").first.wait_for(state="visible")
        violations = page.evaluate("window.__violations") + phone.evaluate("window.__violations")
        errors = [error for error in errors if error not in (None, f"404 {nginx_url}{path}")]  # its own 404
        if violations or errors:
            problems[path] = violations + errors
    assert len(paths) == 12 and problems == {}


def test_every_page_works_in_firefox_under_the_policy(nginx_url: str, built_site: Path) -> None:
    require(FIREFOX, "the Firefox tests")
    require("node", "the Firefox tests")
    paths = site_paths(built_site)
    others = {path: next(locale for locale in VARIANTS if locale != variant_at(path)) for path in paths}
    command = ["node", str(FIREFOX_CHECK), nginx_url, json.dumps(others), "95588", str(FIREFOX)]
    result = subprocess.run(command, capture_output=True, text=True, timeout=600, check=False, cwd=ROOT)
    assert result.returncode == 0, result.stderr[-2000:]
    report = json.loads(result.stdout)
    assert report["browser"].lower().startswith("firefox")
    assert {path: found for path, found in report["pages"].items() if found} == {}
    assert sorted(report["checked"]) == sorted(paths)
