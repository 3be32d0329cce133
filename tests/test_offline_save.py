"""Offline reading, before any browser: what the build lists, stamps and links (scripts/_offline_save.py,
hooks/zhguide/app_manifest.py). The browser side is tests/test_offline_reading.py."""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

import pytest

import _offline_save as save
from _site import guide_pages
from conftest import OFFLINE_ZIP, ROOT, VARIANTS, foreign_characters, variant_at
from zhguide import app_manifest, worker_build

PARTS = sorted((ROOT / "overrides" / "worker").glob("*.js"))
WORKER_SOURCE = worker_build.joined([part.read_text("utf-8") for part in PARTS])


def tiny_site(folder: Path) -> Path:
    """A built site in miniature: two variants, shared assets, downloads, twins and a worker."""
    files = {
        "index.html": '<link href="assets/main.css"><script src="assets/app.js"></script>x @@SAVE_SIZE@@',
        "overdue/index.html": '<script src="../assets/app.js"></script><a href="https://elsewhere/">x</a>',
        "manifest.webmanifest": json.dumps({"icons": [{"src": "assets/icon.png"}]}),
        "search/search_index.json": "{}",
        "zh-Hant/index.html": '<link href="../assets/main.css"> @@SAVE_SIZE@@',
        "zh-Hant/search/search_index.json": "{}",
        "assets/main.css": "body{}",
        "assets/app.js": "1",
        "assets/unused.js": "2",
        "assets/icon.png": "png",
        "index.html.gz": "twin",
        "assets/app.js.map": "{}",
        "download/guide.zip": "zip",
        "sitemap.xml": "<urlset/>",
        "sw.js": WORKER_SOURCE,
    }
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, "utf-8")
    return folder


def test_each_variant_saves_its_own_pages_and_the_files_they_load(tmp_path: Path) -> None:
    site = tiny_site(tmp_path)
    own = save.own_files(site, "", ["", "zh-Hant/"])
    assert own == ["index.html", "manifest.webmanifest", "overdue/index.html", "search/search_index.json"]
    assert save.loaded_assets(site, own) == ["assets/app.js", "assets/icon.png", "assets/main.css"]
    other = save.own_files(site, "zh-Hant/", ["", "zh-Hant/"])
    assert other == ["zh-Hant/index.html", "zh-Hant/search/search_index.json"]
    assert [save.address(path) for path in ("index.html", "zh-Hant/q/x/index.html", "404.html")] == [
        "",
        "zh-Hant/q/x/",
        "404.html",
    ]


def test_prepare_lists_each_variant_fills_its_size_and_stamps_the_worker(tmp_path: Path) -> None:
    site = tiny_site(tmp_path)
    saved = save.prepare(site, [("zh-Hans", ""), ("zh-Hant", "zh-Hant/")], epoch=86400)
    listing = json.loads((site / save.LIST).read_text("utf-8"))
    assert listing["date"] == "1970-01-02" and listing["locale"] == "zh-Hans"
    assert [path for path, _ in listing["files"]][:2] == ["", "manifest.webmanifest"]
    for path, digest in listing["files"]:
        file = site / (path + "index.html" if path == "" or path.endswith("/") else path)
        assert save.digest(file.read_bytes()) == digest, path
    assert f"x {save.human_size(saved[0].size)}" in (site / "index.html").read_text("utf-8")
    worker = (site / save.WORKER).read_text("utf-8")
    assert f'const BUILD = "{listing["build"]}";' in worker and 'const DATE = "1970-01-02";' in worker
    assert json.loads((site / "zh-Hant" / save.LIST).read_text("utf-8"))["build"] == listing["build"]


def test_a_changed_file_makes_a_new_build(tmp_path: Path) -> None:
    builds = []
    for text in ("1", "2"):
        site = tiny_site(tmp_path / text)
        (site / "assets" / "app.js").write_text(text, "utf-8")
        save.prepare(site, [("zh-Hans", ""), ("zh-Hant", "zh-Hant/")], epoch=0)
        builds.append(json.loads((site / save.LIST).read_text("utf-8"))["build"])
    assert builds[0] != builds[1]


def test_what_cannot_be_stamped_or_filled_is_refused_with_the_file() -> None:
    with pytest.raises(save.OfflineSaveError, match=r"sw\.js: no lines"):
        save.stamp("const BUILD = 'x';", "b", "d")
    for html in ("no token", "@@SAVE_SIZE@@ @@SAVE_SIZE@@"):
        with pytest.raises(save.OfflineSaveError, match=r"home/index.html: expected one @@SAVE_SIZE@@"):
            save.fill_size(html, "1 KB", "home/index.html")
    assert 'const BUILD = "dev";' in WORKER_SOURCE and '\nconst DATE = "";' in WORKER_SOURCE


def test_the_manifest_starts_and_stays_in_its_variant() -> None:
    source = json.loads(app_manifest.manifest("指南", "指南", "说明", "zh-Hans", "", "#4051b5"))
    other = json.loads(app_manifest.manifest("指南", "指南", "說明", "zh-Hant", "zh-Hant/", "#4051b5"))
    assert source["start_url"] == source["scope"] == other["start_url"] == other["scope"] == "./"
    assert other["icons"][0]["src"] == "../assets/images/icon-192.png"
    assert {icon["purpose"] for icon in source["icons"]} == {"any", "maskable"}
    assert source["display"] == "standalone" and other["lang"] == "zh-Hant"
    for name, size, _ in app_manifest.ICONS:
        assert (ROOT / "overrides" / "assets" / "images" / name).read_bytes()[16:24] == size.to_bytes(
            4, "big"
        ) * 2  # the PNG header's width and height


def test_the_published_site_lists_stamps_and_links_what_a_variant_saves(built_site: Path) -> None:
    builds = set()
    for locale, prefix in VARIANTS.items():
        listing = json.loads((built_site / prefix / save.LIST).read_text("utf-8"))
        builds.add(listing["build"])
        listed = {path for path, _ in listing["files"]}
        pages = {path for path in guide_pages(built_site) if variant_at(path) == locale}
        assert pages <= listed
        assert {f"{prefix}search/search_index.json", f"{prefix}manifest.webmanifest"} <= listed
        assert "assets/javascripts/search-worker.js" in listed
        assert not [path for path in listed if path.startswith("download/") or path.endswith((".gz", ".map"))]
        others = [other for other in VARIANTS.values() if other != prefix and other.startswith(prefix)]
        assert not [path for path in listed if any(path.startswith(other) for other in others)]
        home = (built_site / prefix / "index.html").read_text("utf-8")
        assert f">{save.human_size(listing['size'])}" in home or save.human_size(listing["size"]) in home
        manifest = json.loads((built_site / prefix / app_manifest.NAME).read_text("utf-8"))
        assert not set(manifest["name"] + manifest["short_name"]) & foreign_characters(locale)
        assert manifest["lang"] == locale
        for page in pages:
            html = (built_site / page / "index.html").read_text("utf-8")
            assert re.search(r'<link rel="manifest" href="[^"]*manifest\.webmanifest">', html), page
            assert "guide-offline.js" in html and not re.search(r'<link rel="(prev|next)"', html), page
    [build] = builds
    assert f'const BUILD="{build}",' in (built_site / save.WORKER).read_text("utf-8")  # minified


def test_the_workers_parts_are_joined_in_order_and_never_published_apart(built_site: Path) -> None:
    assert worker_build.joined(["a\n", "b"]) == "a\nb\n"
    assert [part.name[0] for part in PARTS] == sorted(part.name[0] for part in PARTS)  # numbered in order
    assert WORKER_SOURCE.startswith("/*\n * The guide's service worker")
    assert not (built_site / "worker").exists() and (built_site / save.WORKER).is_file()


def test_the_offline_zip_has_no_worker_manifest_or_save_control(built_site: Path) -> None:
    with zipfile.ZipFile(built_site / OFFLINE_ZIP) as bundle:
        names = bundle.namelist()
        home = bundle.read("icbc-overdue-guide/index.html").decode("utf-8")
    assert not [name for name in names if name.endswith(("/sw.js", ".webmanifest", "offline.json"))]
    assert not [name for name in names if "/assets/images/icon-" in name]
    assert "guide-offline.js" not in home and "guide-save" not in home and 'rel="manifest"' not in home
