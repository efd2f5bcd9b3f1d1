"""Shared fixtures: the built site served on 127.0.0.1, one Chromium, and watched pages."""
import json
import sys
from pathlib import Path
from urllib.parse import urlparse

import pytest

ROOT = Path(__file__).resolve().parents[1]
DIST = ROOT / "dist"
sys.path.insert(0, str(ROOT / "site"))

import browser as browsers  # noqa: E402
import layout  # noqa: E402
import model  # noqa: E402
import store  # noqa: E402
from builder.serve import Server  # noqa: E402
from dict_backend import DictBackend  # noqa: E402


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


class Watched:
    """A page whose requests, console errors and page errors are recorded for assertions."""

    def __init__(self, context, page):
        self.context, self.page = context, page
        self.requests, self.errors = [], []
        page.on("request", lambda r: self.requests.append(r.url))
        page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        page.on("pageerror", lambda e: self.errors.append(str(e)))

    def open(self, url):
        self.page.goto(url)
        self.page.wait_for_selector(browsers.READY, state="attached")
        state = self.page.get_attribute("html", "data-app")
        assert state == "ready", f"app did not start: {self.page.inner_text('#status')}"
        self.page.wait_for_selector("#tracker[aria-busy]", state="detached")   # #/practices: every group drawn
        return self.page

    def foreign_requests(self):
        return [u for u in self.requests if urlparse(u).hostname not in ("127.0.0.1",) and not u.startswith(("data:", "blob:"))]

    def storage(self):
        """Every localStorage key of the page, as a dict."""
        return self.page.evaluate("Object.fromEntries(Object.keys(localStorage).map(k => [k, localStorage.getItem(k)]))")

    def stored(self):
        """The tracker document the page has stored, read from its keys by py/core/store.py, as an export
        shows it (check-ins as ISO lists); None when nothing is stored."""
        keys = self.storage()
        if not any(layout.is_data_key(k) for k in keys):
            return None
        reader = store.Store(DictBackend(keys), lambda: 0)
        reader.open()
        assert reader.notices == [], reader.notices
        return json.loads(model.dumps(reader.doc))

    def checkins(self):
        """The stored check-ins as an export shows them; {} when nothing is stored."""
        return (self.stored() or {"checkins": {}})["checkins"]


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
