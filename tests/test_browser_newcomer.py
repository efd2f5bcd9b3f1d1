"""A newcomer's first visit (issue 36) in real Chromium at 390×844 on a fresh profile: ten everyday tasks
done only with what a reader sees (roles and visible names, never ids or classes), counting taps and
scrolled pixels; and the control and height budget of #/practices.

A tap is a press on a link, button, checkbox, radio or disclosure, and on a field to type in, unless the
page already put the cursor there (the journal's composer, the lock's first passphrase field); the keyboard's
Go (Enter) sends a form without a tap. The fields typed in are recorded beside the taps.
Before each tap the control is scrolled into view as a reader would, the pixels counted, and the
control must be the element at its own centre: not hidden behind an unrelated one.
"""
import re
from pathlib import Path

import pytest

from browser import PHONE
from builder import config

pytestmark = pytest.mark.browser
MAX_TAPS = 3
# Every control that can be pressed or typed in and is drawn (closed <details> content is not: checkVisibility
# knows their content is skipped, where getClientRects still gives it boxes).
VISIBLE_CONTROLS = """[...document.querySelectorAll(
    'a[href], button, summary, input:not([type=hidden]), select, textarea')]
  .filter(e => e.checkVisibility({visibilityProperty: true}) && !e.closest('.sr')
          && !e.classList.contains('skip')).length"""
# What is at the centre of an element: the element itself, something inside it, or its label.
AT_CENTRE = """(e) => {
  const b = e.getClientRects()[0], x = b.left + b.width / 2, y = b.top + b.height / 2;   // a link's first line
  const top = document.elementFromPoint(x, y);
  return !!top && (top === e || e.contains(top) || !!(e.labels && [...e.labels].some(l => l.contains(top))));
}"""


class Reader:
    """Taps controls found by role and name, scrolling to them first, and keeps a tally per task."""

    def __init__(self, page):
        self.page = page
        self.tally = {}
        self.task = None

    def start(self, task):
        self.task = task
        self.tally[task] = {"taps": 0, "scrolled": 0, "typed": 0}

    def visible(self, found, what):
        """The first visible match, waiting up to 10 s for one to show (a reader waits for what a tap opens)."""
        for _ in range(100):
            shown = [found.nth(i) for i in range(found.count()) if found.nth(i).is_visible()]
            if shown:
                return shown[0]
            self.page.wait_for_timeout(100)
        raise AssertionError(f"{self.task}: no visible {what}")

    def find(self, role, name, within=None):
        scope = within if within is not None else self.page
        return self.visible(scope.get_by_role(role, name=name, exact=isinstance(name, str)), f"{role} named {name!r}")

    def reach(self, control):
        before = self.page.evaluate("scrollY")
        control.scroll_into_view_if_needed()
        self.tally[self.task]["scrolled"] += abs(self.page.evaluate("scrollY") - before)
        assert control.evaluate(AT_CENTRE), f"{self.task}: the control is hidden behind another"

    def tap(self, role, name, within=None):
        control = self.find(role, name, within)
        self.reach(control)
        control.click()
        self.tally[self.task]["taps"] += 1
        return control

    def disclose(self, name):
        """Open a disclosure (<summary>: it has no role Playwright can find it by) by its visible text."""
        summary = self.visible(self.page.locator("summary").filter(has_text=name), f"disclosure named {name!r}")
        self.reach(summary)
        if summary.evaluate("(s) => s.parentElement.open"):
            return   # already open: a reader sees what it holds and taps nothing
        summary.click()
        self.tally[self.task]["taps"] += 1

    def press(self, control):
        """Tap a control found otherwise (by position in a named group)."""
        self.reach(control)
        control.click()
        self.tally[self.task]["taps"] += 1

    def type(self, role, name, text):
        """Type into a field: a tap to reach it unless the page already put the cursor there."""
        field = self.find(role, name)
        self.reach(field)
        if not field.evaluate("(f) => f === document.activeElement"):
            field.click()
            self.tally[self.task]["taps"] += 1
        field.fill(text)
        self.tally[self.task]["typed"] += 1

    def go(self):
        """The keyboard's Go (Enter): sends the form the cursor is in; not a tap."""
        self.page.keyboard.press("Enter")


def test_a_newcomer_does_ten_everyday_tasks_in_three_taps_each(site, open_page):
    """Each of the ten tasks takes at most 3 taps from where the last one ended, with no control hidden
    behind an unrelated one, and does what it says (checked in what is stored or downloaded)."""
    w = open_page(PHONE, accept_downloads=True)
    w.context.grant_permissions(["clipboard-read", "clipboard-write"])
    w.context.route(config.EXIT_URL, lambda route: route.fulfill(status=200, content_type="text/html",
                                                                 body="<title>Weather</title><p>Weather</p>"))
    w.context.exit_addresses = (config.EXIT_URL,)
    page = w.open(site)
    reader = Reader(page)
    main = page.get_by_role("navigation", name="Main")

    reader.start("find the article about a partner who never cries, and its practices")
    reader.tap("link", re.compile("never cries"))
    practices = reader.find("heading", "Practices")
    reader.reach(practices)
    take = reader.find("checkbox", re.compile("^Add to my practices: "))
    name = take.get_attribute("aria-label").replace("Add to my practices: ", "")
    assert name

    reader.start("take one on without marking it done")
    reader.tap("checkbox", "Add to my practices: " + name)
    stored = w.stored()
    assert len(stored["focus"]) == 1 and stored["checkins"] == {}
    pid = list(stored["focus"])[0]

    reader.start("mark it done today and yesterday")
    reader.tap("checkbox", name)   # its "done today" box, beside "Add to my practices"
    reader.tap("link", "Practices", within=main)
    page.wait_for_selector("#tracker:not([aria-busy])")
    days = reader.find("group", name + ", the last 7 days")
    reader.press(days.get_by_role("checkbox").nth(5))   # the 7 days end with today: yesterday is the 6th
    assert len(w.checkins()[pid]) == 2

    reader.start("write a note")
    reader.tap("link", "Write about today")
    reader.type("textbox", "Note", "We listened to each other tonight.")
    reader.tap("button", "Save note")
    page.wait_for_function("() => document.querySelector('#status').textContent.includes('Note saved')")
    assert list(w.stored()["notes"].values()) == [["We listened to each other tonight."]]

    reader.start("get a calendar file for it")
    reader.tap("link", "Practices", within=main)
    page.wait_for_selector("#tracker:not([aria-busy])")
    reader.disclose("Add to calendar")
    with page.expect_download() as calendar:
        reader.tap("button", "Download calendar file")
    ics = Path(calendar.value.path()).read_text(encoding="utf-8").replace("\r\n ", "")   # lines unfolded
    assert ics.count("BEGIN:VEVENT") == 1 and name in ics

    reader.start("share it with a partner")
    reader.disclose("Share with your partner")
    reader.tap("button", "Copy")
    page.wait_for_function("() => document.querySelector('#share-message').textContent.includes('copied')")
    assert "#/plan/" in page.evaluate("navigator.clipboard.readText()")

    reader.start("save a copy")
    reader.disclose("Your data")
    with page.expect_download() as copy:
        reader.tap("button", "Save a copy")
    assert '"focus"' in Path(copy.value.path()).read_text(encoding="utf-8")

    reader.start("lock the journal")
    reader.tap("link", "Journal", within=main)
    reader.disclose("A lock for the journal")
    reader.type("textbox", "Passphrase", "quiet river morning walk")
    reader.type("textbox", "The same passphrase again", "quiet river morning walk")
    reader.go()
    page.get_by_role("button", name="Lock now").wait_for(timeout=60000)
    assert "attune:lock" in w.storage()

    reader.start("leave quickly")
    reader.tap("link", "Leave quickly")
    page.wait_for_url(config.EXIT_URL)

    page = w.open(site)
    reader.page = page
    reader.start("change the text size")
    reader.disclose("Settings")
    reader.tap("radio", "Larger")
    assert page.get_attribute("html", "data-text-size") == "3"

    print("\n".join("%-70s %d taps, %5d px scrolled, %d fields typed in" % (task, t["taps"], t["scrolled"], t["typed"])
                    for task, t in reader.tally.items()))
    assert len(reader.tally) == 10
    over = {task: t["taps"] for task, t in reader.tally.items() if t["taps"] > MAX_TAPS}
    assert not over, over


def practices_view(page):
    """(controls drawn on the page, height of the #/practices view, height of its closed "All practices")."""
    page.wait_for_selector("html[data-route=practices] #tracker:not([aria-busy])")
    collection = page.get_by_role("heading", name="All practices").locator("xpath=ancestor::details")
    return (page.evaluate(VISIBLE_CONTROLS), page.evaluate("document.querySelector('main').scrollHeight"),
            collection.evaluate("(d) => d.getBoundingClientRect().height"))


def test_a_fresh_practices_page_is_one_screen_and_few_controls(site, open_page):
    """Fresh, #/practices at 390×844 draws at most 25 controls (header and footer included) without opening
    anything, and is one screen tall plus its closed collection; with 5 practices taken on, at most 2,000 px."""
    w = open_page(PHONE)
    page = w.open(site + "#/practices")
    controls, height, collection = practices_view(page)
    print("fresh: %d controls, %d px (collection %d px)" % (controls, height, collection))
    assert controls <= 25
    assert height <= PHONE["height"] + collection
    page.get_by_role("heading", name="All practices").click()
    boxes = page.get_by_role("checkbox", name=re.compile("^Add to my practices: "))
    boxes.first.wait_for()   # the list is drawn on opening
    taken = []
    for i in range(boxes.count()):
        label = boxes.nth(i).get_attribute("aria-label")
        if label not in taken and len(taken) < 5:
            boxes.nth(i).check()
            taken.append(label)
    page.get_by_role("heading", name="All practices").click()   # closed again: only the rows count
    page.wait_for_function("() => document.querySelectorAll('[data-group=mine] li').length === 5")
    controls, height, collection = practices_view(page)
    print("5 taken on: %d controls, %d px" % (controls, height))
    assert height <= 2000
