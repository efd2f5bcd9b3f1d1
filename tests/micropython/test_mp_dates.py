"""py/core/dates.py gives the same answers in MicroPython as in CPython (and as datetime)."""
import datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from inputs import ordinals, texts

EXAMPLES = settings(max_examples=100, deadline=None)
# Every ordinal from 0001-01-01 to 9999-12-31, and the days around leap days and century years.
any_ordinals = st.one_of(st.integers(1, datetime.date.max.toordinal()), ordinals)


@EXAMPLES
@given(any_ordinals)
def test_ordinal_arithmetic(both, n):
    """iso, from_ordinal, weekday, week_start and long_name agree with each other and with datetime."""
    day = datetime.date.fromordinal(n)
    assert both.ok("dates", "iso", n) == day.isoformat()
    assert both.ok("dates", "from_ordinal", n) == [day.year, day.month, day.day]
    assert both.ok("dates", "ordinal", day.isoformat()) == n
    assert both.ok("dates", "weekday", n) == day.weekday()
    assert both.ok("dates", "week_start", n) == n - day.weekday()
    expected = "%s %d %s %d" % (day.strftime("%A"), day.day, day.strftime("%B"), day.year)
    assert both.ok("dates", "long_name", n) == expected


@EXAMPLES
@given(st.one_of(texts, st.from_regex(r"\A[0-9]{4}-[0-9]{2}-[0-9]{2}\Z"), st.integers(), st.none(),
                 st.sampled_from(["2024-02-29", "2023-02-29", "0000-01-01", "2024-1-01", "２０２４-01-01",
                                  "2024-01-0١", "+024-01-01", " 024-01-01"])))
def test_parse_and_is_date(both, text):
    """parse, is_date and ordinal accept exactly the real dates written YYYY-MM-DD in ASCII digits."""
    try:
        plain = isinstance(text, str) and len(text) == 10 and text.isascii()
        expected = list(datetime.date.fromisoformat(text).timetuple()[:3]) if plain else None
    except ValueError:
        expected = None
    assert both.ok("dates", "parse", text) == expected
    assert both.ok("dates", "is_date", text) == (expected is not None)
    both("dates", "ordinal", text)


@EXAMPLES
@given(st.integers(datetime.date(1970, 1, 1).toordinal(), datetime.date(2200, 1, 1).toordinal()),
       st.integers(0, 86400 * 1000 - 1), st.booleans())
def test_timestamp_ms(both, n, millis, with_fraction):
    """timestamp_ms reads ISO clock text (as JS toISOString writes it) as milliseconds since 1970."""
    moment = datetime.datetime.fromordinal(n).replace(tzinfo=datetime.UTC) + datetime.timedelta(milliseconds=millis)
    text = moment.strftime("%Y-%m-%dT%H:%M:%S") + (".%03dZ" % (millis % 1000) if with_fraction else "Z")
    expected = (n - datetime.date(1970, 1, 1).toordinal()) * 86400000 + millis - (0 if with_fraction else millis % 1000)
    assert both.ok("dates", "timestamp_ms", text) == expected


@EXAMPLES
@given(st.integers(1, 9999), st.integers(1, 12))
def test_calendar(both, year, month):
    """is_leap, days_in_month and to_ordinal agree with datetime."""
    if year < 9999 or month < 12:
        days = (datetime.date(year + month // 12, month % 12 + 1, 1) - datetime.date(year, month, 1)).days
    else:
        days = 31
    assert both.ok("dates", "days_in_month", year, month) == days
    leap = datetime.date(year, 12, 31).timetuple().tm_yday == 366
    assert both.ok("dates", "is_leap", year) == leap
    assert both.ok("dates", "to_ordinal", year, month, 1) == datetime.date(year, month, 1).toordinal()


@EXAMPLES
@given(st.integers(0, 7258118400000 - 1))
def test_clock_name(both, ms):
    """clock_name writes a moment (ms since 1970, as a backup's key holds it: beyond 32 bits) as datetime does."""
    moment = datetime.datetime(1970, 1, 1) + datetime.timedelta(milliseconds=ms)
    expected = "%d %s %d at %02d:%02d" % (moment.day, moment.strftime("%B"), moment.year, moment.hour, moment.minute)
    assert both.ok("dates", "clock_name", ms) == expected
