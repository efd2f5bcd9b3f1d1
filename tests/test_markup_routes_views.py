"""py/render/markup.py, py/core/routes.py and py/render/tracker_views.py: safe HTML text, hash routes and the tracker
page."""
import datetime
import html
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from render import data_views
from core import dates
from core import model
from core import routes
from render import tracker_views
from render.markup import escape, plural, tag
from parsed_html import Parsed as Tags

TODAY = datetime.date(2024, 3, 1).toordinal()   # a Friday
TODAY_ISO = "2024-03-01"

# Shaped like builder.articles.catalogue(): articles with their practice ids, each practice once.
CATALOGUE = {
    "articles": [
        {"slug": "crying-together", "title": "When your partner cries as you cry", "summary": "s", "minutes": 6,
         "practices": ["offer-context", "active-listening", "slow-breathing"]},
        {"slug": "never-cries", "title": "When he never cries", "summary": "s", "minutes": 6,
         "practices": ["name-feelings", "active-listening"]},
    ],
    "practices": [
        {"id": "offer-context", "name": "Offer context", "text": "Say why.", "articles": ["crying-together"]},
        {"id": "active-listening", "name": "Listen actively", "text": "Say back what you heard.",
         "articles": ["crying-together", "never-cries"]},
        {"id": "slow-breathing", "name": "Breathe slowly together", "text": "Breathe.",
         "articles": ["crying-together"]},
        {"id": "name-feelings", "name": "Notice & name <feelings>", "text": "Name them.", "articles": ["never-cries"]},
    ],
}
SLUGS = [a["slug"] for a in CATALOGUE["articles"]]
TRACKER_BOX = re.compile(r'<input type="checkbox" class="day-box practice-box is-today" id="tracker--do-([a-z0-9-]+)"')


def render(doc):
    return tracker_views.tracker(CATALOGUE, doc, TODAY, [], True)


def group_titles(page):
    return re.findall(r'<section class="tracker-group" data-group="[a-z0-9-]+"><h2>(.*?)</h2>', page)


# --- markup -----------------------------------------------------------------------------------


def test_escape_handles_the_five_special_characters():
    """escape turns & < > " ' into entities, & first so nothing is escaped twice."""
    assert escape("&<>\"'") == "&amp;&lt;&gt;&quot;&#39;"
    assert escape("&lt;") == "&amp;lt;"
    assert escape(5) == "5"


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_escape_round_trips_and_leaves_no_markup(text):
    """For any text, the escaped form holds no < > " ' and unescapes back to the original."""
    out = escape(text)
    assert not set("<>\"'") & set(out)
    assert html.unescape(out) == text


def test_tag_escapes_attributes_and_drops_none_and_false():
    """tag escapes attribute values, drops None/False, writes True bare, sorts and renames attributes."""
    out = tag("button", "Go", data_note='"><script>x</script>', title=None, disabled=False, hidden=True,
              class_="a b", aria_label="it's")
    assert out == ('<button aria-label="it&#39;s" class="a b" data-note="&quot;&gt;&lt;script&gt;x&lt;/script&gt;" '
                   'hidden>Go</button>')
    parsed = Tags(out)
    assert parsed.tags == [("button", {"aria-label": "it's", "class": "a b",
                                       "data-note": '"><script>x</script>', "hidden": None})]


def test_tag_without_attributes_and_plural():
    """tag with no attributes is a bare element; plural picks the singular only for 1."""
    assert tag("p", "x") == "<p>x</p>"
    assert plural(1, "day") == "1 day" and plural(0, "day") == "0 days" and plural(2, "entry", "entries") == "2 entries"


# --- routes -----------------------------------------------------------------------------------


@pytest.mark.parametrize("hash_text,expected", [
    ("", ("library", None, None)),
    ("#", ("library", None, None)),
    ("#/", ("library", None, None)),
    ("#/practices", ("practices", None, None)),
    ("#/practices/", ("practices", None, None)),
    ("#/a/never-cries", ("article", "never-cries", None)),
    ("#/a/never-cries/never-cries--why", ("article", "never-cries", "never-cries--why")),
    ("#/a/unknown", ("missing", None, None)),
    ("#/a/unknown/x", ("missing", None, None)),
    ("#/a", ("missing", None, None)),
    ("#/a/never-cries/x/y", ("missing", None, None)),
    ("#/practices/extra", ("missing", None, None)),
    ("#/help", ("help", None, None)),
    ("#/help/", ("help", None, None)),
    ("#/help/extra", ("missing", None, None)),
    ("#/nonsense", ("missing", None, None)),
])
def test_routes_parse(hash_text, expected):
    """routes.parse maps each hash to (view, slug, anchor), and anything unknown to "missing"."""
    assert routes.parse(hash_text, SLUGS) == expected


def test_route_name():
    """route_name gives "a/<slug>" for an article and the view's name otherwise."""
    assert routes.route_name("article", "never-cries") == "a/never-cries"
    assert routes.route_name("practices", None) == "practices"
    assert routes.route_name("help", None) == "help"


# --- views ------------------------------------------------------------------------------------


def test_tracker_draws_no_note_and_offers_the_journal():
    """Notes live in the journal: the tracker has no note box and no note text, only "Write about today"."""
    doc = model.empty()
    model.add_note(doc, TODAY_ISO, "<img src=x onerror=alert(1)>")
    page = render(doc)
    assert "<img" not in page and "onerror" not in page and "<textarea" not in page
    assert '<a class="button" href="#/journal/write">Write about today</a>' in page


def test_tracker_escapes_practice_names():
    """A practice name with & and < is escaped in its row (taken on: a fresh page draws no rows)."""
    doc = model.empty()
    model.set_focus(doc, "name-feelings", 0)
    page = render(doc)
    assert "Notice &amp; name &lt;feelings&gt;" in page
    assert "<feelings>" not in page


def test_fresh_tracker_has_no_rows_but_the_collection_closed():
    """Nothing taken on and no history: no rows, the empty state shown, and "All practices" closed and
    empty (drawn open, with its list, when drawn again while open), by article, where each practice can
    be taken on (a practice two articles suggest is under each)."""
    page = render(model.empty())
    assert TRACKER_BOX.findall(page) == [] and group_titles(page) == []
    assert '<div class="tracker-empty" id="tracker-empty">' in page and "Add to my practices" in page
    collection = page[page.index('<details class="panel all-practices" id="all-practices">'):]
    assert " open" not in collection[:collection.index(">")] and "picks" not in collection   # drawn on opening
    collection = tracker_views.all_practices(CATALOGUE, model.empty(), opened=True)
    assert re.findall(r'<h3><a href="#/a/([a-z-]+)">', collection) == ["crying-together", "never-cries"]
    picks = re.findall(r'id="pick--([a-z-]+)--([a-z-]+)" data-focus="\2"', collection)
    assert picks == [("crying-together", "offer-context"), ("crying-together", "active-listening"),
                     ("crying-together", "slow-breathing"), ("never-cries", "name-feelings"),
                     ("never-cries", "active-listening")]
    reopened = tracker_views.tracker(CATALOGUE, model.empty(), TODAY, [], True, collection_open=True)
    assert '<details class="panel all-practices" id="all-practices" open>' in reopened   # drawn again as it was


def test_tracker_days_are_named_by_their_checkbox_alone():
    """Each practice's today box is named by the practice and today's date; the day's visible face is not
    read, and names the month where it changes (the 1st)."""
    doc = model.empty()
    for p in CATALOGUE["practices"]:
        model.set_focus(doc, p["id"], 0)
    page = render(doc)
    for p in CATALOGUE["practices"]:
        box = page.index('id="tracker--do-%s"' % p["id"])
        day = page[page.rindex("<input", 0, box):page.index("</span></span>", box) + len("</span></span>")]
        assert 'aria-label="%s, Friday 1 March 2024"' % escape(p["name"]) in day
        assert re.fullmatch(r'<input [^>]*><span class="day-face" aria-hidden="true">F\n1'
                            r'<span class="day-month"> Mar</span></span>', day)


def test_taken_on_practices_come_first_then_those_tried_before():
    """The practices taken on form the first group, "Trying now"; practices with history not taken
    on, and ids no longer in the articles, follow under "Tried before"; no practice is drawn twice."""
    doc = model.empty()
    model.set_focus(doc, "slow-breathing", 3)
    model.set_focus(doc, "name-feelings", 0)
    model.set_done(doc, "slow-breathing", TODAY, True)
    model.set_done(doc, "offer-context", TODAY - 2, True)
    model.set_done(doc, "old-practice", dates.ordinal("2024-02-28"), True)
    page = render(doc)
    assert group_titles(page) == ["Trying now", "Tried before"]
    groups = re.split(r'<section class="tracker-group" data-group="[a-z0-9-]+">', page)[1:]
    assert TRACKER_BOX.findall(groups[0]) == ["name-feelings", "slow-breathing"]
    assert TRACKER_BOX.findall(groups[1]) == ["offer-context"]
    assert 'data-practice="old-practice"' in groups[1] and "Old practice" in groups[1]
    assert "old-practice" not in TRACKER_BOX.findall(page)   # no longer in the articles: its history, no boxes
    assert '<div class="tracker-empty" id="tracker-empty" hidden>' in page


def test_done_today_is_checked():
    """A practice ticked today has a checked tracker checkbox; the others are unchecked."""
    doc = model.empty()
    model.set_done(doc, "active-listening", dates.ordinal(TODAY_ISO), True)
    model.set_done(doc, "offer-context", dates.ordinal("2024-02-29"), True)
    checked = re.findall(r'id="tracker--do-([a-z0-9-]+)" data-practice="[a-z0-9-]+" data-day="2024-03-01"'
                         r' [^>]* checked>', render(doc))
    assert checked == ["active-listening"]


@pytest.mark.parametrize("done,goal,said", [(3, 3, "3 of 3 this week: goal met"), (4, 3, "4 of 3 this week: goal met"),
                                            (2, 3, "2 of 3 this week"), (0, 2, "0 of 2 this week"),
                                            (2, 0, "2 this week"), (0, 0, "")])
def test_week_count_says_goal_met_once_reached(done, goal, said):
    """The row's count says this week (Monday to today) against the goal, "goal met" only once reached."""
    doc = model.empty()
    model.set_focus(doc, "active-listening", goal)
    for n in range(done):
        model.set_done(doc, "active-listening", TODAY - n, True)   # Friday back to Monday
    assert tracker_views.week_count_text(doc, "active-listening", TODAY, True) == said


def test_focus_card_shows_week_progress():
    """A focused practice done twice this week with goal 2 shows "2 of 2 this week: goal met"."""
    doc = model.empty()
    model.set_focus(doc, "active-listening", 2)
    for d in ("2024-02-25", "2024-02-26", TODAY_ISO):   # Sunday before, Monday, Friday
        model.set_done(doc, "active-listening", dates.ordinal(d), True)
    assert "2 of 2 this week: goal met" in render(doc)


def test_history_is_a_closed_summary_until_opened():
    """Each row's details are closed and empty, name and week's count as summary; the text, facts,
    focus, goal and the table are drawn on opening (row_body, grid_table)."""
    doc = model.empty()
    model.set_done(doc, "offer-context", dates.ordinal(TODAY_ISO), True)
    model.set_done(doc, "offer-context", dates.ordinal("2023-01-02"), True)   # older than 12 weeks: not counted
    page = render(doc)
    assert ('<details class="history" data-grid="offer-context"><summary><h3 class="practice-name">Offer context</h3>'
            '<span class="week-count">1 this week</span></summary></details>') in page
    assert page.count('<details class="history"') == 1   # only the practice with history has a row
    rows = page.split('<details id="data-details"')[0]   # "Your data" opens once there is data: not a row
    assert "<table" not in page and " open" not in rows and "<select" not in page and "Done on 2" not in page
    body = tracker_views.row_body(doc, CATALOGUE["practices"][0], TODAY, CATALOGUE)
    assert "Done on 2 days in all, 1 of them in the last 12 weeks." in body and 'id="goal--offer-context"' in body
    assert "this week" not in body   # the row's count says it, once


def test_calendar_is_12_weeks_from_a_monday():
    """calendar gives 84 consecutive days from a Monday, today in the last week, each with its ISO date."""
    days = tracker_views.calendar(TODAY)
    ordinals = [d.n for d in days]
    assert ordinals == list(range(ordinals[0], ordinals[0] + 84))
    assert datetime.date.fromordinal(ordinals[0]).weekday() == 0
    assert TODAY in ordinals[-7:]
    assert [d.iso for d in days] == [datetime.date.fromordinal(n).isoformat() for n in ordinals]


def test_history_grid_has_12_weeks():
    """The history table has 12 week rows of 7 day cells, with done, noted and future days marked."""
    doc = model.empty()
    model.set_done(doc, "offer-context", dates.ordinal(TODAY_ISO), True)
    model.add_note(doc, "2024-02-20", "felt close")
    model.add_note(doc, "2023-01-01", "too old")   # before the 12 weeks: no dot, no link
    table = tracker_views.grid_table(doc, "offer-context", TODAY, "Offer context")
    assert table.count("has-note") == 1 and table.count('href="#/journal/') == 1
    body = table.split("<tbody>")[1]
    assert body.count("<tr>") == 12
    assert body.count("<td ") == 84
    assert body.count("is-done") == 1 and body.count("is-future") == 2   # Saturday and Sunday
    assert body.count('<input type="checkbox" class="day-box"') == 82     # every day but the two to come
    assert body.count(" checked") == 1


def test_backups_are_offered_for_download():
    """Each backup key appears as a download button in the data panel."""
    page = tracker_views.tracker(CATALOGUE, model.empty(), TODAY, ["attune:backup:1700000000000"], False)
    assert 'data-key="attune:backup:1700000000000"' in page
    assert "Right now nothing is being saved." in page


def test_import_dialog_escapes_file_name():
    """The import confirmation shows the file name as text and counts the changes."""
    out = data_views.import_dialog({"checkins": 2, "notes": 1, "focus": 0, "archived": 1}, "<b>backup</b>.json")
    assert "<b>" not in out and "&lt;b&gt;backup&lt;/b&gt;.json" in out
    assert "2 new check-ins, 1 new note, 0 focus changes" in out
    assert "1 practice no longer in the articles" in out


def test_groups_are_named_for_partial_redraws():
    """Each group carries its key (data-group), so a row can find the group it moves to."""
    doc = model.empty()
    model.set_focus(doc, "name-feelings", 2)
    model.set_done(doc, "old-practice", dates.ordinal("2024-02-28"), True)
    keys = re.findall(r'data-group="([a-z0-9-]+)"', render(doc))
    assert keys == ["mine", "tried"]


def test_row_has_the_last_seven_days_today_last():
    """A row's day toggles are the last 7 days, oldest first, today's last; ticked days are checked."""
    doc = model.empty()
    model.set_done(doc, "slow-breathing", dates.ordinal("2024-02-27"), True)
    row = tracker_views.practice_card(doc, CATALOGUE["practices"][2], TODAY)
    days = re.findall(r'data-day="(\d{4}-\d\d-\d\d)"', row)
    assert days == ["2024-02-24", "2024-02-25", "2024-02-26", "2024-02-27", "2024-02-28", "2024-02-29", "2024-03-01"]
    assert re.findall(r'data-day="([0-9-]+)" aria-label="[^"]+" checked', row) == ["2024-02-27"]
    assert 'id="day--slow-breathing--2024-02-27"' in row and 'id="tracker--do-slow-breathing"' in row
    shown = re.findall(r'<span class="day-face" aria-hidden="true">(\w)\n(\d+)(.*?)</span>', row)
    assert shown == [("S", "24", ""), ("S", "25", ""), ("M", "26", ""), ("T", "27", ""), ("W", "28", ""),
                     ("T", "29", ""), ("F", "1", '<span class="day-month"> Mar')]
    assert row.count("is-today") == 1 and row.index("is-today") > row.index('data-day="2024-02-29"')


def test_every_control_has_a_name_of_its_own():
    """Day toggles, focus, goal and grid cells each name their practice (and date): no two share a name."""
    doc = model.empty()
    for p in CATALOGUE["practices"]:
        model.set_focus(doc, p["id"], 2)
    page = render(doc).split('<details class="panel all-practices"')[0]   # a pick per article: see below
    page += "".join(tracker_views.row_body(doc, p, TODAY, CATALOGUE)
                    + tracker_views.grid_table(doc, p["id"], TODAY, p["name"]) for p in CATALOGUE["practices"])
    names = re.findall(r'<input [^>]*aria-label="([^"]+)"', page)   # day toggles, grid cells, "Add to my practices"
    names += [re.sub(r"<[^>]+>", "", n) for n in re.findall(r'<label for="goal--[a-z-]+">(.*?)</label>', page)]
    assert "Listen actively, Friday 1 March 2024" in names
    assert "Listen actively, Thursday 29 February 2024, in the 12-week grid" in names
    assert "Weekly goal for Listen actively" in names and "Add to my practices: Listen actively" in names
    assert len(names) == len(set(names))
    assert '<label for="focus--active-listening">Add to my practices</label>' in page   # the name begins as seen


def test_grid_links_days_with_notes_to_the_journal():
    """Days with notes in the 12 weeks link to #/journal/YYYY-MM-DD, newest first, named by their full date."""
    doc = model.empty()
    model.add_note(doc, "2024-02-20", "older")
    model.add_note(doc, "2024-02-29", "newer")
    model.add_note(doc, "2023-01-02", "too old for the grid")
    grid = tracker_views.grid_table(doc, "offer-context", TODAY, "Offer context")
    assert re.findall(r'href="#/journal/([0-9-]+)"', grid) == ["2024-02-29", "2024-02-20"]
    assert "Notes for Thursday 29 February 2024" in grid
    assert tracker_views.grid_table(model.empty(), "offer-context", TODAY, "Offer context").count("journal") == 0


@pytest.mark.parametrize("day,done,said", [
    (TODAY, True, "“Listen” marked as done today."), (TODAY, False, "“Listen” unticked for today."),
    (TODAY - 1, True, "“Listen” marked as done yesterday."),
    (TODAY - 3, True, "“Listen” marked as done on Tuesday 27 February 2024."),
    (TODAY - 3, False, "“Listen” unticked for Tuesday 27 February 2024.")])
def test_tick_message_names_the_day(day, done, said):
    """The message after a tick says which practice and which day it changed."""
    assert tracker_views.tick_message("Listen", day, TODAY, done) == said


def test_week_count_against_the_goal():
    """A row counts this week's days against the goal, says when it is met, and says nothing at zero without a goal."""
    doc = model.empty()
    assert tracker_views.week_count_text(doc, "offer-context", TODAY, False) == ""
    model.set_done(doc, "offer-context", dates.ordinal("2024-02-26"), True)   # Monday of this week
    assert tracker_views.week_count_text(doc, "offer-context", TODAY, False) == "1 this week"
    model.set_focus(doc, "offer-context", 2)
    assert tracker_views.week_count_text(doc, "offer-context", TODAY, True) == "1 of 2 this week"
    model.set_done(doc, "offer-context", dates.ordinal(TODAY_ISO), True)
    assert tracker_views.week_count_text(doc, "offer-context", TODAY, True) == "2 of 2 this week: goal met"


def test_data_panel_opens_once_there_is_something_to_keep():
    """"Your data" is closed on a fresh profile; open with anything saved, while nothing is saved, with backups, or
    when it was open."""
    fresh = data_views.data_panel(model.empty(), [], True, TODAY)
    assert '<details id="data-details">' in fresh
    for shown in ('<p class="copy-status" id="copy-status">No copy saved yet.</p>', ">Save a copy</button>",
                  ">Restore a copy</button>", 'id="keep-data"', 'id="import-file"', ">Erase all data</button>"):
        assert shown in fresh
    kept = model.empty()
    model.add_note(kept, "2024-03-01", "a note")
    assert '<details id="data-details" open>' in data_views.data_panel(kept, [], True, TODAY)
    assert '<details id="data-details" open>' in data_views.data_panel(model.empty(), [], False, TODAY)
    assert '<details id="data-details" open>' in data_views.data_panel(model.empty(), ["attune:backup:1"], True, TODAY)
    assert '<details id="data-details" open>' in data_views.data_panel(model.empty(), [], True, TODAY, opened=True)
