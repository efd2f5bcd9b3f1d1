"""The tracker in real Chromium: practices taken on, goals, export/import, and data that is never lost."""
import json
import random

import pytest
from playwright.sync_api import expect

from core import dates
from core import model
from browser import DESKTOP, PHONE
from pages import DISABLE_STORAGE, open_data, open_row, take_on, today

pytestmark = pytest.mark.browser
FULL_STORAGE = """
Storage.prototype.setItem = function () {
  throw new DOMException("Setting the value exceeded the quota.", "QuotaExceededError");
};
"""


def open_tracker(w, site, *pids):
    """#/practices drawn, with these practices taken on (from "All practices")."""
    page = w.open(site + "#/practices")
    page.wait_for_selector("#tracker:not([aria-busy]) #all-practices")
    take_on(page, *pids)
    return page


def seed(w, site, text):
    """Store raw text as the app's data, then load the app on it."""
    page = w.open(site)
    page.evaluate("t => localStorage.setItem('attune:data', t)", text)
    page.reload()
    page.wait_for_selector("html[data-app]:not([data-app=loading])")
    return page


def saved_copy(page, path):
    """What "Save a copy" in #/practices' "Your data" downloads, saved at `path` and read back."""
    open_data(page)
    with page.expect_download() as info:
        page.locator("#tracker").get_by_role("button", name="Save a copy").click()
    info.value.save_as(path)
    return json.loads(path.read_text())


def test_write_about_today_opens_the_journals_composer(site, open_page):
    """The tracker has no note box of its own: "Write about today" opens the journal's composer for today,
    its box focused, and a note saved there is the journal's, with its Edit and Remove."""
    w = open_page()
    page = open_tracker(w, site)
    assert page.locator("#tracker textarea").count() == 0
    page.get_by_role("link", name="Write about today").click()
    page.wait_for_selector("#journal-note:focus")
    assert page.input_value("#journal-day") == today(page)
    page.fill("#journal-note", "<img src=x onerror=alert(1)> went well")
    page.get_by_role("button", name="Save note").click()
    note = page.locator("#journal-weeks li.journal-note")
    expect(note.locator(".note-text")).to_have_text("<img src=x onerror=alert(1)> went well")
    assert note.get_by_role("button", name="Edit").count() == 1
    assert note.get_by_role("button", name="Remove").count() == 1
    assert w.stored()["notes"][today(page)] == ["<img src=x onerror=alert(1)> went well"]


def test_focus_goal_met(site, open_page):
    """A practice taken on from "All practices" gets a row in "Trying now"; with a goal of once a
    week, ticking it says the goal is met; taken off, its history keeps it under "Tried before"."""
    w = open_page(DESKTOP)
    page = open_tracker(w, site, "share-joy")
    card = page.locator("#tracker .tracker-group").first
    expect(card.locator("h2")).to_have_text("Trying now")
    assert w.stored()["focus"] == {"share-joy": 0} and w.checkins() == {}   # taken on, no day recorded
    open_row(page, "share-joy")
    page.select_option("#goal--share-joy", "1")
    assert w.stored()["focus"] == {"share-joy": 1}
    page.check("#tracker--do-share-joy")
    row = page.locator(".tracker-card[data-practice='share-joy']")
    assert row.locator(".week-count").inner_text() == "1 of 1 this week: goal met"
    assert "Done on 1 day in all." in row.inner_text()   # the row stayed open; this week is said once, above
    page.uncheck("#focus--share-joy")
    expect(page.locator("[data-group=tried] .tracker-card[data-practice='share-joy']")).to_have_count(1)
    expect(page.locator("[data-group=mine]")).to_have_count(0)
    assert page.is_visible("#tracker-empty")


def test_history_grid_has_text_equivalents(site, open_page):
    """The 12-week grid marks done days, and every day up to today is a checkbox named by practice and date."""
    w = open_page()
    page = open_tracker(w, site, "feelings-journal")
    page.check("#tracker--do-feelings-journal")
    card = open_row(page, "feelings-journal")
    assert card.locator("td.cell").count() == 84
    assert card.locator("td.is-done").count() == 1
    day = today(page)
    y, m, d = (int(x) for x in day.split("-"))
    name = "Keep a feelings journal, %s, in the 12-week grid" % dates.long_name(dates.to_ordinal(y, m, d))
    assert card.locator("td.is-done input").get_attribute("aria-label") == name
    assert card.get_by_role("checkbox", name=name, exact=True).is_checked()
    assert "Done on 1 day in all." in card.inner_text()


def test_export_then_import_into_fresh_browser(site, open_page, tmp_path):
    """Exported data imported into an empty browser (merge) reproduces the same document."""
    w = open_page()
    page = open_tracker(w, site, "i-statements")
    page.check("#tracker--do-i-statements")
    page.get_by_role("link", name="Write about today").click()
    page.fill("#journal-note", "Talked after dinner")
    page.get_by_role("button", name="Save note").click()
    page.wait_for_selector("#journal-weeks li.journal-note")
    page.goto(site + "#/practices")
    page.wait_for_selector("#tracker:not([aria-busy]) .tracker-card")
    path = tmp_path / "export.json"
    exported = saved_copy(page, path)
    assert exported == w.stored()
    other = open_page()
    page2 = open_tracker(other, site)
    open_data(page2)
    page2.set_input_files("#import-file", str(path))
    page2.wait_for_selector("#data-dialog button")
    assert "1 new check-in, 1 new note, 1 focus change" in page2.inner_text("#data-dialog")
    page2.get_by_role("button", name="Merge into my data").click()
    assert other.stored() == exported
    assert page2.locator("#tracker--do-i-statements").is_checked()


BAD_IMPORTS = {
    "not-json.json": ("this is not json", "not valid JSON"),
    "wrong-schema.json": ('{"schema": 99, "checkins": {}}', "newer version"),
    "no-schema.json": ('{"checkins": {}}', "no valid schema"),
    "unknown-key.json": ('{"schema": 2, "checkins": {}, "secret": 1}', "unknown field"),
    "wrong-types.json": ('{"schema": 2, "checkins": {"active-listening": "yesterday"}}', "not a list of days"),
    # MicroPython's json.loads takes a trailing comma that JSON (and CPython) refuse: json_text.check_json.
    "trailing-comma.json": ('{"schema": 2, "checkins": {},}', "not valid JSON"),
}


def test_a_note_with_markup_imports_as_text(site, open_page, tmp_path):
    """A backup whose note holds markup imports (notes are text, escaped when drawn) and no element is made of it."""
    w = open_page()
    page = open_tracker(w, site)
    note = "He said <sigh> and <img src=x onerror=alert(1)> À"
    path = tmp_path / "markup.json"
    path.write_text(json.dumps({"schema": 2, "notes": {"2025-01-02": [note]}}), encoding="utf-8")
    open_data(page)
    page.set_input_files("#import-file", str(path))
    page.wait_for_selector("#data-dialog button")
    assert "1 new note" in page.inner_text("#data-dialog")
    page.get_by_role("button", name="Merge into my data").click()
    page.wait_for_function("localStorage.getItem('attune:notes:2025-01') !== null")
    assert json.loads(page.evaluate("localStorage.getItem('attune:notes:2025-01')")) == {"2025-01-02": [note]}
    assert page.locator("img[src=x]").count() == 0


@pytest.mark.parametrize("name", sorted(BAD_IMPORTS))
def test_bad_import_files_change_nothing(site, open_page, tmp_path, name):
    """A broken or foreign import file gets a clear message and leaves the stored data as it was."""
    text, message = BAD_IMPORTS[name]
    w = open_page()
    page = open_tracker(w, site, "practise-patience")
    page.check("#tracker--do-practise-patience")
    before = w.stored()
    path = tmp_path / name
    path.write_text(text)
    open_data(page)
    page.set_input_files("#import-file", str(path))
    page.wait_for_selector("#data-dialog p")
    shown = page.inner_text("#data-dialog")
    assert message in shown and "Nothing was changed" in shown
    assert w.stored() == before


def test_oversized_import_is_refused(site, open_page, tmp_path):
    """An import file over 1 MB is refused before it is read."""
    w = open_page()
    page = open_tracker(w, site)
    path = tmp_path / "huge.json"
    path.write_text('{"schema": 2, "notes": {"2025-01-01": ["' + "x" * 1_100_000 + '"]}}')
    open_data(page)
    page.set_input_files("#import-file", str(path))
    page.wait_for_selector("#data-dialog p")
    assert "larger than 1 MB" in page.inner_text("#data-dialog")
    assert w.stored() is None


@pytest.mark.parametrize("raw", ["{not json", '{"schema": 2, "checkins": {"active-listening": 5}}', '{"schema": 7}'],
                         ids=["bad-json", "wrong-types", "future-schema"])
def test_corrupted_storage_is_kept_and_reported(site, open_page, raw):
    """Unreadable stored data: the app starts, says so, keeps the original text in a backup and offers it."""
    w = open_page()
    page = seed(w, site, raw)
    assert page.get_attribute("html", "data-app") == "ready"
    assert "could not be read" in page.inner_text("#status")
    backups = page.evaluate("Object.keys(localStorage).filter(k => k.startsWith('attune:backup:'))")
    assert len(backups) == 1
    assert page.evaluate("k => localStorage.getItem(k)", backups[0]) == raw
    # Nothing was written over the original until the reader changes something.
    assert page.evaluate("localStorage.getItem('attune:data')") == raw
    page.goto(site + "#/practices")
    with page.expect_download() as info:
        page.get_by_role("button", name="Download unreadable data").click()
    assert info.value.path().read_text() == raw


def test_storage_disabled_runs_in_memory(site, open_page):
    """When reading localStorage throws SecurityError the app runs in memory and says nothing is kept."""
    w = open_page()
    w.context.add_init_script(DISABLE_STORAGE)
    page = w.open(site + "#/a/crying-together")
    assert "does not allow Attune to save" in page.inner_text("#status")
    page.get_by_label("Offer context when you're upset", exact=True).check()
    assert page.get_by_label("Offer context when you're upset", exact=True).is_checked()
    page.goto(site + "#/practices")
    expect(page.locator("#tracker").get_by_role("button", name="Save a copy")).to_be_visible()
    assert "Right now nothing is being saved." in page.inner_text("#tracker")


def test_storage_full_keeps_what_was_saved(site, open_page):
    """On QuotaExceededError the app says storage is full, keeps the tick in memory, and old data is intact."""
    w = open_page()
    page = w.open(site + "#/a/deepening-connection")   # it suggests both practices ticked here
    article = page.locator("#a-deepening-connection")
    article.get_by_label("Ask before you advise", exact=True).check()
    w.context.add_init_script(FULL_STORAGE)
    page.reload()
    page.wait_for_selector("html[data-app=ready]")
    before = w.stored()
    assert before["checkins"]["ask-questions"] == [today(page)]
    article.get_by_label("Make it safe to feel", exact=True).check()
    assert "storage is full" in page.inner_text("#status")
    assert article.get_by_label("Make it safe to feel", exact=True).is_checked()
    assert w.stored() == before


def test_an_error_stays_until_dismissed_while_confirmations_fade(site, open_page):
    """A tick's confirmation fades after 8 s; the storage-full error said right after a later tick's
    confirmation replaces it and stays (that confirmation's timer leaves it) until it is dismissed."""
    w = open_page()
    w.page.clock.install()
    page = w.open(site + "#/a/deepening-connection")
    article = page.locator("#a-deepening-connection")
    article.get_by_label("Ask before you advise", exact=True).check()
    expect(page.locator("#status .toast.is-info")).to_have_count(1)
    page.clock.run_for(9000)
    expect(page.locator("#status .toast")).to_have_count(0)
    page.evaluate("() => {" + FULL_STORAGE + "}")   # storage full from now on
    article.get_by_label("Make it safe to feel", exact=True).check()
    error = page.locator("#status .toast.is-error")
    expect(error).to_contain_text("storage is full")
    page.clock.run_for(9000)
    expect(error).to_contain_text("storage is full")
    error.get_by_role("button", name="Dismiss message").click()
    expect(page.locator("#status .toast")).to_have_count(0)


def test_two_tabs_both_ticks_survive(site, open_page, watch):
    """Two tabs tick different practices; both ticks are stored and each tab shows the other's."""
    w = open_page()
    first = w.open(site + "#/a/never-cries")
    second = watch(w.context).page   # a second tab: the same storage
    second.goto(site + "#/a/never-cries")
    second.wait_for_selector("html[data-app=ready]")
    first.get_by_label("Keep a feelings journal", exact=True).check()
    # crying-together suggests it too: the label is found in this article
    second.locator("#a-never-cries").get_by_label("Set time aside to talk", exact=True).check()
    stored = w.stored()
    assert set(stored["checkins"]) == {"feelings-journal", "time-to-talk"}
    first.wait_for_function("document.querySelector('#never-cries--do-time-to-talk').checked")
    assert second.get_by_label("Keep a feelings journal", exact=True).is_checked()


def test_erase_needs_confirmation(site, open_page):
    """Erase all data asks first; 'Keep my data' keeps it, 'Erase everything' removes it."""
    w = open_page()
    page = open_tracker(w, site, "ask-questions")
    page.check("#tracker--do-ask-questions")
    open_data(page)
    page.get_by_role("button", name="Erase all data").click()
    page.get_by_role("button", name="Keep my data", exact=True).click()  # the erase dialog's "Keep my data"
    assert w.stored()["checkins"]
    page.get_by_role("button", name="Erase all data").click()
    page.get_by_role("button", name="Erase everything").click()
    assert w.stored() is None
    expect(page.locator("#tracker--do-ask-questions")).to_have_count(0)   # nothing taken on, no history: no row


def five_years(ids, today_ordinal):
    """A generated 5-year history: most practices, about every other day, notes weekly."""
    rng = random.Random(5)
    doc = model.empty()
    for n in range(today_ordinal - 5 * 365, today_ordinal + 1):
        day = dates.iso(n)
        for pid in ids:
            if rng.random() < 0.4:
                model.set_done(doc, pid, n, True)
        if n % 7 == 0:
            model.add_note(doc, day, "Week note %d: we talked and it went fine." % n)
    model.set_done(doc, "retired-practice", today_ordinal - 400, True)
    return doc


def test_five_years_of_history_loads(site, open_page):
    """Five years of generated data load, and the tracker renders every practice plus the archived one
    (none taken on: all under "Tried before")."""
    w = open_page(DESKTOP)
    page = w.open(site)
    catalogue = json.loads(page.inner_text("#catalogue"))
    y, m, d = (int(x) for x in today(page).split("-"))
    doc = five_years([p["id"] for p in catalogue["practices"]], dates.to_ordinal(y, m, d))
    page.evaluate("t => localStorage.setItem('attune:data', t)", model.dumps(doc))
    page.goto(site + "#/practices")
    page.reload()
    page.wait_for_selector("#tracker:not([aria-busy]) .tracker-card", timeout=20000)
    assert page.locator(".tracker-card").count() == len(catalogue["practices"]) + 1
    assert "Retired practice" in page.text_content("#tracker")   # below the fold: not rendered, still there
    assert page.locator("#tracker td").count() == 0   # the 12-week tables are drawn when opened
    open_row(page, catalogue["practices"][0]["id"])
    assert page.locator("#tracker details.history[open] td.cell").count() == 84
    assert page.locator("#tracker details.history[open] td.is-done").count() > 0


def test_a_retired_practice_stays_readable_and_exported(site, open_page, tmp_path):
    """Days ticked under a practice the articles no longer suggest (closeness-as-process, retired in the fourth
    edition) show under "Tried before", named from the id, with their days and a note's day, and Save a copy
    exports them unchanged."""
    w = open_page(PHONE)
    page = w.open(site)
    catalogue = json.loads(page.inner_text("#catalogue"))
    assert "closeness-as-process" not in [p["id"] for p in catalogue["practices"]]   # really retired
    y, m, d = (int(x) for x in today(page).split("-"))
    now = dates.to_ordinal(y, m, d)
    doc = model.empty()
    for n in (now - 9, now - 2):
        model.set_done(doc, "closeness-as-process", n, True)
    model.add_note(doc, dates.iso(now - 2), "Our third clumsy try, and a better one")
    page.evaluate("t => localStorage.setItem('attune:data', t)", model.dumps(doc))
    page.goto(site + "#/practices")
    page.reload()
    page.wait_for_selector("#tracker:not([aria-busy]) .tracker-card")
    group = page.locator("#tracker .tracker-group[data-group='tried']")
    expect(group.locator("h2")).to_have_text("Tried before")
    card = open_row(page, "closeness-as-process")
    assert group.locator(".tracker-card[data-practice='closeness-as-process']").count() == 1
    assert "Closeness as process" in card.inner_text()
    assert "No longer in the articles; its history is kept and exported." in card.inner_text()
    assert card.locator("td.is-done").count() == 2
    assert card.locator(".note-days a[href='#/journal/%s']" % dates.iso(now - 2)).count() == 1
    exported = saved_copy(page, tmp_path / "export.json")
    assert exported["checkins"]["closeness-as-process"] == [dates.iso(now - 9), dates.iso(now - 2)]
    assert exported["notes"][dates.iso(now - 2)] == ["Our third clumsy try, and a better one"]
    assert w.errors == []


def test_imported_and_erased_settings_apply_at_once(site, open_page, tmp_path):
    """Replacing data with a file applies its theme and text size now; erasing brings back the defaults."""
    w = open_page()
    page = open_tracker(w, site)
    doc = model.empty()
    doc["settings"] = {"theme": "dark", "text_size": 3, "at": 1}
    doc["checkins"] = {"active-listening": ["2025-01-02"]}
    path = tmp_path / "dark.json"
    path.write_text(model.dumps(doc))
    open_data(page)
    page.set_input_files("#import-file", str(path))
    page.get_by_role("button", name="Replace my data").click()
    assert page.get_attribute("html", "data-theme") == "dark"
    assert page.get_attribute("html", "data-text-size") == "3"
    page.get_by_role("button", name="Erase all data").click()
    page.get_by_role("button", name="Erase everything").click()
    assert page.get_attribute("html", "data-theme") is None
    assert page.get_attribute("html", "data-text-size") == "1"


SWITCHABLE_FULL_STORAGE = """
(() => {
  const setItem = Storage.prototype.setItem;
  window.__storageFull = true;
  Storage.prototype.setItem = function (k, v) {
    if (window.__storageFull) throw new DOMException("Setting the value exceeded the quota.", "QuotaExceededError");
    return setItem.call(this, k, v);
  };
})();
"""


def test_nothing_saved_notice_stays_on_every_view(site, open_page):
    """With storage off, a notice stays on every view and each confirmation says the change is not saved."""
    w = open_page()
    w.context.add_init_script(DISABLE_STORAGE)
    page = w.open(site + "#/a/crying-together")
    page.get_by_role("button", name="Dismiss message").click()
    page.get_by_label("Offer context when you're upset", exact=True).check()
    assert "marked as done today and added to your practices. Not saved" in page.inner_text("#status")
    for route in ("#/", "#/practices", "#/a/never-cries"):
        page.goto(site + route)
        assert page.locator("#unsaved").is_visible()
        assert "Nothing is being saved right now." in page.inner_text("#unsaved")


def test_saving_resumes_once_storage_has_room(site, open_page):
    """Ticks made while storage is full are saved by the first change after room frees up, and the notice goes."""
    w = open_page()
    w.context.add_init_script(SWITCHABLE_FULL_STORAGE)
    page = w.open(site + "#/a/crying-together")
    page.get_by_label("Offer context when you're upset", exact=True).check()
    assert page.locator("#unsaved").is_visible()
    page.evaluate("window.__storageFull = false")
    page.locator("#a-crying-together").get_by_label("Take a mindful pause", exact=True).check()
    assert "can save again" in page.inner_text("#status")
    assert page.locator("#unsaved").count() == 0
    assert set(w.stored()["checkins"]) == {"offer-context", "mindful-pause"}


def tried_everything(w, site, days=(1,), focus=(), url=""):
    """Every practice of the catalogue done on these days before today (days ago), those in `focus`
    taken on, stored as the app's data; then the app opened at `url`. Returns (page, catalogue)."""
    page = w.open(site)
    catalogue = json.loads(page.inner_text("#catalogue"))
    y, m, d = (int(x) for x in today(page).split("-"))
    doc = model.empty()
    for p in catalogue["practices"]:
        for ago in days:
            model.set_done(doc, p["id"], dates.to_ordinal(y, m, d) - ago, True)
    for pid in focus:
        model.set_focus(doc, pid, 0)
    page.evaluate("t => localStorage.setItem('attune:data', t)", model.dumps(doc))
    page.reload()   # here, on the library: an article would save its reading position over the data first
    page.wait_for_selector("html[data-app=ready]")
    page.goto(site + url)
    return page, catalogue


def test_previous_versions_single_key_data_migrates_in_the_browser(site, open_page):
    """Data the previous version kept in one key loads, is spread over keys, and a tick then writes one small key."""
    w = open_page()
    doc = model.empty()
    model.set_done(doc, "share-joy", dates.ordinal("2024-03-01"), True)
    model.add_note(doc, "2024-03-01", "from the old version")
    model.set_focus(doc, "share-joy", 2)
    page = seed(w, site, model.dumps(doc))
    assert page.get_attribute("html", "data-app") == "ready"
    keys = w.storage()
    assert sorted(keys) == ["attune:data", "attune:days:share-joy", "attune:notes:2024-03"]
    assert w.stored() == json.loads(model.dumps(doc))
    page.goto(site + "#/practices")
    page.check("#tracker--do-share-joy")
    assert w.stored()["checkins"]["share-joy"] == ["2024-03-01", today(page)]



def tracker_layout(page):
    """[(group title, [practice ids])] as the tracker shows them once settled (no row to draw or move)."""
    page.wait_for_selector("#tracker:not([aria-busy])", state="attached")
    return page.evaluate("""[...document.querySelectorAll('#tracker .tracker-group')].map(g =>
        [g.querySelector('h2').textContent,
         [...g.querySelectorAll('li.tracker-card')].map(li => li.dataset.practice)])""")


def test_focus_changes_move_cards_as_a_full_redraw_would(site, open_page):
    """Taking practices on and off (with and without history, emptying a group too) gives the same
    tracker as a reload."""
    w = open_page(DESKTOP)
    page = open_tracker(w, site)
    catalogue = json.loads(page.inner_text("#catalogue"))
    last = catalogue["articles"][-1]["practices"]
    other = [pid for pid in catalogue["articles"][0]["practices"] if pid not in last][0]
    take_on(page, *(last + [other]))
    page.check("#tracker--do-" + last[0])   # history: taken off, it stays under "Tried before"
    open_row(page, last[0])
    page.uncheck("#focus--" + last[0])
    shown = tracker_layout(page)
    assert [title for title, _ in shown] == ["Trying now", "Tried before"]
    assert shown[1][1] == [last[0]]
    page.reload()
    page.wait_for_selector("#tracker:not([aria-busy]) .tracker-card")
    assert tracker_layout(page) == shown
    for pid in last[1:] + [other]:   # no history: taken off, the row goes (the practice stays in "All practices")
        open_row(page, pid)
        page.click("#focus--" + pid)
        expect(page.locator(f"#tracker li[data-practice='{pid}']")).to_have_count(0)
        assert page.evaluate("document.activeElement.id") == "all-practices-title"
    shown = tracker_layout(page)
    assert shown == [["Tried before", [last[0]]]]
    page.reload()
    page.wait_for_selector("#tracker:not([aria-busy]) .tracker-card")
    assert tracker_layout(page) == shown


# Before the nav click: the rows #tracker held at the first paint after it was marked busy, and
# whether keyboard focus could reach a row then.
# Installed before the page's scripts: the number of rows in the first frame painted while
# #tracker is busy (the tracker being drawn in view).
WATCH_FIRST_PAINT = """
window.firstPaintRows = null;
new MutationObserver(() => {
  if (window.firstPaintRows !== null || document.documentElement.getAttribute('data-route') !== 'practices'
      || !document.querySelector('#tracker[aria-busy]')) return;
  window.firstPaintRows = -1;
  requestAnimationFrame(() => {
    window.firstPaintRows = document.querySelectorAll('#tracker li.tracker-card').length;
  });
}).observe(document, {attributes: true, subtree: true, attributeFilter: ['aria-busy', 'data-route']});
"""


def article_practices(catalogue, slug):
    return [a for a in catalogue["articles"] if a["slug"] == slug][0]["practices"]


def wait_drawn(page, count):
    """Wait until the tracker (in view or hidden) holds `count` rows and is no longer being drawn."""
    page.wait_for_function("""(n) => !document.querySelector('#tracker[aria-busy]')
        && document.querySelectorAll('#tracker li.tracker-card').length === n""", arg=count)


def test_a_focused_row_moved_out_of_view_is_scrolled_to(site, open_page):
    """On a phone, taking on a practice far down "Tried before" moves its row to "Trying now" at the
    top, its box still focused, and the page scrolls to that box."""
    w = open_page(PHONE)
    page, catalogue = tried_everything(w, site, url="#/practices")
    page.wait_for_selector("#tracker:not([aria-busy]) .tracker-card")
    pid = sorted(p["id"] for p in catalogue["practices"])[-1]
    open_row(page, pid)
    page.check("#focus--" + pid)
    expect(page.locator(f"[data-group=mine] .tracker-card[data-practice='{pid}']")).to_have_count(1)
    assert page.evaluate("document.activeElement.id") == "focus--" + pid
    page.wait_for_function("""(id) => { const box = document.getElementById(id).getBoundingClientRect();
                                        return box.top >= 0 && box.bottom <= innerHeight; }""", arg="focus--" + pid)


def test_tracker_paints_its_first_groups_then_draws_the_rest(site, open_page, watch):
    """Drawn on opening, #/practices paints its first groups at once, busy, then draws the rest in
    order: the finished tracker is the one a reload draws, and a focus change while groups are
    still to come finds its row and the group it moves to."""
    w = open_page(DESKTOP)
    w.context.add_init_script(WATCH_FIRST_PAINT)
    page, catalogue = tried_everything(w, site, days=(0, 1), url="#/practices")
    page.wait_for_selector("#tracker[aria-busy]", state="detached")
    first = page.evaluate("window.firstPaintRows")
    assert first is not None and 0 < first < len(catalogue["practices"])
    shown = tracker_layout(page)
    assert sum(len(ids) for _, ids in shown) == len(catalogue["practices"])
    last = sorted(p["id"] for p in catalogue["practices"])[-1]
    open_row(page, last)
    page.check("#focus--" + last)
    # Unfocus it right after the tracker's first groups are drawn, while its own group is still to come.
    page.evaluate("""(pid) => window.addEventListener('hashchange', () => {
        if (location.hash !== '#/practices') return;
        window.busyAtChange = !!document.querySelector('#tracker[aria-busy]');
        document.getElementById('focus--' + pid).click();
    })""", last)
    page.evaluate("location.hash = '#/'")
    page.wait_for_selector("html[data-route=library]")
    # The row as prepared before the tick below (if it is drawn yet), marked: the wait further down is for the
    # row prepared after the tick, not for this one, which the tick makes stale.
    page.evaluate("(pid) => { const box = document.getElementById('focus--' + pid); if (box) box.dataset.old = ''; }",
                  last)
    # Another tab's untick: the tracker kept hidden no longer shows everything, so opening draws it again.
    ticked = article_practices(catalogue, "crying-together")[0]
    other = watch(w.context).page
    other.goto(site + "#/a/crying-together")
    other.wait_for_selector("html[data-app=ready]")
    other.uncheck("#crying-together--do-" + ticked)
    other.close()
    page.wait_for_function("(pid) => !document.getElementById('crying-together--do-' + pid).checked", arg=ticked)
    # Prepared again in idle time, the panels first, then the first rows a step at a time: the focused one first.
    page.wait_for_selector(f"#tracker[data-prepared] #focus--{last}:not([data-old])", state="attached")
    page.evaluate("location.hash = '#/practices'")
    page.wait_for_function("() => window.busyAtChange !== undefined")
    page.wait_for_selector("#tracker[aria-busy]", state="detached")
    assert page.evaluate("window.busyAtChange") is True
    assert w.stored()["focus"] == {}
    assert tracker_layout(page) == shown   # back in its own group, drawn once
    assert not page.is_checked("#tracker--do-" + ticked)


def test_first_rows_are_prepared_while_hidden_and_the_rest_drawn_on_opening(site, open_page):
    """On an article the tracker's first rows are drawn ahead, hidden; ticks of practices taken on, Undo
    and a journal note reach them in place, opening #/practices keeps them and draws the rest, as a
    reload would draw it all, and leaving prepares the first rows again."""
    w = open_page(DESKTOP)
    page = w.open(site)
    catalogue = json.loads(page.inner_text("#catalogue"))
    page, _ = tried_everything(w, site, focus=article_practices(catalogue, "crying-together")[:2],
                               url="#/a/crying-together")
    total = len(catalogue["practices"])
    # The panels are prepared first, the rows one step per idle moment after (TrackerPage.prepare_rows).
    page.wait_for_selector("#tracker[data-prepared] li.tracker-card", state="attached")
    assert 0 < page.locator("#tracker li.tracker-card").count() < total
    first, second = article_practices(catalogue, "crying-together")[:2]
    page.check(f"#crying-together--do-{first}")
    page.check(f"#crying-together--do-{second}")
    page.click("#status [data-action=undo]")
    page.wait_for_function(f"() => !document.getElementById('crying-together--do-{second}').checked")
    page.evaluate("document.querySelector('#tracker li.tracker-card').dataset.kept = 'yes'")
    page.evaluate("location.hash = '#/journal'")
    page.fill("#journal-note", "We talked after dinner.")
    page.click("[data-action=journal-add]")
    page.wait_for_selector("#journal .journal-note")
    page.click("nav[aria-label=Main] a[href='#/practices']")
    wait_drawn(page, total)
    assert page.get_attribute("#tracker li.tracker-card", "data-kept") == "yes"   # prepared, not drawn again
    assert page.is_checked(f"#tracker--do-{first}") and not page.is_checked(f"#tracker--do-{second}")
    shown = tracker_layout(page), page.inner_text(f"#tracker li[data-practice='{first}']")
    page.reload()
    page.wait_for_selector("#tracker:not([aria-busy]) .tracker-card")
    assert (tracker_layout(page), page.inner_text(f"#tracker li[data-practice='{first}']")) == shown
    page.evaluate("location.hash = '#/'")
    # The panels are prepared first, the rows one step per idle moment after (TrackerPage.prepare_rows).
    page.wait_for_selector("#tracker[data-prepared] li.tracker-card", state="attached")
    assert 0 < page.locator("#tracker li.tracker-card").count() < total


WATCH_PANELS = """
window.panelsShown = [];
const look = () => {
  const panels = document.documentElement.getAttribute('data-route') === 'practices'
    ? [...document.querySelectorAll('#tracker > .panel')] : [];
  const shown = panels.filter((panel) => panel.checkVisibility()).length + '/' + panels.length
    + (document.querySelector('#tracker[aria-busy]') ? ' busy' : '');
  if (panels.length && window.panelsShown[window.panelsShown.length - 1] !== shown) window.panelsShown.push(shown);
  requestAnimationFrame(look);
};
requestAnimationFrame(look);
"""


def test_the_panels_below_the_rows_show_one_per_frame_once_the_rows_are_in(site, open_page):
    """Opening #/practices, the reminders, "All practices", the way to the journal and "Your data" wait
    for the last row, then show one a frame, in order (each frame's start records how many show), so no
    frame lays out all four; the tracker stays aria-busy until the last of them shows."""
    w = open_page(PHONE)
    w.context.add_init_script(WATCH_PANELS)
    page, catalogue = tried_everything(w, site, url="#/a/crying-together", focus=["share-joy"])
    page.click("nav[aria-label=Main] a[href='#/practices']")
    page.wait_for_selector("#tracker:not([aria-busy]):not([data-opening])")
    page.wait_for_timeout(200)
    seen = page.evaluate("window.panelsShown")
    assert seen[-4:] == ["1/4 busy", "2/4 busy", "3/4 busy", "4/4"], seen
    assert all(shown.startswith("0/") and shown.endswith(" busy") for shown in seen[:-4]), seen   # none while rows came
    assert page.locator("#tracker > .panel").evaluate_all("(panels) => panels.map((p) => p.id || p.className)") == [
        "plan-tools", "all-practices", "panel notes-panel", "panel data-panel"]
