"""Chinese word segmentation for the search index, the same for both scripts.

jieba's dictionary is Simplified, so a Traditional text is cut by cutting its
Simplified shadow: every character folded to Simplified one for one, so the
cut positions carry over unchanged. The guide's own terms (hooks/search_terms.txt,
in jieba's user-dictionary format: word [frequency]) keep jieba from cutting
逾期多久会上门 as 会上/门. The fold table also ships with each search index,
so the browser can fold a query typed in either script.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable
from pathlib import Path

from zh_core import character_table

SEPARATOR = "\u200b"
HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]+")


@functools.cache
def fold_table() -> dict[str, str]:
    """Traditional character -> its first Simplified form, for single characters only."""
    return {
        char: forms[0]
        for char, forms in character_table("TSCharacters.txt").items()
        if len(char) == 1 and len(forms[0]) == 1 and forms[0] != char
    }


def fold(text: str) -> str:
    """text with every Traditional character replaced by its Simplified form, length kept."""
    table = fold_table()
    return "".join(table.get(char, char) for char in text)


def fold_subset(texts: Iterable[str]) -> dict[str, str]:
    """The part of the fold table that the given texts use."""
    table = fold_table()
    return {char: table[char] for text in texts for char in set(text) if char in table}


@functools.lru_cache(maxsize=4)
def tokenizer(terms_path: Path, modified_ns: int):
    """jieba's default tokenizer with the guide's terms added, once per version of the terms file."""
    import jieba

    jieba.setLogLevel(60)
    jieba.initialize()
    if terms_path.is_file():
        jieba.load_userdict(str(terms_path))
    return jieba.dt


def cut_like_shadow(run: str, cut: Callable[[str], Iterable[str]]) -> list[str]:
    """Cut a run of Han characters where its Simplified shadow is cut."""
    pieces, start = [], 0
    for word in cut(fold(run)):
        pieces.append(run[start : start + len(word)])
        start += len(word)
    return pieces


def parts_of(word: str, cut_for_search: Callable[[str], Iterable[str]]) -> list[str]:
    """The shorter words inside a word (信用卡逾期: 信用, 信用卡, 逾期), in the word's own script."""
    shadow = fold(word)
    return [
        word[shadow.index(part) : shadow.index(part) + len(part)]
        for part in cut_for_search(shadow)
        if part != shadow
    ]


def segment(text: str, tokenizer) -> tuple[str, list[str]]:
    """Text with its Han words separated by U+200B, as Material's index expects, and the
    shorter words inside its longer ones, so that a query for a part still finds them."""
    parts: list[str] = []

    def cut_run(run: re.Match[str]) -> str:
        words = cut_like_shadow(run[0], tokenizer.cut)
        for word in words:
            if len(word) > 2:
                parts.extend(parts_of(word, tokenizer.cut_for_search))
        return SEPARATOR + SEPARATOR.join(words) + SEPARATOR

    segmented = HAN.sub(cut_run, text.replace(SEPARATOR, "")).strip(SEPARATOR)
    return segmented, parts


def segment_index(index: dict, tokenizer) -> dict:
    """A search index with every title and text cut anew, and a hidden `parts` field
    holding the shorter words inside the longer ones."""
    docs = []
    for doc in index["docs"]:
        title, title_parts = segment(doc["title"], tokenizer)
        text, text_parts = segment(doc["text"], tokenizer)
        parts = list(dict.fromkeys(title_parts + text_parts))
        docs.append({**doc, "title": title, "text": text, **({"parts": " ".join(parts)} if parts else {})})
    fields = {**index["config"]["fields"], "parts": {"boost": 1.0}}
    return {**index, "config": {**index["config"], "fields": fields}, "docs": docs}


def load_queries(path: Path) -> dict:
    """Readers' phrasings: {'synonyms': {phrase: [words]}, 'ignore': [words]}; ValueError if malformed."""
    import yaml

    data = yaml.safe_load(path.read_text("utf-8")) if path.is_file() else {}
    synonyms, ignore = (data or {}).get("synonyms") or {}, (data or {}).get("ignore") or []
    valid = isinstance(synonyms, dict) and isinstance(ignore, list)
    valid = valid and all(
        isinstance(words, list) and all(map(str.strip, map(str, words))) for words in synonyms.values()
    )
    if not valid:
        raise ValueError(f"{path.name}: expected 'synonyms: {{phrase: [words]}}' and 'ignore: [words]'")
    return {
        "synonyms": {str(k): [str(w) for w in v] for k, v in synonyms.items()},
        "ignore": [str(w) for w in ignore],
    }
