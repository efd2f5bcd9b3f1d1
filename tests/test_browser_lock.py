"""The journal lock in real Chromium: turning it on, nothing readable at rest, a wrong passphrase, unlock,
write, lock again (Lock now, reload, 5 minutes hidden), writing while locked, change and remove, a locked
export imported on a fresh profile, and a page where Web Crypto is missing."""
import json

import pytest

import browser as browsers
from core import model
from pages import DISABLE_STORAGE, open_data, take_on, today
from journal_pages import open_journal
from lock_pages import (NEW_PASS, PASS, TIMEOUT, assert_nothing_readable, lock_on, notes_today_and_before, unlock,
                        unsealed, wait_unlocked)

pytestmark = pytest.mark.browser


def test_lock_on_leaves_nothing_readable_and_a_wrong_passphrase_changes_nothing(open_page, site):
    """After locking, no note text or 8-char run of it is in any key; a wrong passphrase is refused and changes no
    key."""
    w = open_page()
    page, doc = open_journal(w, site, notes_today_and_before())
    texts = [t for day in doc["notes"] for t in doc["notes"][day]]
    lock_on(page)
    storage = w.storage()
    assert "attune:lock" in storage
    assert_nothing_readable(storage, texts)
    page.click('[data-action="lock-now"]')
    page.wait_for_selector("#lock-pass")
    assert "garden" not in page.inner_text("#journal-body")
    # Locked, the page shows its top, not wherever the notes were: the locked panel's heading has the focus.
    assert page.evaluate("[document.activeElement.id, scrollY]") == ["lock-title", 0]
    before = w.storage()
    unlock(page, "not the passphrase")
    page.wait_for_selector("#lock-error .error", timeout=TIMEOUT)
    assert "does not open this journal" in page.inner_text("#lock-error")
    assert w.storage() == before
    unlock(page)
    wait_unlocked(page)
    assert "garden plans" in page.inner_text("#journal-body")


def test_unlock_write_lock_reload_unlock_shows_every_note(open_page, site):
    """Unlock, write a note, lock, reload, unlock: every note shows, and the new one is not readable at rest."""
    w = open_page()
    page, doc = open_journal(w, site, notes_today_and_before())
    lock_on(page)
    page.fill("#journal-note", "Written after the lock was set")
    page.click('[data-action="journal-add"]')
    page.wait_for_function("document.querySelector('#journal-body').innerText.includes('Written after the lock')",
                           timeout=TIMEOUT)
    page.click('[data-action="lock-now"]')
    page.reload()
    page.wait_for_selector("html[data-app=ready]")
    page.wait_for_selector("#lock-pass")
    unlock(page)
    wait_unlocked(page)
    body = page.inner_text("#journal-body")
    for text in ("garden plans", "harbour after dinner", "Written after the lock"):
        assert text in body
    assert_nothing_readable(w.storage(), ["Written after the lock was set", "Today we talked about the garden plans"])


def test_writing_while_locked_asks_in_place_and_keeps_the_text(open_page, site):
    """A note written while locked waits in its box, the passphrase is asked for in place, then it is saved sealed."""
    w = open_page()
    page, doc = open_journal(w, site, notes_today_and_before())
    lock_on(page)
    page.click('[data-action="lock-now"]')
    page.fill("#journal-note", "Typed while the journal was locked")
    page.click('[data-action="journal-add"]')
    page.wait_for_selector("#lock-error .error")
    assert page.input_value("#journal-note") == "Typed while the journal was locked"
    unlock(page, "a wrong passphrase here")
    page.wait_for_selector("#lock-error .error >> text=does not open", timeout=TIMEOUT)
    assert page.input_value("#journal-note") == "Typed while the journal was locked"
    page.fill("#lock-pass", PASS)
    page.click('[data-action="journal-add"]')
    page.wait_for_function("document.querySelector('#journal-body').innerText.includes('Typed while the journal')",
                           timeout=TIMEOUT)
    assert_nothing_readable(w.storage(), ["Typed while the journal was locked"])


def test_hidden_five_minutes_locks_again(open_page, site):
    """With Playwright's clock, a page hidden for 5 minutes asks for the passphrase again; 4 minutes do not."""
    w = open_page()
    w.page.clock.install()
    page, doc = open_journal(w, site, notes_today_and_before())
    lock_on(page)
    hide = ("v => { Object.defineProperty(document, 'visibilityState', {value: v, configurable: true}); "
            "document.dispatchEvent(new Event('visibilitychange')); }")
    page.evaluate(hide, "hidden")
    page.clock.run_for(4 * 60 * 1000)
    page.evaluate(hide, "visible")
    assert page.query_selector('[data-action="lock-now"]')
    page.evaluate(hide, "hidden")
    page.clock.run_for(5 * 60 * 1000 + 1000)
    page.evaluate(hide, "visible")
    page.wait_for_selector("#lock-pass")
    assert "garden" not in page.inner_text("#journal-body")


def test_change_then_remove_the_lock(open_page, site):
    """Changing the passphrase needs the current one; afterwards only the new one opens; removing writes notes plain."""
    w = open_page()
    page, doc = open_journal(w, site, notes_today_and_before())
    lock_on(page)
    page.click(".lock-tools summary")
    page.fill("#lock-current", PASS)
    page.fill("#lock-new", NEW_PASS)
    page.fill("#lock-again", NEW_PASS)
    page.click('[data-action="lock-change"]')
    page.wait_for_selector("#status >> text=Passphrase changed", timeout=TIMEOUT)
    assert "prev" not in json.loads(w.storage()["attune:lock"])
    page.click('[data-action="lock-now"]')
    unlock(page, PASS)
    page.wait_for_selector("#lock-error .error", timeout=TIMEOUT)
    unlock(page, NEW_PASS)
    wait_unlocked(page)
    assert "garden plans" in page.inner_text("#journal-body")
    page.click(".lock-tools summary")
    page.fill("#lock-current", NEW_PASS)
    page.click('[data-action="lock-remove"]')
    page.wait_for_selector("#status >> text=The lock is off", timeout=TIMEOUT)
    assert "attune:lock" not in w.storage()
    assert w.stored()["notes"] == doc["notes"]


def test_a_plain_http_origin_does_not_offer_the_lock(playwright_instance, site, watch):
    """On a real plain-http origin other than localhost (attune.test, which Chromium's resolver maps to 127.0.0.1)
    there is no Web Crypto: the lock is not offered, and one line says why."""
    browser = browsers.launch(playwright_instance, extra_args=["--host-resolver-rules=MAP attune.test 127.0.0.1"])
    try:
        w = watch(browser.new_context(viewport=browsers.PHONE), hosts=("attune.test",))
        page, doc = open_journal(w, site.replace("127.0.0.1", "attune.test"), notes_today_and_before())
        assert page.evaluate("[location.protocol, isSecureContext, typeof crypto.subtle]") == ["http:", False,
                                                                                              "undefined"]
        assert page.query_selector('[data-action="lock-on"]') is None
        line = page.inner_text("#lock-unavailable")
        assert line.count("\n") == 0 and "not on a secure (https) address" in line, line
        assert "garden plans" in page.inner_text("#journal-body")   # the journal itself works as ever
    finally:
        browser.close()


def test_storage_off_does_not_offer_the_lock(open_page, site):
    """With storage refused (as with cookies blocked) the lock is not offered: one line says why, and a note can
    still be written for this visit."""
    w = open_page()
    w.context.add_init_script(DISABLE_STORAGE)
    page = w.open(site + "#/journal")
    page.wait_for_selector("#journal-body .journal-add")
    assert page.query_selector('[data-action="lock-on"]') is None
    line = page.inner_text("#lock-unavailable")
    assert line.count("\n") == 0 and "not saving anything" in line, line
    page.fill("#journal-note", "Kept for this visit only")
    page.click('[data-action="journal-add"]')
    page.wait_for_function("document.querySelector('#journal-body').innerText.includes('Kept for this visit only')")


def import_file(page, site, path):
    """Open "Your data" on #/practices and choose the file: its preview dialog shows."""
    page.goto(site + "#/practices")
    page.wait_for_selector("#tracker:not([aria-busy]) #all-practices")
    open_data(page)
    page.set_input_files("#import-file", str(path))
    page.wait_for_selector("#data-dialog button")


def test_plain_import_into_a_locked_journal_keeps_every_note_locked(open_page, site, tmp_path):
    """Lock on and locked: merging a plain file (a note in a locked month, one in a new month) asks for the
    passphrase, then every note is sealed and none readable."""
    w = open_page()
    page, doc = open_journal(w, site, notes_today_and_before())
    lock_on(page)
    page.click('[data-action="lock-now"]')
    day = today(page)
    imported = {day: ["Imported into a locked month by merging"], "2025-01-02": ["Imported into a brand new month too"]}
    path = tmp_path / "plain.json"
    path.write_text(json.dumps({"schema": 2, "notes": imported}))
    import_file(page, site, path)
    page.fill("#import-lock-pass", "not the passphrase")
    before = w.storage()
    page.get_by_role("button", name="Merge into my data").click()
    page.wait_for_selector("#import-error .error", timeout=TIMEOUT)
    assert w.storage() == before
    page.fill("#import-lock-pass", PASS)
    page.get_by_role("button", name="Merge into my data").click()
    page.wait_for_selector("#status >> text=Imported", timeout=TIMEOUT)
    texts = [t for d in doc["notes"] for t in doc["notes"][d]] + [t for d in imported for t in imported[d]]
    assert_nothing_readable(w.storage(), texts)
    notes = unsealed(page)
    for d in list(doc["notes"]) + list(imported):
        for text in doc["notes"].get(d, []) + imported.get(d, []):
            assert text in notes[d]
    page.goto(site + "#/journal")
    page.reload()
    page.wait_for_selector("#lock-pass")
    unlock(page)
    wait_unlocked(page)
    body = page.inner_text("#journal-body")
    assert "Imported into a locked month" in body and "garden plans" in body


def test_plain_replace_into_an_unlocked_journal_keeps_the_lock(open_page, site, tmp_path):
    """Replacing with a plain file while unlocked keeps the lock on: the file's notes are stored sealed, the old ones
    are gone."""
    w = open_page()
    page, doc = open_journal(w, site, notes_today_and_before())
    lock_on(page)
    path = tmp_path / "plain.json"
    path.write_text(json.dumps({"schema": 2, "notes": {"2025-01-02": ["Only this note after replacing"]}}))
    import_file(page, site, path)
    page.get_by_role("button", name="Replace my data").click()
    page.wait_for_selector("#status >> text=Imported", timeout=TIMEOUT)
    assert "attune:lock" in w.storage()
    assert_nothing_readable(w.storage(), ["Only this note after replacing"])
    assert unsealed(page) == {"2025-01-02": ["Only this note after replacing"]}


def save_locked_copy(page, site, tmp_path):
    """Save a copy from #/practices (a download on a desktop viewport); its path."""
    page.goto(site + "#/practices")
    page.wait_for_selector("#tracker:not([aria-busy]) #all-practices")
    with page.expect_download() as info:
        page.locator("#tracker").get_by_role("button", name="Save a copy").click()
    path = tmp_path / "locked-copy.json"
    info.value.save_as(path)
    return path


def test_locked_export_imports_on_a_fresh_profile_with_its_passphrase(open_page, site, tmp_path):
    """A copy saved while locked imports on a fresh profile: a wrong passphrase (sent by Enter) is refused, stays in
    its field and stores nothing; the right one keeps the notes encrypted, and unlocking shows them."""
    from browser import DESKTOP
    a = open_page(DESKTOP)
    page, doc = open_journal(a, site, notes_today_and_before())
    lock_on(page)
    path = save_locked_copy(page, site, tmp_path)
    saved = json.loads(path.read_text())
    assert "lock" in saved and saved["sealed"]
    assert_nothing_readable({"attune:copy": path.read_text()}, ["Today we talked about the garden plans"])
    b = open_page(DESKTOP)
    page_b = b.open(site + "#/practices")
    page_b.wait_for_selector("#tracker:not([aria-busy]) #all-practices")
    take_on(page_b, "practise-patience")
    page_b.check("#tracker--do-practise-patience")
    import_file(page_b, site, path)
    assert "encrypted" in page_b.inner_text("#data-dialog")
    before = b.storage()
    page_b.fill("#import-file-pass", "not the passphrase")
    page_b.press("#import-file-pass", "Enter")   # the dialog is a form: Enter merges, as the button does
    page_b.wait_for_selector("#import-error .error", timeout=TIMEOUT)
    assert "does not open this copy" in page_b.inner_text("#import-error")
    assert b.storage() == before and page_b.input_value("#import-file-pass") == "not the passphrase"
    page_b.fill("#import-file-pass", PASS)
    page_b.get_by_role("button", name="Merge into my data").click()
    page_b.wait_for_selector("#status >> text=Imported", timeout=TIMEOUT)
    assert_nothing_readable(b.storage(), ["Today we talked about the garden plans",
                                          "Long walk by the harbour after dinner"])
    page_b.goto(site + "#/journal")
    page_b.reload()
    page_b.wait_for_selector("#lock-pass")
    unlock(page_b)
    wait_unlocked(page_b)
    assert "garden plans" in page_b.inner_text("#journal-body")
    assert unsealed(page_b) == doc["notes"]
    assert "practise-patience" in b.stored()["checkins"]   # the profile's own tick is kept


def test_locked_export_into_a_journal_with_its_own_lock(open_page, site, tmp_path):
    """A locked copy imported where another lock is on needs both passphrases; its notes are sealed again under the
    journal's own."""
    from browser import DESKTOP
    a = open_page(DESKTOP)
    page, doc = open_journal(a, site, notes_today_and_before())
    lock_on(page)
    path = save_locked_copy(page, site, tmp_path)
    b = open_page(DESKTOP)
    page_b, _ = open_journal(b, site, lambda t: model.empty())
    lock_on(page_b, NEW_PASS)
    page_b.click('[data-action="lock-now"]')
    import_file(page_b, site, path)
    page_b.fill("#import-file-pass", PASS)
    page_b.fill("#import-lock-pass", NEW_PASS)
    page_b.get_by_role("button", name="Merge into my data").click()
    page_b.wait_for_selector("#status >> text=Imported", timeout=TIMEOUT)
    assert_nothing_readable(b.storage(), ["Today we talked about the garden plans"])
    assert unsealed(page_b, NEW_PASS) == doc["notes"]


def test_a_readable_copy_needs_the_notes_unlocked_and_holds_them_plain(open_page, site, tmp_path):
    """While locked, Save a readable copy is refused (nothing saved); unlocked, it downloads every note as plain text
    with no lock, and the status says which kind each copy is."""
    from browser import DESKTOP
    w = open_page(DESKTOP)
    page, doc = open_journal(w, site, notes_today_and_before())
    lock_on(page)
    save_locked_copy(page, site, tmp_path)
    assert "Its notes are encrypted" in page.inner_text("#status")
    assert "Save a readable copy" in page.inner_text("#copy-kinds")
    with page.expect_download() as info:
        page.locator("#tracker").get_by_role("button", name="Save a readable copy").click()
    path = tmp_path / "readable.json"
    info.value.save_as(path)
    readable = json.loads(path.read_text())
    assert "lock" not in readable and "sealed" not in readable and readable["notes"] == doc["notes"]
    assert "readable by anyone" in page.inner_text("#status")
    page.goto(site + "#/journal")
    page.click('[data-action="lock-now"]')
    page.goto(site + "#/practices")
    page.wait_for_selector("#tracker:not([aria-busy]) #all-practices")
    page.locator("#tracker").get_by_role("button", name="Save a readable copy").click()
    page.wait_for_selector("#status >> text=Unlock your notes first")
