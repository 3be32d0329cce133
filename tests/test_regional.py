"""Adding a regional variant is one entry in mkdocs.yml: prove it with a three-variant build."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import site_html
from conftest import ROOT, VARIANTS, run_build
from zhguide import zh_core

TAIWAN = """\
        - locale: zh-TW
          name: 台灣正體
          build: true
          extra:
            opencc: s2twp
"""
# CONTRIBUTING.md's other example, exactly as it says: one entry, s2hk with locale zh-HK.
HONG_KONG = """\
        - locale: zh-HK
          name: 香港繁體
          build: true
          extra:
            opencc: s2hk
"""


def test_three_variant_site(project_copy, tmp_path: Path) -> None:
    project = project_copy()
    config = project / "mkdocs.yml"
    text = config.read_text("utf-8")
    anchor = "            opencc: s2tw          # OpenCC configuration: Taiwan/Hong Kong glyph standard\n"
    assert anchor in text
    config.write_text(text.replace(anchor, anchor + TAIWAN + HONG_KONG), "utf-8")
    site = tmp_path / "site"
    result = run_build(project, site)
    assert result.returncode == 0, result.stderr

    pages = sorted(p.relative_to(site / "zh-Hant") for p in (site / "zh-Hant").rglob("index.html"))
    assert sorted(p.relative_to(site / "zh-TW") for p in (site / "zh-TW").rglob("index.html")) == pages

    taiwan = (site / "zh-TW" / "customer-service" / "index.html").read_text("utf-8")
    hant = (site / "zh-Hant" / "customer-service" / "index.html").read_text("utf-8")
    assert site_html.html_lang(taiwan) == "zh-TW"
    assert "訊號" in taiwan and "信號" in hant  # s2twp's Taiwan phrasing, s2tw's glyphs only
    assert 'placeholder="搜尋"' in taiwan
    assert (
        zh_core.stray_characters(site_html.own_script_text(taiwan), zh_core.foreign_to_variant("s2twp")) == []
    )
    assert "帳單" in (site / "zh-TW" / "overdue" / "index.html").read_text("utf-8")  # the glossary applies

    switch = dict(re.findall(r'<a href="([^"]+)" hreflang="([^"]+)"', taiwan))
    assert sorted(switch.values()) == sorted([*VARIANTS, "zh-TW", "zh-HK"])

    # Hong Kong: every page, in its own standard; the glossary's 账户: 帳戶 in its glyphs (帳户)
    hong_kong = sorted(p.relative_to(site / "zh-HK") for p in (site / "zh-HK").rglob("index.html"))
    assert hong_kong == pages
    foreign = zh_core.foreign_to_variant("s2hk")
    for page in pages:
        text = (site / "zh-HK" / page).read_text("utf-8")
        assert site_html.html_lang(text) == "zh-HK", page
        assert zh_core.stray_characters(site_html.own_script_text(text), foreign) == [], page
    service = (site / "zh-HK" / "customer-service" / "index.html").read_text("utf-8")
    assert "帳户" in service and "帳戶" not in service and "帳戶" in hant
    missing = (site / "zh-HK" / "404.html").read_text("utf-8")
    assert site_html.html_lang(missing) == "zh-HK"
    # the links manifest asks for the published variants' links only, until a new one is named there
    manifest = ROOT / "tests" / "data" / "published-links.txt"
    script = ROOT / "scripts" / "published-links"
    command = [sys.executable, str(script), str(site), "--missing", str(manifest)]
    found = subprocess.run(command, capture_output=True, text=True, check=False)
    assert (found.returncode, found.stdout.strip()) == (0, "")

    index = json.loads((site / "zh-TW" / "search" / "search_index.json").read_text("utf-8"))
    locations = [doc["location"] for doc in index["docs"]]
    assert "customer-service/#hotline-95588" in locations
    prefixes = ("zh-TW/", *(prefix for prefix in VARIANTS.values() if prefix))
    assert not any(location.startswith(prefixes) for location in locations)
    root = json.loads((site / "search" / "search_index.json").read_text("utf-8"))
    assert not any(doc["location"].startswith(prefixes) for doc in root["docs"])
