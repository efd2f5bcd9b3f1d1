"""py/render/plan_views.py: the reminders and sharing panel, and the shared plan's view."""
from render import plan_views

CATALOGUE = {"articles": [], "practices": [
    {"id": "listen-first", "name": "Listen first", "text": "Say back what you heard.", "articles": ["a"]},
    {"id": "cry-together", "name": "Cry <together>", "text": "Let it come & stay.", "articles": ["b"]},
]}


def test_tools_without_focus_only_explain():
    """With nothing taken on the panel is a hidden placeholder without tools (the empty state says how to start)."""
    html = plan_views.plan_tools(CATALOGUE, {})
    assert "<details" not in html and 'data-focus="no"' in html and " hidden" in html and "panel" not in html


def test_tools_are_drawn_closed_and_empty():
    """With a focus the panel holds the two tools, closed, with only their summaries (bodies come on opening)."""
    html = plan_views.plan_tools(CATALOGUE, {"listen-first": 3, "archived-one": 2})
    assert 'data-focus="yes"' in html and html.count("<details") == 2 and " open" not in html
    assert ">Add to calendar</summary></details>" in html and ">Share with your partner</summary></details>" in html
    assert "data-remind" not in html and "share-link" not in html


def test_archived_focus_alone_offers_no_tools():
    """Practices no longer in the articles cannot be reminded or shared: a focus of only those explains."""
    assert plan_views.panel_state(CATALOGUE, {"archived-one": 2}) == "no"


def test_calendar_body_offers_days_by_goal():
    """Each focus practice gets seven day boxes, the goal's spread ticked, names escaped."""
    html = plan_views.tool_body("calendar-tool", CATALOGUE, {"listen-first": 3, "cry-together": 0}, "l")
    assert html.startswith('<div class="tool-body">')
    assert html.count('data-remind="listen-first"') == 7 and html.count('data-remind="cry-together"') == 7
    assert 'id="remind--listen-first--0" data-remind="listen-first" value="0" checked' in html
    assert 'id="remind--listen-first--1" data-remind="listen-first" value="1">' in html
    assert 'id="remind--cry-together--6" data-remind="cry-together" value="6" checked' in html
    assert 'value="20:00"' in html and "Cry &lt;together&gt;" in html and "share-link" not in html


def test_share_body_holds_the_link_read_only_and_escaped():
    """The share tool's body shows the link read-only, escaped, with its label."""
    html = plan_views.tool_body("share-tool", CATALOGUE, {"listen-first": 3}, 'https://x/?a="b"#/plan/1/x/y')
    assert 'readonly value="https://x/?a=&quot;b&quot;#/plan/1/x/y"' in html
    assert ">Link to share</label>" in html and "data-remind" not in html


def test_plan_view_lists_known_and_unknown():
    """A plan shows each known practice's name, text and goal, the unknown ids apart, and the add button."""
    plan = [("cry-together", 2), ("from-later", 1), ("listen-first", 0)]
    html = plan_views.plan_view(CATALOGUE, {"listen-first": 4}, plan)
    assert "Cry &lt;together&gt;" in html and "Let it come &amp; stay." in html and "Goal: 2 times a week" in html
    assert "No weekly goal" in html and "Already in your practices (goal: 4 times a week)" in html
    assert "1 practice is not in this version of Attune" in html and "from-later" in html
    assert 'data-action="plan-add"' in html


def test_plan_view_with_nothing_known_has_no_add_button():
    """A plan of only unknown practices says so and offers nothing to add."""
    html = plan_views.plan_view(CATALOGUE, {}, [("a", 1), ("b", 2)])
    assert "2 practices are not in this version of Attune" in html and "plan-add" not in html


def test_added_message():
    """The confirmation says what was added and raised, or that nothing was new."""
    assert plan_views.added_message(2, 1) == "Added 2 practices to your practices and raised 1 goal."
    assert plan_views.added_message(0, 0) == "Everything in this plan was already in your practices."


def test_tools_keep_the_readers_choices():
    """Days and time the reader already picked are drawn again instead of the defaults."""
    html = plan_views.tool_body("calendar-tool", CATALOGUE, {"listen-first": 3}, "l", {"listen-first": [1]}, "07:15")
    assert 'value="1" checked' in html and 'value="0" checked' not in html and 'value="07:15"' in html
