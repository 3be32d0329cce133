"""Build a site's variants in parallel, one plain `mkdocs build` per variant, and assemble them.

Each process builds one variant (ZH_VARIANT, the zh-variants plugin's `only`)
into a folder of its own; the source variant's folder becomes the site and
every other variant's pages (its prefix, such as zh-Hant/) are moved into it.
The site is the same, file for file, as one `mkdocs build` of every variant
(tests/test_variant_builds.py). A failure in any variant fails the whole build
with that variant's own messages.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class VariantDir:
    locale: str
    prefix: str  # '' for the source variant: its folder is the site
    opencc: str | None = None  # the OpenCC configuration that generates it; None for the source


def configured_variants(config_file: Path) -> list[VariantDir]:
    """Every variant the config builds, the source (default) one first."""
    from mkdocs.config import load_config

    return variants_in(load_config(str(config_file)))


def variants_in(config) -> list[VariantDir]:
    """Every variant a loaded config builds, the source (default) one first."""
    from zhguide.upstream.i18n import languages

    built = [lang for lang in languages(config) if lang.build]
    variants = (VariantDir(lang.locale, lang.prefix, lang.opencc) for lang in built)
    return sorted(variants, key=lambda variant: variant.prefix != "")


def build_command(config_file: Path, site_dir: Path, quiet: bool) -> list[str]:
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(config_file)]
    return [*command, *(["-q"] if quiet else []), "--site-dir", str(site_dir)]


def outside_prefix(part: Path, prefix: str, source: Path) -> list[str]:
    """Files a variant's build wrote outside its prefix that the source variant's build did not."""
    return sorted(
        path.relative_to(part).as_posix()
        for path in part.rglob("*")
        if path.is_file()
        and not path.relative_to(part).as_posix().startswith(prefix)
        and not (source / path.relative_to(part)).is_file()
    )


def build_variants(config_file: Path, site_dir: Path, *, quiet: bool = False, **env: str) -> int:
    """Build every variant in its own process into site_dir (which must not exist); 0 on success.
    Each process's messages are relayed to stderr, variant by variant, once all have ended."""
    found = configured_variants(config_file)
    parts = site_dir.with_name(f"{site_dir.name}.variants")
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **env}
    processes = {
        variant: subprocess.Popen(
            build_command(config_file, parts / variant.locale, quiet),
            env={**environment, "ZH_VARIANT": variant.locale},
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        for variant in found
    }
    try:
        failed = []
        for variant, process in processes.items():
            output, _ = process.communicate()
            sys.stderr.write(output)
            if process.returncode:
                failed.append(variant.locale)
        if failed:
            plural = "s" if len(failed) > 1 else ""
            print(f"scripts/build: building the {', '.join(failed)} variant{plural} failed", file=sys.stderr)
            return 1
        source = parts / found[0].locale
        for variant in found[1:]:
            stray = outside_prefix(parts / variant.locale, variant.prefix, source)
            if stray:
                print(f"scripts/build: the {variant.locale} build wrote outside {variant.prefix}: {stray}",
                      file=sys.stderr)  # fmt: skip
                return 1
            (parts / variant.locale / variant.prefix).rename(source / variant.prefix)
        source.rename(site_dir)
        return 0
    finally:
        for process in processes.values():
            if process.poll() is None:
                process.kill()
        shutil.rmtree(parts, ignore_errors=True)
