"""py/core/store.py and py/core/layout.py: the tracker document kept in several storage keys without loss, against a
fake backend."""
import contextlib
import itertools
import json
import random

import pytest

from core import dates
from core import layout
from core import model
from core import store

CORRUPT = [
    "{not json",
    '{"schema": 2, "checkins": ["active-listening"]}',
    '{"schema": 2, "checkins": {"a": ["2024-01-01", "2024-02-30"]}}',
    '{"schema": 3, "checkins": {"a": ["2024-01-01"]}}',
    '["schema", 2]',
]


class PageClosed(Exception):
    """The page went away in the middle of a write (the store does not catch this)."""


class FakeBackend:
    """localStorage as a dict, with switches that make writes fail like a full or disabled browser storage."""

    def __init__(self, data=None):
        self.data = dict(data or {})
        self.full = False           # set() raises StorageFull
        self.unavailable = False    # every call raises StorageUnavailable
        self.close_after = None     # the page closes after this many more set()/remove() calls
        self.sets = []              # keys written, in order
        self.gets = []              # keys read, in order

    def check(self):
        if self.unavailable:
            raise store.StorageUnavailable()

    def count_write(self):
        if self.close_after is not None:
            if self.close_after == 0:
                raise PageClosed()
            self.close_after -= 1

    def get(self, key):
        self.check()
        self.gets.append(key)
        return self.data.get(key)

    def set(self, key, value):
        self.check()
        if self.full:
            raise store.StorageFull()
        assert isinstance(value, str)
        self.count_write()
        self.data[key] = value
        self.sets.append(key)

    def remove(self, key):
        self.check()
        self.count_write()
        self.data.pop(key, None)

    def keys(self):
        self.check()
        return list(self.data)


def clock():
    """A clock that moves one millisecond per call, as backup names need distinct times."""
    ticks = itertools.count(1_700_000_000_000)
    return lambda: next(ticks)


def opened(backend):
    s = store.Store(backend, clock())
    s.open()
    return s


def tick(pid, day="2024-03-01", done=True):
    """(change, keys) for Store.update: the change and the one key it touches."""
    return (lambda doc: model.set_done(doc, pid, dates.ordinal(day), done)), [layout.days_key(pid)]


def focus(pid, goal):
    return (lambda doc: model.set_focus(doc, pid, goal)), [layout.HEAD]


def note(day, text):
    return (lambda doc: model.add_note(doc, day, text)), [layout.notes_key(day)]


def exported(doc):
    """The document as an export shows it: JSON types, check-ins as ISO lists."""
    return json.loads(model.dumps(doc))


def reread(backend):
    """What a new tab reads from this storage, as exported; it must read without any problem."""
    s = opened(backend)
    assert s.notices == [] and backups(backend) == {}
    return exported(s.doc)


def close_during(backend, closed_after, action):
    """Run `action` with the page closing after `closed_after` more writes; storage stays as it was left."""
    backend.close_after = closed_after
    with contextlib.suppress(PageClosed):
        action()
    backend.close_after = None


def backups(backend):
    return {k: v for k, v in backend.data.items() if k.startswith(store.BACKUP_PREFIX)}


def sample_document():
    """Check-ins of two practices across a year end, notes in two months, focus, settings and reading."""
    doc = model.empty()
    for day in ("2023-12-30", "2023-12-31", "2024-01-01", "2024-02-29"):
        model.set_done(doc, "share-joy", dates.ordinal(day), True)
    model.set_done(doc, "active-listening", dates.ordinal("2024-03-01"), True)
    model.add_note(doc, "2024-02-29", "a good day <3 & more")
    model.add_note(doc, "2024-03-01", "talked it through")
    model.set_focus(doc, "share-joy", 3)
    model.set_setting(doc, "theme", "dark", 5)
    model.set_reading(doc, "never-cries", 400, 6)
    return doc


HISTORY_TODAY = dates.to_ordinal(2026, 11, 22)


def history(years, today=HISTORY_TODAY, seed=1):
    """Like tests/bench/bench.py's: 23 practices each ticked with p=0.4 a day, a note every 7th day."""
    rng = random.Random(seed)
    doc = model.empty()
    ids = ["practice-%d" % i for i in range(23)]
    for n in range(today - years * 365 + 1, today + 1):
        day = dates.iso(n)
        for pid in ids:
            if rng.random() < 0.4:
                model.set_done(doc, pid, n, True)
        if n % 7 == 0:
            model.add_note(doc, day, "Week %d: we talked it through and it went better than last time." % (n // 7))
    for pid in ids[:3]:
        model.set_focus(doc, pid, 4)
    return doc


# --- reading and writing --------------------------------------------------------------------


def test_fresh_open_is_empty():
    """Opening empty storage gives the empty document, persistent, with no notice and nothing written."""
    backend = FakeBackend()
    s = opened(backend)
    assert s.doc == model.empty()
    assert s.persistent is True and s.notices == [] and s.backups == []
    assert backend.data == {}


def test_a_tick_writes_only_its_practice_key():
    """A tick writes one key, the practice's bitmap, which a new tab reads back as the same document."""
    backend = FakeBackend()
    s = opened(backend)
    change, keys = tick("active-listening")
    assert s.update(change, keys) is True
    assert backend.sets == ["attune:days:active-listening"]
    # Day 2 of an 8-day byte.
    assert json.loads(backend.data["attune:days:active-listening"]) == {"from": "2024-02-28", "bits": "04"}
    assert reread(backend)["checkins"] == {"active-listening": ["2024-03-01"]}


def test_every_part_round_trips_through_its_keys():
    """A document written with replace is read back whole by a new tab: each part from its own key."""
    backend = FakeBackend()
    doc = sample_document()
    assert opened(backend).replace(doc) is True
    assert sorted(backend.data) == ["attune:data", "attune:days:active-listening", "attune:days:share-joy",
                                    "attune:notes:2024-02", "attune:notes:2024-03"]
    assert reread(backend) == exported(doc)
    assert set(json.loads(backend.data[store.KEY])) == {"schema", "focus", "settings", "reading"}


def test_stored_text_is_canonical_json():
    """Every key holds plain JSON with sorted keys, readable by any JSON parser."""
    backend = FakeBackend()
    opened(backend).replace(sample_document())
    for text in backend.data.values():
        assert text == json.dumps(json.loads(text), sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def test_unticking_the_last_day_removes_the_key():
    """A practice with no check-in left has no key at all."""
    backend = FakeBackend()
    s = opened(backend)
    s.update(*tick("a"))
    s.update(*tick("a", done=False))
    assert backend.data == {}


def test_five_years_fit_in_60_kb_and_a_tick_costs_one_small_key():
    """A 5-year history stores in <= 60 kB; a tick then reads and writes one key of under 1 kB."""
    backend = FakeBackend()
    doc = history(5)
    opened(backend).replace(doc)
    assert sum(len(k) + len(v) for k, v in backend.data.items()) <= 60_000
    s = opened(backend)
    assert exported(s.doc) == exported(doc)
    backend.gets, backend.sets = [], []
    ticked = model.is_done(s.doc, "practice-4", dates.ordinal("2026-11-22"))
    s.update(*tick("practice-4", "2026-11-22", done=not ticked))
    assert backend.gets == backend.sets == ["attune:days:practice-4"]
    assert len(backend.data["attune:days:practice-4"]) < 1000


# --- unreadable data --------------------------------------------------------------------------


@pytest.mark.parametrize("raw", CORRUPT)
def test_corrupt_head_is_backed_up_before_anything_overwrites_it(raw):
    """An unreadable head is copied to a backup key and reported; it is only rewritten at the next change to it."""
    backend = FakeBackend({store.KEY: raw})
    s = opened(backend)
    saved = backups(backend)
    assert list(saved.values()) == [raw]
    assert s.backups == list(saved)
    assert len(s.notices) == 1 and s.notices[0][0] == "error" and "backup" in s.notices[0][1]
    if raw == CORRUPT[2]:
        # A single-key head with one bad date: after its backup, what was readable moves to its own key.
        assert exported(opened(backend).doc)["checkins"] == {"a": ["2024-01-01"]}
    else:
        assert backend.data[store.KEY] == raw      # not overwritten by open()
    assert s.persistent is True
    assert s.backup_text(s.backups[0]) == raw
    assert s.update(*focus("a", 2)) is True
    assert backend.data[store.KEY] != raw and opened(backend).doc["focus"] == {"a": 2}
    assert list(backups(backend).values()) == [raw]   # the backup still holds the original text


@pytest.mark.parametrize("key,raw", [
    ("attune:days:a", "{not json"),
    ("attune:days:a", '{"from": "2024-01-01", "bits": "zz"}'),
    ("attune:days:a", '{"from": "2024-01-02", "bits": "01"}'),   # not a multiple of 8 days
    ("attune:days:a", '["2024-01-01"]'),
    ("attune:days:Not-An-Id", '{"from": "2024-01-01", "bits": "01"}'),
    ("attune:notes:2024-13", '{"2024-13-01": ["x"]}'),
    ("attune:notes:2024-01", '{"2024-02-01": ["in the wrong month"]}'),
    ("attune:notes:2024-01", '{"2024-01-01": [5]}'),
])
def test_a_corrupt_part_is_backed_up_and_the_other_keys_still_load(key, raw):
    """An unreadable practice or month key is backed up and reported; everything else loads."""
    backend = FakeBackend()
    opened(backend).replace(sample_document())
    backend.data[key] = raw
    s = opened(backend)
    assert list(backups(backend).values()) == [raw]
    assert len(s.notices) == 1 and "backup" in s.notices[0][1]
    assert exported(s.doc)["checkins"]["share-joy"] == exported(sample_document())["checkins"]["share-joy"]


def test_same_corrupt_text_is_backed_up_once():
    """Opening the same unreadable text again (a reload, a second tab, an update) makes no second backup."""
    backend = FakeBackend({store.KEY: "{not json"})
    opened(backend)
    second = opened(backend)
    assert len(backups(backend)) == 1
    assert second.backups == list(backups(backend))
    second.update(*focus("a", 1))
    assert len(backups(backend)) == 1


def test_every_opening_over_unreadable_data_says_so_even_when_its_backup_exists():
    """Every key replaced by one unreadable text, already backed up by another tab: opening says so once, makes no
    second backup and writes nothing; another tab told of the keys by storage events says so too."""
    backend = FakeBackend()
    opened(backend).replace(sample_document())
    keys = [k for k in backend.data if layout.is_data_key(k)]
    other = opened(backend)
    for key in keys:
        backend.data[key] = '{"corrupt'
        other.refresh(key, report=True)   # the other tab, told by a storage event
    other.tell_unreadable()
    assert len(other.notices) == 1 and "could not be read" in other.notices[0][1]
    assert list(backups(backend).values()) == ['{"corrupt']
    backend.sets.clear()
    s = opened(backend)   # the first tab, reloaded
    assert len(s.notices) == 1 and s.notices[0][0] == "error" and "backup" in s.notices[0][1]
    assert backend.sets == [] and all(backend.data[k] == '{"corrupt' for k in keys)
    assert list(backups(backend).values()) == ['{"corrupt']


def test_different_corrupt_texts_get_separate_backups():
    """A new unreadable text found later is kept in its own backup; the first backup is not overwritten."""
    backend = FakeBackend({store.KEY: "{first"})
    s = opened(backend)
    backend.data[store.KEY] = "{second"   # another tab (or a bug) wrote something unreadable
    s.update(*focus("a", 1))
    assert sorted(backups(backend).values()) == ["{first", "{second"]


@pytest.mark.parametrize("raw", CORRUPT)
def test_no_room_for_backup_means_never_writing_over_the_original(raw):
    """If the backup cannot be written (storage full), the store works in memory and never overwrites anything."""
    backend = FakeBackend({store.KEY: raw})
    backend.full = True
    s = opened(backend)
    assert s.persistent is False
    assert len(s.notices) == 1 and "no room" in s.notices[0][1]
    assert s.update(*tick("a")) is False
    assert model.is_done(s.doc, "a", dates.ordinal("2024-03-01"))
    s.update(*tick("b"))
    assert backend.data == {store.KEY: raw} and backend.sets == []
    assert len(s.notices) == 1   # trying again each time says nothing new


@pytest.mark.parametrize("raw", CORRUPT)
def test_once_there_is_room_the_backup_comes_before_any_write(raw):
    """When room frees up, the next change first backs up the unreadable original, then saves everything."""
    backend = FakeBackend({store.KEY: raw})
    backend.full = True
    s = opened(backend)
    s.update(*tick("a"))
    backend.full = False
    assert s.update(*tick("b")) is True
    assert backend.sets[0].startswith(store.BACKUP_PREFIX) and list(backups(backend).values()) == [raw]
    assert s.persistent is True and "can save again" in s.notices[-1][1]
    stored = exported(opened(backend).doc)
    assert "2024-03-01" in stored["checkins"]["a"] and stored["checkins"]["b"] == ["2024-03-01"]


def test_saving_resumes_when_storage_has_room_again():
    """After a full storage, the first change that fits writes what was kept in memory, and saving goes on."""
    backend = FakeBackend()
    s = opened(backend)
    s.update(*tick("a"))
    backend.full = True
    s.update(*tick("b"))
    s.update(*note("2024-03-01", "kept in memory"))
    backend.full = False
    assert s.update(*tick("c")) is True
    assert s.persistent is True and "can save again" in s.notices[-1][1]
    assert reread(backend)["checkins"] == {"a": ["2024-03-01"], "b": ["2024-03-01"], "c": ["2024-03-01"]}
    assert reread(backend)["notes"] == {"2024-03-01": ["kept in memory"]}


def test_saving_resumes_when_storage_is_turned_back_on():
    """Storage refused at open, allowed later: the next change saves what is in memory, merged with what was stored."""
    backend = FakeBackend()
    opened(backend).update(*tick("stored-before"))
    backend.unavailable = True
    s = opened(backend)
    s.update(*tick("a"))
    assert s.persistent is False
    backend.unavailable = False
    assert s.update(*tick("b")) is True
    assert set(reread(backend)["checkins"]) == {"stored-before", "a", "b"}


# --- two tabs ---------------------------------------------------------------------------------


def test_two_stores_on_one_backend_keep_both_ticks():
    """Two tabs that tick the same or different practices all keep their ticks: each write re-reads its key."""
    backend = FakeBackend()
    first, second = opened(backend), opened(backend)
    assert first.update(*tick("active-listening"))
    assert second.update(*tick("share-joy"))
    assert second.update(*tick("active-listening", "2024-03-02"))
    assert first.update(*tick("active-listening", "2024-03-03"))
    assert reread(backend)["checkins"] == {"active-listening": ["2024-03-01", "2024-03-02", "2024-03-03"],
                                           "share-joy": ["2024-03-01"]}


def test_two_stores_keep_each_others_untick():
    """An untick written by one tab is not undone by the other tab's next write to the same practice."""
    backend = FakeBackend()
    first, second = opened(backend), opened(backend)
    first.update(*tick("a"))
    second.update(*tick("a", done=False))
    first.update(*tick("a", "2024-03-02"))
    assert reread(backend)["checkins"] == {"a": ["2024-03-02"]}


def test_two_stores_keep_each_others_notes_and_focus():
    """Notes on the same month and focus changes from two tabs are both kept."""
    backend = FakeBackend()
    first, second = opened(backend), opened(backend)
    first.update(*note("2024-03-01", "from the phone"))
    second.update(*note("2024-03-09", "from the laptop"))
    first.update(*focus("a", 2))
    second.update(*focus("b", 3))
    stored = reread(backend)
    assert stored["notes"] == {"2024-03-01": ["from the phone"], "2024-03-09": ["from the laptop"]}
    assert stored["focus"] == {"a": 2, "b": 3}


def test_an_update_decodes_its_key_only_when_another_tab_changed_it(monkeypatch):
    """A key still holding the text this tab last read or wrote is not decoded again; one another tab changed is, and
    merged."""
    backend = FakeBackend()
    first, second = opened(backend), opened(backend)
    decoded = []
    real = layout.decode
    monkeypatch.setattr(layout, "decode", lambda key, text: decoded.append(key) or real(key, text))
    first.update(*tick("a"))
    first.update(*tick("a", "2024-03-02"))
    first.update(*focus("a", 2))
    assert decoded == []
    second.update(*tick("a", "2024-03-03"))
    assert decoded == ["attune:days:a"]        # second read first's text for the first time
    decoded.clear()
    first.update(*tick("a", "2024-03-04"))
    assert decoded == ["attune:days:a"]        # first found second's write, and keeps it
    assert reread(backend)["checkins"] == {"a": ["2024-03-01", "2024-03-02", "2024-03-03", "2024-03-04"]}
    second.update(*tick("a", "2024-03-01", done=False))
    first.update(*focus("b", 3))
    assert reread(backend)["checkins"] == {"a": ["2024-03-02", "2024-03-03", "2024-03-04"]}
    assert reread(backend)["focus"] == {"a": 2, "b": 3}


def test_refresh_of_one_key_picks_up_another_tabs_write():
    """refresh(key), as the storage event calls it, re-reads that key; refresh() re-reads everything."""
    backend = FakeBackend()
    first, second = opened(backend), opened(backend)
    second.update(*tick("share-joy"))
    second.update(*note("2024-03-01", "seen"))
    assert not model.is_done(first.doc, "share-joy", dates.ordinal("2024-03-01"))
    backend.gets = []
    first.refresh(layout.days_key("share-joy"))
    assert backend.gets == ["attune:days:share-joy"]
    assert model.is_done(first.doc, "share-joy", dates.ordinal("2024-03-01")) and first.doc["notes"] == {}
    first.refresh()
    assert first.doc["notes"] == {"2024-03-01": ["seen"]}
    second.update(*tick("share-joy", done=False))
    first.refresh(layout.days_key("share-joy"))
    assert first.doc["checkins"] == {}


# --- storage full or turned off -----------------------------------------------------------------


def test_storage_full_on_update_goes_to_memory_and_keeps_stored_data():
    """StorageFull on a write: persistent is False, the notice says storage is full, stored data is intact, memory has
    the change."""
    backend = FakeBackend()
    s = opened(backend)
    s.update(*tick("a", "2024-03-01"))
    before = dict(backend.data)
    backend.full = True
    assert s.update(*tick("b", "2024-03-02")) is False
    assert s.persistent is False
    assert len(s.notices) == 1 and "storage is full" in s.notices[0][1]
    assert backend.data == before
    assert model.is_done(s.doc, "b", dates.ordinal("2024-03-02"))
    assert model.is_done(s.doc, "a", dates.ordinal("2024-03-01"))
    # Later changes stay in memory too, and the notice is not repeated.
    s.update(*tick("c"))
    assert model.is_done(s.doc, "c", dates.ordinal("2024-03-01")) and len(s.notices) == 1
    assert backend.data == before


def test_storage_unavailable_on_open_works_in_memory():
    """A browser that refuses storage gives an empty in-memory store, a notice, and updates that only change memory."""
    backend = FakeBackend({store.KEY: model.dumps(model.empty())})
    backend.unavailable = True
    s = opened(backend)
    assert s.persistent is False and s.doc == model.empty()
    assert len(s.notices) == 1 and "does not allow" in s.notices[0][1]
    assert s.update(*tick("a")) is False
    assert model.is_done(s.doc, "a", dates.ordinal("2024-03-01"))
    s.erase()
    assert store.KEY in backend.data


def test_storage_unavailable_on_update_keeps_memory():
    """Storage turned off mid-session: the change stays in memory and a notice is given."""
    backend = FakeBackend()
    s = opened(backend)
    backend.unavailable = True
    assert s.update(*tick("a")) is False
    assert s.persistent is False and model.is_done(s.doc, "a", dates.ordinal("2024-03-01"))
    assert len(s.notices) == 1


# --- erase and imports ------------------------------------------------------------------------------


def test_erase_removes_data_and_backups():
    """erase removes every data key and every backup, and leaves an empty document in memory."""
    backend = FakeBackend({store.KEY: "{bad", "other:key": "kept"})
    s = opened(backend)
    s.replace(sample_document())
    assert backups(backend)
    s.erase()
    assert backend.data == {"other:key": "kept"}
    assert s.doc == model.empty() and s.backups == []
    assert opened(backend).doc == model.empty()


def test_erase_also_removes_backups_from_earlier_sessions():
    """Backups made in an earlier session are found at open and erased too."""
    backend = FakeBackend({store.KEY: "{bad"})
    opened(backend)
    later = opened(backend)
    later.erase()
    assert backups(backend) == {} and store.KEY not in backend.data


def test_replace_puts_a_whole_document_in_place():
    """replace writes the given document and removes the keys of parts it does not have."""
    backend = FakeBackend()
    s = opened(backend)
    s.replace(sample_document())
    new = model.empty()
    model.set_done(new, "b", dates.ordinal("2024-01-01"), True)
    assert s.replace(new) is True
    assert reread(backend) == exported(new)
    assert sorted(backend.data) == ["attune:data", "attune:days:b"]
    model.set_done(new, "b", dates.ordinal("2024-01-02"), True)   # the caller's document is not the store's
    assert not model.is_done(s.doc, "b", dates.ordinal("2024-01-02"))


def test_merge_in_keeps_both_documents():
    """merge_in writes the union of what is stored and the imported document."""
    backend = FakeBackend()
    s = opened(backend)
    s.update(*tick("a", "2024-01-05"))
    before = model.copy(s.doc)
    assert s.merge_in(sample_document()) is True
    assert reread(backend) == exported(model.merge(before, sample_document()))
    assert reread(backend)["checkins"]["a"] == ["2024-01-05"]


# --- migration from the single-key form ----------------------------------------------------------------


def test_single_key_data_of_the_previous_version_migrates_on_first_open():
    """A schema-2 document in attune:data (the previous version's form) is spread over keys with nothing lost."""
    doc = sample_document()
    backend = FakeBackend({store.KEY: model.dumps(doc)})
    s = opened(backend)
    assert s.notices == [] and exported(s.doc) == exported(doc)
    assert set(json.loads(backend.data[store.KEY])) == {"schema", "focus", "settings", "reading"}
    assert "attune:days:share-joy" in backend.data and "attune:notes:2024-02" in backend.data
    assert reread(backend) == exported(doc)


def test_schema_1_data_in_storage_migrates():
    """A first-release document ({"schema": 1, "checkins": ...}) in storage is read and spread over keys."""
    backend = FakeBackend({store.KEY: '{"schema": 1, "checkins": {"a": ["2024-01-02", "2024-01-01"]}}'})
    assert opened(backend).notices == []
    assert reread(backend)["checkins"] == {"a": ["2024-01-01", "2024-01-02"]}


@pytest.mark.parametrize("closed_after", range(0, 7))
def test_migration_interrupted_at_any_write_loses_nothing(closed_after):
    """The page closed after any number of the migration's writes: the next open finishes it, nothing lost."""
    doc = sample_document()
    backend = FakeBackend({store.KEY: model.dumps(doc)})
    close_during(backend, closed_after, lambda: opened(backend))
    assert reread(backend) == exported(doc)


@pytest.mark.parametrize("closed_after", range(0, 8))
def test_merge_import_interrupted_at_any_write_loads_and_loses_nothing(closed_after):
    """An import merge cut off after any write leaves storage that loads, with all that was there before."""
    backend = FakeBackend()
    s = opened(backend)
    s.update(*tick("share-joy", "2024-03-09"))
    s.update(*note("2024-02-01", "before the import"))
    before = exported(s.doc)
    close_during(backend, closed_after, lambda: s.merge_in(sample_document()))
    after = reread(backend)
    merged = exported(model.merge(model.validate(before, True)[0], sample_document()))
    for pid, days in before["checkins"].items():
        assert set(days) <= set(after["checkins"][pid])
    for pid, days in after["checkins"].items():
        assert set(days) <= set(merged["checkins"][pid])
    assert after["notes"]["2024-02-01"] == ["before the import"]


@pytest.mark.parametrize("closed_after", range(0, 8))
def test_replace_import_interrupted_at_any_write_leaves_old_or_new_parts(closed_after):
    """A replace cut off after any write loads without problems; each practice holds its old or its new days."""
    backend = FakeBackend()
    s = opened(backend)
    s.update(*tick("share-joy", "2024-03-09"))
    s.update(*tick("gone", "2024-03-09"))
    old = exported(s.doc)
    new = sample_document()
    close_during(backend, closed_after, lambda: s.replace(new))
    after = reread(backend)
    for pid, days in after["checkins"].items():
        assert days in (old["checkins"].get(pid), exported(new)["checkins"].get(pid))


def test_an_earlier_version_writing_the_whole_document_again_is_folded_in():
    """A tab still running the single-key version writes its whole document over the head: nothing is lost."""
    backend = FakeBackend()
    s = opened(backend)
    s.replace(sample_document())
    old_tab = model.empty()   # what the old version read from the new head: no check-ins, no notes
    model.set_done(old_tab, "active-listening", dates.ordinal("2024-03-05"), True)
    backend.data[store.KEY] = model.dumps(old_tab)
    after = reread(backend)
    assert after["checkins"]["active-listening"] == ["2024-03-01", "2024-03-05"]
    assert after["checkins"]["share-joy"] == exported(sample_document())["checkins"]["share-joy"]
    assert after["notes"] == exported(sample_document())["notes"]
