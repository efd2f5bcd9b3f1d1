"""Accessibility in real Chromium: axe-core's WCAG 2.2 AA rules, keyboard use, and a CSP nothing breaks."""
import json

import pytest

from core import routes
from axe import assert_axe_clean
from browser import DESKTOP, PHONE
from builder import config
from pages import open_data, open_row, take_on, today

pytestmark = pytest.mark.browser
# Every view with a route of its own (py/core/routes.py: a new view is checked with no change here), and an article.
ROUTES = dict([(view.name, "#/" if view.path == "home" else "#/" + view.name) for view in routes.TABLE
               if view.path in ("home", "page")], article="#/a/crying-together")
WIDTHS = [320, 390, 1280]
# Where keyboard focus is, as a short name: "a.skip", "a[href=#/practices]", "input#x", ...
FOCUSED = """(() => {
  const e = document.activeElement;
  if (!e || e === document.body) return 'body';
  const name = e.tagName.toLowerCase();
  if (e.id) return name + '#' + e.id;
  if (e.classList.contains('skip')) return name + '.skip';
  if (e.getAttribute('href')) return name + '[href=' + e.getAttribute('href') + ']';
  return name;
})()"""
# A control drawn invisible (the file input) shows its focus on its label instead.
FOCUS_STYLE = """(() => {
  let e = document.activeElement;
  const own = getComputedStyle(e);   // a box that draws nothing itself shows its focus on its label or grid cell
  if (own.opacity === '0' || (own.appearance === 'none' && own.borderStyle === 'none' && e.closest('td'))) {
    e = (e.labels && e.labels.length) ? e.labels[0] : e.closest('td') || e;
  }
  const s = getComputedStyle(e);
  return {outline: s.outlineStyle, width: s.outlineWidth, shadow: s.boxShadow};
})()"""
NO_STORAGE = """
Object.defineProperty(window, 'localStorage', {
  get() { throw new DOMException('The operation is insecure.', 'SecurityError'); }
});
"""
CSP_WATCH = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation',
  e => window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI), true);
"""


def prepare(page, route):
    """Open what the route shows behind a click, so axe checks it too."""
    if route == "article":
        # The table of contents and every question, opened.
        page.evaluate("document.querySelectorAll('#a-crying-together details').forEach(d => d.open = true)")
    elif route == "practices":
        page.wait_for_selector("#tracker:not([aria-busy]) #all-practices")
        take_on(page, "feelings-journal")
        page.check("#tracker--do-feelings-journal")
        card = page.locator(".tracker-card[data-practice='feelings-journal']")
        card.locator("details.history summary").click()
        card.locator("details.history[open] .grid-wrap:not([aria-busy])").wait_for()   # the whole grid
        page.locator("#data-details summary").click()   # export, import and erase too
        page.locator("#all-practices summary").click()   # the whole collection, to take practices on
        # Back at the top: a row scrolled under the sticky header counts as an obscured target for axe.
        page.evaluate("window.scrollTo(0, 0)")


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("route", list(ROUTES))
def test_axe_finds_no_violations(site, open_page, route, width, scheme):
    """axe-core finds no WCAG 2.0/2.1/2.2 A or AA violation on this view, width and colour scheme."""
    w = open_page({"width": width, "height": 800}, bypass_csp=True, color_scheme=scheme)
    page = w.open(site + ROUTES[route])
    prepare(page, route)
    assert_axe_clean(page)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violations_in_an_error_message(site, open_page, scheme):
    """The red error message (here: storage turned off) passes axe, its contrast included, in both schemes."""
    w = open_page(PHONE, bypass_csp=True, color_scheme=scheme)
    w.context.add_init_script(NO_STORAGE)
    page = w.open(site + "#/a/never-cries")
    page.wait_for_selector("#status .toast.is-error")
    assert_axe_clean(page)


def test_skip_link_is_first_and_moves_focus_to_main(site, open_page):
    """The first Tab stop is the skip link, shown on focus, and following it puts focus on <main>."""
    w = open_page(PHONE)
    page = w.open(site + "#/a/why-he-cries")
    page.keyboard.press("Tab")
    assert page.evaluate(FOCUSED) == "a.skip"
    box = page.locator("a.skip").bounding_box()
    assert box["y"] >= 0, "the focused skip link is off screen"
    page.keyboard.press("Enter")
    page.wait_for_function("document.activeElement && document.activeElement.id === 'main'")
    # Following it leaves the reader where they were: same view, same address.
    assert page.evaluate("document.documentElement.dataset.route") == "a/why-he-cries"
    assert page.evaluate("location.hash") == "#/a/why-he-cries"
    page.keyboard.press("Tab")
    assert page.evaluate("document.getElementById('main').contains(document.activeElement)")


def test_tab_reaches_nav_and_space_ticks_a_practice(site, open_page):
    """Tab goes skip link, Leave quickly, brand, Library, Practices and on to a practice box, which Space ticks and
    saves."""
    w = open_page(DESKTOP)
    page = w.open(site + "#/a/crying-together")
    stops = []
    for _ in range(150):
        page.keyboard.press("Tab")
        stops.append(page.evaluate(FOCUSED))
        if stops[-1].startswith("input#crying-together--do-"):
            break
    leave = "a[href=%s]" % config.EXIT_URL
    assert stops[:5] == ["a.skip", leave, "a[href=#/]", "a[href=#/]", "a[href=#/practices]"], stops[:6]
    assert page.evaluate("document.activeElement.classList.contains('practice-box')"), stops
    pid = page.evaluate("document.activeElement.dataset.practice")
    assert not page.evaluate("document.activeElement.checked")
    page.keyboard.press("Space")
    assert page.evaluate("document.activeElement.checked")
    page.wait_for_function("pid => localStorage.getItem('attune:days:' + pid)", arg=pid)
    assert w.stored()["checkins"][pid] == [today(page)]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_focus_is_visible_on_every_tab_stop(site, open_page, scheme):
    """Every element reached with Tab in an article and the tracker shows a focus outline or ring."""
    w = open_page(PHONE, color_scheme=scheme)
    page = w.open(site + "#/a/never-cries")
    missing = []
    for route in ("#/a/never-cries", "#/practices"):
        if route != page.evaluate("location.hash"):
            page.evaluate(f"location.hash = '{route}'")
            # The router focuses the new view's heading after its first paint: wait for it, or it may land
            # between two Tabs below (a focus by script shows no ring, and need not).
            page.wait_for_function("document.activeElement && document.activeElement.tagName === 'H1'")
        page.wait_for_function(f"document.documentElement.dataset.route === '{route[2:]}'")
        page.evaluate("document.activeElement && document.activeElement.blur()")
        for _ in range(60):
            page.keyboard.press("Tab")
            name = page.evaluate(FOCUSED)
            if name == "body":
                break
            style = page.evaluate(FOCUS_STYLE)
            shown = (style["outline"] != "none" and style["width"] != "0px") or style["shadow"] != "none"
            if not shown:
                missing.append((route, name, style))
    assert missing == [], missing


# The focused control's focus ring (its outline, drawn on the day's toggle or cell for the boxes that cover
# them): null if it fits inside the nearest box with paint containment (contain: paint, or
# content-visibility: auto, which clip to the padding box), else what is cut; "" once focus left the rows.
RING_CUT = """() => {
  const control = document.activeElement;
  if (!control.closest("#tracker .tracker-group")) return "";
  const clips = (el) => { const s = getComputedStyle(el); return s.contain.includes("paint") || s.contain === "strict"
    || s.contain === "content" || s.contentVisibility === "auto"; };
  const ringed = control.closest("td.cell") || control, style = getComputedStyle(ringed);
  const name = ringed.tagName + "." + ringed.className;
  if (style.outlineStyle === "none") return "no ring: " + name;
  const out = parseFloat(style.outlineWidth) + parseFloat(style.outlineOffset);
  let box = ringed.parentElement;
  while (box && !clips(box)) box = box.parentElement;
  if (!box || out <= 0) return null;
  const r = ringed.getBoundingClientRect(), b = box.getBoundingClientRect();
  const left = b.left + box.clientLeft, top = b.top + box.clientTop;
  const cut = r.left - out < left - 0.5 || r.top - out < top - 0.5 || r.right + out > left + box.clientWidth + 0.5
    || r.bottom + out > top + box.clientHeight + 0.5;
  return cut ? name + " in " + box.className : null;
}"""


@pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_no_focus_ring_in_the_tracker_is_cut_by_paint_containment(site, open_page, size):
    """The tracker's rows and groups clip their painting (a phone repaints one row, not the view), and the
    focus ring of every control Tab reaches in them, on closed rows and an open one with its grid, fits inside."""
    w = open_page(size)
    page = w.open(site + "#/practices")
    page.wait_for_selector("#tracker:not([aria-busy]):not([data-opening]) #all-practices")
    take_on(page, "active-listening", "feelings-journal", "share-joy")
    pid = page.get_attribute("#tracker .tracker-card", "data-practice")
    open_row(page, pid)
    page.focus("#tracker .tracker-group summary")
    page.keyboard.press("Shift+Tab")   # then back by keyboard, so that the ring shows as it does for a reader
    cut, stops = [], 0
    for _ in range(600):
        page.keyboard.press("Tab")
        found = page.evaluate(RING_CUT)
        if found == "" and stops:
            break
        stops += found != ""
        if found:
            cut.append(found)
    rows = page.locator("#tracker li.tracker-card").count()
    assert rows == 3
    assert stops >= rows * 8 + 12 * 7 - 6, stops   # each row's summary and 7 days; the open grid's days up to today
    assert sorted(set(cut)) == []


def test_opening_an_article_focuses_its_heading(site, open_page):
    """Clicking a library link moves focus to the article's h1 (id '<slug>--title')."""
    w = open_page(PHONE)
    page = w.open(site)
    for slug in ("never-cries", "deepening-connection"):
        page.click(f"#library .card h2 a[href='#/a/{slug}']")
        page.wait_for_function(f"document.documentElement.dataset.route === 'a/{slug}'")
        page.wait_for_function(f"document.activeElement && document.activeElement.id === '{slug}--title'")
        assert page.evaluate("document.activeElement.tagName") == "H1"
        page.go_back()
        page.wait_for_function("document.documentElement.dataset.route === 'library'")


def test_no_csp_violation_through_a_whole_visit(site, open_page):
    """Under the page's own CSP, reading, ticking, a note and an export trigger no CSP violation."""
    w = open_page(PHONE)
    w.context.add_init_script(CSP_WATCH)
    page = w.open(site)
    page.click("#library .card h2 a[href='#/a/crying-together']")
    page.wait_for_function("document.documentElement.dataset.route === 'a/crying-together'")
    page.get_by_label("Listen actively").first.check()
    page.click("nav[aria-label=Main] a[href='#/practices']")
    page.wait_for_selector("#tracker:not([aria-busy]) .tracker-card")
    page.get_by_role("link", name="Write about today").click()
    page.fill("#journal-note", "We talked it through.")
    page.get_by_role("button", name="Save note").click()
    assert page.locator("#journal-weeks .note-text").inner_text() == "We talked it through."
    page.click("nav[aria-label=Main] a[href='#/practices']")
    page.wait_for_selector("#tracker:not([aria-busy]) .tracker-card")
    open_data(page)
    with page.expect_download() as download:
        page.locator("#tracker").get_by_role("button", name="Save a copy").click()
    exported = json.loads(download.value.path().read_text(encoding="utf-8"))
    assert exported["checkins"]["active-listening"] == [today(page)]
    # The export's message is the last thing the visit does; Chromium also logs each violation as a
    # console error, which the teardown check refuses.
    page.wait_for_function("document.querySelector('#status').textContent.includes('The copy was downloaded')")
    assert page.evaluate("window.__cspViolations") == []


def test_csp_meta_comes_first_and_is_strict(site, open_page):
    """The CSP meta is <head>'s first element and sets default-src 'self', no plugins, no <base>, no inline code."""
    w = open_page(PHONE)
    page = w.open(site)
    first = page.evaluate("(() => { const e = document.head.firstElementChild;"
                          " return {tag: e.tagName, equiv: e.getAttribute('http-equiv'),"
                          " content: e.getAttribute('content')}; })()")
    assert first["tag"] == "META" and first["equiv"].lower() == "content-security-policy"
    directives = {}
    for part in first["content"].split(";"):
        words = part.split()
        if words:
            directives[words[0]] = words[1:]
    assert directives["default-src"] == ["'self'"]
    assert directives["object-src"] == ["'none'"]
    assert directives["base-uri"] == ["'none'"]
    assert "'unsafe-inline'" not in first["content"]
