"""A text browser meets the page first: Material's two menu toggles are written by script.

Material's base template opens <body> with two checkboxes (the navigation
drawer's and the search's toggles) that its CSS hides; a text browser, which
reads no CSS, shows them as "[ ] [ ]" before the site name. Here an inline
script writes the same two elements at the same place, so every browser with
JavaScript gets Material's page unchanged. Without JavaScript the drawer
cannot open, so overrides/assets/stylesheets/guide.css shows the navigation
after the content on narrow screens instead.
"""

from __future__ import annotations

import json

from .upstream.material import menu_toggles


def scripted_toggles(html: str) -> str:
    """The page with Material's two toggles written by an inline script in their place;
    ValueError if the page has no such pair."""
    found = menu_toggles(html)
    if not found:
        raise ValueError('Material\'s two menu toggles (<input class="md-toggle" ...>) are not in the page')
    markup = json.dumps(found[0].strip()).replace("</", "<\\/")
    script = f'<script>document.currentScript.insertAdjacentHTML("beforebegin", {markup})</script>\n'
    return html[: found.start()] + script + html[found.end() :]
