"""Keeping a copy in real Chromium: Save a copy (shared or downloaded) and its record, the reminder on a moved clock,
Safari's note, Install, the way back."""
import json

import pytest

from core import dates
from core import model
from browser import DESKTOP, PHONE
from pages import DISABLE_STORAGE

pytestmark = pytest.mark.browser
MONDAY = "2026-12-07T10:00:00"
TODAY = dates.to_ordinal(2026, 12, 7)
# Stand-ins for the share sheet: record the File shared, then resolve (or reject with `name`).
SHARE = """
window.sharedFiles = [];
navigator.canShare = (data) => Boolean(data && data.files && data.files.length);
navigator.share = (data) => {
  window.sharedFiles.push(data.files[0]);
  return window.SHARE_ERROR ? Promise.reject(new DOMException("no", window.SHARE_ERROR)) : Promise.resolve();
};
"""
# Safari on iPhone in a tab, emulated in Chromium: only iOS Safari has navigator.standalone (false in a tab).
IOS_SAFARI_TAB = "Object.defineProperty(Navigator.prototype, 'standalone', {get: () => false});"
INSTALLED = """
const realMatchMedia = window.matchMedia.bind(window);
window.matchMedia = (query) =>
  query === '(display-mode: standalone)' ? {matches: true, media: query} : realMatchMedia(query);
"""


def history(days, copied=None):
    """A document with a tick on each of the `days` days before TODAY, and a copy `copied` days ago (None: none)."""
    doc = model.empty()
    for n in range(TODAY - days, TODAY):
        model.set_done(doc, "active-listening", n, True)
    if copied is not None:
        model.set_setting(doc, "copied", dates.iso(TODAY - copied), 1)
    return doc


def open_on(w, site, when=MONDAY, doc=None, view="#/practices"):
    """The page at `view` on the clock `when`, with `doc` stored first (as one legacy key, which the app
    reads at start; written on the library, where leaving writes nothing over it)."""
    w.page.clock.set_fixed_time(when)
    page = w.open(site + ("#/" if doc is not None else view))
    if doc is not None:
        page.evaluate("t => localStorage.setItem('attune:data', t)", model.dumps(doc))
        page.reload()   # the app reads it at start (and keeps it in its own keys)
        page.wait_for_selector("html[data-app=ready]")
        page.goto(site + view)
    if view == "#/practices":
        page.wait_for_selector("#tracker:not([aria-busy]) #all-practices")
    return page


def save_copy_in_data(page):
    page.locator("#tracker").get_by_role("button", name="Save a copy").click()


def test_save_a_copy_downloads_and_records_its_day(site, open_page, tmp_path):
    """Without file sharing, Save a copy downloads attune-YYYY-MM-DD.json holding exactly what is stored, and "Your
    data" names the day."""
    w = open_page(DESKTOP)
    page = open_on(w, site, doc=history(3))
    assert page.inner_text("#copy-status") == "No copy saved yet."
    with page.expect_download() as info:
        save_copy_in_data(page)
    assert info.value.suggested_filename == "attune-2026-12-07.json"
    info.value.save_as(tmp_path / "copy.json")
    saved = json.loads((tmp_path / "copy.json").read_text())
    assert saved == w.stored() and saved["settings"]["copied"] == "2026-12-07"
    assert page.inner_text("#copy-status") == "Last copy saved on 7 December 2026 (today)."
    assert "attune-2026-12-07.json" in page.inner_text("#status")
    w.page.clock.set_fixed_time("2026-12-11T10:00:00")
    page.reload()
    page.wait_for_selector("#tracker:not([aria-busy]) #all-practices")
    assert page.inner_text("#copy-status") == "Last copy saved on 7 December 2026 (4 days ago)."


def test_save_a_copy_opens_the_share_sheet_where_files_can_be_shared(site, open_page):
    """Where canShare({files}) says yes, Save a copy shares a JSON File (no download) whose text imports back
    exactly."""
    w = open_page(PHONE)
    w.context.add_init_script(SHARE)
    page = open_on(w, site, doc=history(3))
    downloads = []
    page.on("download", lambda download: downloads.append(download))
    save_copy_in_data(page)
    page.wait_for_function("document.querySelector('#copy-status').textContent.startsWith('Last copy')")
    shared = page.evaluate("(async () => { const f = window.sharedFiles[0]; "
                           "return [f.name, f.type, await f.text()]; })()")
    assert shared[:2] == ["attune-2026-12-07.json", "application/json"]
    assert json.loads(model.dumps(model.parse_import(shared[2]))) == w.stored()
    assert w.stored()["settings"]["copied"] == "2026-12-07" and downloads == []


def test_a_cancelled_share_records_nothing_and_says_nothing(site, open_page):
    """Closing the share sheet (AbortError) records no copy and shows no message."""
    w = open_page(PHONE)
    w.context.add_init_script(SHARE + "window.SHARE_ERROR = 'AbortError';")
    page = open_on(w, site, doc=history(3))
    save_copy_in_data(page)
    page.wait_for_function("window.sharedFiles.length === 1")
    page.evaluate("new Promise(r => setTimeout(r, 0))")   # the rejection's handler has run
    assert "copied" not in w.stored()["settings"]
    assert page.inner_text("#status") == "" and page.inner_text("#copy-status") == "No copy saved yet."


def test_a_refused_share_says_why_and_offers_the_download(site, open_page, tmp_path):
    """A share refused for another reason (NotAllowedError) says so and offers the download, which then counts as the
    copy."""
    w = open_page(PHONE)
    w.context.add_init_script(SHARE + "window.SHARE_ERROR = 'NotAllowedError';")
    page = open_on(w, site, doc=history(3))
    save_copy_in_data(page)
    page.wait_for_selector("#status .is-error")
    assert "could not be shared here (NotAllowedError)" in page.inner_text("#status")
    assert "copied" not in w.stored()["settings"]
    with page.expect_download() as info:
        page.locator("#status").get_by_role("button", name="Download the copy").click()
    assert info.value.suggested_filename == "attune-2026-12-07.json"
    assert w.stored()["settings"]["copied"] == "2026-12-07"


def test_reminder_after_seven_days_without_a_copy_and_not_now(site, open_page):
    """With ticks on 7 days and no copy, #/practices reminds (never an article); Not now hides it, and it is back 7
    days later."""
    w = open_page(PHONE)
    page = open_on(w, site, doc=history(7), view="#/a/why-he-cries")
    assert not page.locator(".keep-note").is_visible()   # never over an article
    page.goto(site + "#/practices")
    note = page.locator("#keep-copy .keep-note")
    note.wait_for()
    assert "Save a copy" in note.inner_text() and "Not now" in note.inner_text()
    note.get_by_role("button", name="Not now").click()
    assert page.locator("#keep-copy").inner_text() == ""
    assert w.stored()["settings"]["copy_later"] == "2026-12-14"
    for when, shown in (("2026-12-13T10:00:00", False), ("2026-12-14T10:00:00", True)):
        w.page.clock.set_fixed_time(when)
        page.reload()
        page.wait_for_selector("#tracker:not([aria-busy]) #all-practices")
        assert page.locator("#keep-copy .keep-note").count() == (1 if shown else 0), when


@pytest.mark.parametrize("days,copied,shown", [(6, None, False), (20, 14, True), (20, 13, False), (20, 30, False)])
def test_reminder_follows_the_rule(site, open_page, days, copied, shown):
    """No reminder with 6 days and no copy; one for a 14-day-old copy with ticks since; none for a 13-day-old one or
    with no change since."""
    w = open_page(PHONE)
    doc = history(days, copied)
    if copied == 30:
        doc = history(days + 20, copied)
        for n in range(TODAY - copied + 1, TODAY):   # nothing after the copy
            model.set_done(doc, "active-listening", n, False)
    page = open_on(w, site, doc=doc)
    page.wait_for_function("document.querySelector('#copy-status')")
    assert page.locator("#keep-copy .keep-note").count() == (1 if shown else 0)


def test_no_reminder_while_nothing_is_being_saved(site, open_page, tmp_path):
    """With storage off, a long history brought in from a file gets no reminder to copy what is not being kept."""
    w = open_page(PHONE)
    w.context.add_init_script(DISABLE_STORAGE)
    page = open_on(w, site)
    (tmp_path / "copy.json").write_text(model.dumps(history(30)))
    with page.expect_file_chooser() as chooser:
        page.locator("#keep-copy").get_by_role("button", name="Bring it back").click()
    chooser.value.set_files(str(tmp_path / "copy.json"))
    page.get_by_role("button", name="Merge into my data").click()
    page.wait_for_function("document.querySelector('#status').textContent.includes('Imported')")
    assert page.locator("#keep-copy .keep-note").count() == 0
    assert page.locator("#unsaved").is_visible()   # the standing notice offers its own copy
    w.errors.clear()   # the refused storage is reported by the page itself


def test_bring_it_back_restores_a_copy_into_an_empty_tracker(site, open_page, tmp_path):
    """A tracker with nothing saved offers "Bring it back" near its top: the file chooser, then the merge preview,
    then the history."""
    w = open_page(PHONE)
    page = open_on(w, site)
    top = page.locator("#keep-copy")
    assert " ".join(top.inner_text().split()) == "Have a saved copy? Bring it back"
    (tmp_path / "copy.json").write_text(model.dumps(history(5, copied=2)))
    with page.expect_file_chooser() as chooser:
        top.get_by_role("button", name="Bring it back").click()
    chooser.value.set_files(str(tmp_path / "copy.json"))
    page.wait_for_selector("#data-dialog button")
    assert "5 new check-ins" in page.locator("#data-dialog").inner_text()
    page.get_by_role("button", name="Merge into my data").click()
    page.wait_for_function("document.querySelector('#keep-copy').textContent === ''")
    assert len(w.checkins()["active-listening"]) == 5
    assert page.inner_text("#copy-status") == "Last copy saved on 5 December 2026 (2 days ago)."   # the file's own copy


def test_safari_note_in_a_tab_dismissed_for_good_and_shown_again(site, open_page):
    """In Safari on iPhone (navigator.standalone false, emulated in Chromium) with something saved, a note says
    Safari may clear data; Got it keeps it away after a reload; Your data shows it again."""
    w = open_page(PHONE)
    w.context.add_init_script(IOS_SAFARI_TAB)
    page = open_on(w, site)
    assert page.locator("#keep-copy .keep-note").count() == 0   # nothing saved yet: nothing to lose
    page = open_on(w, site, doc=history(2))
    note = page.locator("#keep-copy .keep-note")
    assert "Safari may clear" in note.inner_text() and "Add to Home Screen" in note.inner_text()
    assert note.get_by_role("button", name="Save a copy").is_visible()
    note.get_by_role("button", name="Got it").click()
    assert page.locator("#keep-copy .keep-note").count() == 0
    page.reload()
    page.wait_for_selector("#tracker:not([aria-busy]) #all-practices")
    assert page.locator("#keep-copy .keep-note").count() == 0 and w.stored()["settings"]["safari_note"] == 1
    page.get_by_role("button", name="Keeping Attune on this iPhone or iPad").click()
    assert "Safari may clear" in page.locator("#keep-copy .keep-note").inner_text()


def test_installed_app_shows_neither_the_safari_note_nor_install(site, open_page):
    """Opened as an installed app (display-mode: standalone), neither Safari's note nor an install offer appears."""
    w = open_page(PHONE)
    w.context.add_init_script(IOS_SAFARI_TAB + INSTALLED)
    page = open_on(w, site, doc=history(2))
    page.evaluate("""(() => { const e = new Event('beforeinstallprompt'); e.prompt = () => {};
                              window.dispatchEvent(e); })()""")
    assert page.locator("#keep-copy .keep-note").count() == 0
    assert page.inner_text("#keep-offers") == ""


def test_install_attune_where_the_browser_offers_it(site, open_page):
    """When the browser offers installation (beforeinstallprompt), Your data offers Install Attune, which prompts
    once."""
    w = open_page(DESKTOP)
    page = open_on(w, site)
    assert page.locator("#keep-offers button").count() == 0
    page.evaluate("""(() => { const e = new Event('beforeinstallprompt');
                              e.prompt = () => { window.prompted = (window.prompted || 0) + 1; };
                              window.dispatchEvent(e); })()""")
    page.locator("#data-details summary").click()   # "Your data" is closed on a fresh profile
    page.get_by_role("button", name="Install Attune").click()
    assert page.evaluate("window.prompted") == 1
    assert page.locator("#keep-offers button").count() == 0
