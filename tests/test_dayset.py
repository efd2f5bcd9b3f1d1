"""py/core/dayset.py: a bitmap of days behaves exactly like a set of ordinals, and its stored form round-trips."""
import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.dayset import DaySet

FIRST, LAST = datetime.date(1970, 1, 1).toordinal(), datetime.date(2199, 12, 31).toordinal()
NEAR = st.integers(738900, 739100)   # a few months: sets that overlap and share bytes
ORDINALS = st.one_of(NEAR, st.integers(FIRST, LAST))
SETS = st.lists(ORDINALS, max_size=30)
PROPS = settings(max_examples=150, deadline=None)


@PROPS
@given(SETS, st.lists(ORDINALS, max_size=10), NEAR, NEAR)
def test_behaves_like_a_set_of_ordinals(added, removed, a, b):
    """add/discard/has/len/bool/ordinals/count agree with Python's set, in any order of adds (before the start too)."""
    days, model = DaySet(), set()
    for n in added:
        days.add(n)
        model.add(n)
    # Counted lazily: once counted, later adds and discards keep the count right.
    assert bool(days) == bool(model) and len(DaySet(days.start, days.bits)) == len(model)
    if added and added[0] % 2:
        assert len(days) == len(model)
    for n in removed:
        days.discard(n)
        model.discard(n)
    assert bool(days) == bool(model) and len(days) == len(model)
    assert days.ordinals() == sorted(model)
    assert all(days.has(n) for n in model)
    assert not any(days.has(n) for n in removed if n not in model)
    first, last = min(a, b), max(a, b)
    assert days.count(first, last) == len([n for n in model if first <= n <= last])


@PROPS
@given(SETS, SETS)
def test_union_is_the_union_and_shares_nothing(a, b):
    """union holds the days of both and changing it leaves both sources as they were."""
    x, y = DaySet.from_ordinals(a), DaySet.from_ordinals(b)
    both = x.union(y)
    assert both.ordinals() == sorted(set(a) | set(b))
    both.add(FIRST)
    both.discard(max(a + b + [FIRST + 1]))
    assert x.ordinals() == sorted(set(a)) and y.ordinals() == sorted(set(b))


@PROPS
@given(SETS)
def test_stored_form_round_trips_and_is_trimmed(ordinals):
    """stored() gives a first day and hex with no empty byte at either end; from_hex reads it back equal."""
    days = DaySet.from_ordinals(ordinals)
    for n in ordinals[::2]:
        days.discard(n)   # leaves empty bytes inside the bitmap, which stored() trims at the ends
    stored = days.stored()
    if not len(days):
        assert stored is None
        return
    first, hex_text = stored
    again = DaySet.from_hex(first, hex_text)
    assert again == days and again.ordinals() == days.ordinals()
    assert hex_text[:2] != "00" and hex_text[-2:] != "00"
    assert datetime.date.fromisoformat(first).toordinal() <= days.ordinals()[0] < \
        datetime.date.fromisoformat(first).toordinal() + 8


def test_isos_are_sorted_iso_dates():
    """isos() lists the days as sorted "YYYY-MM-DD" text, as exports show them."""
    days = DaySet.from_isos(["2024-03-01", "2023-12-31", "2024-02-29"])
    assert days.isos() == ["2023-12-31", "2024-02-29", "2024-03-01"]


@pytest.mark.parametrize("first,hex_text", [
    ("2024-02-28", "0g"),             # not hex
    ("2024-02-28", "0"),              # odd length
    ("2024-03-01", "01"),             # the first day must start a byte (a multiple of 8 days)
    ("2024-02-30", "01"),             # not a date
    ("2024-02-28", 5),                # not text
    ("2024-02-28", "01" * 10601),     # longer than any tracker's history
])
def test_from_hex_refuses_what_is_not_a_stored_day_set(first, hex_text):
    """Anything but a stored day set raises ValueError, which the store reports as unreadable."""
    with pytest.raises(ValueError):
        DaySet.from_hex(first, hex_text)


def test_popcount_table_counts_the_bits_of_every_byte():
    """The written-out POPCOUNT table holds the number of set bits of each byte value."""
    from core.dayset import POPCOUNT
    assert list(POPCOUNT) == [bin(i).count("1") for i in range(256)]
