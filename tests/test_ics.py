"""py/core/ics.py: the reminders file, parsed back with the icalendar package."""
import datetime

import icalendar
import pytest

from core import dates
from core import ics

PAGE = "https://example.org/attune/index.html#/practices"
NOW = "2026-11-22T03:42:01.123Z"
TODAY = dates.ordinal("2026-11-22")  # a Sunday
LISTEN = {"id": "listen-first", "name": "Listen first", "text": "Before answering, say back what you heard.",
          "articles": ["never-cries", "two-empathies"]}
TRICKY = {"id": "tricky", "name": "Café; crème, \\ brûlée",
          "text": "Line one;\nline two, with a comma\\and a backslash. " + "Ünïcödé — ✓ " * 20,
          "articles": ["crying-together"]}


def parse(text):
    return icalendar.Calendar.from_ical(text)


def events(text):
    return {str(e["SUMMARY"]): e for e in parse(text).walk("VEVENT")}


def test_default_days_spread_as_many_as_the_goal():
    """Each goal 1..7 gets that many distinct weekdays; 0 gets one (Sunday)."""
    for goal in range(1, 8):
        days = ics.default_days(goal)
        assert len(days) == goal and len(set(days)) == goal and all(0 <= d <= 6 for d in days)
    assert ics.default_days(0) == [6]
    assert ics.default_days(3) == [0, 2, 4]


def test_calendar_has_every_field():
    """One VEVENT with UID, DTSTAMP (UTC), floating DTSTART at the time, weekly RRULE, text, URL and a VALARM."""
    text = ics.calendar([(LISTEN, [0, 2, 4])], "20:00", TODAY, NOW, PAGE)
    cal = parse(text)
    assert str(cal["VERSION"]) == "2.0" and str(cal["PRODID"]).startswith("-//Attune//")
    [event] = cal.walk("VEVENT")
    assert str(event["UID"]) == "listen-first-20261122T034201Z@attune"
    assert event.decoded("DTSTAMP") == datetime.datetime(2026, 11, 22, 3, 42, 1, tzinfo=datetime.UTC)
    start = event.decoded("DTSTART")
    assert start == datetime.datetime(2026, 11, 23, 20, 0) and start.tzinfo is None  # Monday, floating
    assert "DTSTART:20261123T200000\r\n" in text  # no TZID, no Z
    assert event.decoded("DURATION") == datetime.timedelta(minutes=15)
    rule = event["RRULE"]
    assert rule["FREQ"] == ["WEEKLY"] and rule["BYDAY"] == ["MO", "WE", "FR"]
    assert str(event["SUMMARY"]) == "Listen first"
    link = "https://example.org/attune/index.html#/a/never-cries"
    assert str(event["URL"]) == link
    assert str(event["DESCRIPTION"]) == LISTEN["text"] + "\n\nRead more in Attune: " + link
    [alarm] = event.walk("VALARM")
    assert str(alarm["ACTION"]) == "DISPLAY" and str(alarm["DESCRIPTION"]) == "Listen first"
    assert alarm.decoded("TRIGGER") == datetime.timedelta(0)


def test_one_event_per_practice_with_its_own_days():
    """Two practices give two events, each on its own weekdays and at the chosen time."""
    text = ics.calendar([(LISTEN, [6]), (TRICKY, [1, 3])], "07:05", TODAY, NOW, PAGE)
    found = events(text)
    assert len(found) == 2
    listen, tricky = found["Listen first"], found[TRICKY["name"]]
    assert listen["RRULE"]["BYDAY"] == ["SU"]
    assert listen.decoded("DTSTART") == datetime.datetime(2026, 11, 22, 7, 5)
    assert tricky["RRULE"]["BYDAY"] == ["TU", "TH"]
    assert tricky.decoded("DTSTART") == datetime.datetime(2026, 11, 24, 7, 5)
    assert str(listen["UID"]) != str(tricky["UID"])


def test_escaping_and_utf8_folding_round_trip():
    """Semicolons, commas, backslashes, newlines and long non-ASCII text come back exactly as written."""
    text = ics.calendar([(TRICKY, [0])], "20:00", TODAY, NOW, PAGE)
    event = parse(text).walk("VEVENT")[0]
    assert str(event["SUMMARY"]) == TRICKY["name"]
    assert str(event["DESCRIPTION"]).startswith(TRICKY["text"] + "\n\n")
    assert "SUMMARY:Café\\; crème\\, \\\\ brûlée\r\n" in text
    assert "line two\\, with a comma\\\\and" in text.replace("\r\n ", "")


def test_lines_are_crlf_and_at_most_75_octets_never_splitting_a_character():
    """Every line ends in CRLF, holds at most 75 UTF-8 octets, and each decodes on its own."""
    text = ics.calendar([(TRICKY, [0]), (LISTEN, [1])], "20:00", TODAY, NOW, PAGE)
    data = text.encode("utf-8")
    assert data.endswith(b"\r\n") and b"\n" not in data.replace(b"\r\n", b"")
    lines = data.split(b"\r\n")[:-1]
    assert max(len(line) for line in lines) == 75  # the long description was folded right at the limit
    for line in lines:
        assert len(line) <= 75
        line.decode("utf-8")  # raises if a fold cut a character in two
    assert any(line.startswith(b" ") for line in lines)


def test_fold_keeps_short_lines_and_splits_multibyte_text():
    """fold() leaves a 75-octet line whole and puts a 3-byte character on the next line rather than cut it."""
    assert ics.fold("A" * 75) == "A" * 75 + "\r\n"
    folded = ics.fold("A" * 74 + "✓B")
    assert folded == "A" * 74 + "\r\n ✓B\r\n"


def test_goal_zero_default_and_bad_input():
    """A bad time or a practice without days is refused; parse_time reads HH:MM only."""
    assert ics.parse_time("20:00") == (20, 0) and ics.parse_time("07:30") == (7, 30)
    for bad in ("24:00", "7:30", "20:60", "ab:cd", "", None, "20-00"):
        assert ics.parse_time(bad) is None
    with pytest.raises(ValueError, match="time of day"):
        ics.calendar([(LISTEN, [0])], "25:00", TODAY, NOW, PAGE)
    with pytest.raises(ValueError, match="no day"):
        ics.calendar([(LISTEN, [])], "20:00", TODAY, NOW, PAGE)


def test_a_practice_without_article_links_to_the_practices_page():
    """A practice no article lists (archived) links back to #/practices instead."""
    lonely = dict(LISTEN, articles=[])
    event = parse(ics.calendar([(lonely, [0])], "20:00", TODAY, NOW, PAGE)).walk("VEVENT")[0]
    assert str(event["URL"]) == "https://example.org/attune/index.html#/practices"


def test_file_name_has_the_date():
    """The download is named after today's date."""
    assert ics.file_name(TODAY) == "attune-reminders-2026-11-22.ics"
