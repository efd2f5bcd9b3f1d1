"""py/core/ics.py and py/core/plan_link.py give the same answers in MicroPython as in CPython."""
from hypothesis import given, settings
from hypothesis import strategies as st

from inputs import ordinals, practice_ids, texts

EXAMPLES = settings(max_examples=60, deadline=None)
practices = st.fixed_dictionaries({"id": practice_ids, "name": texts, "text": texts,
                                   "articles": st.lists(practice_ids, max_size=2)})
weekdays = st.lists(st.integers(0, 6), min_size=1, max_size=7)
times = st.one_of(st.sampled_from(["20:00", "06:45", "23:59", "24:00", "7:30", "２０:00", "20-00", ""]), texts)
focus = st.dictionaries(practice_ids, st.integers(0, 7), max_size=8)
plans = st.dictionaries(practice_ids, st.integers(0, 7), min_size=1, max_size=8)   # the page shares no empty plan


@EXAMPLES
@given(st.lists(st.tuples(practices, weekdays), max_size=3), times, ordinals)
def test_calendar_text_is_the_same(both, reminders, time_text, today):
    """The .ics text (folding of UTF-8, escaping, dates) or the error is identical in both interpreters."""
    both("ics", "calendar", reminders, time_text, today, "2026-03-28T23:59:59.999Z",
         "https://example.org/a/index.html?x=1#/practices")


@EXAMPLES
@given(st.integers(-1, 9))
def test_default_days_are_the_same(both, goal):
    """The weekdays a goal spreads over are the same in both."""
    both("ics", "default_days", goal)


@EXAMPLES
@given(plans, focus)
def test_plan_links_round_trip_the_same(both, plan, mine):
    """encode, decode and merged_focus agree in both; a link decodes to the plan it was made from."""
    link = both.ok("plan_link", "encode", plan)
    decoded = both.ok("plan_link", "decode", link)
    assert dict(decoded) == plan
    both("plan_link", "merged_focus", mine, decoded)
    both("plan_link", "changes", mine, decoded)


@EXAMPLES
@given(st.one_of(texts, st.sampled_from(["#/plan/1/a.9/", "#/plan/２/a.1/x", "#/plan/1/a.２/00000000",
                                         "#/plan/2/x/y", "#/plan/q", "#/plan/1/" + "a" * 2500])),
       plans)
def test_bad_links_are_refused_the_same(both, text, plan):
    """Damaged, foreign, oversized and future links get the same answer (and message) in both."""
    both("plan_link", "decode", text)
    link = both.ok("plan_link", "encode", plan)
    both("plan_link", "decode", link[:-1])
    both("plan_link", "decode", link.replace(".", ".２", 1))
