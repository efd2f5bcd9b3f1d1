"""py/core/dates.py: integer day arithmetic, checked against CPython's datetime.date."""
import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core import dates

ALL_DATES = st.dates(min_value=datetime.date(1, 1, 1), max_value=datetime.date(9999, 12, 31))

# Days where calendar arithmetic usually goes wrong: leap days, month and year ends,
# the century rules (1900 is not a leap year, 2000 is) and the ends of the range.
EDGE_DATES = [
    datetime.date(1, 1, 1), datetime.date(1, 12, 31), datetime.date(4, 2, 29), datetime.date(4, 12, 31),
    datetime.date(100, 2, 28), datetime.date(100, 3, 1), datetime.date(400, 2, 29), datetime.date(400, 12, 31),
    datetime.date(1600, 2, 29), datetime.date(1700, 2, 28), datetime.date(1700, 3, 1),
    datetime.date(1900, 2, 28), datetime.date(1900, 3, 1), datetime.date(1900, 12, 31),
    datetime.date(2000, 2, 28), datetime.date(2000, 2, 29), datetime.date(2000, 3, 1), datetime.date(2000, 12, 31),
    datetime.date(2023, 12, 31), datetime.date(2024, 1, 1), datetime.date(2024, 2, 29),
    datetime.date(2024, 4, 30), datetime.date(2024, 12, 31), datetime.date(2100, 2, 28), datetime.date(2100, 3, 1),
    datetime.date(9999, 12, 31),
]


def check_against_datetime(d):
    n = dates.to_ordinal(d.year, d.month, d.day)
    assert n == d.toordinal()
    assert dates.from_ordinal(n) == (d.year, d.month, d.day)
    assert dates.weekday(n) == d.weekday()
    assert dates.iso(n) == d.isoformat()
    assert dates.parse(d.isoformat()) == (d.year, d.month, d.day)
    assert dates.ordinal(d.isoformat()) == n


@settings(max_examples=1500, deadline=None)
@given(ALL_DATES)
def test_ordinals_and_weekdays_match_datetime(d):
    """to_ordinal, from_ordinal, weekday, iso and parse agree with datetime.date for any date 0001..9999."""
    check_against_datetime(d)


@settings(max_examples=300, deadline=None)
@given(ALL_DATES)
def test_names_match_datetime(d):
    """long_name, week_name and short_name write the date as datetime.date's English names do."""
    n = d.toordinal()
    assert dates.long_name(n) == "%s %d %s %d" % (d.strftime("%A"), d.day, d.strftime("%B"), d.year)
    assert dates.week_name(n) == "Week of %d %s %d" % (d.day, d.strftime("%B"), d.year)
    assert dates.short_name(n) == "%d %s" % (d.day, d.strftime("%b"))


@pytest.mark.parametrize("d", EDGE_DATES, ids=str)
def test_edge_dates_match_datetime(d):
    """Leap days, month/year ends and the 1900/2000 century rules agree with datetime.date."""
    check_against_datetime(d)


def test_every_day_of_a_400_year_cycle_round_trips():
    """Walking day by day through 1900..2300 (a whole Gregorian cycle) matches datetime.date.fromordinal."""
    start = datetime.date(1900, 1, 1).toordinal()
    end = datetime.date(2300, 1, 1).toordinal()
    for n in range(start, end):
        assert dates.from_ordinal(n) == datetime.date.fromordinal(n).timetuple()[:3]


@pytest.mark.parametrize("year,leap", [(1900, False), (2000, True), (2024, True), (2023, False),
                                       (2100, False), (2400, True), (4, True), (1, False)])
def test_century_leap_rules(year, leap):
    """is_leap and days_in_month follow the Gregorian rule: every 4th year, except centuries not divisible by 400."""
    assert dates.is_leap(year) is leap
    assert dates.days_in_month(year, 2) == (29 if leap else 28)


@pytest.mark.parametrize("text", ["2025-02-29", "1900-02-29", "2024-13-01", "2024-00-10", "2024-04-31",
                                  "2024-01-00", "0000-01-01", "abcd-ef-gh", "2024-1-01", "2024/01/01",
                                  "20240101", " 2024-01-01", "2024-01-01 ", "", "+024-01-01", "2024-01-0x"])
def test_parse_rejects_bad_strings(text):
    """parse returns None (and is_date False) for anything that is not a real YYYY-MM-DD date."""
    assert dates.parse(text) is None
    assert dates.is_date(text) is False
    with pytest.raises(ValueError):
        dates.ordinal(text)


@pytest.mark.parametrize("value", [20240101, None, 2024.0, ["2024-01-01"], b"2024-01-01"])
def test_parse_rejects_non_strings(value):
    """parse returns None for values that are not text at all, such as the number 20240101."""
    assert dates.parse(value) is None


def test_parse_accepts_leap_day_in_leap_year():
    """2024-02-29 and 2000-02-29 are real dates, unlike 2025-02-29 and 1900-02-29."""
    assert dates.parse("2024-02-29") == (2024, 2, 29)
    assert dates.parse("2000-02-29") == (2000, 2, 29)


@settings(max_examples=500, deadline=None)
@given(ALL_DATES)
def test_week_start_is_the_monday_on_or_before(d):
    """week_start gives a Monday at most 6 days earlier, the same one datetime computes."""
    n = d.toordinal()
    start = dates.week_start(n)
    assert dates.weekday(start) == 0
    assert 0 <= n - start <= 6
    assert start == n - d.weekday()


def test_long_name_format():
    """long_name reads "Weekday D Month YYYY" with no leading zero on the day."""
    assert dates.long_name(datetime.date(2025, 3, 3).toordinal()) == "Monday 3 March 2025"
    assert dates.long_name(datetime.date(2024, 2, 29).toordinal()) == "Thursday 29 February 2024"


@settings(max_examples=300, deadline=None)
@given(ALL_DATES)
def test_long_name_matches_datetime_names(d):
    """long_name's weekday and month names match what datetime (C locale) prints for the same day."""
    expected = "%s %d %s %d" % (d.strftime("%A"), d.day, d.strftime("%B"), d.year)
    assert dates.long_name(d.toordinal()) == expected


def test_parsed_dates_are_remembered_in_a_small_cache():
    """A date parsed again comes from the cache with the same answer; invalid text is never kept; an import's thousands
    of dates keep it small."""
    dates.PARSED.clear()
    assert dates.parse("2024-02-29") == (2024, 2, 29)
    assert dates.PARSED == {"2024-02-29": (2024, 2, 29)}
    assert dates.parse("2024-02-29") == (2024, 2, 29)
    assert dates.parse("2023-02-29") is None and "2023-02-29" not in dates.PARSED
    for n in range(dates.ordinal("2020-01-01"), dates.ordinal("2023-01-01")):
        assert dates.ordinal(dates.iso(n)) == n
    assert 0 < len(dates.PARSED) <= dates.PARSED_MAX


def test_clock_name_reads_a_backup_key_as_a_date_and_time():
    """A backup key's milliseconds read as "8 December 2026 at 01:42"; midnight and a leap day are kept."""
    assert dates.clock_name(1796694164452) == "8 December 2026 at 01:42"
    assert dates.clock_name(0) == "1 January 1970 at 00:00"
    assert dates.clock_name(951782400000 - 60000) == "28 February 2000 at 23:59"
    assert dates.clock_name(951782400000) == "29 February 2000 at 00:00"
