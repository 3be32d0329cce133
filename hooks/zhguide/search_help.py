"""What the browser's search reads besides the index: OpenCC's whole fold tables, and the readers'
phrasings (hooks/search_queries.yml). Both ship in the search worker (search_index.query_help)."""

from __future__ import annotations

import functools
from pathlib import Path

from . import yaml_text
from .zh_core import character_table
from .zh_search import fold, fold_table


def _fixed_point(char: str, steps: dict[str, str]) -> str:
    """Where a character's folds lead (麼 to 么 to 幺), so that folding twice changes nothing."""
    seen = [char]
    while (char := steps.get(char, char)) not in seen:
        seen.append(char)
    return seen[-1]


@functools.cache
def search_folds(extra: tuple[tuple[str, str], ...] = ()) -> tuple[dict[str, str], dict[str, str]]:
    """What a query and the index are folded with in the browser, whole: every Traditional or
    regional character (Taiwan's 偽, Hong Kong's 着) to its Simplified form, and every OpenCC
    phrase that folds otherwise than its characters do (一目瞭然: 一目了然), same length only,
    so a folded text keeps its characters' places. Folding is idempotent: a Simplified
    text folds as its Traditional form does. `extra` folds characters readers write for
    one another that OpenCC keeps apart (Taiwan's 帳 for 賬: 帐 to 账)."""
    standard = {
        variant: chars[0]
        for name in ("TWVariantsRev.txt", "HKVariantsRev.txt")
        for variant, chars in character_table(name).items()
        if len(variant) == 1 and len(chars[0]) == 1
    }
    steps = {**{variant: fold(char) for variant, char in standard.items()}, **fold_table(), **dict(extra)}
    chars = {char: folded for char in steps if (folded := _fixed_point(char, steps)) != char}
    fold_all = str.maketrans(chars)
    phrases = {
        phrase: target
        for phrase, forms in character_table("TSPhrases.txt").items()
        if len(phrase) == len(forms[0])
        and phrase.translate(fold_all) != (target := forms[0].translate(fold_all))
    }
    return chars, phrases


NO_MATCH_KEYS = ("section", "title", "text")


def key_line(text: str, key: str) -> int:
    """The line of a top-level YAML key, for messages (1 if absent)."""
    return next((n for n, line in enumerate(text.splitlines(), 1) if line.startswith(f"{key}:")), 1)


def entry_line(text: str, key: str, entry: str) -> int:
    """The line of an entry under a top-level YAML key, for messages (the key's line if absent)."""
    start = key_line(text, key)
    lines = text.splitlines()[start:]
    return next((n for n, line in enumerate(lines, start + 1) if line.strip().startswith(f"{entry}:")), start)


def _word_lists(value: object) -> bool:
    """Whether a YAML value is {key: [words]}, each word a non-empty text."""
    return isinstance(value, dict) and all(
        isinstance(words, list) and all(map(str.strip, map(str, words))) for words in value.values()
    )


def load_queries(path: Path) -> dict:
    """Readers' phrasings: {'synonyms': {phrase: [words]}, 'asked': {question id: [words]},
    'learnt': {question id: [words]} and 'examples': {question id: [queries]} (both written by
    scripts/learn-asked), 'ignore': [words], 'no_match':
    {section, title, text} or None, 'folds': {character: character}}; ValueError naming the file
    and line if malformed."""
    import yaml

    text = path.read_text("utf-8") if path.is_file() else ""
    try:
        data = yaml_text.load(text) or {}
    except yaml.YAMLError as error:
        line = error.problem_mark.line + 1 if getattr(error, "problem_mark", None) else 1
        raise ValueError(f"{path.name}:{line}: not valid YAML") from error
    if not isinstance(data, dict):
        raise ValueError(
            f"{path.name}:1: expected the keys synonyms, asked, learnt, examples, ignore, folds and no_match"
        )
    synonyms, ignore, no_match = data.get("synonyms") or {}, data.get("ignore") or [], data.get("no_match")
    if not _word_lists(synonyms):
        raise ValueError(
            f"{path.name}:{key_line(text, 'synonyms')}: expected 'synonyms: {{phrase: [words]}}'"
        )
    lists = {key: data.get(key) or {} for key in ("asked", "learnt", "examples")}
    for key, value in lists.items():
        if not _word_lists(value):
            what = "queries" if key == "examples" else "words"
            line = key_line(text, key)
            raise ValueError(f"{path.name}:{line}: expected '{key}: {{question id: [{what}]}}'")
    if not isinstance(ignore, list):
        raise ValueError(f"{path.name}:{key_line(text, 'ignore')}: expected 'ignore: [words]'")
    folds = data.get("folds") or {}
    if not isinstance(folds, dict) or not all(
        isinstance(key, str) and isinstance(value, str) and len(key) == len(value) == 1 and key != value
        for key, value in folds.items()
    ):
        line = key_line(text, "folds")
        raise ValueError(
            f"{path.name}:{line}: expected 'folds: {{character: character}}', one character each"
        )
    if no_match is not None and not (
        isinstance(no_match, dict)
        and sorted(no_match) == sorted(NO_MATCH_KEYS)
        and all(isinstance(value, str) and value.strip() for value in no_match.values())
    ):
        line = key_line(text, "no_match")
        raise ValueError(
            f"{path.name}:{line}: expected 'no_match: {{section: …, title: …, text: …}}', each a text"
        )
    return {
        "synonyms": {str(k): [str(w) for w in v] for k, v in synonyms.items()},
        **{key: {str(k): [str(w) for w in v] for k, v in value.items()} for key, value in lists.items()},
        "ignore": [str(w) for w in ignore],
        "no_match": no_match,
        "folds": folds,
    }
