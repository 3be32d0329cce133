"""The glossary: phrase overrides that win over OpenCC, longest phrase first.

docs/glossary.yml has two sections:

    replace:                 # Simplified phrase: its form in the variants
      账单: 帳單              # one form for every variant (in each variant's own glyphs), or
      信息: {zh-TW: 資訊}     # a form per variant, as written (others fall back to OpenCC)
    keep:                    # phrases OpenCC must leave exactly as written
      - 余先生

A replace entry that maps a phrase to itself is an error: list it under keep.
A form for every variant chooses the word; each variant writes it in its own
character standard (in_standard): 账户: 帳戶 gives 帳戶 in zh-Hant (s2tw) and
帳户 in zh-HK (s2hk), whose standard writes 户.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from .zh_core import character_table, convert, foreign_char, shield, utf8_error

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


def _other_glyph(char: str, config_name: str) -> bool:
    """True for a Traditional character the variant writes another way (戶 in s2hk, which writes
    户); not for a Simplified one, which a form for every variant must not hold (the glossary picks
    among 發 and 髮 where a table cannot)."""
    simplified = character_table("STCharacters.txt").get(char)
    return foreign_char(char, config_name) and (simplified is None or char in simplified)


@functools.lru_cache(maxsize=1024)
def in_standard(form: str, config_name: str) -> str:
    """A form written for every variant, in one variant's own character standard: each Traditional
    character the variant writes another way becomes what the variant's OpenCC configuration makes
    of it, one character at a time (帳戶 -> 帳户 for s2hk). The glossary chose the word; the glyphs
    are the variant's. A Simplified character stays, for problems() to report."""
    return "".join(convert(char, config_name) if _other_glyph(char, config_name) else char for char in form)


def problems(entries: tuple[Entry, ...], variants: dict[str, str]) -> list[tuple[int, str]]:
    """(line, message) for each form a variant cannot use: a language tag that is no variant, or a
    form holding characters foreign to its variant (`variants`: lowercase locale -> OpenCC name);
    a form for every variant is checked as each variant writes it (in_standard)."""
    found = []
    for entry in entries:
        for tag, form in entry.forms:
            if tag != "*" and tag not in variants:
                known = ", ".join(sorted(variants))
                found.append((entry.line, f"'{tag}' in '{entry.phrase}' is no variant of the site ({known})"))
            for locale in variants if tag == "*" else [tag] if tag in variants else []:
                written = in_standard(form, variants[locale]) if tag == "*" else form
                if stray := [char for char in dict.fromkeys(written) if foreign_char(char, variants[locale])]:
                    found.append((entry.line, f"the {locale} form '{written}' still holds {''.join(stray)}"))
    return found


@functools.lru_cache(maxsize=64)  # asked for every page of every build
def pairs_for(entries: tuple[Entry, ...], locale: str, config_name: str | None = None) -> Pairs:
    """(phrase, form) pairs that apply to one variant (of OpenCC configuration `config_name`, whose
    character standard a form for every variant follows); keep entries map to themselves."""
    pairs = []
    for entry in entries:
        forms = dict(entry.forms)
        form = forms.get(locale.lower(), forms.get("*")) if forms else entry.phrase
        if form is not None and config_name and locale.lower() not in forms and "*" in forms:
            form = in_standard(form, config_name)
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
