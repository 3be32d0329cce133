"""Prepare the default variant's search entries as soon as its own build ends.

Every entry of the guide's indexes is cut into words anew and, for the
published site, compacted (hooks/zh_search.py). static-i18n builds the other
variants after the default one, and hooks/parallel_variants.py builds them in
a forked process meanwhile, so this process waits for them: the default
variant's entries are prepared here, before that wait, and hooks/search_index.py
prepares only the other variants' once static-i18n has merged them all. In a
variant built inside static-i18n's loop (in this process or the forked one)
nothing happens here.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from search_index import inside_variant_loop, separator_for, terms_tokenizer
from zh_search import prepared_doc


def material_search(config: MkDocsConfig):
    """Material's search plugin, whose index holds this variant's entries."""
    plugin = config.plugins.get("material/search") or config.plugins.get("search")
    if plugin is None or not hasattr(getattr(plugin, "search_index", None), "entries"):
        raise PluginError("hooks/search_entries.py: Material's search plugin changed; review this hook")
    return plugin


# After Material's search plugin (0) has indexed every page; before static-i18n
# (-100) collects this variant's entries and starts its loop.
@event_priority(-90)
def on_post_build(*, config: MkDocsConfig) -> None:
    """Prepare the default variant's entries for its index while the others still build."""
    if inside_variant_loop(config):
        return  # hooks/search_index.py prepares it after the merge
    plugin = material_search(config)
    index = plugin.search_index
    separator = separator_for(config, plugin.config["separator"])
    tokenizer = terms_tokenizer()
    index.entries = [prepared_doc(doc, tokenizer, separator) for doc in index.entries]
