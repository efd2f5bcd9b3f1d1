"""The journal (#/journal) and the picture of the weeks in real Chromium: reading, editing, removing with
Undo, notes for past days, opening at a day, the chart's text equivalent, two tabs, long histories, axe."""
import random

import pytest

from core import dates
from render import journal_views
from core import model
from render import weeks_chart
from axe import assert_axe_clean
from browser import DESKTOP, PHONE
from journal_pages import SEED, notes_on, open_journal, stored_form, today_ordinal  # noqa: F401
from pages import today

pytestmark = pytest.mark.browser
FOCUSED_ID = "document.activeElement ? document.activeElement.id : null"


def shown_days(page):
    return page.eval_on_selector_all("#journal-weeks article.journal-day", "es => es.map(e => e.dataset.day)")


def test_nav_link_opens_the_journal(site, open_page):
    """The main nav has Library · Practices · Journal; Journal opens the journal, marked current, heading focused."""
    w = open_page(PHONE)
    page = w.open(site)
    links = page.locator("nav[aria-label=Main] a")
    assert links.all_inner_texts() == ["Library", "Practices", "Journal"]
    page.get_by_role("link", name="Journal").click()
    page.wait_for_function("document.documentElement.dataset.route === 'journal'")
    page.wait_for_function("document.activeElement && document.activeElement.id === 'journal-title'")
    assert page.get_attribute("nav a[data-nav=journal]", "aria-current") == "page"
    assert page.title() == "Your journal — Attune"
    assert page.locator("#journal").is_visible() and not page.locator("#practices").is_visible()
    assert "Nothing written yet" in page.inner_text("#journal-weeks")
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0


def test_notes_newest_first_grouped_by_week(site, open_page):
    """Notes of several days show newest first, under week headings; markup in a note stays text."""
    w = open_page(PHONE)
    offsets = [0, 1, 8, 9, 30]
    page, _ = open_journal(w, site, notes_on(offsets))
    t = today_ordinal(page)
    assert shown_days(page) == [dates.iso(t - o) for o in offsets]
    weeks = sorted(set(dates.week_start(t - o) for o in offsets), reverse=True)
    assert page.locator("#journal-weeks h2").all_inner_texts() == [dates.week_name(m) for m in weeks]
    assert page.locator("#journal-weeks h3").first.inner_text() == dates.long_name(t)
    assert page.locator(".note-text").first.inner_text() == "Note of day -0 <b>kept as text</b>"
    assert page.locator("#journal-weeks b").count() == 0


def test_edit_a_note_writes_only_its_month(site, open_page):
    """Editing a past day's note changes it on the page and in storage, writing only that month's notes key."""
    w = open_page(PHONE)
    page, _ = open_journal(w, site, notes_on([0, 40]))
    t = today_ordinal(page)
    day = dates.iso(t - 40)
    before = w.storage()
    page.get_by_role("button", name="Edit note of %s" % dates.long_name(t - 40)).click()
    assert page.evaluate(FOCUSED_ID) == "journal-edit"
    assert page.input_value("#journal-edit") == "Note of day -40 <b>kept as text</b>"
    page.fill("#journal-edit", "  Rewritten: we talked, & it helped.  ")
    page.get_by_role("button", name="Save changes").click()
    article = page.locator("article[data-day='%s']" % day)
    assert article.locator(".note-text").all_inner_texts() == ["Rewritten: we talked, & it helped."]
    assert w.stored()["notes"][day] == ["Rewritten: we talked, & it helped."]
    after = w.storage()
    changed = sorted(k for k in set(before) | set(after) if before.get(k) != after.get(k))
    assert changed == ["attune:notes:" + day[:7]]
    assert page.evaluate("document.activeElement.dataset.action") == "journal-edit"   # back on the note's Edit
    # An emptied note is refused, and the text in the box stays as typed.
    page.get_by_role("button", name="Edit note of %s" % dates.long_name(t - 40)).click()
    page.fill("#journal-edit", "   ")
    page.get_by_role("button", name="Save changes").click()
    assert "use Remove to delete the note" in page.inner_text("#journal-edit-error")
    assert w.stored()["notes"][day] == ["Rewritten: we talked, & it helped."]
    page.get_by_role("button", name="Cancel").click()
    assert article.locator(".note-text").all_inner_texts() == ["Rewritten: we talked, & it helped."]


def test_remove_then_undo(site, open_page):
    """Remove takes a note off the page and out of storage; Undo in the message puts it back in both."""
    w = open_page(PHONE)
    page, _ = open_journal(w, site, notes_on([0, 3]))
    t = today_ordinal(page)
    day = dates.iso(t - 3)
    page.get_by_role("button", name="Remove note of %s" % dates.long_name(t - 3)).click()
    assert day not in shown_days(page)
    assert day not in w.stored()["notes"]
    assert "Note removed." in page.inner_text("#status")
    page.locator("#status").get_by_role("button", name="Undo").click()
    assert day in shown_days(page)
    assert w.stored()["notes"][day] == ["Note of day -3 <b>kept as text</b>"]
    assert "Undone." in page.inner_text("#status")


def test_removing_a_weeks_last_note_keeps_the_place(site, open_page):
    """Removing the only note of a week moves focus to the next week's heading, not to the top of the page."""
    w = open_page(PHONE)
    page, _ = open_journal(w, site, notes_on([0, 7, 14, 21, 28]))
    t = today_ordinal(page)
    page.get_by_role("button", name="Remove note of %s" % dates.long_name(t - 14)).click()
    assert page.evaluate(FOCUSED_ID) == journal_views.week_id(dates.iso(dates.week_start(t - 21))) + "-title"
    assert dates.iso(t - 14) not in shown_days(page)


def test_add_a_note_to_a_past_day(site, open_page):
    """A note for an earlier day is saved under that day and shows in its week, in order."""
    w = open_page(PHONE)
    page, _ = open_journal(w, site, notes_on([0, 20]))
    t = today_ordinal(page)
    assert page.get_attribute("#journal-day", "max") == dates.iso(t)
    assert page.input_value("#journal-day") == dates.iso(t)
    day = dates.iso(t - 12)
    page.fill("#journal-day", day)
    page.fill("#journal-note", "Looking back: that was a good talk.")
    page.get_by_role("button", name="Save note").click()
    assert w.stored()["notes"][day] == ["Looking back: that was a good talk."]
    assert shown_days(page) == [dates.iso(t), day, dates.iso(t - 20)]
    assert "Note saved for %s." % dates.long_name(t - 12) in page.inner_text("#status")
    assert page.input_value("#journal-note") == ""


def test_a_future_or_missing_day_is_refused_and_the_text_kept(site, open_page):
    """A future date, or no date, is refused with a plain message; nothing is stored and the note stays typed."""
    w = open_page(PHONE)
    page, _ = open_journal(w, site, notes_on([0]))
    t = today_ordinal(page)
    before = w.storage()
    page.fill("#journal-day", dates.iso(t + 3))
    page.fill("#journal-note", "Written ahead of time")
    page.get_by_role("button", name="Save note").click()
    assert "%s is still to come" % dates.long_name(t + 3) in page.inner_text("#journal-add-error")
    assert page.input_value("#journal-note") == "Written ahead of time"
    page.fill("#journal-day", "")
    page.get_by_role("button", name="Save note").click()
    assert "Choose the day the note is for." in page.inner_text("#journal-add-error")
    assert w.storage() == before
    page.fill("#journal-day", dates.iso(t - 1))
    page.get_by_role("button", name="Save note").click()
    assert page.inner_text("#journal-add-error") == ""
    assert w.stored()["notes"][dates.iso(t - 1)] == ["Written ahead of time"]


def test_deep_link_opens_an_old_day(site, open_page):
    """#/journal/<day> beyond the first weeks draws down to that day, scrolls to it and focuses its heading."""
    w = open_page(PHONE)
    offsets = [7 * i for i in range(30)]
    holder = {}

    def make(t):
        holder["day"] = dates.iso(t - 7 * 20)
        return notes_on(offsets)(t)

    page = w.open(site)
    doc = make(today_ordinal(page))
    page.evaluate(SEED, stored_form(doc))
    day = holder["day"]
    page.goto(site + "#/journal/" + day)
    page.reload()
    page.wait_for_selector("html[data-app=ready]")
    page.wait_for_function("id => document.activeElement && document.activeElement.id === id",
                           arg="journal-%s-title" % day)
    assert page.locator("#journal-%s" % day).evaluate("e => e.classList.contains('is-opened')")
    assert page.locator("#journal-%s-title" % day).is_visible()
    box = page.locator("#journal-%s-title" % day).bounding_box()
    assert 0 <= box["y"] < PHONE["height"], box
    assert page.locator("#journal-weeks .journal-week").count() == 21
    assert page.locator("[data-action=journal-more]").count() == 1


def test_deep_link_to_a_day_without_notes_offers_to_add_one(site, open_page):
    """#/journal/<day without notes> says so, sets the form to that day, and saving files the note there."""
    w = open_page(PHONE)
    page, _ = open_journal(w, site, notes_on([0]))
    t = today_ordinal(page)
    day = dates.iso(t - 5)
    page.evaluate("h => location.hash = h", "#/journal/" + day)
    page.wait_for_function("document.activeElement && document.activeElement.id === 'journal-prompt'")
    assert "No notes for %s yet." % dates.long_name(t - 5) in page.inner_text("#journal-prompt")
    assert page.input_value("#journal-day") == day
    page.fill("#journal-note", "Remembered later")
    page.get_by_role("button", name="Save note").click()
    assert w.stored()["notes"][day] == ["Remembered later"]


@pytest.mark.parametrize("written,said", [("2999-01-01", "is still to come"), ("2026-13-45", "is not a date"),
                                          ("%3Cb%3Ehi", "is not a date")])
def test_deep_link_to_a_future_or_malformed_day_explains(site, open_page, written, said):
    """A future or malformed day in the address gets a focused message and the latest notes, never a crash."""
    w = open_page(PHONE)
    page, _ = open_journal(w, site, notes_on([0]))
    page.evaluate("h => location.hash = h", "#/journal/" + written)
    page.wait_for_function("document.activeElement && document.activeElement.id === 'journal-message'")
    assert said in page.inner_text("#journal-message")
    assert shown_days(page) == [today(page)]
    assert page.locator("#journal-message b").count() == 0


def test_chart_text_equivalent_matches_the_stored_checkins(site, open_page):
    """The chart's hidden table gives each of the last 12 weeks' check-ins across practices, as stored."""
    w = open_page(PHONE)
    rng = random.Random(12)

    def make(t):
        doc = model.empty()
        for pid in ("active-listening", "share-joy", "name-feelings"):
            for n in range(t - 100, t + 1):
                if rng.random() < 0.35:
                    model.set_done(doc, pid, n, True)
        return doc

    page, _ = open_journal(w, site, make)
    t = today_ordinal(page)
    checkins = w.checkins()
    first = dates.week_start(t) - 7 * 11
    expected = []
    for week in range(12):
        monday = first + 7 * week
        count = sum(1 for days in checkins.values() for d in days if monday <= dates.ordinal(d) <= min(monday + 6, t))
        name = dates.week_name(monday) + (" (this week)" if week == 11 else "")
        expected.append([name, str(count)])
    rows = page.eval_on_selector_all(".weeks-table tbody tr",
                                     "rs => rs.map(r => [r.querySelector('th').textContent,"
                                     " r.querySelector('td').textContent])")
    assert rows == expected
    assert page.inner_text(".weeks-line") == weeks_chart.this_week_line(int(expected[-1][1]))
    assert page.locator(".weeks-svg").get_attribute("aria-hidden") == "true"
    assert page.locator(".weeks-svg rect").count() == len([r for r in expected if r[1] != "0"])


def test_another_tabs_note_shows_and_typing_stays(site, open_page, watch):
    """A note saved in another tab appears in an open journal without losing what this tab is typing,
    and both tabs' notes of one month are kept."""
    w = open_page(PHONE)
    first, _ = open_journal(w, site, notes_on([2]))
    second = watch(w.context).page
    second.goto(site + "#/journal")
    second.wait_for_selector("html[data-app=ready]")
    t = today_ordinal(first)
    first.get_by_role("button", name="Edit note of %s" % dates.long_name(t - 2)).click()
    first.fill("#journal-edit", "Half rewritten")
    first.fill("#journal-note", "Half written")
    second.fill("#journal-note", "From the second tab")
    second.get_by_role("button", name="Save note").click()
    first.wait_for_function("document.querySelectorAll('#journal-weeks article.journal-day').length === 2")
    assert first.input_value("#journal-note") == "Half written"
    assert first.input_value("#journal-edit") == "Half rewritten"
    first.get_by_role("button", name="Save note").click()
    first.get_by_role("button", name="Save changes").click()
    stored = w.stored()["notes"]
    assert stored[dates.iso(t)] == ["From the second tab", "Half written"]
    assert stored[dates.iso(t - 2)] == ["Half rewritten"]
    second.wait_for_function("document.querySelectorAll('#journal-weeks .note-text').length === 3")


def test_five_years_of_notes_draw_a_few_weeks_then_more(site, open_page):
    """With 5 years of notes the journal draws 8 weeks and a button; the button adds the next 8 and focuses them."""
    w = open_page(DESKTOP)

    def make(t):
        doc = model.empty()
        for n in range(t - 5 * 365, t + 1):
            if n % 3 == 0:
                model.add_note(doc, dates.iso(n), "Day %d: a few words about how it went." % n)
            if n % 2 == 0:
                model.set_done(doc, "active-listening", n, True)
        return doc

    page, doc = open_journal(w, site, make)
    assert page.locator("#journal-weeks .journal-week").count() == 8
    page.get_by_role("button", name="Show earlier weeks").click()
    assert page.locator("#journal-weeks .journal-week").count() == 16
    focused = page.evaluate("document.activeElement.closest('.journal-week').dataset.week")
    assert focused == page.eval_on_selector_all("#journal-weeks .journal-week", "ws => ws[8].dataset.week")
    days = shown_days(page)
    assert days == sorted(days, reverse=True) and len(set(days)) == len(days)


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [320, 360, 390, 1280])
def test_axe_clean_and_no_sideways_scroll(site, open_page, width, scheme):
    """The journal with notes, the chart, an open edit form and an error passes axe and fits the width."""
    w = open_page({"width": width, "height": 800}, bypass_csp=True, color_scheme=scheme)
    page, _ = open_journal(w, site, notes_on([0, 1, 9]))
    t = today_ordinal(page)
    page.get_by_role("button", name="Edit note of %s" % dates.long_name(t - 9)).click()
    page.fill("#journal-day", dates.iso(t + 1))
    page.get_by_role("button", name="Save note").click()
    page.locator("#journal-add-error .error").wait_for()
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
    assert page.locator(".bar").bounding_box()["height"] < 64, "the header wraps onto two lines"
    assert_axe_clean(page)
