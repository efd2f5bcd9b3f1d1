"""py/core/copies.py gives the same reminder, last-copy line and counts in MicroPython as in CPython."""
from hypothesis import given, settings

from differential import request
from inputs import edits, ordinals

EXAMPLES = settings(max_examples=50, deadline=None)


@EXAMPLES
@given(edits, ordinals)
def test_reminder_and_last_copy_text(both, edit_list, today):
    """reminder_due, last_copy_text and days_with_entries agree for any history, copy days and clock."""
    doc = request("harness_scenarios", "document", edit_list)
    both.ok("copies", "reminder_due", doc, today)
    both.ok("copies", "last_copy_text", doc, today)
    both.ok("copies", "days_with_entries", doc, 7)


def test_a_due_reminder_in_both(both):
    """A history of 7 days without a copy is due in both; after a copy that day, it is not."""
    ticks = [["done", "a", "2026-11-%02d" % d, True] for d in range(1, 8)]
    today = 739957   # 2026-12-07
    assert both.ok("copies", "reminder_due", request("harness_scenarios", "document", ticks), today) is True
    copied = ticks + [["setting", "copied", "2026-12-07", 5]]
    assert both.ok("copies", "reminder_due", request("harness_scenarios", "document", copied), today) is False
