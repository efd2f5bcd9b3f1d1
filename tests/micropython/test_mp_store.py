"""py/core/store.py behaves the same in MicroPython as in CPython, over a dict backend defined for both."""
import json

from hypothesis import given, settings
from hypothesis import strategies as st

from core import layout
from core import model
from core import store
from inputs import days, edits, foreign_documents, practice_ids, texts

EXAMPLES = settings(max_examples=20, deadline=None)
KEY = store.KEY
valid_exports = edits.map(lambda e: model.dumps(__import__("harness_scenarios").document(e)))
stored_texts = st.one_of(valid_exports, foreign_documents().map(json.dumps), texts, st.just("{not json"))
single_edits = edits.filter(bool).map(lambda e: e[0])
# The keys py/core/layout.py uses (a practice's bitmap, a month of notes) and some that look like them.
data_keys = st.one_of(st.just(KEY), practice_ids.map(layout.days_key), days.map(layout.notes_key),
                      st.sampled_from([layout.DAYS + "À", layout.NOTES + "2024-13", layout.DAYS]))
day_bitmaps = st.tuples(days, st.text("0123456789abcdefABCDEFx", max_size=12)).map(
    lambda t: json.dumps({"from": t[0], "bits": t[1]}))
steps = st.lists(st.one_of(
    st.tuples(st.just("update"), single_edits), st.tuples(st.just("refresh"), st.one_of(st.none(), data_keys)),
    st.tuples(st.just("replace"), valid_exports), st.tuples(st.just("merge_in"), valid_exports),
    st.tuples(st.just("replace"), st.sampled_from(['{"schema": 9}', "[]"])),
    st.just(("erase",)), st.tuples(st.just("full"), st.booleans()), st.tuples(st.just("unavailable"), st.booleans()),
    st.tuples(st.just("write"), data_keys, st.one_of(st.none(), stored_texts, day_bitmaps)),
).map(list), max_size=6)


@EXAMPLES
@given(st.dictionaries(st.one_of(data_keys, st.sampled_from([store.BACKUP_PREFIX + "1", "other"])),
                       st.one_of(stored_texts, day_bitmaps), max_size=3), steps)
def test_any_sequence_of_store_steps(both, stored, step_list):
    """open then any steps (edits, another tab's writes, imports, erase, full or disabled storage): the same record."""
    records = both.ok("harness_scenarios", "store_run", stored, [["open"]] + step_list)
    unheard = set()  # keys another tab wrote whose storage event this tab has not had yet
    for step, record in zip([["open"]] + step_list, records, strict=True):
        if step[0] == "write":
            unheard.add(step[1])
        elif step[0] == "refresh" and step[1] is not None:
            unheard.discard(step[1])
        elif step[0] in ("open", "refresh", "replace", "merge_in", "erase"):
            unheard.clear()  # these read (or rewrite) every key
        if record["result"] is True and not unheard:
            assert record["reopened"] == record["doc"]   # what is shown is what is kept


def test_unreadable_data_is_backed_up_once_in_both(both):
    """Unreadable stored data is copied to one backup, with the same notice, before anything is written."""
    records = both.ok("harness_scenarios", "store_run", {KEY: '{"schema": 2, "focus": {"a": 99}}'},
                      [["open"], ["update", ["done", "a", "2024-01-01", True]], ["refresh"], ["open"]])
    assert records[0]["backups"] == [store.BACKUP_PREFIX + "1700000000001"]
    assert records[-1]["stored"][store.BACKUP_PREFIX + "1700000000001"] == '{"schema": 2, "focus": {"a": 99}}'
    assert "could not be read" in records[0]["notices"][0][1]


def test_full_and_disabled_storage_in_both(both):
    """Full storage keeps the change in memory and says so; disabled storage at open works in memory."""
    full = both.ok("harness_scenarios", "store_run", {},
                   [["open"], ["full", True], ["update", ["note", "2024-01-01", "x"]]])
    assert full[-1]["result"] is False and full[-1]["persistent"] is False and "full" in full[-1]["notices"][0][1]
    off = both.ok("harness_scenarios", "store_run", {},
                  [["unavailable", True], ["open"], ["update", ["done", "a", "2024-01-01", True]]])
    assert off[-1]["persistent"] is False and off[-1]["stored"] == {} and '"a":["2024-01-01"]' in off[-1]["doc"]
