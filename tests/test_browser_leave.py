"""Leave quickly (issues 23, 37) in real Chromium: the header's link on every view with and without scripts, hidden
on the library and the articles only when the reader chose so, the cover and location.replace(), Shift three times
(each press told to a screen reader, the count expiring; typing that must not leave), fewer history entries, the
reader's own address, where the link sits at phone and desktop widths and every text size, axe.

No test reaches the internet: the exit address is routed to a small local body (see exits()), and the
page's own requests are checked to go nowhere else before leaving.
"""
import json
import re

import pytest

from core import settings
from browser import DESKTOP, PHONE
from builder import config
from axe import assert_axe_clean
from exit_urls import BAD_URLS, GOOD_URLS

pytestmark = pytest.mark.browser
EXIT = config.EXIT_URL
LEFT = "<!doctype html><html><head><title>Weather</title></head><body><p>Weather today</p></body></html>"
BEFORE = "https://before.example/"          # a page the tab showed before Attune (routed, never fetched)
OWN = "https://news.example/today"          # a reader's own exit address (routed)
ROUTE = "route => document.documentElement.dataset.route === route"
# In Attune's page: report the cover the moment it is added (what it covers, the title, history.length,
# the address: still Attune's), to the test through an exposed binding.
RECORD = """if (location.href.startsWith(%s)) {
  new MutationObserver(records => records.forEach(r => r.addedNodes.forEach(c => {
    if (!c.classList || !c.classList.contains('leave-cover')) return;
    const box = c.getBoundingClientRect();
    window.__leaveReport({event: 'cover', title: document.title, history: history.length, at: location.href,
      top: document.elementFromPoint(innerWidth / 2, innerHeight / 2) === c,
      covers: box.left <= 0 && box.top <= 0 && box.right >= innerWidth && box.bottom >= innerHeight,
      background: getComputedStyle(c).backgroundColor});
  }))).observe(document, {childList: true, subtree: true});
}"""
FOCUSED = "document.activeElement ? (document.activeElement.className || document.activeElement.tagName) : null"
EVERY_PAGE = ("(everywhere) => localStorage.setItem('attune:data', JSON.stringify({schema: 2, focus: {}, reading: {}, "
              "settings: Object.assign({theme: 'system', text_size: 1, at: 1}, everywhere)}))")
# Every control that can be clicked or focused and is drawn, with its box.
CONTROLS = """[...document.querySelectorAll(
                 'a[href], button, summary, input, select, textarea, [tabindex]:not([tabindex="-1"])')]
  .filter(e => !e.classList.contains('leave') && !e.classList.contains('skip') && e.getClientRects().length
          && getComputedStyle(e).visibility !== 'hidden')
  .map(e => { const b = e.getBoundingClientRect();
              return {name: e.outerHTML.slice(0, 60), left: b.left, top: b.top, right: b.right, bottom: b.bottom}; })"""
BOX = ("s => { const b = document.querySelector(s).getBoundingClientRect(); "
       "return {left: b.left, top: b.top, right: b.right, bottom: b.bottom, width: b.width, height: b.height}; }")


REFERRERS = {}   # exit address -> the Referer its request carried (None: none)


def exits(context):
    """Route the build's exit address, a reader's own and a page "before" Attune to small local bodies."""
    def answer(route):
        REFERRERS[route.request.url] = route.request.headers.get("referer")
        route.fulfill(status=200, content_type="text/html", body=LEFT)
    REFERRERS.clear()
    context.exit_addresses = (EXIT, OWN, BEFORE)   # answered here: the clean-page check lets exactly these go
    for url in (EXIT, OWN, BEFORE):
        context.route(url, answer)


def left(w, url=EXIT):
    """Wait until the tab shows `url`, the exit page; the page's only request elsewhere was that one, and it
    did not say where it came from (no Referer)."""
    w.page.wait_for_url(url)
    assert w.page.inner_text("body") == "Weather today"
    assert REFERRERS.get(url) is None
    assert [u for u in w.foreign_requests() if u != BEFORE] == [url]
    assert w.errors == []


def shown(page):
    return page.locator("a.leave").is_visible()


def back_from_the_exit_page(page, site):
    """Press Back from the exit page until the history ends: the addresses on the way."""
    seen = []
    while True:
        before = page.url
        page.go_back()
        if page.url == before:
            return seen
        seen.append(page.url)
        if page.url.startswith(site):
            page.wait_for_load_state()
            # Back in a page the browser kept whole: the cover is gone, the title back.
            assert page.locator(".leave-cover").count() == 0 and page.title() != ""


# --- where it shows ---------------------------------------------------------------------------------


VIEWS = {"#/": "library", "#/a/never-cries": "a/never-cries", "#/practices": "practices", "#/help": "help",
         "#/journal": "journal", "#/journal/2024-01-05": "journal", "#/nowhere": "missing"}
READING = ("#/", "#/a/never-cries")   # the views where the reader may hide it


def test_shown_on_every_view_and_hidden_on_reading_views_only_when_asked(site, open_page):
    """By default the link shows on every view; "Hide it on the library and the articles" hides it there and
    nowhere else (never on #/practices, #/journal or #/help), and says so; unticked, it is back everywhere."""
    w = open_page(PHONE)
    page = w.open(site)
    assert page.get_attribute("a.leave", "href") == EXIT == page.get_attribute("html", "data-exit")
    for route, name in VIEWS.items():
        page.evaluate("r => location.hash = r", route)
        page.wait_for_function(ROUTE, arg=name)   # shown or not by the stylesheet, from <html data-route>
        assert shown(page), route
    page.evaluate("location.hash = '#/'")
    page.click("#display summary")
    assert page.get_by_role("group", name="Leave quickly").is_visible()
    page.check("#leave-hide-reading")
    page.wait_for_function("document.documentElement.dataset.leave === 'not-reading'")
    assert w.stored()["settings"]["exit_hide_reading"] == 1
    assert "hidden on the library and the articles" in page.inner_text("#status")
    page.click("#display summary")
    for route, name in VIEWS.items():
        page.evaluate("r => location.hash = r", route)
        page.wait_for_function(ROUTE, arg=name)
        assert shown(page) == (route not in READING), route
    page.click("#display summary")
    page.uncheck("#leave-hide-reading")
    page.wait_for_function("!document.documentElement.hasAttribute('data-leave')")
    assert "exit_hide_reading" not in w.stored()["settings"] and shown(page)


def test_an_older_every_page_setting_still_reads_and_keeps_fewer_traces(site, open_page):
    """A document stored before issue 37 with exit_everywhere (then "show on every page") loads without a word:
    the link shows everywhere, as for everyone now, and the setting's other half, fewer history entries, stands
    (its box is ticked)."""
    w = open_page(PHONE)
    page = w.open(site)
    page.evaluate(EVERY_PAGE, {"exit_everywhere": 1})
    page.reload()
    page.wait_for_selector("html[data-app=ready]")
    assert page.get_attribute("html", "data-traces") == "fewer" and shown(page)
    assert page.inner_text("#status") == ""
    page.click("#display summary")
    assert page.is_checked("#leave-fewer-traces") and not page.is_checked("#leave-hide-reading")


@pytest.mark.allow_console_errors("the runtime is blocked on purpose: boot.js alone works")
def test_the_reading_views_setting_applies_before_python_starts(site, open_page):
    """With Python's runtime blocked, boot.js alone hides the link on the library for a reader who chose so, shows
    it on #/practices, points it at their own address, and leaves with it."""
    w = open_page(PHONE)
    exits(w.context)
    page = w.open(site)
    page.evaluate(EVERY_PAGE, {"exit_hide_reading": 1, "exit_url": OWN})
    w.context.route("**/runtime/**", lambda route: route.abort())
    page.reload()
    page.wait_for_load_state("domcontentloaded")
    assert page.get_attribute("html", "data-app") != "ready"
    assert not shown(page)
    page.goto(site + "#/practices")
    page.reload()   # without Python, only boot.js's first pick of the view shows it
    page.wait_for_load_state("domcontentloaded")
    assert page.get_attribute("html", "data-route") == "practices"
    assert shown(page) and page.get_attribute("a.leave", "href") == OWN
    page.click("a.leave")
    page.wait_for_url(OWN)


@pytest.mark.allow_console_errors("the runtime is blocked on purpose: boot.js alone works")
def test_shown_and_working_with_python_blocked_on_help(site, open_page):
    """If Python never starts, the link still shows on #/help and leaves, cover first, in place of the entry."""
    w = open_page(PHONE)
    exits(w.context)
    w.context.route("**/runtime/**", lambda route: route.abort())
    page = w.page
    page.goto(site + "#/help")
    page.wait_for_load_state("domcontentloaded")
    assert shown(page)
    length = page.evaluate("history.length")
    w.errors.clear()   # the runtime's files, refused
    page.click("a.leave")
    left(w)
    assert page.evaluate("history.length") == length


# --- leaving ----------------------------------------------------------------------------------------


def test_the_link_leaves_with_scripts_off(chromium, site):
    """With JavaScript off the page is all there, the link shows, and following it opens the exit address."""
    context = chromium.new_context(java_script_enabled=False, viewport=PHONE)
    try:
        exits(context)
        page = context.new_page()
        requests = []
        page.on("request", lambda r: requests.append(r.url))
        page.goto(site + "#/help")
        link = page.locator("a.leave")
        assert link.is_visible() and link.inner_text() == "Leave quickly"
        assert link.get_attribute("href") == EXIT and link.get_attribute("rel") == "noreferrer"
        assert EXIT not in requests   # on the page, never fetched
        link.click()
        page.wait_for_url(EXIT)
        assert page.inner_text("body") == "Weather today" and REFERRERS[EXIT] is None
    finally:
        context.close()


def test_leaving_covers_the_page_first_and_replaces_the_entry(site, open_page):
    """With scripts, the cover is over the whole page and the title blank while the page is still Attune's (it
    reports them as the cover goes on); the exit page then takes Attune's entry: history.length does not grow."""
    w = open_page(PHONE)
    exits(w.context)
    reports = []
    w.context.expose_binding("__leaveReport", lambda source, report: reports.append(report))
    w.context.add_init_script(RECORD % json.dumps(site))
    page = w.open(site + "#/journal")
    assert w.foreign_requests() == []
    length = page.evaluate("history.length")
    page.click("a.leave")
    left(w)
    assert page.evaluate("history.length") == length
    assert reports == [{"event": "cover", "title": "", "top": True, "covers": True, "background": "rgb(251, 248, 244)",
                        "history": length, "at": site + "#/journal"}]


def test_offline_it_still_blanks_the_page_and_leaves(site, open_page):
    """Offline, the exit page cannot load, yet the page is covered at once and the tab leaves Attune."""
    w = open_page(PHONE)
    page = w.open(site + "#/help")
    w.context.set_offline(True)
    w.context.exit_addresses = (EXIT,)   # navigated to, and offline it cannot load: never fetched
    length = page.evaluate("history.length")
    page.click("a.leave")
    page.wait_for_url(lambda url: not url.startswith(site))
    assert "Leave quickly" not in page.content() and "worried or unsafe" not in page.content()
    assert page.evaluate("history.length") == length
    assert [u for u in w.foreign_requests()] == [EXIT]


def test_shift_three_times_leaves_from_any_view(site, open_page):
    """Three presses of Shift leave from the library, where the reader hid the link."""
    w = open_page(DESKTOP)
    exits(w.context)
    page = w.open(site)
    page.evaluate(EVERY_PAGE, {"exit_hide_reading": 1})
    page.reload()
    page.wait_for_selector("html[data-app=ready]")
    assert not shown(page)
    length = page.evaluate("history.length")
    for _ in range(3):
        page.keyboard.press("Shift")
    left(w)
    assert page.evaluate("history.length") == length


def test_typing_with_shift_in_the_journal_does_not_leave(site, open_page):
    """Capitals typed with Shift held, Shift-a-Shift-Shift, Shift+Tab three times in the date field: no leaving,
    and the text is as typed; then three lone Shift presses, even in the note, do leave."""
    w = open_page(PHONE)
    exits(w.context)
    page = w.open(site + "#/journal")
    page.wait_for_selector("#journal-note")
    page.click("#journal-note")
    for word in ("Hello", " World"):
        for ch in word:
            if ch.isupper():
                page.keyboard.down("Shift")
                page.keyboard.press("Key" + ch)
                page.keyboard.up("Shift")
            else:
                page.keyboard.type(ch)
    for key in ("Shift", "a", "Shift", "Shift", "b", "Shift", "Shift", "c"):
        page.keyboard.press(key)
    page.keyboard.down("Shift")   # held for a while: its repeats are not presses
    page.keyboard.press("KeyD")
    page.keyboard.up("Shift")
    page.focus("#journal-day")
    for _ in range(3):
        page.keyboard.press("Shift+Tab")
    page.wait_for_timeout(300)
    assert page.url.startswith(site) and w.foreign_requests() == []
    assert page.input_value("#journal-note") == "Hello WorldabcD"
    page.focus("#journal-note")
    for _ in range(3):
        page.keyboard.press("Shift")
    left(w)


SAID = "document.querySelector('#leave-status').textContent"


def test_each_shift_press_is_told_and_the_count_expires_after_five_seconds(site, open_page):
    """The page's live region for Leave quickly says how many presses are left after the first and the second;
    5 s without a press, the count ends and it says so; a third press then does not leave, and two more do."""
    w = open_page(PHONE)
    exits(w.context)
    page = w.open(site + "#/help")
    region = page.locator("#leave-status")
    assert region.get_attribute("role") == "status" and page.evaluate(SAID) == ""
    page.keyboard.press("Shift")
    assert page.evaluate(SAID) == "Shift pressed. Press it 2 more times to leave Attune."
    page.keyboard.press("Shift")
    assert page.evaluate(SAID) == "Shift pressed. Press it once more to leave Attune."
    page.wait_for_timeout(4000)
    assert "once more" in page.evaluate(SAID)   # within 5 s of the last press: still counting
    page.wait_for_function(SAID + ".includes('timed out')", timeout=3000)
    assert page.evaluate(SAID) == "Leave quickly by Shift timed out. Press Shift 3 times to leave Attune."
    page.keyboard.press("Shift")
    assert "2 more times" in page.evaluate(SAID)   # counted from one again
    page.wait_for_timeout(300)
    assert page.url.startswith(site) and page.locator(".leave-cover").count() == 0
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    left(w)


def test_any_other_key_starts_the_count_again_and_quiets_it(site, open_page):
    """Shift twice, then another key: the count starts again and the region says nothing more; two presses after
    it do not leave."""
    w = open_page(PHONE)
    page = w.open(site + "#/journal")
    page.wait_for_selector("#journal-note")
    page.focus("#journal-note")
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    page.keyboard.press("a")
    assert page.evaluate(SAID) == ""
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    assert "once more" in page.evaluate(SAID)
    page.wait_for_timeout(300)
    assert page.url.startswith(site) and page.locator(".leave-cover").count() == 0


def test_a_page_back_from_the_back_forward_cache_shows_no_cover(site, open_page):
    """Leaving put the cover on and blanked the title; when the browser shows the page again from its back-forward
    cache (pageshow, persisted), the cover is gone, the title is back and the Shift count starts again."""
    w = open_page(PHONE)
    w.context.exit_addresses = (EXIT,)
    w.context.route(EXIT, lambda route: route.fulfill(status=204))   # "No Content": the tab stays, covered
    page = w.open(site + "#/help")
    title = page.title()
    page.keyboard.press("Shift")
    page.click("a.leave", no_wait_after=True)
    page.wait_for_timeout(500)
    assert page.evaluate("document.querySelectorAll('.leave-cover').length") == 1
    assert page.evaluate("document.title") == "" and page.url == site + "#/help"
    page.evaluate("window.dispatchEvent(new PageTransitionEvent('pageshow', {persisted: true}))")
    assert page.evaluate("document.querySelectorAll('.leave-cover').length") == 0
    assert page.evaluate("document.title") == title and page.evaluate(SAID) == ""


# --- fewer traces -----------------------------------------------------------------------------------


def walk_five_views(page):
    """Library → Practices → Journal → Library → an article → help, by clicking the page's own links."""
    for selector, route in (("nav a[href='#/practices']", "practices"), ("nav a[href='#/journal']", "journal"),
                            ("nav a[href='#/']", "library"), ("#library a[href='#/a/never-cries']", "a/never-cries"),
                            ("#a-never-cries .help-link a", "help")):
        page.click(selector)
        page.wait_for_function(ROUTE, arg=route)


@pytest.mark.parametrize("everywhere,behind", [(True, 0), (False, 5)], ids=["every-page", "default"])
def test_after_five_views_and_leaving_back_finds_at_most_one_attune_entry(site, open_page, everywhere, behind):
    """With "Add nothing to the Back button's list", moving through five views adds no history entry, and after
    leaving, Back goes past Attune (at most one entry of it, here none) to the page before; without it (the
    default, Leave quickly showing all the while) each view is an entry."""
    w = open_page(PHONE)
    exits(w.context)
    w.page.goto(BEFORE)
    page = w.open(site)
    if everywhere:
        page.click("#display summary")
        page.check("#leave-fewer-traces")
        page.click("#display summary")
    length = page.evaluate("history.length")
    walk_five_views(page)
    assert page.evaluate("history.length") == length + (0 if everywhere else 5)
    page.click("a.leave")
    left(w)
    assert page.evaluate("history.length") == length + (0 if everywhere else 5)
    seen = back_from_the_exit_page(page, site)
    attune = [url for url in seen if url.startswith(site)]
    assert len(attune) == behind <= (1 if everywhere else 5), seen
    assert seen[len(attune)] == BEFORE, seen   # then the page the tab showed before Attune


# --- the reader's own address -----------------------------------------------------------------------


def test_own_address_is_checked_kept_and_used(site, open_page):
    """A typed address is refused with a reason if it is not a web address; a good one (https:// added) is
    kept, on the link at once and after a reload before Python, and Shift three times goes there; empty
    goes back to the build's address."""
    w = open_page(PHONE)
    exits(w.context)
    page = w.open(site + "#/help")
    page.click("#display summary")
    page.fill("#exit-url", "javascript:alert(1)")
    page.click("[data-action=exit-url]")
    assert "not a web address" in page.inner_text("#exit-url-error")
    assert page.get_attribute("#exit-url", "aria-invalid") == "true"
    assert "exit_url" not in (w.stored() or {"settings": {}})["settings"]
    page.fill("#exit-url", "  news.example/today ")
    page.click("[data-action=exit-url]")
    page.wait_for_function("document.querySelector('a.leave').getAttribute('href') === %s" % json.dumps(OWN))
    assert page.inner_text("#exit-url-error") == "" and page.get_attribute("#exit-url", "aria-invalid") is None
    assert page.input_value("#exit-url") == OWN and w.stored()["settings"]["exit_url"] == OWN
    assert OWN in page.inner_text("#status")
    page.reload()
    page.wait_for_load_state("domcontentloaded")
    assert page.get_attribute("a.leave", "href") == OWN   # boot.js, before Python
    page.wait_for_selector("html[data-app=ready]")
    assert page.input_value("#exit-url") == OWN
    page.click("#display summary")
    page.fill("#exit-url", "")
    page.click("[data-action=exit-url]")
    page.wait_for_function("document.querySelector('a.leave').getAttribute('href') === %s" % json.dumps(EXIT))
    assert "exit_url" not in w.stored()["settings"]
    page.fill("#exit-url", OWN)
    page.click("[data-action=exit-url]")
    page.wait_for_function("document.querySelector('a.leave').getAttribute('href') === %s" % json.dumps(OWN))
    page.keyboard.press("Escape")
    page.locator("#help h1").focus()
    for _ in range(3):
        page.keyboard.press("Shift")
    left(w, OWN)


def test_a_stored_address_that_is_not_a_web_address_is_never_used(site, open_page):
    """An exit_url written into storage by anything but Attune (javascript:…) is ignored by boot.js and
    dropped by Python: the link and leaving keep to the build's address."""
    w = open_page(PHONE)
    exits(w.context)
    page = w.open(site)
    page.evaluate(EVERY_PAGE, {"exit_url": "javascript:document.title='hacked'", "exit_everywhere": 1})
    page.goto(site + "#/help")
    page.reload()
    page.wait_for_load_state("domcontentloaded")
    assert page.get_attribute("a.leave", "href") == EXIT
    page.wait_for_selector("html[data-app=ready]")
    assert page.get_attribute("a.leave", "href") == EXIT
    assert page.get_attribute("html", "data-traces") == "fewer"   # the valid setting beside it stands
    page.click("a.leave")
    left(w)


@pytest.mark.allow_console_errors("the runtime is blocked on purpose: boot.js alone works")
def test_boot_js_judges_a_stored_address_as_the_model_does(site, open_page):
    """Before Python starts, boot.js puts a stored address on the link exactly when py/core/model.py's
    is_exit_url accepts it (every address of the model's unit tests), else the build's."""
    w = open_page(PHONE)
    w.context.route("**/runtime/**", lambda route: route.abort())
    page = w.page
    page.goto(site + "#/help")
    for url in GOOD_URLS + [u for u in BAD_URLS if isinstance(u, str)]:
        page.evaluate(EVERY_PAGE, {"exit_url": url})
        page.reload()
        page.wait_for_load_state("domcontentloaded")
        assert page.get_attribute("a.leave", "href") == (url if settings.is_exit_url(url) else EXIT), repr(url)


# --- where it sits ----------------------------------------------------------------------------------


def overlaps(a, b):
    return a["left"] < b["right"] and b["left"] < a["right"] and a["top"] < b["bottom"] and b["top"] < a["bottom"]


@pytest.mark.parametrize("size", [0, 1, 2, 3])
@pytest.mark.parametrize("width", [320, 360, 390, 1280])
def test_it_fits_the_one_line_header_and_covers_no_control(site, open_page, width, size):
    """On every view, by default, at 320, 360, 390 and 1280 px and every text size: the link is in the header,
    which stays one line; it overlaps no other control, the page does not scroll sideways, and it stays in view
    scrolled down."""
    w = open_page({"width": width, "height": 800})
    page = w.open(site)
    page.evaluate("s => localStorage.setItem('attune:data', JSON.stringify({schema: 2, focus: {}, reading: {}, "
                  "settings: {theme: 'system', text_size: s, at: 1}}))", size)
    page.reload()
    page.wait_for_selector("html[data-app=ready]")
    for route in ("#/help", "#/journal", "#/", "#/a/crying-together", "#/practices"):
        page.evaluate("r => location.hash = r", route)
        page.wait_for_function(ROUTE, arg=route[2:] or "library")
        page.wait_for_selector("#tracker[aria-busy]", state="detached")   # #/practices: every group drawn
        page.evaluate("scrollTo(0, 0)")
        link, header = page.evaluate(BOX, "a.leave"), page.evaluate(BOX, "header.bar")
        # One line: the header is no taller than its tallest control and its padding.
        one_line = page.evaluate("Math.max(...[...document.querySelectorAll('header.bar > *, header.bar nav > *')]"
                                 ".map(e => e.getBoundingClientRect().height))") + 20
        assert header["height"] <= one_line, (route, width, header)
        assert link["left"] >= 0 and link["right"] <= width
        assert header["top"] <= link["top"] and link["bottom"] <= header["bottom"]
        assert link["width"] >= 44 and link["height"] >= 44, link   # a target big enough for a thumb
        hit = [c["name"] for c in page.evaluate(CONTROLS) if overlaps(link, c)]
        assert hit == [], (route, width, hit)
        assert page.evaluate("document.documentElement.scrollWidth - innerWidth") <= 0, (route, width)
        page.evaluate("scrollTo(0, document.documentElement.scrollHeight)")
        below = page.evaluate(BOX, "a.leave")
        assert below["top"] >= 0 and below["bottom"] <= 800, (route, width, below)


@pytest.mark.parametrize("route", ["#/help", "#/journal"])
def test_it_is_the_first_stop_after_the_skip_link(site, open_page, route):
    """Tab from the top reaches the skip link, then Leave quickly, where it shows; Enter on it leaves."""
    w = open_page(PHONE)
    exits(w.context)
    page = w.open(site + route)
    page.evaluate("document.activeElement && document.activeElement.blur()")
    page.keyboard.press("Tab")
    assert page.evaluate(FOCUSED) == "skip"
    page.keyboard.press("Tab")
    assert page.evaluate(FOCUSED) == "leave"
    page.keyboard.press("Enter")
    left(w)


def test_where_it_is_hidden_tab_goes_on_to_the_header(site, open_page):
    """On an article where the reader hid it, the hidden link is no tab stop: skip link, then the brand."""
    w = open_page(DESKTOP)
    page = w.open(site)
    page.evaluate(EVERY_PAGE, {"exit_hide_reading": 1})
    page.goto(site + "#/a/never-cries")
    page.reload()
    page.wait_for_selector("html[data-app=ready]")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert page.evaluate(FOCUSED) == "brand"


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [320, 1280])
def test_axe_finds_nothing_in_the_link_and_its_settings(site, open_page, width, scheme):
    """axe-core is clean on #/journal with the link, and with the settings panel open, both Leave quickly boxes
    ticked and an address refused by Enter (its message showing)."""
    w = open_page({"width": width, "height": 800}, bypass_csp=True, color_scheme=scheme)
    page = w.open(site + "#/journal")
    page.wait_for_selector("#journal-note")
    assert_axe_clean(page)
    page.click("#display summary")
    page.check("#leave-hide-reading")
    page.check("#leave-fewer-traces")
    page.fill("#exit-url", "not an address")
    page.press("#exit-url", "Enter")
    page.wait_for_selector("#exit-url-error:not(:empty)")
    page.evaluate("document.querySelector('#status').innerHTML = ''")   # the toast is checked elsewhere
    # The page may have scrolled the journal's first button under the sticky header: axe would count the
    # header over it; what is checked here is the panel, at the top of the page.
    page.evaluate("window.scrollTo(0, 0)")
    assert_axe_clean(page)


def test_help_says_what_leaving_does_not_do_and_names_the_erase_control_as_it_is(site, open_page):
    """#/help has the section on someone checking the device: it says leaving erases nothing and the browser keeps
    the visit, and "Practices → Your data → Erase all data" is the path the page really has; no phone numbers."""
    w = open_page(PHONE)
    page = w.open(site + "#/help")
    assert page.locator("#help h2", has_text="If someone checks your phone or computer").is_visible()
    text = page.inner_text("#help")
    for words in ("erases nothing", "No website can make the browser forget a visit", "A private window",
                  "Nothing is being saved right now.", "Practices → Your data → Erase all data",
                  "Searching for support", "On a computer with a keyboard", "On a phone or tablet, tap it"):
        assert words in text, words
    assert re.search(r"\d[\d ()-]{4,}\d", text) is None
    assert text.count("leaves a trace") == 1   # said once, in this section
    page.click("nav a[href='#/practices']")
    page.wait_for_selector("#tracker:not([aria-busy]) #data-details")   # a fresh profile: no practice rows
    page.locator("#data-details summary", has_text="Your data").click()
    assert page.get_by_role("button", name="Erase all data").is_visible()
