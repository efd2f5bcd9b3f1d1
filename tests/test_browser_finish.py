"""What looked unfinished (issue 37), in real Chromium, at every text size: the skip link hidden until focused, the
passphrase field styled as a field, a message that never covers the button just pressed, and the hints of "Your
data" and the journal's lock wrapping under their title, not under the ▸."""
import pytest

from journal_pages import open_journal
from lock_pages import lock_on, notes_today_and_before

pytestmark = pytest.mark.browser
SIZE = ("s => localStorage.setItem('attune:data', JSON.stringify({schema: 2, focus: {}, reading: {}, "
        "settings: {theme: 'system', text_size: s, at: 1}}))")
BOX = ("s => { const b = document.querySelector(s).getBoundingClientRect(); "
       "return {left: b.left, top: b.top, right: b.right, bottom: b.bottom, width: b.width, height: b.height}; }")


def sized(w, site, size, route="#/"):
    page = w.open(site)
    page.evaluate(SIZE, size)
    page.goto(site + route)
    page.reload()
    page.wait_for_selector("html[data-app=ready]")
    return page


@pytest.mark.parametrize("size", [0, 1, 2, 3])
def test_the_skip_link_shows_only_when_focused(site, open_page, size):
    """At every text size the skip link is wholly above the page until Tab focuses it; then it is in view."""
    w = open_page({"width": 390, "height": 844})
    page = sized(w, site, size)
    assert page.evaluate(BOX, "a.skip")["bottom"] <= 0
    page.evaluate("document.activeElement && document.activeElement.blur()")
    page.keyboard.press("Tab")
    box = page.evaluate(BOX, "a.skip")
    assert page.evaluate("document.activeElement.className") == "skip" and box["top"] >= 0 and box["bottom"] > 20


@pytest.mark.parametrize("size", [1, 3])
def test_the_passphrase_field_is_a_full_field(site, open_page, size):
    """While the journal is locked, it asks for the passphrase in a field as tall as a thumb, as wide as its form
    (up to 24rem), in the page's text size and with a visible border."""
    w = open_page({"width": 390, "height": 844})
    page, _ = open_journal(w, site, notes_today_and_before())
    page.evaluate(SIZE, size)
    lock_on(page)
    page.click('[data-action="lock-now"]')
    page.reload()
    page.wait_for_selector("#lock-pass")
    field = page.evaluate(BOX, "#lock-pass")
    form = page.evaluate("document.querySelector('#lock-pass').form.getBoundingClientRect().width")
    assert field["height"] >= 44 and field["width"] >= min(form, 24 * 16) - 1
    style = page.evaluate("(() => { const s = getComputedStyle(document.querySelector('#lock-pass')); "
                          "return [s.fontSize, s.borderTopWidth, s.borderTopStyle]; })()")
    assert style == [page.evaluate("getComputedStyle(document.body).fontSize"), "1px", "solid"]


@pytest.mark.parametrize("size", [0, 3])
def test_the_message_after_save_note_leaves_the_button_in_sight(site, open_page, size):
    """Save note pressed at the very bottom of the screen (the window cut just below it): its message comes up,
    and the page moves so that the message does not cover the button."""
    w = open_page({"width": 390, "height": 844})
    page = sized(w, site, size, "#/journal")
    page.wait_for_selector("#journal-note")
    page.fill("#journal-note", "A few words")
    bottom = page.evaluate("document.querySelector('[data-action=journal-add]').getBoundingClientRect().bottom")
    page.set_viewport_size({"width": 390, "height": int(bottom) + 2})
    page.click("[data-action=journal-add]")
    page.wait_for_selector("#status .toast")
    page.wait_for_function("""(() => { const t = document.querySelector('#status .toast').getBoundingClientRect();
        const b = document.querySelector('[data-action=journal-add]').getBoundingClientRect();
        return b.bottom <= t.top && b.top >= 0; })()""", timeout=3000)


@pytest.mark.parametrize("size", [1, 3])
def test_summary_hints_wrap_under_their_title(site, open_page, size):
    """At 320 px, the lock's and "Your data"'s hints start where their title starts, to the right of the ▸."""
    w = open_page({"width": 320, "height": 800})
    page = sized(w, site, size, "#/journal")
    page.wait_for_selector("#lock-panel summary")
    assert (page.evaluate(BOX, "#lock-panel summary .summary-hint")["left"]
            >= page.evaluate(BOX, "#lock-panel summary h2")["left"] - 0.5)
    page.goto(site + "#/practices")
    page.wait_for_selector("#tracker:not([aria-busy]) #data-details")
    assert (page.evaluate(BOX, "#data-details summary .summary-hint")["left"]
            >= page.evaluate(BOX, "#data-details summary h2")["left"] - 0.5)
