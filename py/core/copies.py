"""Keeping a copy: when the reader last saved one, what "Your data" says of it, and when to remind them.

A browser may forget what Attune keeps (Safari clears a site's storage after about a week without a
visit; a lost or new phone starts empty), so a copy the reader saves as a file is what lasts. The
settings keep two days for it (ISO text, device facts that merge as the later of two):
    "copied":     the day the reader last saved a copy (the export carries it);
    "copy_later": the reader chose "Not now" to the reminder: none until that day.
Everything here is pure and takes today as a day number, so tests pin the clock.
"""
from core import dates
from core import model

REMIND_AFTER = 14         # days: a copy this old, with changes since, is worth renewing
FIRST_REMINDER_DAYS = 7   # days with ticks or notes before a reader without any copy is reminded
NOT_NOW = 7               # days "Not now" hides the reminder for
FAR_FUTURE = dates.to_ordinal(2199, 12, 31)


def last_copy(doc, today):
    """The day number of the last copy, or None. A copy "in the future" (the clock was set back) counts as today's."""
    copied = doc["settings"].get("copied")
    return None if copied is None else min(dates.ordinal(copied), today)


def last_copy_text(doc, today):
    """"Last copy saved on 3 December 2026 (4 days ago)", or "No copy saved yet"."""
    copied = last_copy(doc, today)
    if copied is None:
        return "No copy saved yet."
    age = today - copied
    when = "today" if age == 0 else "yesterday" if age == 1 else "%d days ago" % age
    year, month, day = dates.from_ordinal(copied)
    return "Last copy saved on %d %s %d (%s)." % (day, dates.MONTHS[month - 1], year, when)


def changed_since(doc, day):
    """Has a tick or a note been kept for a day after `day` (a day number)?"""
    after = dates.iso(day)
    for days in doc["checkins"].values():
        if days.count(day + 1, FAR_FUTURE):
            return True
    return any(noted > after for noted in doc["notes"])


def days_with_entries(doc, enough):
    """How many days have a tick or a note, counted only up to `enough` (enough to decide; a long
    history is not walked to the end)."""
    seen = set(dates.ordinal(day) for day in list(doc["notes"])[:enough])
    for days in doc["checkins"].values():
        if len(seen) >= enough:
            break
        for n in days.ordinals():
            seen.add(n)
            if len(seen) >= enough:
                break
    return min(len(seen), enough)


def reminder_due(doc, today):
    """Show "Save a copy" on #/practices? When the last copy is 14 or more days old and something
    changed since, or when there is no copy and ticks or notes on 7 or more days; never while "Not
    now" holds (7 days)."""
    later = doc["settings"].get("copy_later")
    if later is not None and dates.ordinal(later) > today:
        return False
    copied = last_copy(doc, today)
    if copied is None:
        return days_with_entries(doc, FIRST_REMINDER_DAYS) >= FIRST_REMINDER_DAYS
    return today - copied >= REMIND_AFTER and changed_since(doc, copied)


def has_entries(doc):
    """Has the reader kept anything worth a copy (a tick, a note or a focus)?"""
    return bool(doc["checkins"] or doc["notes"] or doc["focus"])


def file_name(today):
    """The copy's file name: attune-YYYY-MM-DD.json."""
    return "attune-%s.json" % dates.iso(today)


def record_copy(doc, today, at):
    """The edit for a copy saved today (`at`: the clock, ms, as every settings change carries)."""
    model.set_setting(doc, "copied", dates.iso(today), at)


def not_now(doc, today, at):
    """The edit for "Not now": no reminder for the next NOT_NOW days."""
    model.set_setting(doc, "copy_later", dates.iso(today + NOT_NOW), at)
