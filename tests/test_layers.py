"""The layers of the README's test loops: a test that starts a browser is in the browser layer,
so the fast loop (-m "not browser and not lighthouse") starts none."""

from __future__ import annotations

import pytest

ENGINES = ("firefox", "webkit", "chromium")


def test_every_test_of_this_run_that_names_a_browser_engine_is_in_the_browser_layer(
    request: pytest.FixtureRequest,
) -> None:
    items = request.session.items  # the run's tests, each marked with its layer (conftest.layer_of)
    assert request.node in items
    misplaced = [
        item.nodeid
        for item in items
        if any(engine in item.name.lower() for engine in ENGINES) and not item.get_closest_marker("browser")
    ]
    assert misplaced == [], "a test that starts a browser needs the browser layer (conftest.layer_of)"
