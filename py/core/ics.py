"""Reminders as an iCalendar file (RFC 5545): one weekly event per focus practice.

Pure Python that runs unchanged in CPython and MicroPython (no datetime: days are ordinals from
py/core/dates.py). The glue passes today's local date, the clock as UTC ISO text and the page's own
address; the file goes to the reader's calendar, so nothing needs a server.

Times are floating (no TZID, no "Z"): a reminder at 20:00 stays at 20:00 in whatever time zone
the reader's calendar is in, across daylight-saving changes and travel.
"""
from core import dates

DAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")  # dates.weekday(): 0 is Monday
DEFAULT_TIME = "20:00"
MAX_LINE = 75  # octets per line, not counting CRLF (RFC 5545, 3.1)

# Weekdays for a goal of n times a week, spread over the week (0 = Monday).
# A goal of 0 means "whenever it suits you": one gentle reminder a week, on Sunday evening,
# when there is usually time to look back on the week.
SPREAD = {
    0: (6,),
    1: (6,),
    2: (2, 6),
    3: (0, 2, 4),
    4: (0, 2, 4, 6),
    5: (0, 1, 3, 4, 6),
    6: (0, 1, 2, 3, 4, 5),
    7: (0, 1, 2, 3, 4, 5, 6),
}


def default_days(goal):
    """The weekdays (0 = Monday) a practice with this weekly goal is reminded on by default."""
    return list(SPREAD[max(0, min(7, goal))])


def parse_time(text):
    """(hour, minute) from "HH:MM" (as an <input type=time> gives it), or None."""
    if not isinstance(text, str) or len(text) != 5 or text[2] != ":":
        return None
    if not (dates.is_digits(text[:2]) and dates.is_digits(text[3:])):
        return None
    hour, minute = int(text[:2]), int(text[3:])
    if hour > 23 or minute > 59:
        return None
    return hour, minute


def escape_text(text):
    """A TEXT value (RFC 5545, 3.3.11): backslash, semicolon, comma and line breaks escaped."""
    text = text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return text.replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n")


def fold(line):
    """The line folded into CRLF-ended lines of at most 75 octets, never inside a UTF-8 character.

    Each continuation line starts with one space, which counts toward its 75 octets.
    """
    out, current, size = [], [], 0
    for ch in line:
        width = len(ch.encode("utf-8"))
        if size + width > MAX_LINE:
            out.append("".join(current))
            current, size = [" "], 1
        current.append(ch)
        size += width
    out.append("".join(current))
    return "".join(part + "\r\n" for part in out)


def utc_stamp(iso_time):
    """"20261122T034201Z" from the clock's ISO text "2026-11-22T03:42:01.123Z"."""
    return (iso_time[0:4] + iso_time[5:7] + iso_time[8:10] + "T"
            + iso_time[11:13] + iso_time[14:16] + iso_time[17:19] + "Z")


def local_stamp(day, hour, minute):
    """Floating local date-time "20261123T200000" (no zone) of a day ordinal."""
    year, month, mday = dates.from_ordinal(day)
    return "%04d%02d%02dT%02d%02d00" % (year, month, mday, hour, minute)


def first_day(today, weekdays):
    """The first day from today (an ordinal) that falls on one of the weekdays: DTSTART must be an occurrence."""
    day = today
    while dates.weekday(day) not in weekdays:
        day += 1
    return day


def practice_url(page_url, practice):
    """A link back to the practice: its (first) article on the page the file was made from."""
    base = page_url.split("#")[0]
    articles = practice.get("articles") or []
    return base + ("#/a/" + articles[0] if articles else "#/practices")


def event(practice, weekdays, hour, minute, today, stamp, page_url):
    """The lines of one VEVENT (unfolded): weekly on `weekdays` at hour:minute, from today on."""
    url = practice_url(page_url, practice)
    days = sorted(set(weekdays))
    description = practice["text"] + "\n\n" + "Read more in Attune: " + url
    return [
        "BEGIN:VEVENT",
        "UID:" + practice["id"] + "-" + stamp + "@attune",  # new per download: see calendar()
        "DTSTAMP:" + stamp,
        "DTSTART:" + local_stamp(first_day(today, days), hour, minute),
        "DURATION:PT15M",
        "RRULE:FREQ=WEEKLY;BYDAY=" + ",".join(DAY_CODES[d] for d in days),
        "SUMMARY:" + escape_text(practice["name"]),
        "DESCRIPTION:" + escape_text(description),
        "URL:" + url,
        "TRANSP:TRANSPARENT",  # a reminder, not a meeting: it does not mark the reader busy
        "BEGIN:VALARM",
        "ACTION:DISPLAY",
        "DESCRIPTION:" + escape_text(practice["name"]),
        "TRIGGER:PT0S",
        "END:VALARM",
        "END:VEVENT",
    ]


def calendar(reminders, time_text, today, now_iso, page_url):
    """The .ics text for [(practice, weekdays)], practices as in the catalogue, weekdays 0 = Monday.

    Each download gets new UIDs: a calendar that was given an event and had it deleted may
    refuse the same UID again (Google Calendar does), and two downloads with different days
    are two different sets of reminders anyway.
    ValueError when the time is not "HH:MM" or a practice has no weekday.
    """
    parsed = parse_time(time_text)
    if parsed is None:
        raise ValueError("the time is not a time of day (HH:MM)")
    stamp = utc_stamp(now_iso)
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Attune//Practice reminders//EN",
             "CALSCALE:GREGORIAN", "METHOD:PUBLISH"]
    for practice, weekdays in reminders:
        if not weekdays:
            raise ValueError("%s has no day chosen" % practice["name"])
        lines += event(practice, weekdays, parsed[0], parsed[1], today, stamp, page_url)
    lines.append("END:VCALENDAR")
    return "".join(fold(line) for line in lines)


def file_name(today):
    return "attune-reminders-%s.ics" % dates.iso(today)
