"""py/render/weeks_chart.py: the last 12 weeks of check-ins as an SVG, its text equivalent and the week's kind line."""
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from core import dates
from core import model
from render import weeks_chart

TODAY = dates.ordinal("2026-11-20")   # a Friday
MONDAY = dates.ordinal("2026-11-16")


def doc_with(days_by_practice):
    doc = model.empty()
    for pid, days in days_by_practice.items():
        for n in days:
            model.set_done(doc, pid, n, True)
    return doc


def test_counts_add_every_practice_per_calendar_week():
    """Each week's count is the check-ins of all practices from its Monday to its Sunday (to today)."""
    doc = doc_with({"a": [TODAY, TODAY - 1, MONDAY, MONDAY - 1, MONDAY - 7 * 11, MONDAY - 7 * 12],
                    "b": [TODAY, MONDAY - 3, TODAY + 1]})
    counts = weeks_chart.week_counts(doc, TODAY)
    assert len(counts) == 12
    assert [m for m, _ in counts] == [MONDAY - 7 * (11 - i) for i in range(12)]
    assert counts[-1] == (MONDAY, 4)          # Fri + Thu + Mon of a, Fri of b; Saturday's (future) left out
    assert counts[-2] == (MONDAY - 7, 2)      # the Sunday and the Friday before
    assert counts[0] == (MONDAY - 7 * 11, 1)  # 12 weeks ago is not drawn
    assert sum(c for _, c in counts) == 7


def test_kind_line_counts_and_never_shames():
    """This week's line counts what was done; with nothing done it is gentle, with no word of failure."""
    assert weeks_chart.this_week_line(5) == "You've practised 5 times this week."
    assert weeks_chart.this_week_line(1) == "You've practised once this week."
    zero = weeks_chart.this_week_line(0)
    for word in ("fail", "miss", "only", "behind", "should", "broke", "lost", "no progress"):
        assert word not in zero.lower()


def test_svg_draws_a_bar_per_week_with_counts_and_hides_from_screen_readers():
    """One bar per week with check-ins (this week's marked), heights in proportion, a count above each bar and
    none over an empty week, the SVG aria-hidden."""
    doc = doc_with({"a": [MONDAY - 7 * 10 + i for i in range(4)] + [TODAY - 1, TODAY]})
    html = weeks_chart.chart(doc, TODAY)
    svg = re.search(r"<svg[^>]*>.*</svg>", html).group(0)
    assert 'aria-hidden="true"' in svg and 'focusable="false"' in svg
    bars = re.findall(r'<rect class="([^"]+)" x="\d+" y="\d+" width="\d+" height="(\d+)"', svg)
    assert bars == [("weeks-bar", str(weeks_chart.TALLEST)), ("weeks-bar is-now", str(weeks_chart.TALLEST // 2))]
    assert re.findall(r'<text class="weeks-count"[^>]*>(\d+)</text>', svg) == ["4", "2"]   # none over empty weeks
    assert "This week" in svg and "fill=" not in svg   # colours come from the stylesheet, in both themes


def test_text_equivalent_lists_every_week_and_its_count():
    """The hidden table names each of the 12 weeks by its Monday, in the chart's order, with its count."""
    doc = doc_with({"a": [TODAY, MONDAY - 7], "b": [TODAY]})
    html = weeks_chart.chart(doc, TODAY)
    rows = re.findall(r'<tr><th scope="row">(.*?)</th><td>(\d+)</td></tr>', html)
    assert len(rows) == 12
    assert rows[-1] == ("Week of 16 November 2026 (this week)", "2")
    assert rows[-2] == ("Week of 9 November 2026", "1")
    assert rows[0] == ("Week of 31 August 2026", "0")
    assert "(3 check-ins in all)" in html
    assert '<div class="sr weeks-table"><table>' in html   # hidden in a div, so it cannot widen the page
    assert "You&#39;ve practised twice" not in html and "You&#39;ve practised 2 times this week." in html


def test_ids_follow_the_prefix():
    """Two charts on one page (the journal, the tracker) have ids of their own."""
    doc = model.empty()
    a, b = weeks_chart.chart(doc, TODAY, "one"), weeks_chart.chart(doc, TODAY, "two", heading="h3")
    assert 'id="one-title"' in a and 'aria-labelledby="one-title"' in a
    assert 'id="two-title"' in b and "<h3" in b


@settings(max_examples=300, deadline=None)
@given(st.lists(st.integers(-120, 10), max_size=60), st.lists(st.integers(-120, 10), max_size=20), st.integers(0, 6))
def test_counts_agree_with_counting_day_by_day(offsets_a, offsets_b, weekday):
    """The counts read from the bitmaps' bytes equal counting each day, wherever the bitmaps start."""
    today = MONDAY + weekday
    doc = doc_with({"a": [today + o for o in offsets_a], "b": [today + o for o in offsets_b]})
    first = dates.week_start(today) - 7 * 11
    expected = [(first + 7 * w, sum(1 for pid in doc["checkins"]
                                    for n in range(first + 7 * w, min(first + 7 * w + 6, today) + 1)
                                    if doc["checkins"][pid].has(n))) for w in range(12)]
    assert weeks_chart.week_counts(doc, today) == expected


def test_no_checkins_draws_no_empty_bars():
    """Twelve empty weeks draw no chart, only the gentle line, a word on what will show, and the table."""
    html = weeks_chart.chart(model.empty(), TODAY)
    assert "<svg" not in html
    assert "The bars fill in as you tick practices." in html
    assert "Nothing ticked yet this week." in html
    assert len(re.findall(r'<tr><th scope="row">', html)) == 12
