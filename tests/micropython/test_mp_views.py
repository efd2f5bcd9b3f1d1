"""py/render/markup.py, py/core/routes.py, py/render/tracker_views.py and py/render/data_views.py give the same HTML and
routes in MicroPython as in CPython."""
from hypothesis import given, settings
from hypothesis import strategies as st

from differential import request
from inputs import edits, ordinals, practice_ids, texts

EXAMPLES = settings(max_examples=50, deadline=None)
CATALOGUE = {
    "articles": [
        {"slug": "crying-together", "title": "When your partner cries <as> you cry", "summary": "s", "minutes": 6,
         "practices": ["offer-context", "active-listening"]},
        {"slug": "never-cries", "title": "Quand il ne pleure jamais — À 😀", "summary": "s", "minutes": 6,
         "practices": ["name-feelings", "active-listening"]},
    ],
    "practices": [
        {"id": "offer-context", "name": "Offer context", "text": "Say \"why\" & 'how'.",
         "articles": ["crying-together"]},
        {"id": "active-listening", "name": "Listen actively", "text": "Say back what you heard.",
         "articles": ["crying-together", "never-cries"]},
        {"id": "name-feelings", "name": "Notice & name <feelings> שלום", "text": "Name them.",
         "articles": ["never-cries"]},
    ],
}


@EXAMPLES
@given(edits, ordinals, st.lists(st.sampled_from(["attune:backup:1700000000001", "attune:backup:<x>"]), max_size=2),
       st.booleans())
def test_tracker_page(both, edit_list, today, backups, persistent):
    """The whole tracker view (rows, empty state, "All practices", the way to the journal, data panel) is the same
    HTML in both."""
    both.ok("tracker_views", "tracker", CATALOGUE, request("harness_scenarios", "document", edit_list), today, backups,
            persistent)


@EXAMPLES
@given(edits, ordinals, st.sampled_from([p["id"] for p in CATALOGUE["practices"]] + ["old-one"]), st.booleans())
def test_rows_grids_and_tick_messages(both, edit_list, today, pid, done):
    """A practice's row, what it shows opened, its 12-week grid (day checkboxes, note links) and the tick message are
    the same in both."""
    doc = request("harness_scenarios", "document", edit_list)
    practice = [p for p in CATALOGUE["practices"] if p["id"] == pid] or [{"id": pid, "name": "Old one", "text": "",
                                                                          "articles": [], "archived": True}]
    both.ok("tracker_views", "practice_card", doc, practice[0], today)
    both.ok("tracker_views", "row_body", doc, practice[0], today, CATALOGUE)
    both.ok("tracker_views", "grid_table", doc, pid, today, practice[0]["name"])
    both.ok("tracker_views", "week_count_text", doc, pid, today, done)
    for day in (today, today - 1, today - 6):
        both.ok("tracker_views", "tick_message", practice[0]["name"], day, today, done, not done)
    both.ok("data_views", "data_panel", doc, [], done, today, not done)
    both.ok("data_views", "copy_reminder", doc, today)


@EXAMPLES
@given(st.fixed_dictionaries({"checkins": st.integers(0, 3), "notes": st.integers(0, 3), "focus": st.integers(0, 3),
                              "archived": st.integers(0, 3)}), texts)
def test_dialogs(both, changes, name):
    """The import and erase dialogs are the same HTML in both."""
    both.ok("data_views", "import_dialog", changes, name)
    both.ok("data_views", "erase_dialog")
    both.ok("data_views", "safari_note")
    both.ok("data_views", "bring_back")
    both.ok("data_views", "keep_offers", changes["checkins"] > 1, changes["notes"] > 1)
    both.ok("tracker_views", "all_practices", CATALOGUE, {"focus": {"active-listening": changes["focus"]}},
            changes["notes"] > 1)


@EXAMPLES
@given(texts, st.dictionaries(st.sampled_from(["class_", "aria_label", "data_note", "title", "hidden"]),
                              st.one_of(texts, st.booleans(), st.none(), st.integers()), max_size=3))
def test_markup(both, text, attrs):
    """escape, tag, plural and cap give the same text in both."""
    assert both.ok("markup", "escape", text).count("<") == 0
    both.ok("markup", "tag", "p", text, **attrs)
    both.ok("markup", "plural", len(text), text or "x")
    both.ok("markup", "cap", text)


@EXAMPLES
@given(st.one_of(texts, st.lists(st.sampled_from(["", "a", "practices", "crying-together", "never-cries", "x", "À"]),
                                 max_size=4).map(lambda p: "#/" + "/".join(p))), practice_ids)
def test_routes(both, hash_text, slug):
    """parse and route_name give the same view for any hash."""
    view = both.ok("routes", "parse", hash_text, ["crying-together", "never-cries"])
    both.ok("routes", "route_name", view[0], view[1] or slug)
