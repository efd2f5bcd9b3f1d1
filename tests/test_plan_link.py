"""py/core/plan_link.py: the shared plan's link, and the plan route."""
import pytest

from core import plan_link
from core import routes
from core.plan_link import PlanError

FOCUS = {"listen-first": 3, "name-the-feeling": 0, "cry-together": 7}


def test_round_trip():
    """decode(encode(focus)) gives back exactly the focus, ids in sorted order."""
    fragment = plan_link.encode(FOCUS)
    assert fragment.startswith("#/plan/1/")
    assert plan_link.decode(fragment) == sorted(FOCUS.items())


def test_link_is_this_page_with_the_plan_fragment():
    """link() keeps the page address, drops its own fragment, and carries only ids and goals."""
    url = plan_link.link("https://example.org/attune/#/practices", {"listen-first": 2})
    body = "listen-first.2"
    assert url == "https://example.org/attune/#/plan/1/%s/%s" % (body, plan_link.checksum(body))


def test_link_is_deterministic_and_url_safe():
    """The same focus always gives the same link, made only of characters a URL carries unescaped."""
    one, two = plan_link.encode(FOCUS), plan_link.encode(dict(reversed(list(FOCUS.items()))))
    assert one == two
    allowed = set("abcdefghijklmnopqrstuvwxyz0123456789-._/#")
    assert set(one) <= allowed


@pytest.mark.parametrize("cut", [1, 3, 9, 20])
def test_a_link_cut_short_is_damaged(cut):
    """A link missing characters at its end is reported as damaged."""
    fragment = plan_link.encode(FOCUS)
    with pytest.raises(PlanError, match="damaged"):
        plan_link.decode(fragment[:-cut])


def test_a_changed_link_is_damaged():
    """Changing a goal or an id without the checksum is reported as damaged."""
    fragment = plan_link.encode({"listen-first": 3})
    for changed in (fragment.replace(".3", ".4"), fragment.replace("listen", "lissen")):
        with pytest.raises(PlanError, match="damaged"):
            plan_link.decode(changed)


def body_link(body):
    """A link with a correct checksum around any body: tests what the checksum alone would not catch."""
    return "#/plan/1/%s/%s" % (body, plan_link.checksum(body))


@pytest.mark.parametrize("body", ["listen-first", "listen-first.8", "listen-first.x", "Listen.1",
                                  "a.1_a.2", "a.1__b.2", "a.12", ".1", "a.-1", "a;b.1"])
def test_malformed_items_are_damaged(body):
    """An item that is not id.goal (0..7), or a repeated id, is damaged even with a matching checksum."""
    with pytest.raises(PlanError, match="damaged"):
        plan_link.decode(body_link(body))


@pytest.mark.parametrize("fragment", ["#/plan", "#/plan/", "#/plan/x/a.1/00000000", "#/plan/0/a.1/00000000",
                                      "#/plan/1.5/a.1/0"])
def test_foreign_links(fragment):
    """A plan path without a known version number does not look like an Attune plan."""
    with pytest.raises(PlanError, match="does not look like an Attune plan"):
        plan_link.decode(fragment)


def test_not_a_plan_at_all():
    """Another route is not a plan link."""
    with pytest.raises(PlanError, match="not an Attune plan link"):
        plan_link.decode("#/practices")


def test_future_version():
    """A link from a newer Attune names both versions and says to reload."""
    with pytest.raises(PlanError, match=r"newer version of Attune \(link version 2; this one reads up to 1\)"):
        plan_link.decode("#/plan/2/whatever-it-holds/abc")


def test_oversized_links():
    """A link over the size limit, or with more practices than Attune could have, is refused."""
    with pytest.raises(PlanError, match="far longer"):
        plan_link.decode("#/plan/1/" + "a" * 3000)
    many = dict(("p%d" % i, 1) for i in range(plan_link.MAX_PRACTICES + 1))
    with pytest.raises(PlanError, match="more practices"):
        plan_link.decode(plan_link.encode(many))


def test_unknown_ids_are_split_off():
    """Ids this catalogue does not have are listed apart, keeping the link's order."""
    plan = [("listen-first", 3), ("from-the-future", 2), ("cry-together", 1)]
    known, unknown = plan_link.split_known(plan, {"listen-first", "cry-together"})
    assert known == [("listen-first", 3), ("cry-together", 1)] and unknown == ["from-the-future"]


def test_merge_adds_and_keeps_the_larger_goal():
    """Adding a plan brings new practices in and never lowers a goal the reader set."""
    focus = {"listen-first": 5, "cry-together": 1}
    plan = [("listen-first", 3), ("cry-together", 4), ("name-the-feeling", 0)]
    assert plan_link.merged_focus(focus, plan) == {"listen-first": 5, "cry-together": 4, "name-the-feeling": 0}
    assert plan_link.changes(focus, plan) == (1, 1)
    assert focus == {"listen-first": 5, "cry-together": 1}  # the reader's own focus is not changed in place


def test_plan_route():
    """Every #/plan… address opens the plan view (which then reads or refuses the link)."""
    for fragment in ("#/plan", "#/plan/1/a.1/00000000", "#/plan/9/x"):
        assert routes.parse(fragment, {"x"}) == ("plan", None, None)
    assert routes.route_name("plan", None) == "plan"
