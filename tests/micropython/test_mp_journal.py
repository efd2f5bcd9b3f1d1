"""py/render/journal_views.py and py/render/weeks_chart.py give the same journal and chart in MicroPython as in
CPython."""
import datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from differential import request
from inputs import PRACTICES, days, edits, note_texts, ordinals, texts

EXAMPLES = settings(max_examples=50, deadline=None)
notes_by_day = st.dictionaries(days, st.lists(note_texts.filter(bool), min_size=1, max_size=3), max_size=25)
opened = st.one_of(st.none(), days, texts)


def iso(n):
    return datetime.date.fromordinal(n).isoformat()


@EXAMPLES
@given(edits, ordinals, opened)
def test_journal_view(both, edit_list, today, day_text):
    """The whole journal (chart, form, weeks, a day opened from the address) is the same HTML in both."""
    both.ok("journal_views", "journal", request("harness_scenarios", "document", edit_list), today, day_text)


@EXAMPLES
@given(notes_by_day, st.integers(1, 6), st.one_of(st.none(), days), st.one_of(st.none(), days))
def test_journal_pages(both, notes, weeks, before, until):
    """Pages of weeks (the first, those before a Monday, down to a day) are the same in both."""
    both.ok("journal_views", "journal_weeks", notes, weeks, before, until)
    both.ok("journal_views", "notes_list", notes, until)


@EXAMPLES
@given(notes_by_day, days, note_texts)
def test_week_and_note_parts(both, notes, day, text):
    """A week redrawn after a change, a note, and a note being edited are the same HTML in both."""
    monday = both.ok("journal_views", "monday_of", day)
    both.ok("journal_views", "week_html", notes, monday)
    both.ok("journal_views", "note_item", day, text, "Friday 20 November 2026")
    both.ok("journal_views", "edit_item", day, text)


@EXAMPLES
@given(st.one_of(days, texts), ordinals)
def test_check_day(both, text, today):
    """A day typed or taken from the address is accepted or refused, with the same words, in both."""
    both.ok("journal_views", "check_day", text, today)


@EXAMPLES
@given(edits, ordinals, st.integers(0, 200))
def test_weeks_chart(both, edit_list, today, count):
    """The weeks' counts, the chart's SVG and table, and the kind line are the same in both."""
    doc = request("harness_scenarios", "document", edit_list)
    both.ok("weeks_chart", "week_counts", doc, today)
    both.ok("weeks_chart", "chart", doc, today, "journal-weeks-chart")
    both.ok("weeks_chart", "this_week_line", count)


@EXAMPLES
@given(ordinals, st.lists(st.tuples(st.sampled_from(PRACTICES), st.integers(-90, 3)), max_size=40),
       st.lists(st.tuples(st.integers(-120, 2), note_texts), max_size=12), st.integers(-130, 5))
def test_recent_history(both, today, ticks, notes, opened_offset):
    """With check-ins and notes in the last weeks (bars of many heights, a day opened near today), both agree."""
    edit_list = [["done", pid, iso(today + offset), True] for pid, offset in ticks]
    edit_list += [["note", iso(today + offset), text] for offset, text in notes]
    doc = request("harness_scenarios", "document", edit_list)
    both.ok("weeks_chart", "chart", doc, today)
    both.ok("journal_views", "journal", doc, today, iso(today + opened_offset))
