"""The glossary: phrase overrides that win over OpenCC, longest phrase first.

docs/glossary.yml has two sections:

    replace:                 # Simplified phrase: its form in the variants
      账单: 帳單              # one form for every variant, or
      信息: {zh-TW: 資訊}     # a form per variant (others fall back to OpenCC)
    keep:                    # phrases OpenCC must leave exactly as written
      - 余先生

A replace entry that maps a phrase to itself is an error: list it under keep.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from .zh_core import foreign_char, shield, utf8_error

SECTIONS = ("replace", "keep")
Pairs = tuple[tuple[str, str], ...]


class GlossaryError(ValueError):
    """A glossary problem, with the 1-based line it is on."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(f"{line}: {message}")
        self.line, self.message = line, message


@dataclass(frozen=True)
class Entry:
    phrase: str
    forms: tuple[tuple[str, str], ...]  # (lowercase language tag or "*", form)
    line: int


def _line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


def _text(node: yaml.Node, what: str) -> str:
    if not isinstance(node, yaml.ScalarNode) or not str(node.value).strip():
        raise GlossaryError(_line(node), f"{what} must be a non-empty string")
    return str(node.value)


def _forms(phrase: str, node: yaml.Node) -> tuple[tuple[str, str], ...]:
    if isinstance(node, yaml.MappingNode):
        forms = tuple(
            (_text(tag, "a language tag").lower(), _text(form, "a form")) for tag, form in node.value
        )
    else:
        forms = (("*", _text(node, f"the form of '{phrase}'")),)
    if not forms:
        raise GlossaryError(_line(node), f"'{phrase}' has no form")
    for _, form in forms:
        if form == phrase:
            raise GlossaryError(_line(node), f"'{phrase}' maps to itself; list it under 'keep:' instead")
    return forms


def parse(text: str) -> tuple[Entry, ...]:
    """Parse glossary YAML into entries; raises GlossaryError with a line number."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        raise GlossaryError(mark.line + 1 if mark else 1, f"not valid YAML: {error.problem}") from error
    if root is None:
        return ()
    if not isinstance(root, yaml.MappingNode):
        raise GlossaryError(_line(root), f"expected a mapping with the sections {', '.join(SECTIONS)}")
    entries, seen = [], {}
    for key, value in root.value:
        section = _text(key, "a section name")
        if section not in SECTIONS:
            raise GlossaryError(_line(key), f"unknown section '{section}'; expected {', '.join(SECTIONS)}")
        if section == "replace" and isinstance(value, yaml.MappingNode):
            items = [
                (_text(phrase, "a phrase"), _forms(phrase.value, form), _line(phrase))
                for phrase, form in value.value
            ]
        elif section == "keep" and isinstance(value, yaml.SequenceNode):
            items = [(_text(phrase, "a phrase"), (), _line(phrase)) for phrase in value.value]
        else:
            kind = "a mapping of phrase: form" if section == "replace" else "a list of phrases"
            raise GlossaryError(_line(value), f"'{section}' must be {kind}")
        for phrase, forms, line in items:
            if phrase in seen:
                raise GlossaryError(line, f"'{phrase}' is already listed on line {seen[phrase]}")
            seen[phrase] = line
            entries.append(Entry(phrase, forms, line))
    return tuple(entries)


def load(path: Path) -> tuple[Entry, ...]:
    """The glossary at path, or no entries if there is no such file; GlossaryError if it is not
    UTF-8 or not a glossary."""
    if not path.is_file():
        return ()
    data = path.read_bytes()
    if error := utf8_error(data):
        line, column, message = error
        raise GlossaryError(line, f"column {column}: {message}")
    return parse(data.decode("utf-8"))


def problems(entries: tuple[Entry, ...], variants: dict[str, str]) -> list[tuple[int, str]]:
    """(line, message) for each form a variant cannot use: a language tag that is no variant, or a
    form holding characters foreign to its variant (`variants`: lowercase locale -> OpenCC name)."""
    found = []
    for entry in entries:
        for tag, form in entry.forms:
            if tag != "*" and tag not in variants:
                known = ", ".join(sorted(variants))
                found.append((entry.line, f"'{tag}' in '{entry.phrase}' is no variant of the site ({known})"))
            for locale in variants if tag == "*" else [tag] if tag in variants else []:
                if stray := [char for char in dict.fromkeys(form) if foreign_char(char, variants[locale])]:
                    found.append((entry.line, f"the {locale} form '{form}' still holds {''.join(stray)}"))
    return found


@functools.lru_cache(maxsize=64)  # asked for every page of every build
def pairs_for(entries: tuple[Entry, ...], locale: str) -> Pairs:
    """(phrase, form) pairs that apply to one variant; keep entries map to themselves."""
    pairs = []
    for entry in entries:
        forms = dict(entry.forms)
        form = forms.get(locale.lower(), forms.get("*")) if forms else entry.phrase
        if form is not None:
            pairs.append((entry.phrase, form))
    return tuple(sorted(pairs))


@functools.lru_cache(maxsize=64)
def _pattern(pairs: Pairs) -> re.Pattern[str] | None:
    phrases = sorted((phrase for phrase, _ in pairs), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, phrases))) if phrases else None


def apply(text: str, pairs: Pairs) -> str:
    """Replace glossary phrases (longest first) by their forms, shielded from OpenCC."""
    pattern = _pattern(pairs)
    if pattern is None:
        return text
    forms = dict(pairs)
    return pattern.sub(lambda match: shield(forms[match[0]]), text)
