"""py/render/journal_views.py and the #/journal route: the notes by week, newest first, a day to open, checks on
days."""
import re

import pytest

from core import dates
from render import journal_views
from core import model
from core import routes
from parsed_html import Parsed

TODAY = dates.ordinal("2026-11-20")   # a Friday; its week starts on Monday 16 November


def notes_doc(notes):
    doc = model.empty()
    for day, texts in notes.items():
        for text in texts:
            model.add_note(doc, day, text)
    return doc


def weekly_notes(weeks, first="2026-11-20"):
    """One note a week for `weeks` weeks, going back from `first`."""
    start = dates.ordinal(first)
    return {dates.iso(start - 7 * i): ["Week %d" % i] for i in range(weeks)}


@pytest.mark.parametrize("hash_text,expected", [
    ("#/journal", ("journal", None, None)),
    ("#/journal/", ("journal", None, None)),
    ("#/journal/2026-11-20", ("journal", None, "2026-11-20")),
    ("#/journal/2026-13-45", ("journal", None, "2026-13-45")),
    ("#/journal/2026/11/20", ("journal", None, "2026/11/20")),
])
def test_journal_routes(hash_text, expected):
    """#/journal and #/journal/<anything> open the journal, passing on what follows as written."""
    assert routes.parse(hash_text, ["never-cries"]) == expected
    assert routes.route_name("journal", None) == "journal"


def test_days_newest_first_grouped_by_week():
    """Days with notes come newest first, each under a heading naming its week's Monday."""
    doc = notes_doc({"2026-11-20": ["Friday"], "2026-11-16": ["Monday"], "2026-11-15": ["Sunday before"],
                     "2026-10-01": ["October"]})
    html, oldest, more = journal_views.journal_weeks(doc["notes"])
    parsed = Parsed(html)
    assert parsed.attrs("section", "data-week") == ["2026-11-16", "2026-11-09", "2026-09-28"]
    assert parsed.attrs("article", "data-day") == ["2026-11-20", "2026-11-16", "2026-11-15", "2026-10-01"]
    headings = re.findall(r"<h2[^>]*>(.*?)</h2>", html)
    assert headings == ["Week of 16 November 2026", "Week of 9 November 2026", "Week of 28 September 2026"]
    assert re.findall(r"<h3[^>]*>(.*?)</h3>", html)[0] == "Friday 20 November 2026"
    assert (oldest, more) == ("2026-09-28", False)


def test_notes_are_text_never_markup():
    """A note holding markup is shown as text and kept whole in data-note; no element comes of it."""
    note = 'He said <img src=x onerror=alert(1)> & "left"'
    html = journal_views.journal_weeks(notes_doc({"2026-11-19": [note]})["notes"])[0]
    parsed = Parsed(html)
    assert "img" not in [name for name, _ in parsed.tags]
    assert note in parsed.text
    assert parsed.attrs("li", "data-note") == [note]
    assert parsed.attrs("button", "aria-label") == ["Edit note of Thursday 19 November 2026: " + note[:40] + "…",
                                                    "Remove note of Thursday 19 November 2026: " + note[:40] + "…"]


def test_long_histories_draw_a_page_of_weeks_then_the_rest_on_request():
    """Only the newest PAGE_WEEKS weeks are drawn; `before` continues from the oldest shown until none remain."""
    notes = notes_doc(weekly_notes(20))["notes"]
    html, oldest, more = journal_views.journal_weeks(notes, 8)
    assert html.count('class="journal-week"') == 8 and more
    assert oldest == journal_views.monday_of(dates.iso(TODAY - 7 * 7))
    html2, oldest2, more2 = journal_views.journal_weeks(notes, 8, before=oldest)
    assert html2.count('class="journal-week"') == 8 and more2
    assert "Week 8<" in html2 and "Week 7<" not in html2
    html3, oldest3, more3 = journal_views.journal_weeks(notes, 8, before=oldest2)
    assert html3.count('class="journal-week"') == 4 and not more3
    assert oldest3 == journal_views.monday_of(dates.iso(TODAY - 7 * 19))
    assert 'data-action="journal-more"' in journal_views.notes_list(notes)[0]
    assert 'data-action="journal-more"' not in journal_views.notes_list(notes_doc(weekly_notes(3))["notes"])[0]


def test_until_draws_down_to_an_old_day():
    """Opening the journal at an old day draws every week down to that day's week, and no further."""
    notes = notes_doc(weekly_notes(30))["notes"]
    day = dates.iso(TODAY - 7 * 20)
    html, oldest, more = journal_views.journal_weeks(notes, 8, until=day)
    assert html.count('class="journal-week"') == 21 and more
    assert oldest == journal_views.monday_of(day)


def test_week_html_is_a_week_of_the_list_and_empty_without_notes():
    """week_html draws a week exactly as the list does, and nothing for a week without notes."""
    notes = notes_doc({"2026-11-20": ["a", "b"], "2026-11-17": ["c"]})["notes"]
    assert journal_views.week_html(notes, "2026-11-16") == journal_views.journal_weeks(notes)[0]
    assert journal_views.week_html(notes, "2026-11-09") == ""


@pytest.mark.parametrize("text,day,why", [
    ("2026-11-20", "2026-11-20", None),
    (" 2026-11-19 ", "2026-11-19", None),
    ("1999-01-01", "1999-01-01", None),
    ("2026-11-21", None, "Saturday 21 November 2026 is still to come. A note can be for today or an earlier day."),
    ("", None, "Choose the day the note is for."),
    ("2026-02-30", None, "“2026-02-30” is not a date."),
    ("yesterday", None, "“yesterday” is not a date."),
    ("２０２６-11-19", None, "is not a date"),
])
def test_check_day(text, day, why):
    """A note can be for today or an earlier real date; anything else gets a plain reason."""
    found, problem = journal_views.check_day(text, TODAY)
    assert found == day
    if why is None:
        assert problem is None
    else:
        assert why in problem


def test_opening_a_day_with_notes_focuses_it():
    """#/journal/<day with notes> draws that day (even beyond the first page) and focuses its heading."""
    notes = weekly_notes(30)
    day = dates.iso(TODAY - 7 * 25)
    html, oldest, focus_id = journal_views.journal(notes_doc(notes), TODAY, day)
    assert focus_id == "journal-%s-title" % day
    assert 'id="journal-%s-title"' % day in html
    assert oldest == journal_views.monday_of(day)
    assert 'value="%s"' % day in html   # the form is set to that day as well


def test_opening_a_day_without_notes_offers_the_form():
    """#/journal/<day without notes> sets the form to that day and says there is nothing yet."""
    html, _, focus_id = journal_views.journal(notes_doc({"2026-11-20": ["x"]}), TODAY, "2026-11-02")
    assert focus_id == "journal-prompt"
    assert "No notes for Monday 2 November 2026 yet. You can add one here." in html
    assert 'id="journal-day" max="2026-11-20" value="2026-11-02"' in html


@pytest.mark.parametrize("opened,said", [
    ("2026-12-01", "Tuesday 1 December 2026 is still to come."),
    ("2026-13-45", "“2026-13-45” is not a date."),
    ("<b>x</b>", "“&lt;b&gt;x&lt;/b&gt;” is not a date."),
])
def test_a_bad_day_in_the_address_is_explained(opened, said):
    """A future or malformed day in the address gets a focused message, escaped, and the latest notes."""
    html, _, focus_id = journal_views.journal(notes_doc({"2026-11-20": ["x"]}), TODAY, opened)
    assert focus_id == "journal-message"
    assert said in html and "<b>x" not in html
    assert 'data-day="2026-11-20"' in html
    assert 'value="2026-11-20"' in html   # the form stays on today


def test_empty_journal_explains_and_offers_the_form():
    """With no notes the journal says how to start, offers the form for today, and no earlier-weeks button."""
    html, oldest, focus_id = journal_views.journal(model.empty(), TODAY)
    assert journal_views.EMPTY in html.replace("&#39;", "'")
    assert oldest is None and focus_id is None
    assert 'data-action="journal-add"' in html and 'data-action="journal-more"' not in html


def test_edit_item_keeps_the_text_escaped_in_its_box():
    """The editing form holds the note's text (escaped) and names the day in its label."""
    html = journal_views.edit_item("2026-11-19", "</textarea><b>x</b>")
    parsed = Parsed(html)
    assert "b" not in [name for name, _ in parsed.tags]
    assert "</textarea><b>x</b>" in parsed.text
    assert "Edit the note of Thursday 19 November 2026" in html
