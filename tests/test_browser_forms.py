"""Forms that behave like forms (issue 37) in real Chromium: each group of fields that ends in one action is a
<form>, Enter sends it as its button does, the page neither navigates nor reloads, the same checks and messages
apply and a refused field keeps its text; a text area keeps Enter for new lines. And the lock's words agree:
no text calls the notes locked and unlocked at once."""
import re

import pytest

from browser import PHONE
from journal_pages import open_journal
from lock_pages import NEW_PASS, PASS, TIMEOUT, notes_today_and_before, wait_unlocked

pytestmark = pytest.mark.browser
SAME_PAGE = "window.__samePage = 1"   # gone if the page reloaded or navigated
STAYED = "window.__samePage === 1"


def stayed(page, url):
    assert page.evaluate(STAYED) and page.url == url


def test_every_group_of_fields_ending_in_one_action_is_a_form_for_password_managers(open_page, site):
    """The lock's set-up, unlock and change groups and the exit address are forms with one submit button each, and
    each passphrase field says which passphrase it wants (current-password or new-password)."""
    w = open_page(PHONE)
    page, _ = open_journal(w, site, notes_today_and_before())
    forms = page.evaluate("[...document.querySelectorAll('form')].map(f => [f.id || f.dataset.form, "
                          "f.querySelectorAll('button[type=submit]').length])")
    assert ["exit-url-form", 1] in forms and ["lock-on", 1] in forms
    fields = page.evaluate("[...document.querySelectorAll('input[type=password]')].map(i => "
                           "[i.id, i.autocomplete, !!i.form])")
    assert fields == [["lock-new", "new-password", True], ["lock-again", "new-password", True]]


def test_enter_sets_unlocks_and_changes_the_lock(open_page, site):
    """Enter in the passphrase fields: a mismatch is refused with the text kept; then the lock is set; locked,
    a wrong passphrase is refused and stays in the field (selected), the right one unlocks; the passphrase is
    changed. All without the page navigating or reloading."""
    w = open_page(PHONE)
    page, _ = open_journal(w, site, notes_today_and_before())
    url = page.url
    page.evaluate(SAME_PAGE)
    page.click("#lock-panel summary")
    page.fill("#lock-new", PASS)
    page.fill("#lock-again", PASS + " not quite")
    page.press("#lock-again", "Enter")
    page.wait_for_selector("#lock-error .error")
    assert page.input_value("#lock-new") == PASS and page.input_value("#lock-again") == PASS + " not quite"
    assert "attune:lock" not in w.storage()
    page.fill("#lock-again", PASS)
    page.press("#lock-again", "Enter")
    wait_unlocked(page)
    assert "attune:lock" in w.storage()
    stayed(page, url)
    page.click('[data-action="lock-now"]')
    page.wait_for_selector("#lock-pass")
    page.fill("#lock-pass", "not the passphrase")
    page.press("#lock-pass", "Enter")
    page.wait_for_selector("#lock-error .error", timeout=TIMEOUT)
    assert "does not open this journal" in page.inner_text("#lock-error")
    assert page.input_value("#lock-pass") == "not the passphrase"
    assert page.evaluate("[document.activeElement.id, document.activeElement.selectionStart, "
                         "document.activeElement.selectionEnd]") == ["lock-pass", 0, len("not the passphrase")]
    page.fill("#lock-pass", PASS)
    page.press("#lock-pass", "Enter")
    wait_unlocked(page)
    assert "garden plans" in page.inner_text("#journal-body")
    page.click(".lock-tools summary")
    page.fill("#lock-current", PASS)
    page.fill("#lock-new", NEW_PASS)
    page.fill("#lock-again", NEW_PASS)
    page.press("#lock-again", "Enter")
    page.wait_for_selector("#status >> text=Passphrase changed", timeout=TIMEOUT)
    stayed(page, url)


def test_enter_in_the_journals_note_box_is_a_new_line_and_in_its_day_saves(open_page, site):
    """The journal's composer (where notes are written, also from #/practices' "Write about today") is a form:
    Enter in its text area is a new line, not a save; Enter in its day field saves the note, lines and all; the
    page does not navigate."""
    w = open_page(PHONE)
    page, _ = open_journal(w, site, notes_today_and_before())
    url = page.url
    page.evaluate(SAME_PAGE)
    stored = w.stored()["notes"]
    page.click("#journal-note")
    page.keyboard.type("first line")
    page.keyboard.press("Enter")
    page.keyboard.type("second line")
    assert page.input_value("#journal-note") == "first line\nsecond line"
    assert w.stored()["notes"] == stored
    day = page.input_value("#journal-day")
    page.press("#journal-day", "Enter")
    page.wait_for_function("day => JSON.stringify(localStorage).includes('second line')", arg=day)
    assert "first line\nsecond line" in w.stored()["notes"][day]
    stayed(page, url)


def test_enter_saves_the_exit_address_and_refuses_a_wrong_one_in_place(open_page, site):
    """In the settings panel, Enter in the address field: a wrong address is refused with its reason and stays
    in the field; a good one is kept and on the link; the page does not navigate."""
    w = open_page(PHONE)
    page = w.open(site + "#/help")
    url = page.url
    page.evaluate(SAME_PAGE)
    page.click("#display summary")
    page.fill("#exit-url", "javascript:alert(1)")
    page.press("#exit-url", "Enter")
    page.wait_for_selector("#exit-url-error:not(:empty)")
    assert "not a web address" in page.inner_text("#exit-url-error")
    assert page.input_value("#exit-url") == "javascript:alert(1)"
    page.fill("#exit-url", "news.example/today")
    page.press("#exit-url", "Enter")
    page.wait_for_function("document.querySelector('a.leave').getAttribute('href') === 'https://news.example/today'")
    assert w.stored()["settings"]["exit_url"] == "https://news.example/today"
    assert "news.example" in page.inner_text("#status")
    stayed(page, url)


def says(page, word):
    """Whether the page's visible text (the view and its message) has the word, as a word."""
    text = page.inner_text("#main") + "\n" + page.inner_text("#status")
    return re.search(r"\b%s\b" % word, text, re.I) is not None


def test_no_text_calls_the_notes_locked_and_unlocked_at_once(open_page, site):
    """Right after the lock is set, and after unlocking, the journal and its message say "unlocked" and never
    "locked"; locked again, they say "locked" and never "unlocked"."""
    w = open_page(PHONE)
    page, _ = open_journal(w, site, notes_today_and_before())
    page.click("#lock-panel summary")
    assert not (says(page, "locked") and says(page, "unlocked"))
    page.fill("#lock-new", PASS)
    page.fill("#lock-again", PASS)
    page.press("#lock-again", "Enter")
    wait_unlocked(page)
    page.wait_for_selector("#status >> text=The lock is set")
    assert says(page, "unlocked") and not says(page, "locked")
    page.click('[data-action="lock-now"]')
    page.wait_for_selector("#lock-pass")
    assert says(page, "locked") and not says(page, "unlocked")
    page.fill("#lock-pass", PASS)
    page.press("#lock-pass", "Enter")
    wait_unlocked(page)
    assert says(page, "unlocked") and not says(page, "locked")
