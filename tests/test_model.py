"""py/core/model.py: validation, migration, serialising, merging, edits and week/streak summaries."""
import datetime
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core import json_text
from core import dates
from core import model
from core.dayset import DaySet
from core.settings import BY_NAME as SETTING, defaults as default_settings


def day(text):
    """The ordinal of an ISO date, computed by CPython (independent of dates.py)."""
    return datetime.date.fromisoformat(text).toordinal()


def doc_with(**parts):
    """An in-memory document from parts written as in an export (check-ins as lists of ISO days)."""
    doc = model.empty()
    doc.update(parts)
    doc["checkins"] = {pid: DaySet.from_isos(days) for pid, days in doc["checkins"].items()}
    return doc


def plain(doc):
    """A document as exported: JSON types only, check-ins as sorted lists of ISO days."""
    return json.loads(model.dumps(doc))


def days(doc):
    """Each practice's check-ins as a sorted list of ISO days."""
    return {pid: d.isos() for pid, d in doc["checkins"].items()}


# --- a strategy for valid documents -------------------------------------------------------

# A small shared pool makes documents overlap, so merges have real work to do.
IDS = st.one_of(
    st.sampled_from(["active-listening", "i-statements", "share-joy", "couples-therapy", "a", "x1-y2"]),
    st.lists(st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789", min_size=1, max_size=8),
             min_size=1, max_size=4).map("-".join),
)
CHECKIN_DAYS = st.one_of(
    st.dates(datetime.date(2024, 2, 20), datetime.date(2024, 3, 10)),
    st.dates(datetime.date(1970, 1, 1), datetime.date(2199, 12, 31)),
).map(lambda d: d.isoformat())
ISO_DAYS = st.one_of(
    st.dates(datetime.date(2024, 2, 20), datetime.date(2024, 3, 10)),
    st.dates(datetime.date(1, 1, 1), datetime.date(9999, 12, 31)),
).map(lambda d: d.isoformat())
# Any text but '<' (strict imports refuse tags): quotes, '&', '>', accents, emoji, new lines.
NOTE_TEXT = st.text(alphabet="ab Z09&>\"'\\\n\té\u00e9\u2014\U0001F60A", min_size=1, max_size=20).filter(
    lambda s: s.strip())
STAMPS = st.one_of(st.integers(0, 3), st.integers(0, 2 ** 53))
SETTINGS = st.fixed_dictionaries({"theme": st.sampled_from(SETTING["theme"].choices),
                                  "text_size": st.sampled_from(SETTING["text_size"].choices), "at": STAMPS})
READING = st.one_of(st.just({}), st.fixed_dictionaries({"slug": IDS, "position": st.integers(0, 1000), "at": STAMPS}))


def sorted_unique(values):
    return sorted(set(values))


PLAIN_DOCS = st.fixed_dictionaries({
    "schema": st.just(model.SCHEMA),
    "checkins": st.dictionaries(IDS, st.lists(CHECKIN_DAYS, min_size=1, max_size=4).map(sorted_unique), max_size=4),
    "notes": st.dictionaries(ISO_DAYS, st.lists(NOTE_TEXT, min_size=1, max_size=3).map(sorted_unique), max_size=4),
    "focus": st.dictionaries(IDS, st.integers(0, model.MAX_GOAL), max_size=4),
    "settings": SETTINGS,
    "reading": READING,
})

DOCS = PLAIN_DOCS.map(lambda p: model.validate(p, True)[0])  # in memory: check-ins as DaySets

PROPS = settings(max_examples=80, deadline=None)


# --- property tests -------------------------------------------------------------------------


@PROPS
@given(PLAIN_DOCS)
def test_generated_documents_are_valid(doc):
    """Every generated document passes strict validation unchanged, so the properties below test real documents."""
    valid, problems = model.validate(doc, True)
    assert problems == [] and plain(valid) == doc


@PROPS
@given(DOCS, DOCS)
def test_merge_is_commutative(a, b):
    """merge(a, b) == merge(b, a): the order two tabs or a backup are merged in never matters."""
    assert model.merge(a, b) == model.merge(b, a)


@settings(max_examples=50, deadline=None)
@given(DOCS, DOCS, DOCS)
def test_merge_is_associative(a, b, c):
    """merge(merge(a, b), c) == merge(a, merge(b, c))."""
    assert model.merge(model.merge(a, b), c) == model.merge(a, model.merge(b, c))


@PROPS
@given(DOCS)
def test_merge_is_idempotent(a):
    """Merging a document with itself (a backup imported twice) changes nothing."""
    assert model.merge(a, a) == a


@PROPS
@given(DOCS, DOCS)
def test_merging_again_adds_nothing(a, b):
    """Merging b into merge(a, b) a second time gives the same document."""
    once = model.merge(a, b)
    assert model.merge(once, b) == once


@PROPS
@given(DOCS)
def test_export_then_import_reproduces_the_document(doc):
    """parse_import(dumps(doc)) gives back exactly doc."""
    assert model.parse_import(model.dumps(doc)) == doc


@PROPS
@given(DOCS, DOCS)
def test_merge_keeps_every_checkin_and_note_of_both(a, b):
    """Every check-in and note of either document is in the merge, and nothing else is."""
    merged = plain(model.merge(a, b))
    for part in ("checkins", "notes"):
        expected = {}
        for source in (plain(a), plain(b)):
            for key, values in source[part].items():
                expected.setdefault(key, set()).update(values)
        assert {k: set(v) for k, v in merged[part].items()} == expected
        for values in merged[part].values():
            assert values == sorted(set(values))


@PROPS
@given(DOCS, DOCS)
def test_merge_takes_the_larger_goal_and_the_result_is_valid(a, b):
    """Each focus goal is the larger of the two, and the merge is itself a valid document."""
    merged = model.merge(a, b)
    assert set(merged["focus"]) == set(a["focus"]) | set(b["focus"])
    for pid, goal in merged["focus"].items():
        assert goal == max(a["focus"].get(pid, 0), b["focus"].get(pid, 0))
    assert model.validate(json.loads(model.dumps(merged)), True)[0] == merged


@PROPS
@given(DOCS.filter(lambda d: d["settings"]["at"] > 0))
def test_merge_with_empty_document_is_identity(doc):
    """Merging a fresh, empty document into one with stamped settings changes nothing."""
    assert model.merge(doc, model.empty()) == doc
    assert model.merge(model.empty(), doc) == doc


@PROPS
@given(PLAIN_DOCS)
def test_dumps_is_canonical_json(exported):
    """dumps is JSON with sorted keys and no spaces, whatever order the dicts were built in."""
    doc = model.validate(exported, True)[0]
    text = model.dumps(doc)
    assert text == json.dumps(exported, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    shuffled = {k: (dict(reversed(list(v.items()))) if isinstance(v, dict) else v)
                for k, v in reversed(list(doc.items()))}
    assert model.dumps(shuffled) == text
    assert model.loads(text, True) == (doc, [])


def test_dumps_sorts_keys_at_every_level():
    """A document built with keys out of order serialises with keys sorted at every level."""
    doc = {"schema": 2, "reading": {}, "notes": {}, "focus": {"z": 1, "a": 2},
           "checkins": {"b": ["2024-01-01"], "a": ["2024-01-02"]},
           "settings": {"theme": "dark", "at": 5, "text_size": 2}}
    assert model.dumps(doc) == ('{"checkins":{"a":["2024-01-02"],"b":["2024-01-01"]},"focus":{"a":2,"z":1},'
                                '"notes":{},"reading":{},"schema":2,"settings":{"at":5,"text_size":2,"theme":"dark"}}')


# --- validation -----------------------------------------------------------------------------


@pytest.mark.parametrize("strict", [True, False])
@pytest.mark.parametrize("text,words", [
    ("{", "not valid JSON"),
    ("", "not valid JSON"),
    ("[1, 2]", "JSON object"),
    ('"schema"', "JSON object"),
    ("{}", "no valid schema"),
    ('{"schema": "2"}', "no valid schema"),
    ('{"schema": true}', "no valid schema"),
    ('{"schema": 0}', "no valid schema"),
    ('{"schema": 3, "checkins": {}}', "newer version"),
])
def test_unreadable_documents_raise_data_error(text, words, strict):
    """Bad JSON, non-objects, missing/invalid schema and a future schema raise DataError in both modes."""
    with pytest.raises(model.DataError) as caught:
        model.loads(text, strict)
    assert words in str(caught.value)


def test_future_schema_message_names_both_versions():
    """A schema-3 file is refused with a message naming schema 3 and the highest this version reads."""
    with pytest.raises(model.DataError) as caught:
        model.parse_import('{"schema": 3}')
    assert "newer version" in str(caught.value)
    assert "schema 3" in str(caught.value) and str(model.SCHEMA) in str(caught.value)


BAD_PARTS = [
    ({"extra": 1}, "unknown field"),
    ({"checkins": ["a"]}, "check-ins are not"),
    ({"checkins": {"Not An Id": ["2024-01-01"]}}, "invalid practice id"),
    ({"checkins": {"a": "2024-01-01"}}, "not a list of days"),
    ({"checkins": {"a": ["2024-01-01", "2024-02-30"]}}, "not dates"),
    ({"notes": []}, "notes are not"),
    ({"notes": {"yesterday": ["x"]}}, "not a date"),
    ({"notes": {"2024-01-01": "x"}}, "not a list"),
    ({"notes": {"2024-01-01": [5]}}, "not text"),
    ({"notes": {"2024-01-01": ["   "]}}, "not text"),
    ({"notes": {"2024-01-01": ["x" * (model.MAX_NOTE + 1)]}}, "not text"),
    ({"focus": {"a": 8}}, "focus goal"),
    ({"focus": {"a": "3"}}, "focus goal"),
    ({"focus": {"a": True}}, "focus goal"),
    ({"focus": {"a": -1}}, "focus goal"),
    ({"focus": []}, "focus list"),
    ({"settings": {"theme": "blue", "text_size": 1, "at": 0}}, "settings"),
    ({"settings": {"theme": "dark", "text_size": 9, "at": 0}}, "settings"),
    ({"settings": {"theme": "dark", "text_size": 1, "at": "0"}}, "settings"),
    ({"settings": {"theme": "dark", "text_size": 1, "at": 0, "more": 1}}, "settings"),
    ({"reading": {"slug": "a", "position": 1001, "at": 0}}, "reading"),
    ({"reading": {"slug": "A b", "position": 1, "at": 0}}, "reading"),
    ({"reading": {"slug": "a", "position": 1}}, "reading"),
    ({"reading": []}, "reading"),
]


@pytest.mark.parametrize("part,words", BAD_PARTS, ids=lambda v: json.dumps(v)[:50] if isinstance(v, dict) else v)
def test_strict_validation_refuses_any_invalid_part(part, words):
    """Strict mode (imports) raises DataError naming the first invalid part."""
    data = dict({"schema": 2}, **part)
    with pytest.raises(model.DataError) as caught:
        model.validate(data, True)
    assert words in str(caught.value)


@pytest.mark.parametrize("part,words", BAD_PARTS, ids=lambda v: json.dumps(v)[:50] if isinstance(v, dict) else v)
def test_lenient_validation_drops_invalid_parts_and_lists_them(part, words):
    """Lenient mode (own storage) keeps valid data beside the invalid part, drops the invalid part and lists it."""
    keep = {"keep-me": ["2023-05-05"]}
    data = dict({"schema": 2, "checkins": dict(keep)}, **part)
    if "checkins" in part and isinstance(part["checkins"], dict):
        data["checkins"] = dict(part["checkins"], **keep)
    doc, problems = model.validate(data, False)
    assert problems and any(words in p for p in problems)
    if isinstance(data["checkins"], dict):
        assert doc["checkins"]["keep-me"].isos() == ["2023-05-05"]
    # Whatever lenient mode returns is itself a valid document.
    assert model.validate(json.loads(model.dumps(doc)), True) == (doc, [])


def test_lenient_mode_keeps_the_valid_dates_of_a_practice():
    """Invalid dates are dropped one by one; the practice keeps its real dates, deduplicated and sorted."""
    data = {"schema": 2, "checkins": {"a": ["2024-03-01", "2024-02-30", "2024-02-29", 7, "2024-03-01"]}}
    doc, problems = model.validate(data, False)
    assert days(doc) == {"a": ["2024-02-29", "2024-03-01"]}
    assert problems == ["2 check-in(s) of a are not dates from 1970-01-01 to 2199-12-31"]


@pytest.mark.parametrize("outside", ["1969-12-31", "2200-01-01", "0001-01-01", "9999-12-31"])
def test_checkins_outside_the_years_a_tick_can_be_for_are_refused(outside):
    """A check-in before 1970 or after 2199 is not Attune data: an import names it, storage drops it."""
    with pytest.raises(model.DataError) as caught:
        model.validate({"schema": 2, "checkins": {"a": [outside]}}, True)
    assert "check-in(s) of a are not dates from 1970-01-01 to 2199-12-31" in str(caught.value)
    doc, problems = model.validate({"schema": 2, "checkins": {"a": [outside, "2024-01-01"]}}, False)
    assert days(doc) == {"a": ["2024-01-01"]} and len(problems) == 1


def test_lenient_mode_drops_a_practice_whose_dates_are_all_invalid():
    """A practice with no valid date left is not kept as an empty list."""
    doc, problems = model.validate({"schema": 2, "checkins": {"a": ["2025-02-29"]}}, False)
    assert doc["checkins"] == {} and len(problems) == 1


def test_lenient_mode_lists_every_problem():
    """Several invalid parts give several problems, not just the first."""
    data = {"schema": 2, "extra": 1, "focus": {"a": 99}, "settings": "dark", "reading": {"slug": "a"}}
    doc, problems = model.validate(data, False)
    assert len(problems) == 4
    assert doc == model.empty()


@pytest.mark.parametrize("note", ["<img src=x onerror=alert(1)>", "hi </p>", "<!-- x -->", "a <?php",
                                  "He said <sigh> and hugged me", "<À>"])
def test_markup_in_notes_is_text_in_both_modes(note):
    """A note holding a tag imports like any text (the page escapes it when drawn), so every export imports back."""
    data = {"schema": 2, "notes": {"2024-01-01": [note]}}
    assert model.validate(data, True) == (dict(model.empty(), notes={"2024-01-01": [note]}), [])
    assert model.validate(data, False) == (dict(model.empty(), notes={"2024-01-01": [note]}), [])


@pytest.mark.parametrize("note", ["a < b", "<3 you", "x <", "1<2"])
def test_less_than_signs_that_are_not_tags_are_allowed(note):
    """A '<' in a note is ordinary text, accepted in strict mode."""
    doc, problems = model.validate({"schema": 2, "notes": {"2024-01-01": [note]}}, True)
    assert doc["notes"]["2024-01-01"] == [note]


def test_missing_parts_get_defaults():
    """A schema-2 document with only its schema is the empty document."""
    assert model.validate({"schema": 2}, True) == (model.empty(), [])


@pytest.mark.parametrize("size", [True, 1.0])
def test_text_size_must_be_an_integer(size):
    """A text size of true or 1.0 is a wrong type and is refused in strict mode."""
    with pytest.raises(model.DataError):
        model.validate({"schema": 2, "settings": {"theme": "system", "text_size": size, "at": 0}}, True)


def test_negative_stamps_are_rejected():
    """A reading position or settings stamped before 1970 is invalid (merge treats -1 as 'none')."""
    with pytest.raises(model.DataError):
        model.validate({"schema": 2, "reading": {"slug": "a", "position": 5, "at": -1}}, True)
    with pytest.raises(model.DataError):
        model.validate({"schema": 2, "settings": {"theme": "dark", "text_size": 1, "at": -5}}, True)


# --- migration and import -------------------------------------------------------------------


def test_schema_1_migrates_and_keeps_checkins():
    """A first-release file ({"schema": 1, "checkins": ...}) becomes schema 2 with every check-in kept."""
    v1 = {"schema": 1, "checkins": {"active-listening": ["2024-01-02", "2024-01-01"], "share-joy": ["2023-12-31"]}}
    doc = model.parse_import(json.dumps(v1))
    assert doc["schema"] == 2
    assert days(doc) == {"active-listening": ["2024-01-01", "2024-01-02"], "share-joy": ["2023-12-31"]}
    assert doc["notes"] == {} and doc["focus"] == {} and doc["reading"] == {}
    assert doc["settings"] == default_settings()


def test_schema_1_without_checkins_migrates_to_empty():
    """A schema-1 document with nothing in it migrates to the empty document."""
    assert model.loads('{"schema": 1}', True) == (model.empty(), [])


def test_parse_import_refuses_files_over_1_mb():
    """A file larger than MAX_IMPORT_BYTES is refused before parsing, even if it is valid JSON."""
    valid = model.dumps(model.empty())
    big = valid + " " * (model.MAX_IMPORT_BYTES + 1 - len(valid))
    assert len(big) == model.MAX_IMPORT_BYTES + 1
    with pytest.raises(model.DataError) as caught:
        model.parse_import(big)
    assert "1 MB" in str(caught.value)
    at_limit = big[:-1]
    assert model.parse_import(at_limit) == model.empty()


def test_parse_import_is_strict():
    """parse_import refuses a file with one invalid part rather than importing the rest."""
    with pytest.raises(model.DataError):
        model.parse_import('{"schema": 2, "checkins": {"a": ["2024-01-01"]}, "focus": {"a": 12}}')


# --- weeks, streaks and the grid ------------------------------------------------------------


def test_week_count_counts_monday_to_today_only():
    """week_count counts this week's days from Monday up to today, not last Sunday nor tomorrow."""
    today = day("2025-03-05")  # a Wednesday
    assert datetime.date(2025, 3, 5).weekday() == 2
    doc = model.empty()
    for d in ("2025-03-02", "2025-03-03", "2025-03-05", "2025-03-06", "2024-03-04"):
        model.set_done(doc, "a", day(d), True)
    assert model.week_count(doc, "a", today) == 2  # Monday 3rd and Wednesday 5th
    assert model.week_count(doc, "other", today) == 0


def test_week_count_on_monday_and_sunday():
    """On a Monday only that day counts; on a Sunday the whole Monday..Sunday week counts."""
    doc = model.empty()
    for n in range(day("2024-12-29"), day("2025-01-06") + 1):  # Sunday 29 Dec .. Monday 6 Jan
        model.set_done(doc, "a", n, True)
    assert model.week_count(doc, "a", day("2024-12-30")) == 1   # Monday
    assert model.week_count(doc, "a", day("2025-01-05")) == 7   # Sunday, the week spans the year end
    assert model.week_count(doc, "a", day("2025-01-06")) == 1   # next Monday


def streak_of(days, today):
    doc = model.empty()
    for d in days:
        model.set_done(doc, "a", day(d), True)
    return model.streak(doc, "a", day(today))


@pytest.mark.parametrize("days,today,expected", [
    (["2025-01-30", "2025-01-31", "2025-02-01"], "2025-02-01", 3),                 # month end
    (["2024-12-30", "2024-12-31", "2025-01-01"], "2025-01-01", 3),                 # year end
    (["2024-02-28", "2024-02-29", "2024-03-01"], "2024-03-01", 3),                 # leap day
    (["2023-02-28", "2023-03-01"], "2023-03-01", 2),                               # no 29th in 2023
    (["2024-02-28", "2024-03-01"], "2024-03-01", 1),                               # 29th missing: a gap
    (["2024-02-27", "2024-02-29", "2024-03-01"], "2024-03-01", 2),                 # gap breaks it
    (["2024-03-01", "2024-03-02"], "2024-03-03", 2),                               # today not ticked yet
    (["2024-03-01"], "2024-03-03", 0),                                             # yesterday not ticked
    (["2024-03-03"], "2024-03-03", 1),
    (["2024-03-02", "2024-03-03", "2024-03-04"], "2024-03-03", 2),                 # a future tick is not counted
    ([], "2024-03-03", 0),
])
def test_streak(days, today, expected):
    """streak counts consecutive days back from today (or from yesterday when today is not ticked)."""
    assert streak_of(days, today) == expected


# --- edits ------------------------------------------------------------------------------------


def test_set_done_adds_and_removes_days():
    """set_done keeps days sorted and unique, and drops the practice when its last day is removed."""
    doc = model.empty()
    model.set_done(doc, "a", dates.ordinal("2024-03-02"), True)
    model.set_done(doc, "a", dates.ordinal("2024-03-01"), True)
    model.set_done(doc, "a", dates.ordinal("2024-03-01"), True)
    assert days(doc) == {"a": ["2024-03-01", "2024-03-02"]}
    assert model.is_done(doc, "a", dates.ordinal("2024-03-01"))
    assert not model.is_done(doc, "a", dates.ordinal("2024-03-03"))
    model.set_done(doc, "a", dates.ordinal("2024-03-01"), False)
    assert days(doc) == {"a": ["2024-03-02"]}
    model.set_done(doc, "a", dates.ordinal("2024-03-02"), False)
    assert doc["checkins"] == {}
    model.set_done(doc, "b", dates.ordinal("2024-03-02"), False)
    assert doc["checkins"] == {}


def test_add_and_remove_notes():
    """add_note strips, deduplicates, truncates and ignores blank text; remove_note removes one entry."""
    doc = model.empty()
    model.add_note(doc, "2024-03-01", "  second  ")
    model.add_note(doc, "2024-03-01", "first")
    model.add_note(doc, "2024-03-01", "second")
    model.add_note(doc, "2024-03-01", "   ")
    assert doc["notes"] == {"2024-03-01": ["first", "second"]}
    model.add_note(doc, "2024-03-02", "x" * (model.MAX_NOTE + 50))
    assert doc["notes"]["2024-03-02"] == ["x" * model.MAX_NOTE]
    model.remove_note(doc, "2024-03-01", "first")
    assert doc["notes"]["2024-03-01"] == ["second"]
    model.remove_note(doc, "2024-03-01", "second")
    assert "2024-03-01" not in doc["notes"]
    model.remove_note(doc, "2024-03-09", "absent")
    assert model.validate(json.loads(model.dumps(doc)), True) == (doc, [])


def test_set_focus():
    """set_focus clamps goals to 0..7, keeps 0 as focus without a goal, and None removes the focus."""
    doc = model.empty()
    model.set_focus(doc, "a", 3)
    model.set_focus(doc, "b", 0)
    model.set_focus(doc, "c", 12)
    model.set_focus(doc, "d", -2)
    assert doc["focus"] == {"a": 3, "b": 0, "c": 7, "d": 0}
    model.set_focus(doc, "a", None)
    model.set_focus(doc, "zz", None)
    assert doc["focus"] == {"b": 0, "c": 7, "d": 0}


def test_set_setting_and_reading_stamp_and_clamp():
    """set_setting stamps the settings with the time; set_reading clamps the position to 0..1000."""
    doc = model.empty()
    model.set_setting(doc, "theme", "dark", 42)
    assert doc["settings"] == {"theme": "dark", "text_size": 1, "at": 42}
    model.set_reading(doc, "never-cries", 1500, 43)
    assert doc["reading"] == {"slug": "never-cries", "position": 1000, "at": 43}
    model.set_reading(doc, "never-cries", -5, 44)
    assert doc["reading"]["position"] == 0


def test_import_changes_counts_new_items_and_archived_ids():
    """import_changes counts only check-ins and notes the merge adds, changed goals, and ids not in the catalogue."""
    current = doc_with(checkins={"a": ["2024-01-01"]}, notes={"2024-01-01": ["x"]}, focus={"a": 2})
    incoming = doc_with(checkins={"a": ["2024-01-01", "2024-01-02"], "old-one": ["2023-01-01", "2023-01-02"],
                                  "b": ["2024-01-03"]},
                        notes={"2024-01-01": ["x", "y"], "2024-01-05": ["z"]},
                        focus={"a": 1, "b": 3})
    changes = model.import_changes(current, incoming, {"a", "b"})
    assert changes == {"checkins": 4, "notes": 2, "focus": 1, "archived": 1}


def test_import_changes_of_a_duplicate_is_zero():
    """Importing what is already there adds nothing."""
    current = doc_with(checkins={"a": ["2024-01-01"]}, notes={"2024-01-01": ["x"]}, focus={"a": 2})
    assert model.import_changes(current, current, {"a"}) == {"checkins": 0, "notes": 0, "focus": 0, "archived": 0}


def test_tried_count():
    """tried_count counts the given practices that have at least one check-in."""
    doc = doc_with(checkins={"a": ["2024-01-01"], "b": ["2024-01-02"]})
    assert model.tried_count(doc, ["a", "c"]) == 1
    assert model.tried_count(doc, ["a", "b", "c"]) == 2


# Exactly as the previous version exported it: one line, ASCII-only JSON (json.dumps escaped é and emoji).
PREVIOUS_EXPORT = ('{"checkins":{"active-listening":["2026-11-01","2026-11-02"],"share-joy":["2026-10-30"]},'
                   '"focus":{"share-joy":3},"notes":{"2026-11-02":["caf\\u00e9 \\ud83d\\ude0a \\"quoted\\"\\nline"]},'
                   '"reading":{"at":1763800000000,"position":420,"slug":"never-cries"},"schema":2,'
                   '"settings":{"at":1763800000001,"text_size":2,"theme":"dark"}}')


def test_an_export_of_the_previous_version_imports_unchanged():
    """A file the previous version exported (escaped non-ASCII) imports whole; exporting it again gives the same
    data."""
    doc = model.parse_import(PREVIOUS_EXPORT)
    assert days(doc) == {"active-listening": ["2026-11-01", "2026-11-02"], "share-joy": ["2026-10-30"]}
    assert doc["notes"] == {"2026-11-02": ['café 😊 "quoted"\nline']}
    assert doc["focus"] == {"share-joy": 3} and doc["settings"]["theme"] == "dark"
    assert json.loads(model.dumps(doc)) == json.loads(PREVIOUS_EXPORT)
    assert "café 😊" in model.dumps(doc)   # written as UTF-8 now, the same in CPython and MicroPython


@given(st.text())
def test_quote_is_json_that_reads_back_as_the_same_text(text):
    """json_text.quote writes any text (with nothing to escape by its fast path, the rest escaped) as JSON that reads
    back unchanged."""
    assert json.loads(json_text.quote(text)) == text


def test_quote_keeps_plain_ids_and_escapes_what_json_requires():
    """Ids, dates and bitmaps are quoted as they are; quotes, backslashes and control characters are escaped."""
    assert json_text.quote("active-listening") == '"active-listening"'
    assert json_text.quote("2024-03-01") == '"2024-03-01"'
    assert json_text.quote('say "hi"\\\n-') == '"say \\"hi\\"\\\\\\n-"'
    assert json_text.quote("é-à") == '"é-à"'
