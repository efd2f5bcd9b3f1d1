"""The tracker as a daily companion, in real Chromium: compact rows, past days, names a screen reader hears."""
import re

import pytest
from playwright.sync_api import expect

from axe import assert_axe_clean
from browser import DESKTOP, PHONE
from pages import open_row, take_on

pytestmark = pytest.mark.browser
# A fixed Wednesday, so the grid has days still to come (Thursday to Sunday) whatever day the tests run.
WEDNESDAY = "2026-11-18T10:00:00"
TAKEN_ON = ("active-listening", "feelings-journal", "share-joy", "time-to-talk")   # the rows the tests use
CONTROL_ROLES = ("checkbox", "button", "combobox", "link", "textbox", "radio", "menuitem", "switch")


@pytest.fixture
def wednesday(site, open_page):
    """open(viewport=PHONE, take=TAKEN_ON) -> (watched, page): #/practices of a fresh profile on Wednesday
    18 November 2026, with these practices taken on."""
    def make(viewport=PHONE, take=TAKEN_ON, **context_args):
        w = open_page(viewport, **context_args)
        w.page.clock.set_fixed_time(WEDNESDAY)
        page = w.open(site + "#/practices")
        page.wait_for_selector("#tracker:not([aria-busy]) #all-practices")
        take_on(page, *take)
        return w, page
    return make


def write_today(page, text):
    """Write a note for today as a reader does from #/practices ("Write about today", the journal's
    composer), then come back to #/practices."""
    page.get_by_role("link", name="Write about today").click()
    page.fill("#journal-note", text)
    page.get_by_role("button", name="Save note").click()
    page.wait_for_selector("#journal-weeks li.journal-note")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Practices").click()
    page.wait_for_selector("html[data-route=practices] #tracker:not([aria-busy])")


def controls(snapshot):
    """[(role, name)] of every named control in an aria_snapshot() text."""
    found = []
    for line in snapshot.splitlines():
        match = re.match(r'\s*- \'?(\w+) "((?:[^"\\]|\\.)*)"', line)   # YAML quotes a line holding ": "
        if match and match.group(1) in CONTROL_ROLES:
            found.append((match.group(1), match.group(2).replace('\\"', '"')))
    return found


def test_tick_yesterday_from_the_row_then_undo(wednesday):
    """Ticking yesterday in a row stores it, updates that row in place (no row is drawn again), names
    the day, and Undo takes it back."""
    w, page = wednesday()
    row = page.locator(".tracker-card[data-practice='active-listening']")
    page.evaluate("document.querySelectorAll('.tracker-card').forEach((row) => { row.dataset.untouched = 'yes'; })")
    yesterday = page.get_by_role("checkbox", name="Listen actively, Tuesday 17 November 2026", exact=True)
    yesterday.click()
    assert w.checkins() == {"active-listening": ["2026-11-17"]}
    assert "“Listen actively” marked as done yesterday." in page.inner_text("#status")
    assert row.locator(".week-count").inner_text() == "1 this week"
    assert page.evaluate("document.activeElement.id") == "day--active-listening--2026-11-17"   # focus kept
    assert page.locator(".tracker-card[data-practice='share-joy'][data-untouched=yes]").count() == 1  # not redrawn
    assert row.get_attribute("data-untouched") == "yes"   # updated in place
    assert not page.locator("#tracker--do-active-listening").is_checked()   # today is another day
    page.get_by_role("button", name="Undo").click()
    assert w.checkins() == {}
    assert not yesterday.is_checked()
    assert row.locator(".week-count").inner_text() == ""


@pytest.mark.parametrize("viewport", [PHONE, {"width": 360, "height": 740}, DESKTOP])
def test_a_tap_on_a_days_weekday_and_number_ticks_that_day(wednesday, viewport):
    """A day's face (weekday and number, laid over its box) takes no tap of its own: a tap on it ticks
    that day, and the face then carries a check mark, so done never rests on colour alone."""
    w, page = wednesday(viewport)
    face = page.locator("#day--active-listening--2026-11-16 + .day-face")
    expect(face).to_have_text(re.compile(r"^M\s+16$"), use_inner_text=True)   # once rendered (content-visibility)
    box = face.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    assert w.checkins() == {"active-listening": ["2026-11-16"]}
    assert page.locator("#day--active-listening--2026-11-16").is_checked()
    assert face.evaluate("(face) => getComputedStyle(face, '::after').content") == '"✓" / ""'


def test_grid_days_are_checkboxes_and_days_to_come_are_not(wednesday):
    """In the 12-week grid a day weeks ago ticks and unticks; the days after today are no controls at all."""
    w, page = wednesday()
    row = open_row(page, "share-joy")
    cell = row.get_by_role("checkbox", name="Share the good moments, Monday 26 October 2026, in the 12-week grid",
                           exact=True)
    cell.click()
    assert w.checkins() == {"share-joy": ["2026-10-26"]}
    assert "marked as done on Monday 26 October 2026" in page.inner_text("#status")
    assert row.locator("details.history[open] td.is-done").count() == 1   # redrawn, still open
    assert page.evaluate("document.activeElement.id") == "grid--share-joy--2026-10-26"
    assert "Done on 1 day in all." in row.inner_text()
    future = row.locator("td.is-future")
    assert future.count() == 4                                  # Thursday to Sunday
    assert future.locator("input").count() == 0
    assert row.locator("input[data-day='2026-11-19']").count() == 0   # nor in the row's last 7 days
    assert row.locator(".week-days input").last.get_attribute("data-day") == "2026-11-18"
    page.get_by_role("button", name="Undo").click()
    assert w.checkins() == {}
    assert not cell.is_checked()


def test_a_day_ticked_in_the_grid_shows_in_the_row(wednesday):
    """Ticking Monday in the grid checks Monday's toggle in the row above it, and the week's count."""
    w, page = wednesday()
    row = open_row(page, "time-to-talk")
    row.get_by_role("checkbox", name="Set time aside to talk, Monday 16 November 2026, in the 12-week grid").click()
    assert row.get_by_role("checkbox", name="Set time aside to talk, Monday 16 November 2026", exact=True).is_checked()
    assert row.locator(".week-count").inner_text() == "1 this week"


def test_a_past_day_note_is_linked_from_the_grid(wednesday):
    """A day with a note gets a dot in the grid and a link to #/journal/YYYY-MM-DD named by its date."""
    w, page = wednesday()
    write_today(page, "We talked.")
    row = open_row(page, "share-joy")
    assert row.locator("td.has-note").count() == 1
    link = row.get_by_role("link", name="Notes for Wednesday 18 November 2026", exact=True)
    assert link.get_attribute("href") == "#/journal/2026-11-18"


def test_goal_focus_and_notes_update_an_open_row_in_place(wednesday):
    """With a row open, taking it off and on and its goal change its texts in place: the row is the same element
    after, moved to "Tried before" and back into "Trying now" with the keyboard focus on its box; its grid,
    taken out for the move, is drawn again whole, as it was. A journal note written and removed from there
    shows and goes in its grid (drawn again, still open, on coming back)."""
    w, page = wednesday()
    row = open_row(page, "share-joy")
    monday = "Share the good moments, Monday 16 November 2026"
    row.get_by_role("checkbox", name=monday, exact=True).click()
    row.evaluate("row => { row.dataset.untouched = 'yes'; }")
    page.uncheck("#focus--share-joy")
    page.locator("[data-group=tried] .tracker-card[data-untouched=yes] .grid-wrap:not([aria-busy])").wait_for()
    assert page.evaluate("document.activeElement.id") == "focus--share-joy"
    assert not page.locator("#goal--share-joy").is_enabled()
    page.check("#focus--share-joy")
    page.locator("[data-group=mine] .tracker-card[data-untouched=yes] .grid-wrap:not([aria-busy])").wait_for()
    assert page.evaluate("document.activeElement.id") == "focus--share-joy"
    assert row.get_by_role("checkbox", name=monday + ", in the 12-week grid").is_checked()
    page.select_option("#goal--share-joy", "2")
    assert w.stored()["focus"]["share-joy"] == 2
    assert row.locator(".week-count").inner_text() == "1 of 2 this week"
    assert row.locator(".facts").inner_text() == "Done on 1 day in all."
    write_today(page, "We talked.")
    expect(row.locator("td.has-note input")).to_have_attribute("data-day", "2026-11-18")
    expect(row.get_by_role("link", name="Notes for Wednesday 18 November 2026", exact=True)).to_have_count(1)
    page.get_by_role("link", name="Write about today").click()
    page.get_by_role("button", name=re.compile("^Remove note of Wednesday 18 November 2026")).click()
    page.wait_for_selector("#journal-weeks li.journal-note", state="detached")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Practices").click()
    expect(row.locator("td.has-note")).to_have_count(0)
    expect(row.locator(".note-days a")).to_have_count(0)


def test_fresh_practices_page_fits_in_3000_px_on_a_phone(site, open_page):
    """A fresh profile's #/practices at 390×844, everything closed, is at most 3,000 px tall (on a day with a long
    name)."""
    w = open_page(PHONE)
    w.page.clock.set_fixed_time("2026-09-30T10:00:00")   # Wednesday 30 September: the longest dates there are
    page = w.open(site + "#/practices")
    page.wait_for_selector("#tracker:not([aria-busy]) #all-practices")
    assert page.locator("#tracker details[open]").count() == 0
    height = page.evaluate("document.documentElement.scrollHeight")
    assert height <= 3000, height


def test_every_control_on_practices_has_a_name_of_its_own(wednesday):
    """The accessibility tree of #/practices names no two controls alike, closed and with a row's grid open."""
    w, page = wednesday()
    closed = controls(page.locator("#practices").aria_snapshot())
    assert ("checkbox", "Listen actively, Wednesday 18 November 2026") in closed
    assert ("link", "Write about today") in closed
    open_row(page, "active-listening")
    page.locator("#data-details summary").click()
    opened = controls(page.locator("#practices").aria_snapshot())
    for expected in [("checkbox", "Add to my practices: Listen actively"),
                     ("combobox", "Weekly goal for Listen actively"),
                     ("checkbox", "Listen actively, Monday 2 November 2026, in the 12-week grid"),
                     ("button", "Erase all data")]:
        assert expected in opened
    for shown in (closed, opened):
        names = [name for role, name in shown]
        assert len(names) == len(set(names)), sorted(n for n in names if names.count(n) > 1)


def test_section_headings_are_named_by_their_text_once(site, open_page):
    """Each article section heading's accessible name is its text, once; its "#" link beside it is named on its own."""
    w = open_page(DESKTOP)
    page = w.open(site + "#/a/never-cries")
    heads = page.locator("#a-never-cries .section-head h2")
    assert heads.count() >= 3
    for i in range(heads.count()):
        text = heads.nth(i).inner_text()
        assert heads.nth(i).aria_snapshot() == '- heading "%s" [level=2]' % text
        link = page.get_by_role("link", name="Link to this section: " + text, exact=True)
        assert link.get_attribute("href") == "#/a/never-cries/" + heads.nth(i).get_attribute("id")
    assert "Link to this section" not in page.locator("#a-never-cries h2").all_inner_texts()[0]


@pytest.mark.parametrize("width", [320, 360, 390])
def test_a_practice_and_its_add_box_fit_in_all_practices(site, open_page, width):
    """In "All practices" at phone widths each practice's name and its "Add to my practices" box stay
    inside the panel, and the box's label is one line."""
    w = open_page({"width": width, "height": 800})
    page = w.open(site + "#/practices")
    page.get_by_role("heading", name="All practices").click()
    panel = page.locator("#all-practices").bounding_box()
    labels = page.locator("#all-practices .take-on label")
    for i in range(0, labels.count(), 5):
        box = labels.nth(i).bounding_box()
        assert panel["x"] <= box["x"] and box["x"] + box["width"] <= panel["x"] + panel["width"]
        assert box["height"] < 50


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [320, 360, 390, 1280])
def test_open_row_and_grid_are_axe_clean(wednesday, width, scheme):
    """A row opened to its focus, goal and grid (with a ticked day and a note link) passes axe at every width."""
    w, page = wednesday({"width": width, "height": 800}, bypass_csp=True, color_scheme=scheme)
    write_today(page, "We talked.")
    page.click("#day--feelings-journal--2026-11-16")
    open_row(page, "feelings-journal")
    page.locator("#data-details summary").click()
    # The message and the sticky header lie over whatever scrolls under them (axe calls that an obscured
    # target): dismissed, and back at the top, the page is checked as laid out.
    page.get_by_role("button", name="Dismiss message").click()
    page.evaluate("window.scrollTo(0, 0)")
    assert_axe_clean(page)
