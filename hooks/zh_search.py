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


def segment(text: str, cut: Callable[[str], Iterable[str]]) -> str:
    """Separate the words of every Han run with U+200B, as Material's index expects."""
    text = text.replace(SEPARATOR, "")
    segmented = HAN.sub(
        lambda run: SEPARATOR + SEPARATOR.join(cut_like_shadow(run[0], cut)) + SEPARATOR, text
    )
    return segmented.strip(SEPARATOR)


def segment_index(index: dict, cut: Callable[[str], Iterable[str]]) -> dict:
    """A search index with every title and text segmented anew."""
    docs = [
        {**doc, "title": segment(doc["title"], cut), "text": segment(doc["text"], cut)}
        for doc in index["docs"]
    ]
    return {**index, "docs": docs}
