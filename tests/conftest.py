"""Shared fixtures: the built site served on 127.0.0.1, one Chromium, and watched pages."""
import pytest

import browser as browsers
from builder.serve import Server
from pages import Watched
from paths import DIST


@pytest.fixture(scope="session")
def site():
    """dist/ served on a free port of 127.0.0.1 for the whole session."""
    if not (DIST / "index.html").exists():
        pytest.fail("dist/ is not built: run `make test`, which builds it first")
    server = Server(DIST).start()
    yield server.url
    server.stop()


@pytest.fixture(scope="session")
def playwright_instance():
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        yield p


@pytest.fixture(scope="session")
def chromium(playwright_instance):
    b = browsers.launch(playwright_instance)
    yield b
    b.close()


@pytest.fixture
def open_page(chromium):
    """open_page(viewport=PHONE) -> Watched; contexts are closed after the test."""
    contexts = []

    def make(viewport=browsers.PHONE, **context_args):
        context = chromium.new_context(viewport=viewport, **context_args)
        contexts.append(context)
        return Watched(context, context.new_page())

    yield make
    for c in contexts:
        c.close()
