"""One PDF per variant: the whole guide, its questions in its own script, fonts embedded."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

import site_html
from conftest import ROOT, SITE_URL, SOURCE, VARIANTS, in_variant
from test_build import SOURCES, output_path

PDF = "download/icbc-overdue-guide-{lang}.pdf"


@pytest.fixture(scope="module")
def poppler() -> None:
    missing = [tool for tool in ("pdftotext", "pdffonts") if shutil.which(tool) is None]
    if missing:
        if os.environ.get("CI"):
            pytest.fail(
                f"{', '.join(missing)} missing in CI (scripts/setup --browser installs poppler-utils)"
            )
        pytest.skip(f"{', '.join(missing)} missing: scripts/setup --browser installs poppler-utils")


def pdf_text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


@pytest.mark.parametrize(("variant", "prefix"), VARIANTS.items())
def test_each_pdf_holds_the_whole_guide(built_site: Path, poppler, variant: str, prefix: str) -> None:
    pdf = built_site / PDF.format(lang=variant)
    if not pdf.exists() and not os.environ.get("CI"):
        pytest.skip("built without PDFs (no Chromium on this machine)")
    text = " ".join(pdf_text(pdf).split())
    for source in SOURCES:
        html = (built_site / output_path(source, prefix)).read_text("utf-8")
        for tag, _, heading in site_html.headings(html):
            if tag in ("h1", "h2", "h3"):
                assert " ".join(heading.removesuffix("¶").split()) in text, (variant, heading)
    assert in_variant("最后审阅", variant) in text[:200], "the cover carries the last-reviewed date"
    assert in_variant("目录", variant) in text[:800], "a table of contents follows the cover"
    assert "2 / " in text, "pages are numbered"
    assert in_variant("不构成法律或财务建议", variant) in text


@pytest.mark.parametrize("variant", VARIANTS)
def test_pdf_fonts_are_embedded(built_site: Path, poppler, variant: str) -> None:
    pdf = built_site / PDF.format(lang=variant)
    if not pdf.exists() and not os.environ.get("CI"):
        pytest.skip("built without PDFs (no Chromium on this machine)")
    rows = subprocess.run(
        ["pdffonts", str(pdf)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    assert rows, "the PDF uses fonts"
    assert all(row.split()[-5] == "yes" for row in rows), rows  # the "emb" column


def test_each_home_links_its_pdf(built_site: Path) -> None:
    for variant, prefix in VARIANTS.items():
        html = (built_site / prefix / "index.html").read_text("utf-8")
        assert f'href="{"../" if prefix else ""}download/icbc-overdue-guide-{variant}.pdf" download' in html


@pytest.mark.parametrize("variant", VARIANTS)
def test_every_pdf_link_jumps_within_it_or_goes_to_the_public_site(built_site: Path, variant: str) -> None:
    from pypdf import PdfReader

    pdf = built_site / PDF.format(lang=variant)
    if not pdf.exists() and not os.environ.get("CI"):
        pytest.skip("built without PDFs (no Chromium on this machine)")
    reader = PdfReader(pdf)
    destinations = set(reader.named_destinations)
    internal, external = [], []
    for page in reader.pages:
        for annotation in page.get("/Annots") or []:
            link = annotation.get_object()
            if link.get("/Subtype") == "/Link":
                action = link.get("/A") or {}
                (external if "/URI" in action else internal).append(
                    str(action.get("/URI") or link.get("/Dest"))
                )
    assert len(internal) > 40, "the contents and the pages' cross-references jump within the PDF"
    assert [target for target in internal if target not in destinations] == []
    assert [url for url in external if not url.startswith(SITE_URL)] == []  # never file://


def yaml_nav() -> list:
    from mkdocs.config import load_config

    return load_config(str(ROOT / "mkdocs.yml")).nav


def test_two_prints_of_one_site_in_different_folders_are_identical(built_site: Path, tmp_path: Path) -> None:
    from _print_view import build_pdf

    prints = []
    for name in ("one", "two/deeper"):
        copy = tmp_path / name / "site"
        site = shutil.copytree(built_site, copy, ignore=shutil.ignore_patterns("download"))
        pdf = site / PDF.format(lang=SOURCE)
        build_pdf(site, "", SOURCE, yaml_nav(), pdf)
        prints.append(pdf.read_bytes())
    assert prints[0] == prints[1]
    assert b"file:" not in prints[0] and b"CreationDate" not in prints[0]  # no build path, no date


FACE = {"zh-Hans": "Noto-Sans-CJK-SC", "zh-Hant": "Noto-Sans-CJK-TC"}


@pytest.mark.parametrize("variant", VARIANTS)
def test_each_pdf_embeds_noto_cjk_in_its_own_face_and_stays_small(
    built_site: Path, poppler, variant: str
) -> None:
    pdf = built_site / PDF.format(lang=variant)
    rows = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    names = {row.split()[0].split("+")[-1] for row in rows.splitlines()[2:]}
    assert names == {FACE[variant], f"{FACE[variant]}-Bold"}, rows  # named subsets, no Type 3 glyphs
    assert pdf.stat().st_size <= 520 * 1024  # scripts/bench prints the size; Chromium's were 0.85-1 MB


@pytest.mark.parametrize(("variant", "prefix"), VARIANTS.items())
def test_the_outline_lists_every_page_and_question(built_site: Path, variant: str, prefix: str) -> None:
    from pypdf import PdfReader

    reader = PdfReader(built_site / PDF.format(lang=variant))

    def titles(outline: list) -> list[str]:
        found = []
        for item in outline:
            found += titles(item) if isinstance(item, list) else [" ".join(item.title.split())]
        return found

    outline = titles(reader.outline)
    for source in SOURCES:
        html = (built_site / output_path(source, prefix)).read_text("utf-8")
        for tag, _, heading in site_html.headings(html):
            if tag in ("h1", "h2", "h3"):
                assert " ".join(heading.removesuffix("¶").split()) in outline, (variant, heading)


@pytest.mark.parametrize("variant", VARIANTS)
def test_lists_keep_their_markers_and_box_titles_their_first_character(
    built_site: Path, poppler, variant: str
) -> None:
    text = pdf_text(built_site / PDF.format(lang=variant))
    assert re.search(r"^\s*•\s+\S", text, re.M), "bullets"
    assert re.search(r"^\s*1\.\s+\S", text, re.M) and re.search(r"^\s*4\.\s+\S", text, re.M), "numbers"
    for title in ("本站不是工商银行的官方网站", "经验说法，请向银行核实", "谨防上当受骗"):
        assert in_variant(title, variant) in text  # no icon over the first characters
