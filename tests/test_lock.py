"""py/core/lock.py and the store with a journal lock, in CPython: the stored formats, their checks, a
locked month never written as plain text, and a change of passphrase cut after every single write.

The cryptography is the browser's; here a stand-in cipher (the text, reversibly scrambled and tagged with
the key's name) plays its part, so that which key can open which month is what is tested."""
import base64
import json

import pytest

from core import layout
from core import lock
from core import model
from core import store
from dict_backend import DictBackend
from core.json_text import DataError

SALT_A, SALT_B = base64.b64encode(b"A" * 16).decode(), base64.b64encode(b"B" * 16).decode()
IV = "AAAAAAAAAAAAAAAA"


def seal(key, text):
    """The stand-in cipher: only `key` opens it (tests only; the app uses AES-GCM in the browser)."""
    return {"iv": IV, "data": base64.b64encode(json.dumps([key, text]).encode()).decode()}


def unseal(key, box):
    found, text = json.loads(base64.b64decode(box["data"]))
    if found != key:
        raise ValueError("wrong key")
    return text


def record(salt, key):
    return lock.new_record(salt, lock.ITERATIONS, seal(key, lock.CHECK_TEXT))


def sealed_doc(notes, rec, key):
    doc = model.empty()
    doc["lock"], doc["sealed"] = rec, {}
    for month in sorted(set(d[:7] for d in notes)):
        doc["sealed"][month] = lock.sealed_record(rec["id"], seal(key, lock.month_text(notes, month)),
                                                  [d for d in notes if d[:7] == month])
    return doc


NOTES = {"2026-10-03": ["first walk together"], "2026-11-20": ["we argued about the dishes"],
         "2026-12-01": ["a calm morning", "tea on the balcony"]}


def test_records_and_months_round_trip_and_are_checked():
    """A lock record and a locked month read back as written; damaged ones are refused with a reason."""
    rec = record(SALT_A, "ka")
    assert lock.valid_record(json.loads(json.dumps(rec))) == rec
    month = lock.sealed_record(rec["id"], seal("ka", "{}"), ["2026-12-01"])
    assert lock.valid_sealed("2026-12", json.loads(json.dumps(month))) == month
    for bad in ({**rec, "iter": 1000}, {**rec, "v": 2}, {**rec, "salt": "x"}, {**rec, "extra": 1},
                {**rec, "check": {}}):
        with pytest.raises(DataError):
            lock.valid_record(bad)
    with pytest.raises(DataError):
        lock.valid_sealed("2026-11", month)   # its days are December's


def test_iterations_are_at_least_the_floor():
    """The iteration count for a new lock is at least 310,000."""
    assert lock.ITERATIONS >= lock.MIN_ITERATIONS >= 310000


def test_a_locked_store_writes_no_plain_text():
    """With a lock on, a plain month is never written (SKIP) and a sealed month is written as its record only."""
    backend = DictBackend()
    kept = store.Store(backend, lambda: 0)
    kept.open()
    rec = record(SALT_A, "ka")
    kept.replace(sealed_doc(NOTES, rec, "ka"))
    kept.update(lambda doc: model.add_note(doc, "2027-01-02", "a secret new note"), [layout.notes_key("2027-01-02")])
    for key, value in backend.data.items():
        for texts in list(NOTES.values()) + [["a secret new note"]]:
            for text in texts:
                assert text[:8] not in value, key
    again = store.Store(DictBackend(backend.data), lambda: 0)
    again.open()
    assert again.notices == [] and again.doc["lock"] == rec
    assert sorted(again.doc["sealed"]) == ["2026-10", "2026-11", "2026-12"]
    assert lock.noted_days(again.doc) == set(NOTES)
    assert [day for day in ["2026-10-02", *NOTES, "2026-12-02"] if lock.has_notes(again.doc, day)] == list(NOTES)


def readable(data, passphrase_key):
    """Every note of stored `data` opened with one passphrase's key (and the key its record wraps), or None."""
    reader = store.Store(DictBackend(data), lambda: 0)
    reader.open()
    rec = reader.doc["lock"]
    try:
        if unseal(passphrase_key, rec["check"]) != lock.CHECK_TEXT:
            return None
    except ValueError:
        return None
    keys = {rec["id"]: passphrase_key}
    if "prev" in rec:
        keys[rec["prev"]["id"]] = unseal(passphrase_key, rec["prev"])
    notes = dict(reader.doc["notes"])
    for sealed in reader.doc["sealed"].values():
        notes.update(json.loads(unseal(keys[sealed["lock"]], sealed)))
    return notes


def change_writes(data):
    """The writes of a change of passphrase (py/web/vault.py's order), as the stored dict after each one."""
    backend = DictBackend(data)
    kept = store.Store(backend, lambda: 0)
    kept.open()
    new = record(SALT_B, "kb")
    new["prev"] = dict({"id": kept.doc["lock"]["id"]}, **seal("kb", "ka"))
    states = []

    def set_record(rec):
        kept.update(lambda doc: doc.__setitem__("lock", rec), [layout.LOCK])
        states.append(dict(backend.data))
    set_record(new)
    for month in lock.months_under(kept.doc, new["id"]):
        text = unseal("ka", kept.doc["sealed"][month])
        sealed = lock.sealed_record(new["id"], seal("kb", text), lock.month_days(text))
        kept.update(lambda doc, month=month, sealed=sealed: doc["sealed"].__setitem__(month, sealed),
                    [layout.NOTES + month])
        states.append(dict(backend.data))
    done = dict(new)
    del done["prev"]
    set_record(done)
    return states


def test_a_change_of_passphrase_cut_after_each_write_loses_nothing():
    """After every single write of a change, every note opens with the old or the new passphrase (never neither)."""
    backend = DictBackend()
    kept = store.Store(backend, lambda: 0)
    kept.open()
    kept.replace(sealed_doc(NOTES, record(SALT_A, "ka"), "ka"))
    states = change_writes(dict(backend.data))
    assert len(states) == 2 + len(set(d[:7] for d in NOTES))
    for cut in states:
        opened = [readable(cut, key) for key in ("ka", "kb")]
        assert NOTES in opened, cut
    assert readable(states[-1], "kb") == NOTES and readable(states[-1], "ka") is None
    assert "prev" not in json.loads(states[-1][layout.LOCK])


def test_a_locked_export_splits_and_a_damaged_one_is_refused():
    """split_export gives the lock and its months apart from the document; months of another lock are refused."""
    doc = sealed_doc(NOTES, record(SALT_A, "ka"), "ka")
    data = json.loads(model.dumps(doc))
    rest, rec, sealed = lock.split_export(data)
    assert rec == doc["lock"] and sealed == doc["sealed"]
    assert model.validate(rest, True)[0]["notes"] == {}
    data["sealed"]["2026-12"]["lock"] = "someoneelse"
    with pytest.raises(DataError):
        lock.split_export(data)
    assert lock.split_export({"schema": 2}) == ({"schema": 2}, None, {})


def test_strength_hint_and_new_passphrase_checks():
    """The hint is plain words and grows with length; two different entries or a too-short one are refused."""
    assert "Too short" in lock.strength_hint("abc")
    assert "Strong" in lock.strength_hint("quiet river morning tea")
    assert lock.check_new("quiet river", "quiet rivers") is not None
    assert lock.check_new("short", "short") is not None
    assert lock.check_new("quiet river", "quiet river") is None


def test_parse_export_reads_a_locked_copy_and_refuses_a_damaged_one():
    """model.parse_export splits a locked copy's lock and months from its document, and refuses locked months without
    a lock or a month both locked and plain."""
    from core import model
    rec = lock.new_record("A" * 22 + "==", lock.ITERATIONS, {"iv": "B" * 16, "data": "Q0RFRg=="})
    month = lock.sealed_record(rec["id"], {"iv": "C" * 16, "data": "RUZHSA=="}, ["2026-12-01"])
    doc, record, sealed = model.parse_export(json.dumps({"schema": 2, "lock": rec, "sealed": {"2026-12": month}}))
    assert record == rec and sealed == {"2026-12": month} and doc["notes"] == {}
    assert model.parse_export('{"schema": 2}')[1:] == (None, {})
    with pytest.raises(model.DataError):
        model.parse_export(json.dumps({"schema": 2, "sealed": {"2026-12": month}}))
    with pytest.raises(model.DataError):
        model.parse_export(json.dumps({"schema": 2, "lock": rec, "sealed": {"2026-12": month},
                                       "notes": {"2026-12-02": ["plain"]}}))
