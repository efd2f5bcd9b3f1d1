"""Scenarios for the differential harness, pure Python run unchanged in CPython and MicroPython.

They use only the app's public functions (model's edits, dumps and parse_import; store.Store),
so they keep working whatever the in-memory form of a document is. Edits are JSON lists:
    ["done", practice_id, day, bool]      model.set_done
    ["note", day, text]                   model.add_note
    ["unnote", day, index]                model.remove_note of the day's index-th note (as exported)
    ["focus", practice_id, goal or null]  model.set_focus
    ["setting", name, value, at]          model.set_setting
    ["reading", slug, position, at]       model.set_reading
"""
import json

from core import dates
from core import layout
from core import model
from core import store


def apply(doc, edit):
    kind = edit[0]
    if kind == "done":
        model.set_done(doc, edit[1], dates.ordinal(edit[2]), edit[3])
    elif kind == "note":
        model.add_note(doc, edit[1], edit[2])
    elif kind == "unnote":
        notes = json.loads(model.dumps(doc))["notes"].get(edit[1], [])
        if notes:
            model.remove_note(doc, edit[1], notes[edit[2] % len(notes)])
    elif kind == "focus":
        model.set_focus(doc, edit[1], edit[2])
    elif kind == "setting":
        model.set_setting(doc, edit[1], edit[2], edit[3])
    elif kind == "reading":
        model.set_reading(doc, edit[1], edit[2], edit[3])
    else:
        raise ValueError("unknown edit " + str(kind))


def keys_of_edit(edit):
    """The storage keys an edit changes, as the glue names them to Store.update."""
    if edit[0] == "done":
        return [layout.days_key(edit[1])]
    if edit[0] in ("note", "unnote"):
        return [layout.notes_key(edit[1])]
    return [layout.HEAD]


def document(edits):
    """A document made from empty by these edits."""
    doc = model.empty()
    for edit in edits:
        apply(doc, edit)
    return doc


def round_trip(edits):
    """The export of the edited document, and the export after importing it into an empty profile.

    Both import modes are followed: replace (the document itself) and merge into an empty one.
    """
    exported = model.dumps(document(edits))
    imported = model.parse_import(exported)
    return {"export": exported, "replaced": model.dumps(imported),
            "merged": model.dumps(model.merge(model.empty(), model.parse_import(exported)))}


# --- store --------------------------------------------------------------------------------


class MemoryBackend:
    """localStorage as a dict, with switches that make calls fail like a full or disabled storage."""

    def __init__(self, data):
        self.data = dict(data)
        self.full = False          # set() raises StorageFull
        self.unavailable = False   # every call raises StorageUnavailable

    def check(self):
        if self.unavailable:
            raise store.StorageUnavailable()

    def get(self, key):
        self.check()
        return self.data.get(key)

    def set(self, key, value):
        self.check()
        if self.full:
            raise store.StorageFull()
        if not isinstance(value, str):
            raise TypeError("localStorage keeps text only")
        self.data[key] = value

    def remove(self, key):
        self.check()
        if key in self.data:
            del self.data[key]

    def keys(self):
        """In a fixed order, as a browser's localStorage has one (a dict's differs between the interpreters)."""
        self.check()
        return sorted(self.data)


class Clock:
    """Milliseconds that move by one per reading, as backup names need distinct times."""

    def __init__(self):
        self.now = 1700000000000

    def __call__(self):
        self.now += 1
        return self.now


def store_run(stored, steps):
    """What a Store does over these steps, starting from `stored` (the backend's data, key -> text).

    Steps: ["open"], ["update", edit], ["refresh", key or null], ["replace", import_text], ["merge_in", import_text],
    ["erase"], ["full", bool], ["unavailable", bool], ["write", key, text or null] (another tab).
    Returns one record per step: the step's result, the store's document (exported), the document a
    new page would open after a save, whether it is saving, its notices and backups, and everything
    in the backend.
    """
    backend = MemoryBackend(stored)
    kept = store.Store(backend, Clock())
    records = []
    for step in steps:
        kind = step[0]
        result = None
        try:
            if kind == "open":
                result = model.dumps(kept.open())
            elif kind == "update":
                result = kept.update(lambda doc, edit=step[1]: apply(doc, edit), keys_of_edit(step[1]))
            elif kind == "refresh":
                result = model.dumps(kept.refresh(step[1] if len(step) > 1 else None))
            elif kind == "replace":
                result = kept.replace(model.parse_import(step[1]))
            elif kind == "merge_in":
                result = kept.merge_in(model.parse_import(step[1]))
            elif kind == "erase":
                result = kept.erase()
            elif kind == "full":
                backend.full = step[1]
            elif kind == "unavailable":
                backend.unavailable = step[1]
            elif kind == "write":
                if step[2] is None:
                    backend.data.pop(step[1], None)
                else:
                    backend.data[step[1]] = step[2]
            else:
                raise ValueError("unknown step " + str(kind))
        except model.DataError as error:
            result = "DataError: " + str(error)
        # After a save, a new page (a fresh Store over the same storage) must read what this one shows.
        reopened = model.dumps(store.Store(MemoryBackend(backend.data), Clock()).open()) if result is True else None
        records.append({"step": kind, "result": result, "doc": model.dumps(kept.doc), "reopened": reopened,
                        "persistent": kept.persistent, "notices": [list(n) for n in kept.notices],
                        "backups": list(kept.backups), "stored": dict(backend.data)})
    return records


def exported(validated):
    """(document, problems) from model.validate, with the document as its export text."""
    return [model.dumps(validated[0]), validated[1]]
