"""Build the other variants in a second process while this one builds the default variant.

static-i18n builds the variants one after the other in one process, from its
on_post_build: on a large guide that leaves a second core idle for half of the
build. Here, once the default build has its navigation, a forked process builds
the other variants exactly as static-i18n's loop would (the same configuration,
the same hooks, into the same site directory), and when static-i18n's loop
reaches them it collects that process's search entries instead of building
them again. The site is the same, file for file; only the work is spread.

Where forking is not possible or not safe, static-i18n builds as before: without
os.fork, in a process that runs other threads (`mkdocs serve` rebuilds while
its server thread runs), inside static-i18n's own loop, or if static-i18n no
longer calls MkDocs' `build` the way this expects.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import sys
import threading
from types import ModuleType

from mkdocs import utils
from mkdocs.commands import build as mkdocs_build
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation

from variant_pages import built_languages, i18n

log = logging.getLogger("mkdocs.plugins.parallel_variants")

STATIC_I18N = "mkdocs_static_i18n.plugin"  # whose loop calls `build` for each other variant
SITEMAP = "sitemap.xml"  # every variant's build writes it; the last one lists all variants
QUIET = ("Documentation built in", "Building documentation to directory")  # per nested build


def other_locales(languages: list[tuple[str, bool]]) -> list[str]:
    """The locales static-i18n builds after the default one, in order: (locale, default) pairs in."""
    return [locale for locale, default in languages if not default]


def can_fork(*, has_fork: bool, threads: int, default_build: bool, loop_calls_build: bool) -> bool:
    """Fork only where it is safe (one thread) and only from the default build, whose
    static-i18n loop would build the other variants with MkDocs' own `build`."""
    return has_fork and threads == 1 and default_build and loop_calls_build


def build_variants(config: MkDocsConfig, plugin, locales: list[str], send) -> None:
    """In the forked process: build each variant as static-i18n's loop would, send back the
    search entries (or the error) and end."""
    utils.clean_directory = lambda _: None  # as in static-i18n's loop: the default variant stays
    plugin.building = True  # no loop of its own: this process builds exactly `locales`
    logging.getLogger("mkdocs.commands.build").addFilter(lambda r: not r.getMessage().startswith(QUIET))
    first = len(plugin.search_entries)
    try:
        for locale in locales:
            plugin.current_language = locale
            mkdocs_build.build(config)
    except Abort as error:  # the build has logged its errors and warnings; the parent raises
        send.send(("error", str(error)))
    except Exception as error:  # unexpected: the traceback is only here, in this process
        log.error(f"{type(error).__name__}: {error}", exc_info=True)
        send.send(("error", f"{type(error).__name__}: {error}"))
    else:
        send.send(("entries", plugin.search_entries[first:]))
    finally:
        send.close()


class ForkedVariants:
    """The other variants' build in a forked process. While static-i18n's loop runs, it stands
    in for the `build` that loop calls: for a forked variant it collects the process's results."""

    def __init__(self, config: MkDocsConfig, plugin, module: ModuleType, locales: list[str]) -> None:
        self.config, self.plugin, self.module, self.locales = config, plugin, module, locales
        context = multiprocessing.get_context("fork")
        self.receive, send = context.Pipe(duplex=False)
        self.process = context.Process(target=build_variants, args=(config, plugin, locales, send))
        self.process.start()
        send.close()
        self.real_build = module.build
        self.collected = False
        module.build = self
        self.sitemap = SITEMAP in config.theme.static_templates
        config.theme.static_templates.discard(SITEMAP)  # the other process's last build writes it

    def __call__(self, config: MkDocsConfig, **options) -> None:
        """static-i18n's loop asks for one variant: collect it, or build one not forked."""
        if self.plugin.current_language not in self.locales:
            self.real_build(config, **options)
        elif not self.collected:
            self.collected = True
            self.plugin.search_entries.extend(self.results())

    def results(self) -> list[dict]:
        """The forked process's search entries, once it has ended well."""
        try:
            kind, value = self.receive.recv()
        except EOFError:
            kind, value = "error", f"the process ended with code {self.process.exitcode}"
        self.process.join()
        if kind != "entries" or self.process.exitcode != 0:
            raise PluginError(f"Building the {', '.join(self.locales)} variant failed: {value}")
        return value

    def restore(self) -> None:
        """Stop the process if it still runs; give static-i18n and the theme back their own."""
        if self.process.is_alive():
            self.process.terminate()
        self.process.join()
        self.receive.close()
        self.module.build = self.real_build
        if self.sitemap:
            self.config.theme.static_templates.add(SITEMAP)


def stand_in() -> ForkedVariants | None:
    """The running ForkedVariants, if this build started one."""
    found = getattr(sys.modules.get(STATIC_I18N), "build", None)
    return found if isinstance(found, ForkedVariants) else None


# After static-i18n (-100): its on_nav makes this variant's pages, which the other
# variants' sitemap lists, so the forked process must start with them.
@event_priority(-120)
def on_nav(nav: Navigation, *, config: MkDocsConfig, files: Files) -> None:
    """From the default variant's build, start building the others in a forked process."""
    plugin, module = i18n(config), sys.modules.get(STATIC_I18N)
    default = plugin.default_language
    locales = other_locales([(language.locale, language.default) for language in built_languages(config)])
    loop_known = getattr(module, "build", None) is mkdocs_build.build and all(
        hasattr(plugin, name) for name in ("building", "current_language", "search_entries")
    )  # static-i18n's loop and the state it keeps, as this hook expects them
    fork = can_fork(
        has_fork=hasattr(os, "fork"),
        threads=threading.active_count(),
        default_build=loop_known and not plugin.building and plugin.current_language == default,
        loop_calls_build=loop_known,
    )
    if locales and not loop_known:
        log.info("static-i18n is not the version this hook knows: variants build one after the other")
    elif locales and fork:
        log.debug(f"Building {', '.join(locales)} in a forked process")
        ForkedVariants(config, plugin, module, locales)


# After static-i18n's loop (-100) and the search index (-110), which need the other variants.
@event_priority(-120)
def on_post_build(*, config: MkDocsConfig) -> None:
    """Check the forked variants were collected; give static-i18n back its own build."""
    running = stand_in()
    if running is None:
        return
    running.restore()
    if not running.collected:
        raise PluginError(f"static-i18n did not build the {', '.join(running.locales)} variant")


def on_build_error(*, error: Exception) -> None:
    """Stop the forked build if this one failed."""
    running = stand_in()
    if running is not None:
        running.restore()
