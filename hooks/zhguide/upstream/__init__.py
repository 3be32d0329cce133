"""Adapters: the only modules that know an upstream's internals.

One module per upstream (MkDocs with Python-Markdown, static-i18n, Material's
Python side, Material's browser side). Each states its contract in its
docstring, names the versions it was written for, and fails the build loudly
with `ContractError` (a PluginError naming the adapter and the installed
version) when the contract does not hold. Nothing outside this package
touches a private attribute, a template fork's original, a worker protocol
number or an upstream markup pattern.
"""

from __future__ import annotations

import functools
from importlib import metadata

from mkdocs.exceptions import PluginError
from packaging.specifiers import SpecifierSet
from packaging.version import Version


class ContractError(PluginError):
    """An upstream no longer does what an adapter was written for."""


@functools.cache
def installed(distribution: str) -> str:
    """The installed version of a distribution, or '' if it is not installed."""
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return ""


def fail(adapter: str, distribution: str, problem: str) -> ContractError:
    """The error an adapter raises: which adapter, which upstream version, what broke, what to do."""
    version = installed(distribution) or "not installed"
    return ContractError(
        f"hooks/zhguide/upstream/{adapter}.py: {distribution} {version}: {problem}. "
        f"Review the adapter's contract (its docstring) against this version."
    )


def require_version(adapter: str, distribution: str, written_for: str, found: str | None = None) -> None:
    """Fail unless the installed (or given) version lies in the range the adapter was written for."""
    version = installed(distribution) if found is None else found
    if not version or Version(version) not in SpecifierSet(written_for):
        raise fail(adapter, distribution, f"version {version or 'missing'} is outside {written_for}")
