"""The journal lock when things go wrong, in real Chromium: two tabs of one profile (a locked tab never writes
plain text over sealed notes, nor writes back notes it could not decrypt), and a change or removal of the
passphrase cut short after each single write (every note still opens with the old or the new passphrase)."""
import pytest

from core import dates
from pages import open_row, take_on
from journal_pages import open_journal, today_ordinal
from lock_pages import (NEW_PASS, PASS, TIMEOUT, assert_nothing_readable, lock_on, notes_today_and_before, unlock,
                        unsealed)

pytestmark = pytest.mark.browser
BODY_HAS = "t => document.querySelector('#journal-body').innerText.includes(t)"
NOTE_KEYS = ("Object.fromEntries(Object.keys(localStorage).filter(k => k.startsWith('attune:notes:'))"
             ".map(k => [k, localStorage.getItem(k)]))")


def second_tab(watch, w, site, route="#/journal", init_script=None):
    """Another tab of the same profile (its storage and its storage events), opened on `route`, under the
    same clean-page check as every watched page."""
    page = watch(w.context).page
    if init_script:
        page.add_init_script(init_script)
    page.goto(site + route)
    page.wait_for_selector("html[data-app=ready]")
    return page


def write_note(page, text):
    """Add a note for today on the journal (the passphrase, if asked for, is typed by the caller)."""
    page.fill("#journal-note", text)
    page.click('[data-action="journal-add"]')


def test_a_locked_tab_saves_its_note_beside_the_other_tabs(open_page, watch, site):
    """Tab B, locked, is asked for the passphrase in place and then seals its note beside the one unlocked tab A
    wrote after B opened; both tabs then show both notes, and neither is readable at rest."""
    w = open_page()
    a, doc = open_journal(w, site, notes_today_and_before())
    lock_on(a)
    b = second_tab(watch, w, site)
    b.wait_for_selector("#lock-pass")
    write_note(a, "Written in tab A while B stayed locked")
    a.wait_for_function(BODY_HAS, arg="Written in tab A", timeout=TIMEOUT)
    write_note(b, "Written in tab B once it was unlocked")
    b.wait_for_selector("#lock-error .error")
    assert "Written in tab B" not in str(w.storage())   # nothing saved before the passphrase, least of all plain
    b.fill("#lock-pass", PASS)
    b.click('[data-action="journal-add"]')
    b.wait_for_function(BODY_HAS, arg="Written in tab B", timeout=TIMEOUT)
    assert "Written in tab A" in b.inner_text("#journal-body")
    a.wait_for_function(BODY_HAS, arg="Written in tab B", timeout=TIMEOUT)   # A decrypts what B sealed
    day = dates.iso(today_ordinal(a))
    assert sorted(unsealed(a)[day]) == sorted(doc["notes"][day] + ["Written in tab A while B stayed locked",
                                                                   "Written in tab B once it was unlocked"])
    assert_nothing_readable(w.storage(), ["Written in tab A while B stayed locked",
                                          "Written in tab B once it was unlocked"] + doc["notes"][day])


def test_a_locked_tab_never_writes_back_notes_it_could_not_read(open_page, watch, site):
    """While tab A writes sealed notes, locked tab B takes a practice on, ticks it and is refused a wrong passphrase:
    the note keys stay exactly as A wrote them, B's tick is kept, and B's grid still shows which days have notes."""
    w = open_page()
    a, doc = open_journal(w, site, notes_today_and_before())
    lock_on(a)
    b = second_tab(watch, w, site, "#/practices")
    b.wait_for_selector("#tracker:not([aria-busy]) #all-practices")
    write_note(a, "A note tab B can never read")
    a.wait_for_function(BODY_HAS, arg="A note tab B can never read", timeout=TIMEOUT)
    sealed = a.evaluate(NOTE_KEYS)
    b.wait_for_function("k => localStorage.getItem(Object.keys(k)[0]) !== null", arg=sealed)
    take_on(b, "practise-patience")
    b.check("#tracker--do-practise-patience")
    row = open_row(b, "practise-patience")
    day = dates.iso(today_ordinal(b))
    # Which days have notes stays visible while locked (only their text is locked): the grid's dot and link.
    assert row.locator("#grid--practise-patience--%s" % day).evaluate("box => box.closest('td').className") \
        .split() == ["cell", "is-done", "has-note"]
    assert row.locator(".note-days a[href='#/journal/%s']" % day).count() == 1
    b.get_by_role("link", name="Write about today").click()   # the journal's composer, locked
    b.fill("#journal-note", "Typed in B, then a wrong passphrase")
    b.click('[data-action="journal-add"]')
    b.fill("#lock-pass", "not the passphrase at all")
    b.click('[data-action="journal-add"]')
    b.wait_for_selector("#lock-error .error >> text=does not open", timeout=TIMEOUT)
    assert b.input_value("#journal-note") == "Typed in B, then a wrong passphrase"
    assert b.evaluate(NOTE_KEYS) == sealed
    stored = w.stored()
    assert day in stored["checkins"]["practise-patience"]
    assert "practise-patience" in stored["focus"]
    assert_nothing_readable(w.storage(), ["A note tab B can never read", "Typed in B, then a wrong passphrase"])


def test_a_tab_opened_before_the_lock_hides_the_notes_and_never_writes_them_plain(open_page, watch, site):
    """Tab B showed the notes before A turned the lock on: it stops showing them, asks for the passphrase when it
    saves a note, and its note is stored only sealed."""
    w = open_page()
    a, doc = open_journal(w, site, notes_today_and_before())
    b = second_tab(watch, w, site)
    b.wait_for_function(BODY_HAS, arg="garden plans")
    lock_on(a)
    b.wait_for_selector("#lock-pass", timeout=TIMEOUT)
    assert "garden plans" not in b.inner_text("#journal-body")
    write_note(b, "Written in B, which saw the journal before the lock")
    b.wait_for_selector("#lock-error .error")
    assert_nothing_readable(w.storage(), ["Written in B, which saw the journal before the lock"])
    b.fill("#lock-pass", PASS)
    b.click('[data-action="journal-add"]')
    b.wait_for_function(BODY_HAS, arg="Written in B, which saw", timeout=TIMEOUT)
    assert "Written in B, which saw the journal before the lock" in unsealed(a)[dates.iso(today_ordinal(a))]
    assert_nothing_readable(w.storage(), ["Written in B, which saw the journal before the lock",
                                          "Today we talked about the garden plans"])


def test_a_tab_that_missed_the_lock_turning_on_reads_it_before_writing(open_page, watch, site):
    """Tab B never hears that A turned the lock on (its storage events are stopped, as when it saves a note before
    the event arrives): saving a note reads the lock's key again, asks for the passphrase, and writes only sealed."""
    w = open_page()
    a, doc = open_journal(w, site, notes_today_and_before())
    # Registered before the app's own listener, so that it stops every storage event before the app sees it.
    b = second_tab(watch, w, site, init_script="addEventListener('storage', e => e.stopImmediatePropagation(), true)")
    b.wait_for_function(BODY_HAS, arg="garden plans")
    lock_on(a)
    assert b.query_selector("#lock-pass") is None   # B still shows the journal as it was
    write_note(b, "Saved in B, which never heard of the lock")
    b.wait_for_selector("#lock-error .error", timeout=TIMEOUT)
    assert b.input_value("#journal-note") == "Saved in B, which never heard of the lock"
    assert_nothing_readable(w.storage(), ["Saved in B, which never heard of the lock"])
    b.fill("#lock-pass", PASS)
    b.click('[data-action="journal-add"]')
    b.wait_for_function(BODY_HAS, arg="Saved in B, which never", timeout=TIMEOUT)
    day = dates.iso(today_ordinal(a))
    assert sorted(unsealed(a)[day]) == sorted(doc["notes"][day] + ["Saved in B, which never heard of the lock"])
    assert_nothing_readable(w.storage(), ["Saved in B, which never heard of the lock"] + doc["notes"][day])


# Wraps the page's storage calls so that the stored attune:* keys are recorded after every single write
# (set or remove) from now on: each record is what a page closed right after that write would leave.
RECORD_WRITES = """() => {
  window.attuneWrites = [];
  const snapshot = () => Object.fromEntries(Object.keys(localStorage).filter(k => k.startsWith('attune:'))
                                            .map(k => [k, localStorage.getItem(k)]));
  for (const name of ['set', 'remove']) {
    const call = attuneStorage[name];
    attuneStorage[name] = function (key, value) {
      const result = call.call(this, key, value);
      if (String(key).startsWith('attune:')) window.attuneWrites.push(snapshot());
      return result;
    };
  }
}"""
UNLOCKED_OR_REFUSED = ("() => document.querySelector('#status').innerText.includes('Unlocked')"
                       " || document.querySelector('#lock-error .error') !== null")
SEED = "seed => { localStorage.clear(); for (const k of Object.keys(seed)) localStorage.setItem(k, seed[k]); }"


def notes_in_three_months():
    def make(t):
        doc = notes_today_and_before()(t)
        doc["notes"][dates.iso(t - 75)] = ["A quiet evening, two months back"]
        return doc
    return make


def writes_of(page, start, done):
    """The stored keys after each write of the change start() makes, until `done` shows in the status."""
    page.evaluate(RECORD_WRITES)
    start()
    page.wait_for_selector("#status >> text=%s" % done, timeout=TIMEOUT)
    return page.evaluate("window.attuneWrites")


def opens_with_one_passphrase(w, site, stored, texts):
    """A fresh page on `stored` shows every note in `texts` after unlocking with PASS or NEW_PASS (or with none,
    once the lock is off); the passphrase that opened it ("" for none)."""
    page = w.page
    page.goto(site + "#/journal")
    page.evaluate(SEED, stored)
    page.reload()
    page.wait_for_selector("html[data-app=ready]")
    page.wait_for_selector("#journal-body .journal-add")
    opened = ""
    if page.query_selector("#lock-pass"):
        for passphrase in (PASS, NEW_PASS):
            page.evaluate("document.querySelector('#lock-error').innerHTML = ''")   # the last try's message
            unlock(page, passphrase)
            page.wait_for_function(UNLOCKED_OR_REFUSED, timeout=TIMEOUT)
            if not page.query_selector("#lock-error .error"):
                opened = passphrase
                break
        else:
            raise AssertionError("neither passphrase opens %s" % sorted(stored))
    body = page.inner_text("#journal-body")
    for text in texts:
        assert text in body, (opened, text, sorted(stored))
    return opened


def change_passphrase(page):
    page.click(".lock-tools summary")
    page.fill("#lock-current", PASS)
    page.fill("#lock-new", NEW_PASS)
    page.fill("#lock-again", NEW_PASS)
    page.click('[data-action="lock-change"]')


def remove_lock(page):
    page.click(".lock-tools summary")
    page.fill("#lock-current", PASS)
    page.click('[data-action="lock-remove"]')


@pytest.mark.parametrize("start, done, last", [(change_passphrase, "Passphrase changed", NEW_PASS),
                                              (remove_lock, "The lock is off", "")], ids=["change", "remove"])
def test_cut_after_each_write_every_note_opens(open_page, site, start, done, last):
    """A change or removal of the passphrase cut after each single write (three locked months) leaves every note
    readable with the old or the new passphrase, never neither; the last write leaves the new state."""
    w = open_page()
    page, doc = open_journal(w, site, notes_in_three_months())
    texts = [text for day in doc["notes"] for text in doc["notes"][day]]
    lock_on(page)
    cuts = writes_of(page, lambda: start(page), done)
    assert len(cuts) >= 2 + 3, len(cuts)   # the record, each month, the record again
    fresh = open_page()
    opened = [opens_with_one_passphrase(fresh, site, stored, texts) for stored in cuts]
    assert opened[-1] == last, opened
    if last == "":
        assert "attune:lock" not in cuts[-1]
    else:
        assert_nothing_readable(cuts[-1], texts)
