"""Every built page is valid HTML: the Nu Html Checker (vnu-jar, pinned in package.json) finds no error."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from conftest import ROOT, require

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def test_the_nu_html_checker_finds_no_error_on_any_page(built_site: Path) -> None:
    require("java", "the HTML checker")
    assert VNU.is_file(), f"{VNU.relative_to(ROOT)} is missing (scripts/setup runs npm ci)"
    pages = sorted(str(page) for page in built_site.rglob("*.html"))
    assert len(pages) >= 12  # every page of both variants, and their 404 pages
    result = subprocess.run(
        [shutil.which("java"), "-jar", str(VNU), "--errors-only", "--format", "text", *pages],
        capture_output=True, text=True, timeout=600, check=False,
    )  # fmt: skip
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error")]
    assert result.returncode == 0 and errors == [], result.stderr[-3000:]
