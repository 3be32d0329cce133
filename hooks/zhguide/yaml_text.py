"""YAML as the build reads it: with libyaml's safe loader where PyYAML was built with it.

libyaml reads the same YAML about ten times faster than PyYAML's pure-Python
loader; the build reads every page's front matter and hooks/search_queries.yml
(3 times a build), so `mkdocs serve` rebuilds after each edit faster. Errors are
the same `yaml.YAMLError`s, with the same marks.
"""

from __future__ import annotations

import yaml

LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load(text: str) -> object:
    """The data of one YAML document (None for an empty one); yaml.YAMLError if it is not valid."""
    return yaml.load(text, Loader=LOADER)
