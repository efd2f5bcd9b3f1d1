"""Issue 27: a tap at first paint counts. site/boot.js enables the articles' practice boxes before Python
is up and notes each change; the app stores them when it starts (App.wire), or the failed start says
they were lost."""
import time

import pytest

from browser import PHONE
from spoilt_bundle import cut_short, serve_spoilt

pytestmark = pytest.mark.browser
ARTICLE = "never-cries"
SLOW_CPU = 4   # CDP Emulation.setCPUThrottlingRate: the phone
TODAY_JS = ("(() => { const d = new Date(); return d.getFullYear() + '-' + String(d.getMonth() + 1).padStart(2, '0')"
            " + '-' + String(d.getDate()).padStart(2, '0'); })()")


def slowed_page(w, hold):
    """The page's CPU slowed through CDP and every request matching `hold` held back (the runtime's
    start waits for it); returns (CDP session, the held routes)."""
    cdp = w.context.new_cdp_session(w.page)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": SLOW_CPU})
    held = []
    w.context.route(hold, lambda route: held.append(route))
    return cdp, held


def wait_for(what, predicate, seconds=30):
    deadline = time.monotonic() + seconds
    while not predicate():
        assert time.monotonic() < deadline, "timed out waiting for " + what
        time.sleep(0.05)


def press(page, cdp, selector):
    """A tap at the element's centre as CDP Input events (no Playwright actionability checks, which
    would wait for the page): the reader's finger, whatever the app is doing."""
    page.eval_on_selector(selector, "e => e.scrollIntoView({block: 'center'})")
    box = page.locator(selector).bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    for kind in ("mousePressed", "mouseReleased"):
        cdp.send("Input.dispatchMouseEvent", {"type": kind, "x": x, "y": y, "button": "left", "clickCount": 1})


def open_early(w, site, hold):
    """Load the article with the start held back at `hold`; returns (page, CDP session, held routes)
    once boot.js has enabled the boxes, with the app still loading."""
    cdp, held = slowed_page(w, hold)
    page = w.page
    page.goto(site + "#/a/" + ARTICLE, wait_until="domcontentloaded")
    page.wait_for_function("!document.querySelector('input.practice-box[disabled]')")
    wait_for("the held request", lambda: held or page.wait_for_timeout(50))
    return page, cdp, held


def box(pid):
    return f"#{ARTICLE}--do-{pid}"


def test_a_tap_before_the_app_is_ready_is_kept_and_stored(site, open_page):
    """On a slowed start (CPU 4×, the runtime's .wasm held back), a box pressed through CDP before
    data-app="ready" shows ticked at once, stays ticked after ready, and is stored for today."""
    w = open_page(PHONE)
    page, cdp, held = open_early(w, site, "**/runtime/micropython/micropython.wasm")
    press(page, cdp, box("feelings-journal"))
    assert page.is_checked(box("feelings-journal"))          # a real checkbox: ticked at once
    assert page.get_attribute("html", "data-app") == "loading"
    assert page.evaluate("window.attuneEarlyTicks") == [["feelings-journal", page.evaluate(TODAY_JS), True]]
    for route in held:
        route.continue_()
    page.wait_for_selector("html[data-app=ready]", state="attached", timeout=60000)
    assert page.is_checked(box("feelings-journal"))
    assert w.stored()["checkins"]["feelings-journal"] == [page.evaluate(TODAY_JS)]
    assert "marked as done today" in page.inner_text("#status")
    assert page.evaluate("'attuneEarlyTicks' in window") is False   # the app's own listener answers from now on
    assert w.errors == []


def test_a_box_ticked_earlier_today_shows_ticked_from_the_first_paint(site, open_page):
    """Before the app is up, a practice stored as done today is drawn checked (boot.js reads its day from storage),
    one not done and one whose key is unreadable are not; unticking it early then stores it as not done."""
    first = open_page(PHONE)
    page = first.open(site + "#/a/" + ARTICLE)
    page.check(box("feelings-journal"))
    wait_for("the stored tick", lambda: "feelings-journal" in first.checkins())
    page.evaluate("localStorage.setItem('attune:days:needs-check', '{\"from\": 12, \"bits\": null}')")
    # The next visit with the same storage, in a context without the service worker (whose cache would
    # serve the runtime without a request to hold back).
    w = open_page(PHONE, storage_state=first.context.storage_state())
    page, cdp, held = open_early(w, site, "**/runtime/micropython/micropython.wasm")
    assert page.get_attribute("html", "data-app") == "loading"
    assert [page.is_checked(box(pid)) for pid in ("feelings-journal", "active-listening", "needs-check")] == [
        True, False, False]
    press(page, cdp, box("feelings-journal"))
    assert not page.is_checked(box("feelings-journal"))
    assert page.evaluate("window.attuneEarlyTicks") == [["feelings-journal", page.evaluate(TODAY_JS), False]]
    for route in held:
        route.continue_()
    page.wait_for_selector("html[data-app=ready]", state="attached", timeout=60000)
    assert not page.is_checked(box("feelings-journal"))
    assert "feelings-journal" not in w.checkins()


def test_early_ticks_and_unticks_are_applied_in_order_as_set_not_toggle(site, open_page):
    """Early changes count as "done / not done that day": a box ticked then unticked before ready is not
    stored, one ticked is, and a tick of a practice already stored for today leaves it stored (not toggled)."""
    first = open_page(PHONE)
    page = first.open(site + "#/a/" + ARTICLE)
    page.locator(box("feelings-journal")).check()
    page.wait_for_function("document.querySelector('#status').textContent.includes('marked as done')")
    day = page.evaluate(TODAY_JS)
    assert first.checkins() == {"feelings-journal": [day]}
    ticked = first.storage()["attune:days:feelings-journal"]
    page.locator(box("feelings-journal")).uncheck()           # the next visit starts with nothing stored
    wait_for("the stored untick", lambda: first.checkins() == {})
    # The next visit with the same storage, in a context without the service worker (whose cache would
    # serve the runtime without a request to hold back).
    w = open_page(PHONE, storage_state=first.context.storage_state())
    page, cdp, held = open_early(w, site, "**/runtime/micropython/micropython.wasm")
    assert not page.is_checked(box("feelings-journal"))
    # Another tab ticks it after this page was drawn: the box still shows it not done, and pressing it means "done".
    page.evaluate("t => localStorage.setItem('attune:days:feelings-journal', t)", ticked)
    press(page, cdp, box("feelings-journal"))                 # done again: stays done
    press(page, cdp, box("name-feelings"))
    press(page, cdp, box("name-feelings"))                 # ticked, then unticked
    press(page, cdp, box("active-listening"))
    assert page.is_checked("#crying-together--do-active-listening")   # the same practice in another article
    assert page.get_attribute("html", "data-app") == "loading"
    for route in held:
        route.continue_()
    page.wait_for_selector("html[data-app=ready]", state="attached", timeout=60000)
    assert w.checkins() == {"feelings-journal": [day], "active-listening": [day]}
    assert page.is_checked(box("feelings-journal")) and page.is_checked(box("active-listening"))
    assert not page.is_checked(box("name-feelings"))
    assert "3 ticks from while Attune was starting are recorded" in page.inner_text("#status")
    assert w.errors == []


@pytest.mark.parametrize("ending, speaker", [
    (lambda route: route.abort(), "The interactive part of Attune could not start here"),
    (lambda route: serve_spoilt(route, cut_short), "Attune could not start (modules.bin ends inside"),
], ids=["watchdog", "main-py-fail"])
@pytest.mark.allow_console_errors("the start fails on purpose: a refused or cut-off modules.bin is reported")
def test_a_tap_before_a_failed_start_is_reported_as_lost(site, open_page, ending, speaker):
    """A box ticked before a start that fails (py/modules.bin refused: the watchdog; cut short: main.py's
    fail()) is named in the alert as not saved, and the boxes are disabled again."""
    w = open_page(PHONE)
    page, cdp, held = open_early(w, site, "**/py/modules.bin")
    press(page, cdp, box("feelings-journal"))
    assert page.is_checked(box("feelings-journal"))
    for route in held:
        ending(route)
    page.wait_for_selector("html[data-app=error]", state="attached", timeout=60000)
    page.wait_for_selector("#status [role=alert]")
    alert = page.inner_text("#status [role=alert]")
    assert speaker in alert
    assert "the tick you made could not be saved" in alert.lower()
    assert page.is_disabled(box("feelings-journal"))


@pytest.mark.allow_console_errors("the start fails on purpose: a refused modules.bin is reported")
def test_a_failed_start_without_early_ticks_says_nothing_of_them(site, open_page):
    """The watchdog's alert mentions lost ticks only when there were some."""
    w = open_page(PHONE)
    w.context.route("**/py/modules.bin", lambda route: route.abort())
    page = w.page
    page.goto(site + "#/a/" + ARTICLE)
    page.wait_for_selector("html[data-app=error]", state="attached")
    page.wait_for_selector("#status [role=alert]")
    assert "could not be saved" not in page.inner_text("#status [role=alert]")


def test_with_scripts_off_the_boxes_stay_disabled(chromium, watch, site):
    """With JavaScript off every practice box stays disabled: nothing could keep a tick."""
    context = chromium.new_context(java_script_enabled=False)
    try:
        page = watch(context).page
        page.goto(site + "#/a/" + ARTICLE)
        boxes = page.locator("input.practice-box")
        assert boxes.count() >= 10
        assert page.locator("input.practice-box:not([disabled])").count() == 0
    finally:
        context.close()
