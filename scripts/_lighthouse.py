"""Lighthouse on the built site: the pinned npm package, run against Debian's Chromium.

`scripts/bench` reports all four categories; the tests gate accessibility, best
practices and SEO (performance is simulated and noisy, so only the benchmark
reports it). Lighthouse's default preset is mobile: a Moto G class phone on a
throttled 4G connection.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

from _chromium import ARGS, CHROMIUM

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CHROMIUM_FLAGS = " ".join(["--headless=new", *ARGS])
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
GATED = ("accessibility", "best-practices", "seo")


def missing() -> str | None:
    """Why Lighthouse cannot run here, or None."""
    if not LIGHTHOUSE.exists():
        return f"{LIGHTHOUSE.relative_to(ROOT)} is missing (scripts/setup runs npm ci)"
    if not CHROMIUM.exists():
        return f"{CHROMIUM} is missing (scripts/setup --browser installs it)"
    return None


def audit(url: str, timeout: float = 180, attempts: int = 3) -> dict:
    """Lighthouse's JSON report for one URL, mobile preset. A run that Lighthouse itself reports
    as a runtime error of its own tracing (NO_NAVSTART, NO_FCP on a busy machine) is run again, up
    to `attempts` times; any other failure is raised at once."""
    command = [str(LIGHTHOUSE), url, "--output=json", "--output-path=stdout", "--quiet"]
    command.append(f"--chrome-flags={CHROMIUM_FLAGS}")
    environment = {**os.environ, "CHROME_PATH": str(CHROMIUM)}
    for attempt in range(1, attempts + 1):
        result = subprocess.run(
            command, capture_output=True, text=True, env=environment, timeout=timeout, check=False
        )
        if result.returncode == 0:
            return json.loads(result.stdout)
        if "Runtime error encountered" not in result.stderr or attempt == attempts:
            break
    raise RuntimeError(f"lighthouse failed on {url} ({attempt} runs): {result.stderr.strip()[-2000:]}")


def scores(report: dict) -> dict[str, int]:
    """Each category's score, 0 to 100, as Lighthouse shows it."""
    return {name: round((report["categories"][name]["score"] or 0) * 100) for name in CATEGORIES}


def shortfalls(report: dict, category: str) -> list[str]:
    """The weighted audits of a category that did not pass, with what Lighthouse says of them."""
    found = []
    for ref in report["categories"][category]["auditRefs"]:
        result = report["audits"][ref["id"]]
        if ref["weight"] > 0 and result["score"] is not None and result["score"] < 1:
            found.append(f"{ref['id']} ({result['score']}): {result.get('displayValue') or result['title']}")
    return found
