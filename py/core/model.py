"""The tracker's data: one versioned document, its validation, migrations, merge and edits.

Pure Python that runs unchanged in CPython (pytest) and MicroPython (the browser). The
document, as exported (py/core/layout.py spreads it over several storage keys in a compact form):

    {"schema": 2,
     "checkins": {practice_id: ["YYYY-MM-DD", ...]},    # days the practice was done, sorted
     "notes":    {"YYYY-MM-DD": ["text", ...]},         # the day's journal entries, sorted
     "focus":    {practice_id: goal},                   # goal: times a week, 0 = no goal
     "settings": {"theme": "system", "text_size": 1, "at": ms},   # py/core/settings.py: the others when set
     "reading":  {"slug": str, "position": per-mille, "at": ms} or {}}

In memory each practice's check-ins are a dayset.DaySet (a bitmap), so reading a day or ticking
one costs the same after ten years as on the first day; json_text.encode() writes them as ISO dates.

Every part merges as a set union or a maximum, so merging is commutative, associative and
idempotent: two tabs, or a backup imported twice, can never lose or duplicate anything.
"""
import json

from core import dates
from core import lock
from core import settings
from core.dayset import DaySet
from core.json_text import DataError, check_json, encode, join_all_surrogates, quote
from core.text import strip_spaces

SCHEMA = 2
MAX_GOAL = 7
MAX_NOTE = 2000
MAX_IMPORT_BYTES = 1000000
TOP_KEYS = ("schema", "checkins", "notes", "focus", "settings", "reading")


def empty():
    return {"schema": SCHEMA, "checkins": {}, "notes": {}, "focus": {},
            "settings": settings.defaults(), "reading": {}}


def copy(doc):
    """A copy of a document that shares nothing that an edit changes (with its journal lock, if any)."""
    out = {"schema": SCHEMA,
           "checkins": dict((pid, DaySet(days.start, days.bits)) for pid, days in doc["checkins"].items()),
           "notes": dict((day, list(texts)) for day, texts in doc["notes"].items()),
           "focus": dict(doc["focus"]), "settings": dict(doc["settings"]), "reading": dict(doc["reading"])}
    return carry_lock(out, doc, {})


def carry_lock(out, a, b):
    """out with the journal lock (py/core/lock.py) of `a`, else of `b`: its record and locked months,
    which only the browser's key can read, are carried as they are, never merged."""
    source = a if a.get("lock") or a.get("sealed") else b
    if source.get("lock"):
        out["lock"] = dict(source["lock"])
    if source.get("lock") or source.get("sealed"):
        out["sealed"] = dict(source.get("sealed") or {})
    return out


def is_id(value):
    """Practice ids and slugs: lower-case letters and digits in '-'-joined runs."""
    if not isinstance(value, str) or not 0 < len(value) <= 64:
        return False
    for part in value.split("-"):
        if not part:
            return False
        for ch in part:
            if not ("a" <= ch <= "z" or "0" <= ch <= "9"):
                return False
    return True


def is_int(value):
    return isinstance(value, int) and not isinstance(value, bool)


def note_text(text):
    """A note as kept: without surrounding spaces and at most MAX_NOTE characters."""
    return strip_spaces(text)[:MAX_NOTE]


# --- migrations -------------------------------------------------------------------------


def migrate_1_to_2(data):
    """Version 1 (the first release) kept only check-ins."""
    out = empty()
    out["checkins"] = data.get("checkins", {})
    return out


MIGRATIONS = {1: migrate_1_to_2}


def migrate(data):
    """Bring a decoded document of any earlier schema up to SCHEMA."""
    if not isinstance(data, dict):
        raise DataError("it is not a tracker document (expected a JSON object)")
    schema = data.get("schema")
    if not is_int(schema) or schema < 1:
        raise DataError("it has no valid schema number, so it is not Attune data")
    if schema > SCHEMA:
        raise DataError("it was written by a newer version of Attune (schema %d; this one reads up to %d)"
                        % (schema, SCHEMA))
    while schema < SCHEMA:
        data = MIGRATIONS[schema](data)
        schema += 1
    return data


# --- validation -------------------------------------------------------------------------


class Problems:
    """What is wrong with data being read: strict (an import) raises DataError at the first problem,
    lenient (what this browser stored) lists them all, and the caller drops each invalid part."""

    def __init__(self, strict):
        self.strict = strict
        self.found = []

    def add(self, text):
        if self.strict:
            raise DataError(text)
        self.found.append(text)


def entries(data, part, is_key, not_a_dict, bad_key, problems):
    """Yields (key, value) of data[part], a dict by key; a part or key that is not valid is a problem.

    A generator, so problems come in the order of the data, as the checks of each part report theirs.
    """
    found = data.get(part, {})
    if not isinstance(found, dict):
        problems.add(not_a_dict)
        return
    for key in sorted(found):  # MicroPython's dicts keep no order: problems come sorted in both
        if is_key(key):
            yield key, found[key]
        else:
            problems.add(bad_key(key))


def valid_checkins(data, problems):
    checkins = {}
    for pid, days in entries(data, "checkins", is_id, "check-ins are not a list by practice",
                             lambda key: "check-ins for an invalid practice id", problems):
        if not isinstance(days, list):
            problems.add("check-ins of %s are not a list of days" % pid)
            continue
        good = [d for d in days if dates.is_checkin_day(d)]
        if len(good) != len(days):
            problems.add("%d check-in(s) of %s are not dates from %s to %s"
                         % (len(days) - len(good), pid, dates.FIRST_DAY, dates.LAST_DAY))
        if good:
            checkins[pid] = DaySet.from_isos(good)
    return checkins


def valid_notes(data, problems):
    notes = {}
    for day, texts in entries(data, "notes", dates.is_date, "notes are not a list by day",
                              lambda key: "notes under %s, which is not a date" % quote(str(key)[:20]), problems):
        if not isinstance(texts, list):
            problems.add("the notes of %s are not a list" % day)
            continue
        good = []
        for entry in texts:
            # Any text is a note, markup included: the page escapes notes when it draws them.
            if not isinstance(entry, str) or not strip_spaces(entry) or len(entry) > MAX_NOTE:
                problems.add("a note of %s is not text of up to %d characters" % (day, MAX_NOTE))
            else:
                good.append(entry)
        if good:
            notes[day] = sorted(set(good))
    return notes


def valid_focus(data, problems):
    focus = {}
    bad_goal = "a focus goal is not a whole number of times a week from 0 to %d" % MAX_GOAL
    for pid, goal in entries(data, "focus", is_id, "the focus list is not a list by practice", lambda key: bad_goal,
                             problems):
        if not is_int(goal) or not 0 <= goal <= MAX_GOAL:
            problems.add(bad_goal)
            continue
        focus[pid] = goal
    return focus


def valid_settings(data, problems):
    """The settings (py/core/settings.py), or the defaults when they are not valid; an optional setting that
    is not valid is dropped alone (the others stand), a key that is no setting at all refuses them as a whole."""
    found = data.get("settings", settings.defaults())
    required = [s for s in settings.TABLE if s.default is not None]
    if (not isinstance(found, dict) or not is_int(found.get(settings.STAMP)) or found[settings.STAMP] < 0
            or len([s for s in required if not s.is_valid(found.get(s.name))])
            or len([name for name in found if name not in OPTIONAL]) != len(required) + 1):
        problems.add("the display settings are not valid")
        return settings.defaults()
    valid = {settings.STAMP: found[settings.STAMP]}
    for setting in required:
        valid[setting.name] = found[setting.name]
    for name in OPTIONAL:   # sorted: problems come in the same order in both interpreters
        if name not in found:
            continue
        if settings.BY_NAME[name].is_valid(found[name]):
            valid[name] = found[name]
        else:
            problems.add("the setting %s is not valid: it must be %s" % (quote(name), settings.BY_NAME[name].rule))
    return valid


OPTIONAL = sorted(s.name for s in settings.TABLE if s.default is None)   # settings a document may leave out
LATEST_OF_BOTH = [s.name for s in settings.TABLE if s.merge == "latest"]


def valid_reading(data, problems):
    reading = data.get("reading", {})
    if reading == {}:
        return {}
    if (not isinstance(reading, dict) or not is_id(reading.get("slug"))
            or not is_int(reading.get("position")) or not 0 <= reading["position"] <= 1000
            or not is_int(reading.get("at")) or reading["at"] < 0 or len(reading) != 3):
        problems.add("the reading position is not valid")
        return {}
    return {"slug": reading["slug"], "position": reading["position"], "at": reading["at"]}


def validate(data, strict):
    """(document, problems) from decoded JSON of any schema, one part at a time.

    strict (imports): the first problem raises DataError and nothing is used.
    lenient (what this browser stored): whatever is invalid is dropped and listed.
    """
    data = migrate(data)
    problems = Problems(strict)
    for key in sorted(data):
        if key not in TOP_KEYS:
            problems.add("unknown field %s" % quote(str(key)[:40]))
    doc = empty()
    # One part after another, in this order: problems are listed (or the first raised) in the data's order.
    doc["checkins"] = valid_checkins(data, problems)
    doc["notes"] = valid_notes(data, problems)
    doc["focus"] = valid_focus(data, problems)
    doc["settings"] = valid_settings(data, problems)
    doc["reading"] = valid_reading(data, problems)
    return doc, problems.found


def loads(text, strict):
    """(document, problems) from JSON text; DataError when nothing usable is there."""
    return validate(decode_json(text, strict), strict)


def decode_json(text, strict):
    """The decoded JSON of a stored or imported text; DataError when it is not JSON."""
    if strict:
        check_json(text)   # an import: what is not JSON is refused in the browser as in the tests
    try:
        data = json.loads(text)
    except ValueError:
        raise DataError("it is not valid JSON") from None
    if "\\ud" in text or "\\uD" in text:  # only a file with escaped surrogates needs the slow walk
        data = join_all_surrogates(data)
    return data


def parse_export(text):
    """(document, lock record or None, {month: sealed record}) from a backup file's text: a locked
    export (py/core/lock.py) carries its lock and its locked months apart. DataError if anything is wrong."""
    if len(text) > MAX_IMPORT_BYTES:
        raise DataError("the file is larger than 1 MB, far more than Attune ever writes")
    rest, record, sealed = lock.split_export(decode_json(text, True))
    if sealed and record is None:
        raise DataError("it holds locked notes without their lock")
    doc = validate(rest, True)[0]
    for day in doc["notes"]:
        if day[:7] in sealed:
            raise DataError("the notes of %s are both locked and in plain text" % day[:7])
    return doc, record, sealed


def parse_import(text):
    """A document from a backup file's text, or DataError saying plainly what is wrong."""
    if len(text) > MAX_IMPORT_BYTES:
        raise DataError("the file is larger than 1 MB, far more than Attune ever writes")
    return loads(text, True)[0]


def dumps(doc):
    return encode(doc)


# --- merging ----------------------------------------------------------------------------


def union_days(a, b):
    out = dict(a)
    for key in b:
        out[key] = out[key].union(b[key]) if key in out else DaySet().union(b[key])
    return out


def union_lists(a, b):
    out = {}
    for key in a:
        out[key] = a[key]
    for key in b:
        out[key] = sorted(set(out.get(key, [])) | set(b[key]))
    return out


def latest(a, b):
    """The later of two stamped records; equal stamps fall back to their canonical text."""
    if (a.get("at", -1), encode(a)) >= (b.get("at", -1), encode(b)):
        return a
    return b


def merge_settings(a, b):
    """The newer settings, with each of LATEST_OF_BOTH the later of the two (a copy saved is never forgotten)."""
    out = dict(latest(a, b))
    for name in LATEST_OF_BOTH:
        found = [s[name] for s in (a, b) if name in s]
        if found:
            out[name] = max(found)
    return out


def merge(a, b):
    """Everything from both documents: check-ins and notes unioned, the larger goal, the newer settings."""
    focus = dict(a["focus"])
    for pid in b["focus"]:
        focus[pid] = max(focus.get(pid, 0), b["focus"][pid])
    return carry_lock({"schema": SCHEMA,
            "checkins": union_days(a["checkins"], b["checkins"]),
            "notes": union_lists(a["notes"], b["notes"]),
            "focus": focus,
            "settings": merge_settings(a["settings"], b["settings"]),
            "reading": dict(latest(a["reading"], b["reading"])) if (a["reading"] or b["reading"]) else {}}, a, b)


def import_changes(current, incoming, known_ids):
    """What merging `incoming` would add, as counts for the confirmation message."""
    merged = merge(current, incoming)
    def count(part):
        return sum(len(merged[part][k]) - len(current[part].get(k, [])) for k in merged[part])
    return {
        "checkins": count("checkins"),
        "notes": count("notes"),
        "focus": len([p for p in merged["focus"] if merged["focus"][p] != current["focus"].get(p)]),
        "archived": len([p for p in incoming["checkins"] if p not in known_ids]),
    }


# --- edits ------------------------------------------------------------------------------


def days_of(doc, pid):
    """The practice's check-ins (an empty set when there are none; changing it changes nothing)."""
    days = doc["checkins"].get(pid)
    return DaySet() if days is None else days


def is_done(doc, pid, n):
    """Was the practice done on day number n?"""
    return days_of(doc, pid).has(n)


def set_done(doc, pid, n, done):
    """Mark the practice done (or not) on day number n (the glue turns a box's date into one, once)."""
    days = doc["checkins"].get(pid)
    if days is None:
        days = doc["checkins"][pid] = DaySet()
    if done:
        days.add(n)
    else:
        days.discard(n)
    if not days:
        del doc["checkins"][pid]


def add_note(doc, day, text):
    text = note_text(text)
    if text:
        doc["notes"][day] = sorted(set(doc["notes"].get(day, [])) | {text})


def remove_note(doc, day, text):
    entries = [e for e in doc["notes"].get(day, []) if e != text]
    if entries:
        doc["notes"][day] = entries
    elif day in doc["notes"]:
        del doc["notes"][day]


def set_focus(doc, pid, goal):
    """goal None takes the practice out of focus; 0 is focus without a goal."""
    if goal is None:
        if pid in doc["focus"]:
            del doc["focus"][pid]
    else:
        doc["focus"][pid] = max(0, min(MAX_GOAL, goal))


def set_setting(doc, name, value, at):
    """Set a setting (value None: an optional setting back to its default, by leaving it out)."""
    settings = dict(doc["settings"])
    if value is None:
        settings.pop(name, None)
    else:
        settings[name] = value
    settings["at"] = at
    doc["settings"] = settings


def set_reading(doc, slug, position, at):
    doc["reading"] = {"slug": slug, "position": max(0, min(1000, position)), "at": at}


# --- summaries --------------------------------------------------------------------------


def week_count(doc, pid, today):
    """Days this week (Monday to today, ordinals) on which the practice was done."""
    return days_of(doc, pid).week_counts(dates.week_start(today), 1, today)[0]


def streak(doc, pid, today):
    """Consecutive days done, ending today (or yesterday, so a day not yet ticked breaks nothing)."""
    done = days_of(doc, pid)
    day = today if done.has(today) else today - 1
    count = 0
    while done.has(day):
        count += 1
        day -= 1
    return count


def tried_count(doc, ids):
    """How many of these practices were ever done."""
    return len([pid for pid in ids if doc["checkins"].get(pid)])
