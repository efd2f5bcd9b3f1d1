"""The benchmark's own inputs stay valid: its histories load in the app, its bare page starts."""
import datetime

import pytest

import bench_phone
import bench_scale
import browser as browsers
from core import model
from core import store
from benchkit import catalogue_ids
from builder.serve import Server
from dict_backend import DictBackend
from paths import DIST


def test_generated_history_reads_back_through_the_store():
    """A 1-year history written by the Store's replace is read back whole by a fresh Store, with no notice."""
    doc, checkins = bench_scale.history_document(["a", "b", "c"], 1)
    keys = bench_scale.stored_keys(doc)
    backend = DictBackend()
    backend.data = dict(keys)
    reread = store.Store(backend, lambda: 0)
    assert reread.open() == doc
    assert reread.notices == [] and reread.backups == []
    assert checkins > 300 and len(doc["notes"]) == 53 and sorted(doc["focus"]) == ["a", "b", "c"]   # all taken on
    assert not any(model.is_done(doc, pid, datetime.date.today().toordinal()) for pid in "abc")


@pytest.mark.browser
def test_bench_history_and_bare_page_start_in_chromium(chromium, watch, tmp_path):
    """The seeded 1-year history starts the app with that history; the generated bare page reaches ready."""
    server = Server(DIST).start()
    bare = Server(bench_phone.make_bare(tmp_path)).start()
    context = chromium.new_context(viewport=browsers.PHONE)
    try:
        doc, _ = bench_scale.history_document(catalogue_ids(), 1)
        context.add_init_script(bench_scale.seed_script(bench_scale.origin_of(server.url),
                                                        bench_scale.stored_keys(doc)))
        page = watch(context).page
        page.goto(server.url + "#/practices")
        page.wait_for_selector(browsers.READY, state="attached")
        assert page.get_attribute("html", "data-app") == "ready"
        page.wait_for_selector("#tracker:not([aria-busy]) .tracker-card")   # every group drawn
        # a row for each practice the history took on (bench_scale.TAKEN_ON of them)
        assert page.locator("#tracker .tracker-card .history").count() == bench_scale.TAKEN_ON
        assert page.locator("#tracker .tracker-card input.day-box:checked").count() > 0   # the seeded days show
        page.goto(bare.url)
        page.wait_for_selector(browsers.READY, state="attached")
        assert page.get_attribute("html", "data-app") == "ready"
        assert "Attune" not in page.content()
    finally:
        context.close()
        server.stop()
        bare.stop()
