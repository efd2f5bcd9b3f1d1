"""How the tracker document is laid out in storage: several small keys instead of one large one.

    attune:data             {"schema":2,"focus":…,"reading":…,"settings":…}   the head
    attune:days:<practice>  {"bits":"<hex>","from":"YYYY-MM-DD"}              its check-ins (dayset)
    attune:notes:<YYYY-MM>  {"YYYY-MM-DD":["text",…],…}                       a month's notes

Why: with one key, every tick parsed, checked and rewrote the whole history (240 kB after five
years). Here a tick rewrites one practice's key (about 0.5 kB after five years), a note one
month of notes, a setting the head; five years take ~30 kB in all. boot.js reads the theme
from the head before first paint, so the head stays small.

Each key is whole on its own and every part merges as a union, so a page closed between two
writes leaves keys that all load. A head that still holds "checkins" or "notes" is the
single-key form of earlier versions: store.py folds them into their own keys, then rewrites
the head without them (an earlier version still open in another tab reads this head as a
valid document, and what it writes back is folded in the same way: nothing is lost).
"""
import json

from core import dates
from core import json_text
from core import lock
from core import model
from core.text import SPACES, strip_spaces
from core.dayset import DaySet

HEAD = "attune:data"
DAYS = "attune:days:"
NOTES = "attune:notes:"
LOCK = lock.LOCK_KEY   # the journal lock's record (py/core/lock.py); a locked month is a sealed record
SKIP = object()        # encode()'s answer for a key that must not be written now (see there)
DAY_NUMBERS = set("%02d" % day for day in range(1, 32))   # "01" to "31"


def days_key(pid):
    return DAYS + pid


def notes_key(day):
    """The key of the month that holds the notes of `day` ("YYYY-MM-DD")."""
    return NOTES + day[:7]


def is_data_key(key):
    return key in (HEAD, LOCK) or key.startswith(DAYS) or key.startswith(NOTES)


def keys_of(doc):
    """Every key that holds part of `doc`, the head last (see write order in store.py)."""
    keys = [LOCK] if doc.get("lock") else []
    keys += [days_key(pid) for pid in doc["checkins"] if doc["checkins"][pid]]
    keys += sorted(set([notes_key(day) for day in doc["notes"]] + [NOTES + m for m in lock.sealed_months(doc)]))
    return keys + [HEAD]


def head_last(keys):
    """The keys in write order: the head last, so a folded legacy head is rewritten only after its parts."""
    return [k for k in keys if k != HEAD] + [k for k in keys if k == HEAD]


def encode(doc, key):
    """The stored text of `key`'s part of `doc`; None when that part is empty (the key is removed)."""
    if key == HEAD:
        return json_text.encode({"schema": model.SCHEMA, "focus": doc["focus"], "settings": doc["settings"],
                             "reading": doc["reading"]})
    if key.startswith(DAYS):
        days = doc["checkins"].get(key[len(DAYS):])
        stored = days.stored() if days is not None else None
        return json_text.encode({"from": stored[0], "bits": stored[1]}) if stored else None
    if key == LOCK:
        return json_text.encode(doc["lock"]) if doc.get("lock") else None
    month = key[len(NOTES):]
    sealed = lock.sealed_months(doc)
    if month in sealed:   # a locked month is written as its sealed record, never as plain text
        return json_text.encode(sealed[month])
    record = doc.get("lock")
    if record and not record.get("removing") and any(day.startswith(month) for day in doc["notes"]):
        # A lock is on and this month is not sealed yet (py/web/vault.py seals it): nothing is written,
        # so plain text never replaces what is stored (sealed or not) while the journal is locked.
        return SKIP
    notes = {}
    for day in doc["notes"]:
        # startswith, not day[:7] ==: no new string per day. In MicroPython, with 1000 noted days,
        # 0.8 ms against 1.9 (Node, 1x CPU), on every note saved.
        if day.startswith(month):
            notes[day] = doc["notes"][day]
    return json_text.encode(notes) if notes else None


def decode(key, text):
    """(part, problems): what `key`'s stored text holds, as a partial document; DataError if nothing."""
    try:
        data = json.loads(text)
    except ValueError:
        raise model.DataError("it is not valid JSON") from None
    if "\\ud" in text or "\\uD" in text:   # escaped emoji: MicroPython's json.loads splits the pair (see model.loads)
        data = json_text.join_all_surrogates(data)
    if key == HEAD:
        return model.validate(data, False)
    if key == LOCK:
        return {"lock": lock.valid_record(data)}, []
    if key.startswith(DAYS):
        pid = key[len(DAYS):]
        if not model.is_id(pid) or not isinstance(data, dict) or sorted(data) != ["bits", "from"]:
            raise model.DataError("the check-ins under %s are not a day bitmap" % json_text.quote(key[:60]))
        try:
            return {"checkins": {pid: DaySet.from_hex(data["from"], data["bits"])}}, []
        except ValueError:
            raise model.DataError("the check-ins of %s are not a day bitmap" % pid) from None
    month = key[len(NOTES):]
    if not dates.is_date(month + "-01"):
        raise model.DataError("notes under %s, which is not a month" % json_text.quote(key[:60]))
    if lock.is_sealed(data):
        return {"notes": {}, "sealed": {month: lock.valid_sealed(month, data)}}, []
    problems = []
    return {"notes": month_notes(month, data, problems)}, problems


def month_notes(month, data, problems):
    """{day: [note]} of one month's key, checked as model.validate checks notes, with its messages.

    Not through validate itself: opening reads every month, and matching each day against the
    month's own day names is much faster than parsing each as a date (five years of notes in
    MicroPython: 29 → 10 ms). What is dropped is added to `problems`."""
    if not isinstance(data, dict):
        problems.append("notes are not a list by day")
        return {}
    prefix, last = month + "-", dates.days_in_month(int(month[:4]), int(month[5:]))
    notes = {}
    for day in sorted(data):  # sorted: problems come in the same order in both interpreters
        entries = data[day]
        if not (len(day) == 10 and day.startswith(prefix) and day[8:] in DAY_NUMBERS and int(day[8:]) <= last):
            problems.append("notes of %s were kept under another month" % day if dates.is_date(day)
                            else "notes under %s, which is not a date" % json_text.quote(str(day)[:20]))
            continue
        if not isinstance(entries, list):
            problems.append("the notes of %s are not a list" % day)
            continue
        good = []
        for entry in entries:
            # Any text is a note, markup included: the page escapes notes when it draws them.
            if not isinstance(entry, str) or len(entry) > model.MAX_NOTE or not (
                    entry and entry[0] not in SPACES or strip_spaces(entry)):
                problems.append("a note of %s is not text of up to %d characters" % (day, model.MAX_NOTE))
            else:
                good.append(entry)
        if good:
            notes[day] = good if len(good) == 1 else sorted(set(good))
    return notes


def put(doc, key, part, fresh=False):
    """Replace `key`'s part of `doc` by `part` (from decode(); None: the key holds nothing).

    fresh: `doc` holds nothing of this key yet (store.open() filling an empty document), so
    there are no old notes of the month to remove: with years of notes that search, once per
    month, would be most of the work of opening."""
    if key == HEAD:
        source = part or model.empty()
        for name in ("focus", "settings", "reading"):
            doc[name] = source[name]
    elif key.startswith(DAYS):
        pid = key[len(DAYS):]
        days = part["checkins"].get(pid) if part else None
        if days:
            doc["checkins"][pid] = days
        elif pid in doc["checkins"]:
            del doc["checkins"][pid]
    elif key == LOCK:
        if part:
            doc["lock"] = part["lock"]
            doc.setdefault("sealed", {})
        elif "lock" in doc:
            del doc["lock"]
    else:
        month = key[len(NOTES):]
        for day in ([] if fresh else [d for d in doc["notes"] if d.startswith(month)]):
            del doc["notes"][day]
        sealed = (part or {}).get("sealed")
        if sealed:
            doc.setdefault("sealed", {})[month] = sealed[month]
        elif month in doc.get("sealed", {}):
            del doc["sealed"][month]
        if part:
            for day in part["notes"]:
                doc["notes"][day] = part["notes"][day]


def legacy_keys(head):
    """The keys a single-key head (see above) spreads into; [] for a head of this layout."""
    return [days_key(pid) for pid in head["checkins"]] + sorted(set(notes_key(d) for d in head["notes"]))
