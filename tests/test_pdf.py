"""One PDF per variant: the whole guide, its questions in its own script, fonts embedded."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from html import unescape
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


@pytest.mark.parametrize("variant", VARIANTS)
def test_each_pdf_embeds_noto_cjk_in_its_own_face_and_stays_small(
    built_site: Path, poppler, variant: str
) -> None:
    from _print_view import face  # the face each variant prints in, for any variant mkdocs.yml adds

    pdf = built_site / PDF.format(lang=variant)
    rows = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    names = {row.split()[0].split("+")[-1] for row in rows.splitlines()[2:]}
    # a named subset, no Type 3 glyphs, one face (no bold)
    assert names == {face(variant).replace(" ", "-")}, rows
    assert pdf.stat().st_size <= 400 * 1024  # scripts/bench prints the size; Chromium's were 0.85-1 MB


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


WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)')


def title_boxes(pdf: Path, titles: list[str], tmp_path: Path) -> list[tuple[int, str, tuple[float, ...]]]:
    """(page, first character in the text layer, (left, top, bottom, end) in points) of each line
    of a PDF that starts with one of the titles; end is where the line's text ends."""
    layout = tmp_path / "layout.html"
    subprocess.run(["pdftotext", "-bbox-layout", str(pdf), str(layout)], check=True)
    wanted = tuple("".join(title.split()) for title in titles)
    found = []
    pages = re.findall(r"<page\b.*?</page>", layout.read_text("utf-8"), re.S)
    for number, page in enumerate(pages, 1):
        for line in re.findall(r"<line\b.*?</line>", page, re.S):
            words = WORD.findall(line)
            if words and "".join(word[4] for word in words).startswith(wanted):
                left, top, _, bottom = map(float, words[0][:4])
                found.append((number, words[0][4][0], (left, top, bottom, float(words[-1][2]))))
    return found


def without_text(pdf: Path, out: Path) -> None:
    """The PDF with every text object (BT ... ET) removed: only what else is drawn."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import ContentStream

    writer = PdfWriter(clone_from=PdfReader(pdf))
    for page in writer.pages:
        stream, kept, inside = ContentStream(page.get_contents(), writer), [], False
        for operands, operator in stream.operations:
            inside = inside or operator == b"BT"
            kept += [] if inside else [(operands, operator)]
            inside = inside and operator != b"ET"
        stream.operations = kept
        page.replace_contents(stream)
    with out.open("wb") as file:
        writer.write(file)


def colours(image, box: tuple[float, ...], dpi: int) -> tuple[tuple[int, int], ...]:
    """The (lowest, highest) of each channel inside a box of a page image (in points, 1 px inset)."""
    left, top, right, bottom = (round(value * dpi / 72) for value in box)
    return image.crop((left + 1, top + 1, right - 1, bottom - 1)).getextrema()


@pytest.mark.parametrize(("variant", "prefix"), VARIANTS.items())
def test_nothing_is_drawn_over_a_box_titles_first_character(
    built_site: Path, poppler, variant: str, prefix: str, tmp_path: Path
) -> None:
    """Material's box icon, drawn where the title's first character is, would cover it: the page
    drawn without its text must show only the title's own background there."""
    from PIL import Image

    titles = []
    for source in SOURCES:
        html = (built_site / output_path(source, prefix)).read_text("utf-8")
        found = re.findall(r'<p class="admonition-title">(.*?)</p>', html)
        titles += [" ".join(unescape(re.sub(r"<[^>]+>", "", title)).split()) for title in found]
    pdf = built_site / PDF.format(lang=variant)
    boxes = title_boxes(pdf, titles, tmp_path)
    assert len(boxes) == len(titles) >= 3, (titles, boxes)  # every box's title, once
    assert sorted(first for _, first, _ in boxes) == sorted(title[0] for title in titles)  # the text layer
    drawn = tmp_path / "drawn.pdf"
    without_text(pdf, drawn)
    dpi = 144
    for number, first, (left, top, bottom, end) in boxes:
        image = tmp_path / f"page-{number}"
        pages = ["-f", str(number), "-l", str(number), "-singlefile"]
        subprocess.run(["pdftoppm", "-r", str(dpi), *pages, "-png", str(drawn), str(image)], check=True)
        with Image.open(image.with_suffix(".png")) as picture:
            drawn_page = picture.convert("RGB")
        character = colours(drawn_page, (left, top, left + 0.9 * (bottom - top), bottom), dpi)  # square
        background = colours(drawn_page, (end + 4, top, end + 24, bottom), dpi)  # the title's band, after it
        assert all(low == high for low, high in background), (variant, number, background)
        assert character == background, (variant, number, first, character, background)
