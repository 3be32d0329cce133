"""Compile each Jinja template once, not once per variant and per build: a bytecode cache.

MkDocs makes a new Jinja environment for every build, and static-i18n builds
each variant with one of its own, so Material's templates were compiled again
for every variant, every `mkdocs build` and every `mkdocs serve` rebuild. Jinja's
file-system bytecode cache (a private folder in the temporary directory) keys
each template by its name and file and checks its source's checksum, so an
edited template is compiled afresh.
"""

from __future__ import annotations

import functools

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files


@functools.lru_cache(maxsize=1)
def bytecode_cache() -> jinja2.BytecodeCache:
    """The one bytecode cache every build of this process shares."""
    return jinja2.FileSystemBytecodeCache()


def on_env(env: jinja2.Environment, *, config: MkDocsConfig, files: Files) -> jinja2.Environment:
    """Give the build's Jinja environment the shared bytecode cache."""
    env.bytecode_cache = bytecode_cache()
    return env
