"""Build a site's variants in parallel, one plain `mkdocs build` per variant, and assemble them.

Each process builds one variant (ZH_VARIANT, the zh-variants plugin's `only`)
into a folder of its own; the source variant's folder becomes the site and
every other variant's pages (its prefix, such as zh-Hant/) are moved into it.
The site is the same, file for file, as one `mkdocs build` of every variant
(tests/test_variant_builds.py). A failure in any variant fails the whole build
with that variant's own messages.

Each variant's build runs in a fork of this process, which has already
imported MkDocs, Material and the plugins to read the config: a fresh
interpreter would import them again, a quarter of a second per variant and
most of the cost of a small build. The child runs MkDocs' own command line
(`mkdocs build --strict`), its output on a pipe (scripts/_fork.py). A process with other threads
(a test runner's) is not forked, whose locks a child could inherit held: there
each variant is a new `python -m mkdocs build`, as before.
"""

from __future__ import annotations

import importlib
import os
import shutil
import signal
import sys
from dataclasses import dataclass
from pathlib import Path

from _fork import can_fork, forked

# What every variant's build imports, imported once before forking (a missing one is the build's
# own error to report, in the child).
PRELOAD = ("mkdocs.__main__", "mkdocs.commands.build", "material.plugins.search.plugin", "opencc")


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


def build_arguments(config_file: Path, site_dir: Path, quiet: bool) -> list[str]:
    """`mkdocs`'s arguments for one strict build."""
    arguments = ["build", "--strict", "--config-file", str(config_file), "--site-dir", str(site_dir)]
    return [*arguments, *(["-q"] if quiet else [])]


def _mkdocs(arguments: list[str]) -> None:
    """MkDocs' own command line, in this process."""
    from mkdocs.__main__ import cli

    cli.main(args=arguments, prog_name="mkdocs")


def start_build(arguments: list[str], environment: dict[str, str]) -> tuple[int, int]:
    """Start one `mkdocs` command: (its process id, the pipe its output and errors come on)."""
    if can_fork():
        for name in PRELOAD:
            try:
                importlib.import_module(name)
            except ImportError:
                pass
        pid, read, _ = forked(lambda: _mkdocs(arguments), environment)
        return pid, read
    read, write = os.pipe()
    actions = [(os.POSIX_SPAWN_DUP2, write, 1), (os.POSIX_SPAWN_DUP2, write, 2)]
    command = [sys.executable, "-m", "mkdocs", *arguments]
    pid = os.posix_spawn(sys.executable, command, environment, file_actions=actions)
    os.close(write)
    return pid, read


def finished(pid: int, output: int) -> tuple[int, str]:
    """Wait for a started build: its exit code and everything it wrote."""
    with open(output, encoding="utf-8", errors="replace") as stream:
        text = stream.read()
    return os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]), text


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
    running = {
        variant: start_build(
            build_arguments(config_file, parts / variant.locale, quiet),
            {**environment, "ZH_VARIANT": variant.locale},
        )
        for variant in found
    }
    try:
        failed = []
        for variant in found:
            code, output = finished(*running.pop(variant))
            sys.stderr.write(output)
            if code:
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
        for pid, output in running.values():  # not waited for: an error stopped the waiting
            os.kill(pid, signal.SIGKILL)
            finished(pid, output)
        shutil.rmtree(parts, ignore_errors=True)
