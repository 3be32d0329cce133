"""Chinese word segmentation for the search index, the same for both scripts.

jieba's dictionary is Simplified, so a Traditional text is cut by cutting its
Simplified shadow: every character folded to Simplified one for one, so the
cut positions carry over unchanged. The guide's own terms (hooks/search_terms.txt,
in jieba's user-dictionary format: word [frequency]) keep jieba from cutting
逾期多久会上门 as 会上/门. The browser folds with OpenCC's whole tables
(search_help.search_folds), which include this one.
"""

from __future__ import annotations

import functools
import os
import re
from pathlib import Path

from .zh_core import character_table

SEPARATOR = "\u200b"
HAN_CHAR = r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]"
HAN = re.compile(HAN_CHAR + "+")


@functools.cache
def fold_table() -> dict[str, str]:
    """Traditional character -> its first Simplified form, for single characters only."""
    return {
        char: forms[0]
        for char, forms in character_table("TSCharacters.txt").items()
        if len(char) == 1 and len(forms[0]) == 1 and forms[0] != char
    }


@functools.cache
def regional_forms() -> frozenset[str]:
    """Characters a regional standard writes for another one (Taiwan's 著 for 着): jieba's
    dictionary lists their words as well (意味著), and a Traditional text is cut with them."""
    return frozenset(
        form
        for variants in ("TWVariants.txt", "HKVariants.txt")
        for forms in character_table(variants).values()
        for form in forms
    )


@functools.cache
def _fold_translation() -> dict[int, str]:
    return {ord(char): simplified for char, simplified in fold_table().items()}


def fold(text: str) -> str:
    """text with every Traditional character replaced by its Simplified form, length kept."""
    return text.translate(_fold_translation())


# jieba's rarest words cost most of its start-up (its full dictionary takes about a
# second to load) and never decide a cut in the guide; the same idea as jieba's dict.txt.small.
MIN_FREQUENCY = 10


def common_words(dictionary: str, min_frequency: int, keep: frozenset[str] = frozenset()) -> str:
    """The lines of a jieba dictionary (word frequency [tag]) whose word is at least that frequent
    or holds one of the characters to keep."""
    return "".join(
        line
        for line in dictionary.splitlines(keepends=True)
        if int(line.split(" ", 2)[1]) >= min_frequency or not keep.isdisjoint(line.split(" ", 1)[0])
    )


def small_dictionary(min_frequency: int = MIN_FREQUENCY) -> Path:
    """jieba's dictionary without its rare words, written once to this user's private cache."""
    import jieba

    from .cache import private_cache

    path = private_cache() / f"jieba-{jieba.__version__}-min{min_frequency}-regional.dict.txt"
    if not path.is_file():
        source = Path(jieba.__file__).with_name("dict.txt").read_text("utf-8")
        partial = path.with_suffix(f".{os.getpid()}.part")
        partial.write_text(common_words(source, min_frequency, regional_forms()), "utf-8")
        partial.replace(path)  # atomic: a parallel build never reads half a dictionary
    return path


@functools.lru_cache(maxsize=4)
def tokenizer(terms_path: Path, modified_ns: int):
    """jieba with its common words and the guide's terms, once per version of the terms file."""
    import jieba

    jieba.setLogLevel(60)
    cutter = jieba.Tokenizer(str(small_dictionary()))
    cutter.initialize()
    if terms_path.is_file():
        cutter.load_userdict(str(terms_path))
    return cutter


@functools.lru_cache(maxsize=1 << 16)
def cut_shadow(shadow: str, tokenizer) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """A Simplified run's words, and the shorter words inside its longer ones (信用卡逾期: 信用,
    信用卡, 逾期). Cached: both scripts share a shadow, and pages share phrases."""
    words = tuple(tokenizer.cut(shadow))
    parts = tuple(
        part for word in words if len(word) > 2 for part in tokenizer.cut_for_search(word) if part != word
    )
    return words, parts


def segment(text: str, tokenizer) -> tuple[str, list[str]]:
    """Text with its Han words separated by U+200B, as Material's index expects, and the
    shorter words inside its longer ones, so that a query for a part still finds them.
    A Traditional run is cut where its Simplified shadow is, and its parts keep its script."""
    parts: list[str] = []

    def cut_run(run: re.Match[str]) -> str:
        own, shadow = run[0], fold(run[0])
        words, shadow_parts = cut_shadow(shadow, tokenizer)
        pieces, start = [], 0
        for word in words:
            pieces.append(own[start : start + len(word)])
            start += len(word)
        for part in shadow_parts:  # a part's first place in the run, in the run's own script
            at = shadow.index(part)
            parts.append(own[at : at + len(part)])
        return SEPARATOR + SEPARATOR.join(pieces) + SEPARATOR

    segmented = HAN.sub(cut_run, text.replace(SEPARATOR, "")).strip(SEPARATOR)
    return segmented, parts


def segment_doc(doc: dict, tokenizer) -> dict:
    """A search entry with its title and text cut anew, and a hidden `parts` field holding
    the shorter words inside the longer ones (if any)."""
    title, title_parts = segment(doc["title"], tokenizer)
    text, text_parts = segment(doc["text"], tokenizer)
    held = set(re.split(f"[{SEPARATOR}\\s]+", title + SEPARATOR + text))
    parts = [part for part in dict.fromkeys(title_parts + text_parts) if part not in held]
    return {**doc, "title": title, "text": text, **({"parts": " ".join(parts)} if parts else {})}


def segmented_config(config: dict) -> dict:
    """An index's configuration with the `parts` field that segment_doc adds."""
    return {**config, "fields": {**config["fields"], "parts": {"boost": 1.0}}}


def compact_breaks(text: str, separator: re.Pattern[str]) -> str:
    """Text whose word breaks take one byte, not three: a U+200B next to another separator
    (or an end of the text) goes, any other becomes a space. Either way Material's index
    finds the same words. `separator` matches one separator character."""
    other = separator.pattern.replace("\\u200b", "").replace(SEPARATOR, "")  # the others
    text = re.sub(SEPARATOR + "+", SEPARATOR, text).strip(SEPARATOR)
    text = re.sub(f"(?<={other}){SEPARATOR}|{SEPARATOR}(?={other})", "", text)
    return text.replace(SEPARATOR, " ")


def restore_breaks(text: str) -> str:
    """What the browser reads from a compact index: a space between Han characters is U+200B again."""
    return re.sub(f"(?<={HAN_CHAR}) (?={HAN_CHAR})", SEPARATOR, text)


def plain_text(html: str) -> str:
    """Indexed HTML as plain text, one line per paragraph or item: Material shows a result's text
    as a teaser, where tags only added weight."""
    return re.sub(r"\s*\n\s*", "\n", re.sub(r"<[^>]*>", "\n", html)).strip()


def compact_doc(doc: dict, separator: re.Pattern[str]) -> dict:
    """A search entry for the published site: plain text, word breaks of one byte (the browser
    restores U+200B between Han characters, overrides/assets/javascripts/search-worker.js).
    `separator` matches one character of the index's separator."""
    return {
        **doc,
        "title": compact_breaks(doc["title"], separator),
        "text": compact_breaks(plain_text(doc["text"]), separator),
    }


def one_separator(separator: str) -> re.Pattern[str]:
    """One character of an index's separator (a character class and its +)."""
    return re.compile(separator.rstrip("+"))


def compact_config(config: dict) -> dict:
    """An index's configuration without the field the guide does not use."""
    return {**config, "fields": {name: field for name, field in config["fields"].items() if name != "tags"}}


def prepared_doc(doc: dict, tokenizer, separator: re.Pattern[str] | None) -> dict:
    """A search entry as the guide's index holds it: cut anew, then compact if a separator
    is given (the published site; the offline download keeps Material's own format)."""
    doc = segment_doc(doc, tokenizer)
    return compact_doc(doc, separator) if separator else doc


def prepared_config(config: dict, compact: bool) -> dict:
    """The index configuration for entries made by prepared_doc."""
    config = segmented_config(config)
    return compact_config(config) if compact else config
