"""Reminders and a shared plan in real Chromium: the .ics download parsed, the share link into a
fresh profile, and bad links that change nothing."""
import datetime

import icalendar
import pytest

from core import plan_link
from axe import assert_axe_clean
from browser import DESKTOP, PHONE
from offline import serve_copy, visit_then_go_offline
from pages import open_row, take_on, today

pytestmark = pytest.mark.browser

# Records the type of every Blob the page turns into a download link.
RECORD_BLOB_TYPES = """
window.blobTypes = [];
const create = URL.createObjectURL.bind(URL);
URL.createObjectURL = (blob) => { window.blobTypes.push(blob.type); return create(blob); };
"""
FAKE_SHARE = "navigator.share = (data) => { window.shared = data; return Promise.resolve(); };"


def open_tracker(w, site):
    page = w.open(site + "#/practices")
    page.wait_for_selector("#tracker:not([aria-busy]) #all-practices")
    return page


def focus(page, pid, goal):
    """Take a practice on (from "All practices") and set its weekly goal in its row."""
    take_on(page, pid)
    open_row(page, pid)
    page.select_option("#goal--" + pid, str(goal))


def open_tool(page, name):
    """Open a tool of the reminders panel and wait for its body, which Python draws on the toggle event."""
    tool = page.locator("#plan-tools details.plan-tool", has=page.locator("summary", has_text=name))
    tool.locator("summary").click()
    tool.locator(".tool-body").wait_for()


def test_calendar_file_downloads_and_parses(site, open_page):
    """The .ics holds one weekly event per focus practice on the chosen days and time, with a link back."""
    w = open_page(DESKTOP)
    w.context.add_init_script(RECORD_BLOB_TYPES)
    page = open_tracker(w, site)
    focus(page, "share-joy", 3)
    focus(page, "active-listening", 0)
    open_tool(page, "Add to calendar")
    # The goal's days are ticked by default: 3 → Mon, Wed, Fri; 0 → Sunday.
    checked = page.eval_on_selector_all("input[data-remind='share-joy']:checked", "bs => bs.map(b => b.value)")
    assert checked == ["0", "2", "4"]
    page.uncheck("#remind--share-joy--0")
    page.check("#remind--share-joy--5")
    page.fill("#remind-time", "07:30")
    with page.expect_download() as info:
        page.get_by_role("button", name="Download calendar file").click()
    download = info.value
    assert download.suggested_filename == "attune-reminders-%s.ics" % today(page)
    assert page.evaluate("window.blobTypes") == ["text/calendar"]
    text = download.path().read_bytes().decode("utf-8")
    assert "\r\n" in text
    events = {str(e["SUMMARY"]): e for e in icalendar.Calendar.from_ical(text).walk("VEVENT")}
    assert sorted(events) == ["Listen actively", "Share the good moments"]
    joy, listen = events["Share the good moments"], events["Listen actively"]
    assert joy["RRULE"]["FREQ"] == ["WEEKLY"] and joy["RRULE"]["BYDAY"] == ["WE", "FR", "SA"]
    assert listen["RRULE"]["BYDAY"] == ["SU"]
    for event in (joy, listen):
        start = event.decoded("DTSTART")
        assert (start.hour, start.minute, start.tzinfo) == (7, 30, None)
        assert start.date() >= datetime.date.fromisoformat(today(page))
        assert str(event["URL"]).startswith(site + "#/a/")
        assert str(event["URL"]) in str(event["DESCRIPTION"])
        assert event.walk("VALARM")[0]["ACTION"] == "DISPLAY"
    page.goto(str(joy["URL"]))
    page.wait_for_selector("html[data-route^='a/']")
    article = page.get_attribute("html", "data-route")[2:]
    assert page.locator("#a-%s [data-practice='share-joy']" % article).count() >= 1  # the article holding it


def test_calendar_needs_a_day(site, open_page):
    """A practice with no day chosen gets a message, and no file is made."""
    w = open_page()
    w.context.add_init_script(RECORD_BLOB_TYPES)
    page = open_tracker(w, site)
    focus(page, "share-joy", 1)
    open_tool(page, "Add to calendar")
    page.uncheck("#remind--share-joy--6")
    page.get_by_role("button", name="Download calendar file").click()
    assert "no day chosen" in page.locator("#calendar-message").inner_text()
    assert page.evaluate("window.blobTypes") == []


def test_share_link_round_trip_into_a_fresh_profile(site, open_page):
    """The link carries only focus and goals; a new profile sees the plan and adds it only on the tap."""
    w = open_page(DESKTOP)
    page = open_tracker(w, site)
    focus(page, "share-joy", 3)
    focus(page, "feelings-journal", 0)
    page.check("#tracker--do-share-joy")
    page.get_by_role("link", name="Write about today").click()
    page.fill("#journal-note", "a private note")
    page.get_by_role("button", name="Save note").click()
    page.wait_for_selector("#journal-weeks li.journal-note")
    page.goto(site + "#/practices")
    page.wait_for_selector("#tracker:not([aria-busy]) #plan-tools details")
    open_tool(page, "Share with your partner")
    link = page.get_by_label("Link to share").input_value()
    assert page.get_by_label("Link to share").get_attribute("readonly") is not None
    assert link.startswith(site + "#/plan/1/")
    assert "private" not in link and "note" not in link
    assert plan_link.decode(link[len(site):]) == [("feelings-journal", 0), ("share-joy", 3)]

    partner = open_page(PHONE)  # a new context: its own, empty storage
    plan = partner.open(link)
    plan.wait_for_selector("#plan-body .plan-item")
    assert plan.locator("html").get_attribute("data-route") == "plan"
    items = plan.locator(".plan-item")
    assert items.count() == 2
    body = plan.inner_text("#plan-body")
    assert "Share the good moments" in body and "Goal: 3 times a week" in body
    assert "Keep a feelings journal" in body and "No weekly goal" in body
    assert partner.stored() is None  # opening the link changed nothing
    plan.get_by_role("button", name="Add to my practices").click()
    plan.wait_for_selector("html[data-route=practices] #tracker:not([aria-busy]) .tracker-card")
    stored = partner.stored()
    assert stored["focus"] == {"share-joy": 3, "feelings-journal": 0}
    assert stored["checkins"] == {} and stored["notes"] == {}
    assert "Added 2 practices to your practices" in plan.inner_text("#status")
    assert plan.locator("#tracker .tracker-group").first.locator("h2").inner_text() == "Trying now"


def test_adding_a_plan_keeps_the_larger_goal(site, open_page):
    """A practice already in the reader's focus keeps a larger goal; a smaller one is raised."""
    w = open_page()
    page = open_tracker(w, site)
    focus(page, "share-joy", 5)
    focus(page, "name-feelings", 1)
    link = site + plan_link.encode({"share-joy": 2, "name-feelings": 4})
    page.goto(link)
    page.wait_for_selector("#plan-body .plan-item")
    assert "Already in your practices (goal: 5 times a week)" in page.inner_text("#plan-body")
    page.get_by_role("button", name="Add to my practices").click()
    page.wait_for_selector("html[data-route=practices]")
    assert w.stored()["focus"] == {"share-joy": 5, "name-feelings": 4}
    assert "Raised 1 goal." in page.inner_text("#status")


def body_link(site, body, version=1):
    return site + "#/plan/%d/%s/%s" % (version, body, plan_link.checksum(body))


@pytest.mark.parametrize("make, message", [
    (lambda site: site + plan_link.encode({"share-joy": 3})[:-4], "This plan link is damaged"),
    (lambda site: site + plan_link.encode({"share-joy": 3}).replace(".3", ".6"), "This plan link is damaged"),
    (lambda site: site + "#/plan/hello/share-joy.1/00000000", "does not look like an Attune plan"),
    (lambda site: body_link(site, "share-joy.1", version=2), "made by a newer version of Attune"),
    (lambda site: site + "#/plan/1/" + "share-joy.1_" * 400, "far longer than any plan"),
], ids=["cut-short", "changed", "foreign", "future-version", "oversized"])
def test_bad_links_say_why_and_change_nothing(site, open_page, make, message):
    """Each kind of bad link gives its message, offers no button, and leaves stored data as it was."""
    w = open_page()
    page = open_tracker(w, site)
    focus(page, "name-feelings", 2)
    before = w.storage()
    page.goto(make(site))
    page.wait_for_selector("#plan-body .error")
    assert message in page.inner_text("#plan-body") and "Nothing was changed" in page.inner_text("#plan-body")
    assert page.get_by_role("button", name="Add to my practices").count() == 0
    assert w.storage() == before
    page.reload()
    page.wait_for_selector("#plan-body .error")
    assert w.storage() == before


def test_unknown_practices_are_listed_and_left_out(site, open_page):
    """Ids this Attune does not have are listed as not in this version; only known ones are added."""
    w = open_page()
    page = w.open(body_link(site, "from-the-future.2_share-joy.1"))
    page.wait_for_selector("#plan-body .plan-item")
    text = page.inner_text("#plan-body")
    assert "1 practice is not in this version of Attune" in text and "from-the-future" in text
    page.get_by_role("button", name="Add to my practices").click()
    page.wait_for_selector("html[data-route=practices]")
    assert w.stored()["focus"] == {"share-joy": 1}


def test_copy_and_share_buttons_follow_the_browser(site, open_page):
    """Copy writes the link with the Clipboard API; Share shows only where navigator.share exists."""
    w = open_page(DESKTOP)
    w.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = open_tracker(w, site)
    focus(page, "share-joy", 2)
    open_tool(page, "Share with your partner")
    link = page.get_by_label("Link to share").input_value()
    has_share = page.evaluate("typeof navigator.share === 'function'")
    assert page.get_by_role("button", name="Share", exact=True).is_visible() == has_share
    page.get_by_role("button", name="Copy", exact=True).click()
    page.wait_for_function("() => document.querySelector('#share-message').textContent.includes('copied')")
    assert page.evaluate("navigator.clipboard.readText()") == link

    shared = open_page(PHONE)
    shared.context.add_init_script(FAKE_SHARE)
    page = open_tracker(shared, site)
    focus(page, "share-joy", 2)
    open_tool(page, "Share with your partner")
    page.get_by_role("button", name="Share", exact=True).click()
    page.wait_for_function("() => window.shared !== undefined")
    assert page.evaluate("window.shared.url") == link


def test_without_clipboard_or_share_neither_button_shows(site, open_page):
    """A browser with neither API offers only the selectable link."""
    w = open_page()
    w.context.add_init_script("delete Navigator.prototype.clipboard; delete Navigator.prototype.share;")
    page = open_tracker(w, site)
    focus(page, "share-joy", 2)
    open_tool(page, "Share with your partner")
    assert page.get_by_role("button", name="Copy", exact=True).is_hidden()
    assert page.get_by_role("button", name="Share", exact=True).is_hidden()
    assert page.get_by_label("Link to share").input_value().startswith(site + "#/plan/1/")


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("view", ["tools", "plan"])
def test_axe_finds_no_violations_in_the_new_controls(site, open_page, scheme, view):
    """axe-core finds no WCAG A/AA violation in the opened reminders and sharing panel, or on a plan."""
    w = open_page(PHONE, bypass_csp=True, color_scheme=scheme)
    if view == "tools":
        page = open_tracker(w, site)
        focus(page, "share-joy", 3)
        open_tool(page, "Add to calendar")
        open_tool(page, "Share with your partner")
    else:
        page = w.open(body_link(site, "from-the-future.2_share-joy.1"))
        page.wait_for_selector("#plan-body .plan-item")
    assert_axe_clean(page)


def test_both_work_offline(chromium, watch, tmp_path):
    """With the server gone, a plan link opens and is added, and the calendar file still downloads."""
    server, url = serve_copy(tmp_path, "")
    context = chromium.new_context(viewport=PHONE)
    try:
        w = watch(context)
        page = visit_then_go_offline(w, server, url)
        page.goto("about:blank")
        page = w.open(url + plan_link.encode({"share-joy": 2}))
        page.wait_for_selector("#plan-body .plan-item")
        page.get_by_role("button", name="Add to my practices").click()
        page.wait_for_selector("html[data-route=practices] #plan-tools")
        assert w.stored()["focus"] == {"share-joy": 2}
        open_tool(page, "Add to calendar")
        with page.expect_download() as info:
            page.get_by_role("button", name="Download calendar file").click()
        event = icalendar.Calendar.from_ical(info.value.path().read_bytes()).walk("VEVENT")[0]
        assert str(event["SUMMARY"]) == "Share the good moments"
        assert [u for u in w.requests if not u.startswith(url)] == []
    finally:
        context.close()
