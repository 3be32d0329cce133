"""The zh-variants plugin's options, and what one variant's build knows."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.structure.files import File

from .faq_schema import Question
from .share_pages import Share
from .upstream.material_browser import SearchWorker
from .variants import Variant


class VariantsConfig(Config):
    glossary = c.Type(str, default="glossary.yml")  # in docs_dir; not published
    search_terms = c.Type(str, default="hooks/search_terms.txt")  # beside mkdocs.yml
    search_queries = c.Type(str, default="hooks/search_queries.yml")  # beside mkdocs.yml
    search_separator = c.Type(str, default=r"[\s\u200b\-]+")
    title_boost = c.Type((int, float), default=5)
    page_boost = c.Type((int, float), default=1.0)  # a page's own entry, beside its sections
    only = c.Type(str, default="")  # one variant's locale: this process builds that variant alone
    hotline = c.Type(str, default="")  # a phone number made a tel: link once per answer (hotline.py)


@dataclass
class Build:
    """What one variant's build knows and collects."""

    root: Path  # the folder of mkdocs.yml
    variants: list[Variant]
    variant: Variant
    offline: bool
    worker: SearchWorker
    separator: re.Pattern[str] | None  # compacts the published index; None offline
    entries: list[dict] = field(default_factory=list)
    shares: dict[str, Share] = field(default_factory=dict)  # each question's, by id (share_pages.py)
    shared_from: dict[str, str] = field(default_factory=dict)  # the source of each question id
    old_ids: dict[str, str] = field(default_factory=dict)  # anchor_aliases: old id -> new id
    questions: dict[str, list[Question]] = field(default_factory=dict)  # each page's (faq_schema.py)

    def handwritten(self, file: File) -> bool:
        """True for a page written by hand in this variant (docs/<page>.<locale>.md)."""
        return file.src_uri.endswith(f".{self.variant.locale}.md")

    @property
    def writes_site_files(self) -> bool:
        """True for the source variant's build, the one that writes what the site has once: the
        404 page, the sitemap and the search worker (scripts/build keeps its root)."""
        return not self.variant.generated

    def converts(self, file: File) -> bool:
        """True for a page this variant generates from the source."""
        return self.variant.generated and not self.handwritten(file)
