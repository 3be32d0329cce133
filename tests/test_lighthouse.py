"""Lighthouse (pinned npm package, Debian's Chromium, mobile preset) on every page of both variants,
served as deployed: deploy/nginx.conf in Debian's nginx, with its strict Content-Security-Policy.

CI gates accessibility, best practices and SEO at 100. Performance is simulated
and noisy: scripts/bench reports it, this test does not gate it.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import _lighthouse as lighthouse
from _site import guide_pages
from conftest import ROOT, VARIANTS


def page_paths() -> list[str]:
    """Every page of every variant, as addresses under the site's root: known before the build, so
    that each page is a test of its own (pytest-xdist spreads them over its workers)."""
    sources = (ROOT / "docs").glob("*.md")
    names = sorted("" if source.stem == "index" else f"{source.stem}/" for source in sources)
    return [prefix + name for prefix in VARIANTS.values() for name in names]


def test_the_pages_audited_are_the_guides_pages(built_site: Path) -> None:
    assert sorted(page_paths()) == sorted(guide_pages(built_site))


@pytest.mark.parametrize("path", page_paths())
def test_every_page_scores_100_for_accessibility_best_practices_and_seo(
    built_site: Path, nginx_url: str, path: str
) -> None:
    if reason := lighthouse.missing():
        if os.environ.get("CI"):
            pytest.fail(f"Lighthouse must run in CI, but {reason}")
        pytest.skip(reason)
    report = lighthouse.audit(nginx_url + path)
    scores = lighthouse.scores(report)
    problems = {
        f"{path or '/'} {category} {scores[category]}": lighthouse.shortfalls(report, category)
        for category in lighthouse.GATED
        if scores[category] < 100
    }
    assert problems == {}
