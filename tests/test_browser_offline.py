"""Offline and updates in real Chromium: the worker precaches the page; a new version waits for Reload."""
import shutil

import pytest

from builder.__main__ import build
from builder.serve import Server
from offline import WAIT_CONTROLLED, serve_copy, visit_then_go_offline
from pages import today
from paths import DIST, ROOT

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("subpath", ["", "attune"], ids=["root", "sub-path"])
def test_works_offline_after_first_visit(chromium, watch, tmp_path, subpath):
    """After one online visit the page reloads, deep-links, boots Python and saves a tick with the server gone."""
    server, url = serve_copy(tmp_path, subpath)
    context = chromium.new_context(viewport={"width": 390, "height": 844})
    try:
        w = watch(context)
        page = visit_then_go_offline(w, server, url)
        page.reload()
        page.wait_for_selector("html[data-app=ready]")
        page.goto(url + "#/a/why-he-cries")
        page.wait_for_selector("html[data-app=ready]")
        page.get_by_label("Let yourself be comforted", exact=True).check()
        assert w.stored()["checkins"]["steady-yourself"] == [today(page)]
        scope = page.evaluate("navigator.serviceWorker.getRegistration().then(r => r.scope)")
        assert scope == url
        assert [u for u in w.requests if not u.startswith(url.rsplit("/", 1)[0] if subpath else url)] == []
    finally:
        context.close()


def test_update_waits_for_reload_and_keeps_data(chromium, watch, tmp_path):
    """Serving v2 after v1: 'A new version is ready' appears, Reload switches, only v2's cache is left, data intact."""
    v1, v2 = tmp_path / "v1", tmp_path / "v2"
    shutil.copytree(DIST, v1)
    build(ROOT / "content", v2, version_base="9.9.9")
    server = Server(v1).start()
    port = server.port
    context = chromium.new_context()
    try:
        w = watch(context)
        page = w.open(server.url)
        page.wait_for_function(WAIT_CONTROLLED, timeout=15000)
        page.goto(server.url + "#/a/never-cries")
        page.get_by_label("Keep a feelings journal", exact=True).check()
        stored = w.stored()
        server.stop()
        server = Server(v2, port).start()
        page.reload()
        page.wait_for_selector("html[data-app=ready]")
        page.get_by_role("button", name="Reload").wait_for(timeout=15000)
        assert "A new version is ready." in page.inner_text("#status")
        with page.expect_navigation():
            page.get_by_role("button", name="Reload").click()
        page.wait_for_selector("html[data-app=ready]")
        assert "Version 9.9.9+" in page.inner_text(".version")
        v2_cache = (v2 / "sw.js").read_text().split('const CACHE = "')[1].split('"')[0]
        page.wait_for_function("n => caches.keys().then(k => k.length === 1 && k[0] === n)", arg=v2_cache)
        after = w.stored()
        assert after["checkins"] == stored["checkins"] == {"feelings-journal": [today(page)]}
        assert after["reading"]["slug"] == "never-cries"  # saved as the old page unloaded
    finally:
        context.close()
        server.stop()
