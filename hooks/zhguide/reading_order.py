"""A text browser meets the page first: Material's two menu toggles become a template.

Material's base template opens <body> with two checkboxes (the navigation
drawer's and the search's toggles) that its CSS hides; a text browser, which
reads no CSS, shows them as "[ ] [ ]" before the site name. Here they become a
`<script type="text/html" id="__toggles">` template at the same place, which no
browser shows or runs; assets/javascripts/guide-header.js writes them back, so
every browser with JavaScript gets Material's page unchanged. The page's table
of contents, repeated in its item of the navigation (with a toggle, a third
"[ ]"), becomes two templates the same way: a text browser shows the contents
once. The labels of these toggles name them with data-for until then: a label
for a control that is not in the page is invalid HTML (guide-header.js turns
them back into for). Without JavaScript the drawer cannot open, so
overrides/assets/stylesheets/guide.css
shows the navigation after the content on narrow screens instead.
"""

from __future__ import annotations

from .upstream.material import menu_toggles, toc_in_nav, toggle_labels


def toc_template(markup: str) -> str:
    """Markup of the navigation's table of contents as a template guide-header.js writes back."""
    return f'<script type="text/html" data-toggle="__toc">{markup}</script>'


def templated_toggles(html: str) -> str:
    """The page with Material's two toggles turned into a template in their place;
    ValueError if the page has no such pair."""
    found = menu_toggles(html)
    if not found:
        raise ValueError('Material\'s two menu toggles (<input class="md-toggle" ...>) are not in the page')
    template = f'<script type="text/html" id="__toggles">{found[0].strip()}</script>\n'
    html = html[: found.start()] + template + html[found.end() :]
    if toc := toc_in_nav(html):  # the page's contents again, in its item of the navigation
        start, end, toggle, link, contents = toc
        html = html[:start] + toc_template(toggle) + link + toc_template(contents) + html[end:]
    return toggle_labels(html)[0]  # a label for a control that is not there yet is invalid HTML
