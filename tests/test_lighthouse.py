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


def test_every_page_scores_100_for_accessibility_best_practices_and_seo(
    built_site: Path, nginx_url: str
) -> None:
    if reason := lighthouse.missing():
        if os.environ.get("CI"):
            pytest.fail(f"Lighthouse must run in CI, but {reason}")
        pytest.skip(reason)
    problems = {}
    for path in guide_pages(built_site):
        report = lighthouse.audit(nginx_url + path)
        scores = lighthouse.scores(report)
        for category in lighthouse.GATED:
            if scores[category] < 100:
                problems[f"{path or '/'} {category} {scores[category]}"] = lighthouse.shortfalls(
                    report, category
                )
    assert problems == {}
