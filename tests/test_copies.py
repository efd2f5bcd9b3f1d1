"""py/core/copies.py on a pinned clock: the last copy's line, the reminder rule, and the copy's record in the
settings."""
import datetime

import pytest

from core import copies
from core import dates
from core import model
from core.dayset import DaySet

TODAY = datetime.date(2026, 12, 7).toordinal()   # a Monday


def day(offset):
    """The ISO date `offset` days from TODAY (negative: before)."""
    return datetime.date.fromordinal(TODAY + offset).isoformat()


def doc_with(ticked=(), noted=(), copied=None, later=None):
    """A document with ticks on the days `ticked` and notes on `noted` (offsets from TODAY), and copy settings."""
    doc = model.empty()
    if ticked:
        doc["checkins"]["active-listening"] = DaySet.from_ordinals([TODAY + n for n in ticked])
    for n in noted:
        model.add_note(doc, day(n), "a note")
    if copied is not None:
        doc["settings"]["copied"] = day(copied)
    if later is not None:
        doc["settings"]["copy_later"] = day(later)
    return doc


@pytest.mark.parametrize("copied,said", [
    (None, "No copy saved yet."),
    (0, "Last copy saved on 7 December 2026 (today)."),
    (-1, "Last copy saved on 6 December 2026 (yesterday)."),
    (-4, "Last copy saved on 3 December 2026 (4 days ago)."),
    (-400, "Last copy saved on 2 November 2025 (400 days ago)."),
    (3, "Last copy saved on 7 December 2026 (today)."),   # the clock was set back: never a negative age
])
def test_last_copy_text(copied, said):
    """"Your data" names the last copy's day and its age in words, or says there is none."""
    assert copies.last_copy_text(doc_with(copied=copied), TODAY) == said


def test_no_copy_reminds_from_seven_days_with_ticks_or_notes():
    """Without any copy the reminder comes once ticks or notes cover 7 days (6 are not enough; the same day twice
    counts once)."""
    assert not copies.reminder_due(doc_with(ticked=range(-5, 0), noted=(-5,)), TODAY)   # 5 days
    assert not copies.reminder_due(doc_with(ticked=range(-6, 0)), TODAY)                 # 6 days
    assert copies.reminder_due(doc_with(ticked=range(-6, 0), noted=(-20,)), TODAY)       # 7 days
    assert copies.reminder_due(doc_with(noted=range(-7, 0)), TODAY)                      # notes alone


def test_an_old_copy_reminds_only_after_a_change():
    """A copy 14 or more days old reminds when a tick or note came after it; a 13-day-old one, or no change, does
    not."""
    assert copies.reminder_due(doc_with(ticked=(-1,), copied=-14), TODAY)
    assert copies.reminder_due(doc_with(noted=(0,), copied=-30), TODAY)
    assert not copies.reminder_due(doc_with(ticked=(-1,), copied=-13), TODAY)
    assert not copies.reminder_due(doc_with(ticked=(-20, -14), noted=(-15,), copied=-14), TODAY)


def test_not_now_hides_the_reminder_for_seven_days():
    """"Not now" hides a due reminder for 7 days, and it is back on the 7th."""
    doc = doc_with(ticked=range(-10, 0))
    copies.not_now(doc, TODAY, 5)
    assert doc["settings"]["copy_later"] == day(7)
    for offset in range(7):
        assert not copies.reminder_due(doc, TODAY + offset)
    assert copies.reminder_due(doc, TODAY + 7)


def test_a_copy_is_recorded_in_the_settings_and_travels_with_the_export():
    """record_copy keeps the day in the settings; the export carries it and an import reads it back."""
    doc = doc_with(ticked=(-1,))
    copies.record_copy(doc, TODAY, 1234)
    assert doc["settings"]["copied"] == day(0) and doc["settings"]["at"] == 1234
    back = model.parse_import(model.dumps(doc))
    assert back["settings"]["copied"] == day(0)
    assert copies.last_copy_text(back, TODAY + 4) == "Last copy saved on 7 December 2026 (4 days ago)."


def test_merging_keeps_the_later_copy_whatever_settings_are_newer():
    """A merge (an import, another tab) keeps the later copy day and "Not now", even from the older settings."""
    mine, theirs = doc_with(copied=-2, later=3), doc_with(copied=-30)
    model.set_setting(theirs, "theme", "dark", 10 ** 12)   # newer settings
    merged = model.merge(mine, theirs)
    assert merged["settings"]["theme"] == "dark"
    assert merged["settings"]["copied"] == day(-2) and merged["settings"]["copy_later"] == day(3)
    assert model.merge(theirs, mine)["settings"] == merged["settings"]


@pytest.mark.parametrize("settings,problem", [
    ({"copied": "2026-13-01"}, 'the setting "copied" is not valid: it must be a date from 1970-01-01 to 2199-12-31'),
    ({"copy_later": 5}, 'the setting "copy_later" is not valid: it must be a date from 1970-01-01 to 2199-12-31'),
    ({"safari_note": True}, 'the setting "safari_note" is not valid: it must be 1 (put away) or left out'),
])
def test_a_bad_copy_setting_is_refused_by_an_import_and_dropped_from_storage(settings, problem):
    """An import with a malformed copy setting is refused with its name and rule; stored data only loses that
    setting."""
    data = {"schema": 2, "settings": dict({"theme": "dark", "text_size": 1, "at": 3}, **settings)}
    with pytest.raises(model.DataError) as caught:
        model.validate(data, True)
    assert str(caught.value) == problem
    doc, problems = model.validate(data, False)
    assert problems == [problem] and doc["settings"] == {"theme": "dark", "text_size": 1, "at": 3}


def test_file_name():
    """The copy is named by its day: attune-YYYY-MM-DD.json."""
    assert copies.file_name(TODAY) == "attune-2026-12-07.json"


def test_days_with_entries_stops_at_enough():
    """Counting days with entries stops at the number asked for, however long the history."""
    doc = doc_with(ticked=range(-2000, 0))
    assert copies.days_with_entries(doc, 7) == 7
    assert copies.days_with_entries(doc_with(ticked=(-1, -2), noted=(-2, -3)), 7) == 3
    assert dates.iso(TODAY) == day(0)
