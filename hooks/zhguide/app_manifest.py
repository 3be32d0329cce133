"""Each variant's web app manifest (`<variant>/manifest.webmanifest`): the guide, installable.

Written in on_post_build by the variant's own build, so its names are in the
variant's script (static-i18n gives that build the variant's site_name and
extra). Only a build that publishes the service worker writes one
(scripts/build sets extra.service_worker), and main.html links it then.
Addresses are relative to the manifest: the variant's home is its start and
its scope; the icons (overrides/assets/images/) are the site's, shared.
"""

from __future__ import annotations

import json
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.utils import write_file

from .config import Build

NAME = "manifest.webmanifest"
ICONS = (  # (file under assets/images/, size, purpose)
    ("icon-192.png", 192, "any"),
    ("icon-512.png", 512, "any"),
    ("icon-maskable-512.png", 512, "maskable"),
)


def manifest(name: str, short_name: str, description: str, lang: str, prefix: str, theme: str) -> str:
    """The manifest of the variant at `prefix` ('' or 'zh-Hant/'), as JSON text."""
    up = "../" * prefix.count("/")
    data = {
        "id": "./",
        "name": name,
        "short_name": short_name,
        "description": description,
        "lang": lang,
        "dir": "ltr",
        "start_url": "./",
        "scope": "./",
        "display": "standalone",
        "theme_color": theme,
        "background_color": "#ffffff",
        "icons": [
            {
                "src": f"{up}assets/images/{name}",
                "sizes": f"{size}x{size}",
                "type": "image/png",
                "purpose": why,
            }
            for name, size, why in ICONS
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def write(*, config: MkDocsConfig, build: Build) -> None:
    """Write this variant's manifest, in a build that publishes the service worker."""
    if build.offline or not config.extra.get("service_worker"):
        return
    variant = build.variant
    text = manifest(
        config.site_name,
        config.extra.get("app_short_name") or config.site_name,
        config.site_description or "",
        variant.locale,
        variant.prefix,
        config.extra.get("theme_color") or "#4051b5",
    )
    write_file(text.encode("utf-8"), str(Path(config.site_dir, variant.prefix, NAME)))
