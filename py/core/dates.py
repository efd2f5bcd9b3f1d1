"""Calendar arithmetic on day ordinals (1 = 0001-01-01, as date.toordinal()).

MicroPython in the browser has no reliable datetime, so the tracker counts days as integers:
the glue passes today's local date as "YYYY-MM-DD" and everything else is done here.
"""


def is_leap(year):
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def days_in_month(year, month):
    if month == 2:
        return 29 if is_leap(year) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def is_digits(text):
    """Non-empty and only ASCII digits: CPython's isdigit() also takes "２" or "١", MicroPython's does not."""
    if not text:
        return False
    for ch in text:
        if not "0" <= ch <= "9":
            return False
    return True


PARSED = {}        # "YYYY-MM-DD": (year, month, day), for the few dates a tick parses again and again
PARSED_MAX = 64    # (today, the week's days): a parse costs MicroPython a tenth of a millisecond on a phone


def parse(text):
    """(year, month, day) from "YYYY-MM-DD", or None if it is not a real date."""
    if not isinstance(text, str) or len(text) != 10 or text[4] != "-" or text[7] != "-":
        return None
    if text in PARSED:
        return PARSED[text]
    parts = (text[0:4], text[5:7], text[8:10])
    for part in parts:
        if not is_digits(part):
            return None
    year, month, day = int(parts[0]), int(parts[1]), int(parts[2])
    if year < 1 or not 1 <= month <= 12 or not 1 <= day <= days_in_month(year, month):
        return None
    if len(PARSED) >= PARSED_MAX:
        PARSED.clear()   # an import parses thousands of dates once each: keep the cache small
    PARSED[text] = (year, month, day)
    return year, month, day


def is_date(text):
    return parse(text) is not None


FIRST_DAY, LAST_DAY = "1970-01-01", "2199-12-31"  # check-ins outside these cannot be Attune's


def is_checkin_day(value):
    """A real date in the years a tick can be for (a bitmap spans them all: see dayset.py)."""
    return is_date(value) and FIRST_DAY <= value <= LAST_DAY


def to_ordinal(year, month, day):
    """Days since 0001-01-01, counting that day as 1."""
    y = year - 1
    days = y * 365 + y // 4 - y // 100 + y // 400
    for m in range(1, month):
        days += days_in_month(year, m)
    return days + day


def from_ordinal(n):
    """(year, month, day) of a day ordinal."""
    n -= 1
    n400, n = divmod(n, 146097)
    n100, n = divmod(n, 36524)
    n4, n = divmod(n, 1461)
    n1, n = divmod(n, 365)
    year = n400 * 400 + n100 * 100 + n4 * 4 + n1 + 1
    if n100 == 4 or n1 == 4:  # the last day of a 400- or 4-year cycle
        return year - 1, 12, 31
    month = 1
    while n >= days_in_month(year, month):
        n -= days_in_month(year, month)
        month += 1
    return year, month, n + 1


def ordinal(text):
    """The ordinal of a "YYYY-MM-DD" string (which must be valid)."""
    parsed = parse(text)
    if parsed is None:
        raise ValueError("not a date: " + str(text))
    return to_ordinal(parsed[0], parsed[1], parsed[2])


def iso(n):
    year, month, day = from_ordinal(n)
    return "%04d-%02d-%02d" % (year, month, day)


def weekday(n):
    """0 for Monday through 6 for Sunday."""
    return (n + 6) % 7


# A week is Monday to Sunday, everywhere: the tracker's counts and grid, the chart, the journal, the calendar
# file (py/core/ics.py: its weekdays are weekday()'s). Today's week, as the reader sees it, is its Monday to
# today: what week_counts() (py/core/dayset.py) counts for it.
def week_start(n):
    """The ordinal of the Monday that starts n's week."""
    return n - weekday(n)


def first_of_weeks(today, weeks):
    """The Monday of the oldest of the last `weeks` weeks, today's the newest."""
    return week_start(today) - 7 * (weeks - 1)


MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def week_name(monday):
    """"Week of 16 November 2026": a week's heading, by its Monday."""
    year, month, day = from_ordinal(monday)
    return "Week of %d %s %d" % (day, MONTHS[month - 1], year)


def short_name(n):
    """"16 Nov", where a full date would not fit."""
    year, month, day = from_ordinal(n)
    return "%d %s" % (day, MONTHS[month - 1][:3])


def long_name(n):
    """"Monday 3 March 2025", for screen readers and titles."""
    year, month, day = from_ordinal(n)
    return "%s %d %s %d" % (WEEKDAYS[weekday(n)], day, MONTHS[month - 1], year)


def timestamp_ms(text):
    """Milliseconds since 1970 from an ISO time like "2026-11-21T23:58:31.123Z".

    The glue reads the clock this way because MicroPython's JS bridge cuts a large number
    such as Date.now() to 32 bits.
    """
    days = ordinal(text[:10]) - to_ordinal(1970, 1, 1)
    hours, minutes, seconds = int(text[11:13]), int(text[14:16]), int(text[17:19])
    millis = int(text[20:23]) if len(text) > 20 and text[19] == "." else 0
    return ((days * 24 + hours) * 60 + minutes) * 60000 + seconds * 1000 + millis


def clock_name(ms):
    """"8 December 2026 at 14:05": a moment given as milliseconds since 1970 on the reader's clock (the
    glue adds the device's offset from UTC), for a label a reader reads."""
    minutes = ms // 60000
    day = to_ordinal(1970, 1, 1) + minutes // 1440
    year, month, date = from_ordinal(day)
    return "%d %s %d at %02d:%02d" % (date, MONTHS[month - 1], year, minutes % 1440 // 60, minutes % 60)
