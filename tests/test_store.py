"""py/store.py: the tracker document kept in a key-value storage without loss, against a fake backend."""
import itertools
import json

import pytest

import model
import store

CORRUPT = [
    "{not json",
    '{"schema": 2, "checkins": ["active-listening"]}',
    '{"schema": 2, "checkins": {"a": ["2024-01-01", "2024-02-30"]}}',
    '{"schema": 3, "checkins": {"a": ["2024-01-01"]}}',
    '["schema", 2]',
]


class FakeBackend:
    """localStorage as a dict, with switches that make writes fail like a full or disabled browser storage."""

    def __init__(self, data=None):
        self.data = dict(data or {})
        self.full = False           # set() raises StorageFull
        self.unavailable = False    # every call raises StorageUnavailable
        self.sets = []              # keys written, in order

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
        assert isinstance(value, str)
        self.data[key] = value
        self.sets.append(key)

    def remove(self, key):
        self.check()
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


def tick(pid, day="2024-03-01"):
    return lambda doc: model.set_done(doc, pid, day, True)


def stored_doc(backend):
    doc, problems = model.loads(backend.data[store.KEY], True)
    assert problems == []
    return doc


def backups(backend):
    return {k: v for k, v in backend.data.items() if k.startswith(store.BACKUP_PREFIX)}


def test_fresh_open_is_empty():
    """Opening empty storage gives the empty document, persistent, with no notice and nothing written."""
    backend = FakeBackend()
    s = opened(backend)
    assert s.doc == model.empty()
    assert s.persistent is True and s.notices == [] and s.backups == []
    assert backend.data == {}


def test_update_writes_json_that_model_reads():
    """update applies the change and writes canonical JSON that model.loads reads back as the same document."""
    backend = FakeBackend()
    s = opened(backend)
    assert s.update(tick("active-listening")) is True
    assert backend.data[store.KEY] == model.dumps(s.doc)
    assert stored_doc(backend)["checkins"] == {"active-listening": ["2024-03-01"]}
    assert opened(backend).doc == s.doc


def test_open_reads_what_was_stored():
    """A valid stored document is read as it is, with no backup and no notice."""
    doc = model.empty()
    model.set_done(doc, "share-joy", "2024-02-29", True)
    model.add_note(doc, "2024-02-29", "a good day")
    backend = FakeBackend({store.KEY: model.dumps(doc)})
    s = opened(backend)
    assert s.doc == doc and s.notices == [] and backups(backend) == {}


@pytest.mark.parametrize("raw", CORRUPT)
def test_corrupt_data_is_backed_up_before_anything_overwrites_it(raw):
    """Unreadable data is copied to a backup key and reported; the main key is only rewritten at the next update."""
    backend = FakeBackend({store.KEY: raw})
    s = opened(backend)
    saved = backups(backend)
    assert list(saved.values()) == [raw]
    assert s.backups == list(saved)
    assert all(k.startswith(store.BACKUP_PREFIX) for k in saved)
    assert len(s.notices) == 1 and s.notices[0][0] == "error" and "backup" in s.notices[0][1]
    assert backend.data[store.KEY] == raw          # not overwritten by open()
    assert s.persistent is True
    assert s.backup_text(s.backups[0]) == raw

    assert s.update(tick("a", "2024-03-05")) is True
    assert backend.data[store.KEY] != raw
    assert "2024-03-05" in stored_doc(backend)["checkins"]["a"]
    assert list(backups(backend).values()) == [raw]   # the backup still holds the original text


def test_lenient_read_keeps_what_it_can():
    """A stored document with one bad date keeps its good check-ins after the backup."""
    raw = '{"schema": 2, "checkins": {"a": ["2024-01-01", "2024-02-30"], "b": ["2024-01-02"]}}'
    s = opened(FakeBackend({store.KEY: raw}))
    assert s.doc["checkins"] == {"a": ["2024-01-01"], "b": ["2024-01-02"]}


def test_same_corrupt_text_is_backed_up_once():
    """Opening the same unreadable text again (a reload, a second tab, an update) makes no second backup."""
    backend = FakeBackend({store.KEY: "{not json"})
    opened(backend)
    second = opened(backend)
    assert len(backups(backend)) == 1
    assert second.backups == list(backups(backend))
    second.update(tick("a"))
    assert len(backups(backend)) == 1


def test_different_corrupt_texts_get_separate_backups():
    """A new unreadable text found later is kept in its own backup; the first backup is not overwritten."""
    backend = FakeBackend({store.KEY: "{first"})
    s = opened(backend)
    backend.data[store.KEY] = "{second"   # another tab (or a bug) wrote something unreadable
    s.update(tick("a"))
    assert sorted(backups(backend).values()) == ["{first", "{second"]


@pytest.mark.parametrize("raw", CORRUPT)
def test_no_room_for_backup_means_never_writing_the_main_key(raw):
    """If the backup cannot be written (storage full), the store works in memory and never overwrites the original."""
    backend = FakeBackend({store.KEY: raw})
    backend.full = True
    s = opened(backend)
    assert s.persistent is False
    assert len(s.notices) == 1 and "no room" in s.notices[0][1]
    assert s.update(tick("a")) is False
    assert model.is_done(s.doc, "a", "2024-03-01")
    backend.full = False   # even once room is free again, this session does not write
    s.update(tick("b"))
    assert backend.data == {store.KEY: raw}
    assert backend.sets == []


def test_two_stores_on_one_backend_keep_both_ticks():
    """Two tabs that tick different practices both keep their tick, because each write re-reads storage."""
    backend = FakeBackend()
    first, second = opened(backend), opened(backend)
    assert first.update(tick("active-listening"))
    assert second.update(tick("share-joy"))
    assert stored_doc(backend)["checkins"] == {"active-listening": ["2024-03-01"], "share-joy": ["2024-03-01"]}
    assert first.update(tick("i-statements"))
    assert set(stored_doc(backend)["checkins"]) == {"active-listening", "share-joy", "i-statements"}
    assert first.doc == stored_doc(backend)


def test_two_stores_keep_each_others_untick():
    """An untick written by one tab is not undone by the other tab's next write."""
    backend = FakeBackend()
    first, second = opened(backend), opened(backend)
    first.update(tick("a"))
    second.update(lambda doc: model.set_done(doc, "a", "2024-03-01", False))
    first.update(tick("b"))
    assert stored_doc(backend)["checkins"] == {"b": ["2024-03-01"]}


def test_storage_full_on_update_goes_to_memory_and_keeps_stored_data():
    """StorageFull on a write: persistent is False, the notice says storage is full, stored data is intact, memory has the change."""
    backend = FakeBackend()
    s = opened(backend)
    s.update(tick("a", "2024-03-01"))
    before = backend.data[store.KEY]
    backend.full = True
    assert s.update(tick("b", "2024-03-02")) is False
    assert s.persistent is False
    assert len(s.notices) == 1 and "storage is full" in s.notices[0][1]
    assert backend.data[store.KEY] == before
    assert model.is_done(s.doc, "b", "2024-03-02") and model.is_done(s.doc, "a", "2024-03-01")
    # Later changes stay in memory too, and the notice is not repeated.
    s.update(tick("c"))
    assert model.is_done(s.doc, "c", "2024-03-01") and len(s.notices) == 1
    assert backend.data[store.KEY] == before


def test_storage_unavailable_on_open_works_in_memory():
    """A browser that refuses storage gives an empty in-memory store, a notice, and updates that only change memory."""
    backend = FakeBackend({store.KEY: model.dumps(model.empty())})
    backend.unavailable = True
    s = opened(backend)
    assert s.persistent is False and s.doc == model.empty()
    assert len(s.notices) == 1 and "does not allow" in s.notices[0][1]
    assert s.update(tick("a")) is False
    assert model.is_done(s.doc, "a", "2024-03-01")
    s.erase()
    assert store.KEY in backend.data


def test_storage_unavailable_on_update_keeps_memory():
    """Storage turned off mid-session: the change stays in memory and a notice is given."""
    backend = FakeBackend()
    s = opened(backend)
    backend.unavailable = True
    assert s.update(tick("a")) is False
    assert s.persistent is False and model.is_done(s.doc, "a", "2024-03-01")
    assert len(s.notices) == 1


def test_erase_removes_data_and_backups():
    """erase removes the document and every backup, and leaves an empty document in memory."""
    backend = FakeBackend({store.KEY: "{bad", "other:key": "kept"})
    s = opened(backend)
    s.update(tick("a"))
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


def test_refresh_picks_up_another_instances_write():
    """refresh re-reads storage, so a tab sees what another tab wrote."""
    backend = FakeBackend()
    first, second = opened(backend), opened(backend)
    second.update(tick("share-joy"))
    assert not model.is_done(first.doc, "share-joy", "2024-03-01")
    first.refresh()
    assert model.is_done(first.doc, "share-joy", "2024-03-01")


def test_replace_puts_a_whole_document_in_place():
    """replace writes the given document over what was stored (import in replace mode)."""
    backend = FakeBackend()
    s = opened(backend)
    s.update(tick("a"))
    new = model.empty()
    model.set_done(new, "b", "2024-01-01", True)
    assert s.replace(new) is True
    assert stored_doc(backend) == new


def test_stored_text_is_canonical_json():
    """What the store writes is plain JSON with sorted keys, readable by any JSON parser."""
    backend = FakeBackend()
    s = opened(backend)
    s.update(lambda doc: model.set_focus(doc, "z", 2))
    s.update(lambda doc: model.set_focus(doc, "a", 1))
    text = backend.data[store.KEY]
    assert text == json.dumps(json.loads(text), sort_keys=True, separators=(",", ":"))
