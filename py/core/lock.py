"""The journal lock's stored format and rules: what is locked, how it is kept, and what a locked
export holds. Pure: the cryptography itself is the browser's (site/lock.js, called by py/web/vault.py).

Only notes are locked; ticks, focus, goals and settings stay readable. Two kinds of key:

    attune:lock            {"v":1,"id":"<12 chars>","salt":"<b64, 16 bytes>","iter":600000,
                            "check":{"iv":"<b64>","data":"<b64>"}}                 the lock record
                           optional: "prev":{"id":…,"iv":…,"data":…}  the previous key, wrapped by
                           this one, while a change of passphrase is under way; "removing":1 while
                           the lock is being removed
    attune:notes:YYYY-MM   {"v":1,"lock":"<id>","days":["YYYY-MM-DD",…],"iv":"<b64>","data":"<b64>"}
                           a locked month: AES-GCM of the month's notes as canonical JSON text
                           ({"YYYY-MM-DD":["text",…]}), with a fresh 12-byte IV for each write

The key is PBKDF2-SHA-256(passphrase, salt, iter) → AES-GCM-256. "check" is CHECK_TEXT encrypted
with it: a passphrase that cannot decrypt it is wrong, and nothing is changed. A month names the
lock (id) whose key sealed it, so a change of passphrase can rewrite one month at a time: a month
under the previous id is read with the previous key, which the new record carries wrapped
(re-encrypted under the new key) until every month is rewritten; then "prev" is dropped. A page
closed at any point leaves every month readable with the passphrase of the record stored then.

One ciphertext per month, not per note: a month is the unit the store already writes (a note
rewrites one month key), it costs one IV and tag (28 bytes) instead of one per note, and it
hides how many notes each day holds. Which days have notes stays visible ("days"), so the
tracker's grid and the journal can say where notes are without the passphrase.

A locked export is the document with its locked months under "sealed" (month: record) and the
lock record under "lock"; its other notes (if any) stay under "notes".
"""
import json

from core import dates
from core import json_text
from core.json_text import DataError

VERSION = 1
LOCK_KEY = "attune:lock"
# PBKDF2 iterations for a new lock. At least 310,000 (OWASP's floor for PBKDF2-SHA-256). Chosen by
# measurement (`make bench`, section "unlock": deriveKey + decrypting a month in Chromium). Chromium
# derives on a worker thread, which CDP's CPU throttling does not slow (1× and 4× measured side by side
# give the same times), so the phone figure is 4 × the 1× time. On our test machine, 2026-12-07, medians
# of 3: 2,000,000 → 1265 ms, 1,000,000 → 1030 ms (the machine drifts ±50%); 1,300,000, medians of 5 on a
# quiet machine: deriveKey 248 ms at 1× (236 at 4×) + a month 2 ms → 996 ms. About a second on a phone:
# 1,300,000. A lock keeps the count it was made with ("iter"): a change here reaches new passphrases only.
MIN_ITERATIONS = 310000
ITERATIONS = 1300000
MAX_ITERATIONS = 10000000
CHECK_TEXT = "attune journal lock v1"
B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/="
MIN_PASSPHRASE = 8
WHAT = ("notes",)   # the parts of the document a lock covers


def is_b64(value, most=4000000):
    if not isinstance(value, str) or not 0 < len(value) <= most or len(value) % 4:
        return False
    for ch in value:
        if ch not in B64:
            return False
    return True


def is_box(value):
    """{"iv", "data"}: an AES-GCM ciphertext as lock.js returns it (a 12-byte IV: 16 base64 chars)."""
    return (isinstance(value, dict) and sorted(value) == ["data", "iv"] and is_b64(value["iv"], 16)
            and len(value["iv"]) == 16 and is_b64(value["data"]))


def record_id(salt):
    """A lock's id: the start of its salt (random, so two locks never share it)."""
    return salt[:12]


def new_record(salt, iterations, check):
    """The lock record for a key derived with `salt` and `iterations`; check: CHECK_TEXT encrypted."""
    return {"v": VERSION, "id": record_id(salt), "salt": salt, "iter": iterations,
            "check": {"iv": check["iv"], "data": check["data"]}}


def valid_record(data):
    """The lock record in `data`, checked; DataError saying what is wrong."""
    if not isinstance(data, dict) or data.get("v") != VERSION:
        raise DataError("the journal lock is not one this version of Attune reads")
    allowed = ["check", "id", "iter", "prev", "removing", "salt", "v"]
    for name in sorted(data):
        if name not in allowed:
            raise DataError("the journal lock holds an unknown %s" % json_text.quote(str(name)[:40]))
    salt, iterations = data.get("salt"), data.get("iter")
    if not is_b64(salt, 44) or len(salt) < 16 or data.get("id") != record_id(salt):
        raise DataError("the journal lock has no valid salt")
    if not (isinstance(iterations, int) and not isinstance(iterations, bool)
            and MIN_ITERATIONS <= iterations <= MAX_ITERATIONS):
        raise DataError("the journal lock's iteration count is not valid")
    if not is_box(data.get("check")):
        raise DataError("the journal lock has no valid check value")
    out = new_record(salt, iterations, data["check"])
    prev = data.get("prev")
    if prev is not None:
        if not (isinstance(prev, dict) and sorted(prev) == ["data", "id", "iv"] and isinstance(prev["id"], str)
                and 0 < len(prev["id"]) <= 12 and is_box({"iv": prev["iv"], "data": prev["data"]})):
            raise DataError("the journal lock's previous key is not valid")
        out["prev"] = dict(prev)
    if "removing" in data:
        if data["removing"] != 1:
            raise DataError("the journal lock's removal mark is not valid")
        out["removing"] = 1
    return out


def is_sealed(data):
    """Is this decoded month key a locked month (a plain month's keys are all dates)?"""
    return isinstance(data, dict) and "lock" in data


def valid_sealed(month, data):
    """The locked month `month` ("YYYY-MM") in `data`, checked; DataError saying what is wrong."""
    if not (isinstance(data, dict) and sorted(data) == ["data", "days", "iv", "lock", "v"] and data["v"] == VERSION):
        raise DataError("the locked notes of %s are not in a form this version of Attune reads" % month)
    if not (isinstance(data["lock"], str) and 0 < len(data["lock"]) <= 12
            and is_box({"iv": data["iv"], "data": data["data"]})):
        raise DataError("the locked notes of %s are damaged" % month)
    days = data["days"]
    if not isinstance(days, list) or len(days) > 31:
        raise DataError("the locked notes of %s do not list their days" % month)
    for day in days:
        if not (isinstance(day, str) and day[:8] == month + "-" and dates.is_date(day)):
            raise DataError("the locked notes of %s list a day of another month" % month)
    return sealed_record(data["lock"], data, days)


def sealed_record(lock_id, box, days):
    """A locked month: the lock that sealed it, its ciphertext (box: {iv, data}) and its days."""
    return {"v": VERSION, "lock": lock_id, "iv": box["iv"], "data": box["data"], "days": sorted(set(days))}


def month_text(notes, month):
    """The plain text a month's ciphertext holds: its notes ({day: [text]}) as canonical JSON."""
    out = {}
    for day in notes:
        if day[:7] == month:
            out[day] = sorted(notes[day])
    return json_text.encode(out)


def month_days(text):
    """The days of a month's plain text (as month_text wrote it)."""
    return sorted(json.loads(text))


def sealed_months(doc):
    """{month: record} of a document's locked months ({} when none)."""
    return doc.get("sealed") or {}


def plain_months(doc):
    """Months whose notes are held in plain text and not sealed: to be sealed while a lock is on."""
    sealed = sealed_months(doc)
    return sorted(set(day[:7] for day in doc["notes"] if day[:7] not in sealed))


def months_under(doc, lock_id):
    """Locked months sealed by a lock other than `lock_id` (a change of passphrase still to finish)."""
    sealed = sealed_months(doc)
    return sorted(m for m in sealed if sealed[m]["lock"] != lock_id)


def has_notes(doc, day):
    """Has `day` ("YYYY-MM-DD") notes, plain or locked? Without building noted_days(): the grid asks
    this for each of its days, a piece at a time, and a 5-year journal has thousands of noted days."""
    if day in doc["notes"]:
        return True
    sealed = sealed_months(doc).get(day[:7])
    return sealed is not None and day in sealed["days"]


def noted_days(doc):
    """Every day that has notes, plain or locked (which days have notes is not secret)."""
    days = set(doc["notes"])
    sealed = sealed_months(doc)
    for month in sealed:
        days.update(sealed[month]["days"])
    return days


def split_export(data):
    """(rest, lock record or None, {month: sealed record}) of a decoded export: `rest` is what
    model.validate reads; a locked export's lock and months are checked here. DataError if damaged."""
    if not isinstance(data, dict) or ("lock" not in data and "sealed" not in data):
        return data, None, {}
    rest = dict(data)
    record = valid_record(rest.pop("lock", None))
    found = rest.pop("sealed", {})
    if not isinstance(found, dict):
        raise DataError("the locked notes are not a list by month")
    sealed = {}
    for month in sorted(found):
        if not (isinstance(month, str) and len(month) == 7 and dates.is_date(month + "-01")):
            raise DataError("locked notes under %s, which is not a month" % json_text.quote(str(month)[:20]))
        sealed[month] = valid_sealed(month, found[month])
        if sealed[month]["lock"] not in (record["id"], (record.get("prev") or {}).get("id")):
            raise DataError("the locked notes of %s belong to another lock" % month)
    return rest, record, sealed


def strength_hint(passphrase):
    """A plain-words hint about a passphrase's strength (no rules: length of ordinary words is what counts)."""
    words = [w for w in passphrase.split(" ") if w]
    if len(passphrase) < MIN_PASSPHRASE:
        return "Too short: use at least %d characters. A few ordinary words in a row work well." % MIN_PASSPHRASE
    if len(words) >= 4 or len(passphrase) >= 20:
        return "Strong: long and easy for you to remember."
    if len(words) >= 3 or len(passphrase) >= 14:
        return "Good. One more word would make it stronger."
    return "Fair. A few more words would make it much harder to guess."


def check_new(passphrase, again):
    """Why a new passphrase cannot be set (None: it can)."""
    if len(passphrase) < MIN_PASSPHRASE:
        return "Use at least %d characters: a few ordinary words in a row are easy to remember." % MIN_PASSPHRASE
    if passphrase != again:
        return "The two passphrases are not the same. Type the same one twice."
    return None
