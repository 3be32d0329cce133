"""Stock Material + jieba on the guide's own pages: the baseline scripts/bench-search prints beside
the guide's search.

A copy of a built site (published, or the unpacked offline download) in which
Material's search worker answers queries as shipped, unwrapped: no fold table,
no readers' phrasings, no ranking of the guide's. Each variant's index is the
one Material's search plugin writes for a Chinese site when jieba is installed:
every Han run cut by jieba's default dictionary, between U+200B breaks; the
configuration of Material's Chinese language files (partials/languages/zh.html:
its separator and pipeline, English lunr as the fallback language) and its
default field boosts; no per-document boost. The entries (pages, sections and
their text) are the guide's, so only the search differs.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

INDEX = "search/search_index.json"
WORKER = "assets/javascripts/search-worker.js"
OFFLINE_PREFIX = "var __index = "  # Material's offline plugin writes the index as this script
HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
BREAKS = re.compile(
    r"(?<=[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff])[ \u200b]+(?=[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff])"
)
CONFIG = {
    "lang": ["en"],
    "separator": "[\\s\\u200b\\u3000\\-、。，．？！；]+",
    "pipeline": ["stemmer"],
    "fields": {"title": {"boost": 1000.0}, "text": {"boost": 1.0}, "tags": {"boost": 1000000.0}},
}
# Material's worker as shipped, loaded where the page starts the guide's (material-patches.js);
# from file://, iframe-worker runs this as a script in an iframe, whose address it is.
PASSTHROUGH = """var address = self.document && document.currentScript ?
  document.currentScript.src : self.location.href;
importScripts(new URL("workers/{name}", address).href);
"""


def stock_text(text: str, cut) -> str:
    """A text as Material's search plugin indexes it with jieba: the guide's word breaks undone,
    each Han run cut by `cut` (jieba.cut) between U+200B breaks."""
    plain = BREAKS.sub("", re.sub(r"<[^>]*>", " ", text))
    return HAN.sub(lambda run: "\u200b" + "\u200b".join(cut(run[0])) + "\u200b", plain).strip("\u200b")


def stock_index(index: dict, cut) -> dict:
    """Material's own index of the same entries."""
    docs = [
        {
            "location": doc["location"],
            "title": stock_text(doc["title"], cut),
            "text": stock_text(doc["text"], cut),
        }
        for doc in index["docs"]
    ]
    return {"config": CONFIG, "docs": docs}


def stock_copy(site: Path, copy: Path, prefixes: list[str]) -> Path:
    """A copy of a built site (or unpacked download) searched by stock Material + jieba."""
    import jieba

    jieba.setLogLevel(60)
    shutil.copytree(site, copy)
    [material] = (copy / WORKER).parent.glob("workers/search.*.min.js")
    (copy / WORKER).write_text(PASSTHROUGH.replace("{name}", material.name), "utf-8")
    for prefix in prefixes:
        published = copy / prefix / INDEX
        offline = published.with_suffix(".js")
        if published.is_file():
            index = json.loads(published.read_text("utf-8"))
            published.write_text(json.dumps(stock_index(index, jieba.cut), ensure_ascii=False), "utf-8")
        if offline.is_file():
            index = json.loads(offline.read_text("utf-8").removeprefix(OFFLINE_PREFIX))
            data = json.dumps(stock_index(index, jieba.cut), ensure_ascii=False)
            offline.write_text(OFFLINE_PREFIX + data, "utf-8")
    for packed in copy.rglob("search*.gz"):
        packed.unlink()  # a server would send the guide's index or worker
    return copy
