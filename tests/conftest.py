"""Shared fixtures: the built site served on 127.0.0.1, one Chromium, and watched pages."""
import pytest

import browser as browsers
from builder.serve import Server
from pages import LOCAL_HOSTS, Watched, assert_clean
from paths import DIST

pytest_plugins = ["pytester"]   # tests/test_browser_watch.py runs the fixtures below in a pytest of its own


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
def contexts():
    """The browser contexts open_page made, closed after the test (after `watch` has checked their pages)."""
    made = []
    yield made
    for context in made:
        context.close()


@pytest.fixture
def watch(request, contexts):
    """watch(context, hosts=("127.0.0.1",)) -> Watched: a new page of `context`, recorded from its first
    request. When the test ends every watched page must have sent no request to another host and logged
    no console or page error; a test that provokes errors says why with
    @pytest.mark.allow_console_errors("reason"), and its pages still may not reach another host."""
    allowed = request.node.get_closest_marker("allow_console_errors")
    if allowed is not None and not (allowed.args and allowed.args[0]):
        pytest.fail("@pytest.mark.allow_console_errors needs its reason as the first argument")
    watched = []

    def make(context, hosts=LOCAL_HOSTS):
        w = Watched(context, context.new_page(), hosts)
        watched.append(w)
        return w

    yield make
    for w in watched:
        assert_clean(w, errors=allowed is None)


@pytest.fixture
def open_page(chromium, contexts, watch):
    """open_page(viewport=PHONE, **context_args) -> Watched: a page in a new context of its own."""

    def make(viewport=browsers.PHONE, **context_args):
        context = chromium.new_context(viewport=viewport, **context_args)
        contexts.append(context)
        return watch(context)

    return make
