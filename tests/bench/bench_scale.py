"""Issue 9's table for `make bench`: what a tick, start-up and the tracker cost as the history grows.

Histories are made by the app's own code, so they stay valid whatever the stored format: the
document is built with py/core/model.py's edit functions and written through py/core/store.py's Store
into a dict; every key of that dict is then put in the page's localStorage by an init script
that runs before each load (so every run starts from the same stored data).
"""
import datetime
import json
import random
import statistics
import time
from urllib.parse import urlparse

from playwright.sync_api import TimeoutError as PlaywrightTimeout

import browser as browsers
from core import dates
from core import model
from core import store
from benchkit import PROBE, SW_READY_JS, fmt, median, print_table, verdict
from dict_backend import DictBackend

PROFILES = (("empty", 0), ("1 year", 1), ("5 years", 5), ("10 years", 10))
GOAL_PROFILE = "5 years"           # issue 9 sets its goals for a 5-year history
RUNS = 3
CPU_SLOWDOWN = 4                   # CDP Emulation.setCPUThrottlingRate: a mid-range phone
AFTER_MS = 1000                    # long tasks this long after an input count against it
TIMEOUT_MS = 180000                # today a 10-year tick at 4× on a busy machine takes a minute
TARGETS = {"input_ms": 50, "ready_ratio": 1.15, "tracker_ms": 300, "stored_kb": 60, "over_floor_ms": 50}
TAKEN_ON = 10                      # practices taken on (goal 3 a week), the history spread over them (issue 36)

# Clears Attune's keys and writes the seed before the page's own scripts run; other origins
# (about:blank between runs) are left alone.
SEED_JS = """((origin, seed) => {
  if (location.origin !== origin) return;
  try {
    for (const key of Object.keys(localStorage)) if (key.startsWith("attune:")) localStorage.removeItem(key);
    for (const key of Object.keys(seed)) localStorage.setItem(key, seed[key]);
  } catch (e) {}
})(%s, %s);"""

# Every input's Event Timing entry (input to the next paint, in 8 ms steps; only those of 16 ms or more).
EVENTS_PROBE = """
(() => {
  window.__events = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__events.push([e.name, e.startTime, e.duration]);
    }).observe({type: "event", durationThreshold: 16, buffered: true});
  } catch (e) {}
})();
"""

# One input's cost: the longest Event Timing entry since t0 (0 when all were under 16 ms), and
# the long tasks from t0 until AFTER_MS after that input's paint (counted: [start, ms] of each, which
# tests/bench/trace.py explains).
INPUT_COST_JS = """([t0, after]) => {
  const events = window.__events.filter((e) => e[1] >= t0);
  const duration = events.reduce((m, e) => Math.max(m, e[2]), 0);
  const end = events.reduce((m, e) => Math.max(m, e[1] + e[2]), t0);
  const tasks = window.__longTasks.filter((t) => t[0] >= t0 && t[0] <= end + after);
  return {duration, long: tasks.reduce((s, t) => s + t[1], 0), tasks: tasks.length, counted: tasks};
}"""

# Before the nav click: records the click's time, and the time after the next frame once
# <html data-route="practices"> and a tracker card are both there (rAF, then a message: the
# frame's main-thread work is done).
TRACKER_WATCH_JS = """() => {
  window.__navClickAt = null;
  window.__trackerPaintedAt = null;
  document.addEventListener("click", (e) => {
    if (window.__navClickAt === null && e.target.closest('[data-nav="practices"]')) window.__navClickAt = e.timeStamp;
  }, {capture: true});
  const shown = () => document.documentElement.getAttribute("data-route") === "practices"
    && document.querySelector("#tracker .tracker-card, #tracker-empty:not([hidden])");   // rows, or none taken on
  const observer = new MutationObserver(() => {
    if (window.__navClickAt === null || !shown()) return;
    observer.disconnect();
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => { window.__trackerPaintedAt = performance.now(); };
      channel.port2.postMessage(0);
    });
  });
  observer.observe(document.documentElement, {attributes: true, childList: true, subtree: true});
}"""

# Keeps every text #status shows: a confirmation counts even when the app's timer clears its toast
# right after a slow handler (the timer runs as soon as the handler frees the main thread).
STATUS_WATCH_JS = """() => {
  window.__statusSeen = [];
  const box = document.querySelector("#status");
  new MutationObserver(() => { if (box.textContent) window.__statusSeen.push(box.textContent); })
    .observe(box, {childList: true, subtree: true, characterData: true});
}"""

STORED_BYTES_JS = """() => {
  let n = 0;
  for (const key of Object.keys(localStorage)) {
    if (key.startsWith("attune:")) n += new TextEncoder().encode(key + localStorage.getItem(key)).length;
  }
  return n;
}"""

# A route is open when its view shows and is drawn in full: the tracker's last row and panels are in (aria-busy
# gone), the journal's list of weeks is there.
TRACKER_DRAWN_JS = """() => document.documentElement.getAttribute("data-route") === "practices"
  && document.querySelector("#tracker #all-practices") && !document.querySelector("#tracker[aria-busy]")"""
JOURNAL_DRAWN_JS = """() => document.documentElement.getAttribute("data-route") === "journal"
  && document.querySelector("#journal-body #journal-weeks, #journal-body .journal-empty")"""

# A tracker practice for the tracker's inputs: one of the reader's, not ticked today, not the article's.
TRACKER_PRACTICE_JS = """(avoid) => {
  for (const box of document.querySelectorAll("#tracker [data-group=mine] input.practice-box:not(:checked)")) {
    const pid = box.getAttribute("data-practice");
    if (pid !== avoid) return pid;
  }
  return null;
}"""


# The floor: what the browser alone takes to answer a tap on this page (a checkbox that toggles
# and paints, with no app code). Clicks, changes and inputs are stopped before they reach the app's
# listeners on document; unblock() removes the stopper.
BLOCK_APP_JS = """() => {
  const stop = (e) => e.stopPropagation();
  for (const type of ["click", "change", "input"]) window.addEventListener(type, stop, true);
  window.__unblock = () => {
    for (const type of ["click", "change", "input"]) window.removeEventListener(type, stop, true);
  };
}"""


def history_document(ids, years):
    """(document, check-ins): `years` of days up to yesterday, each of the first TAKEN_ON practices taken
    on (goal 3 a week) and done with p=0.4 each day, a note every 7th day."""
    rng = random.Random(5)
    doc = model.empty()
    yesterday = datetime.date.today().toordinal() - 1  # today stays unticked: the first click ticks
    first = yesterday - years * 365 + 1
    for n in range(first, yesterday + 1):
        day = dates.iso(n)
        for pid in ids[:TAKEN_ON]:
            if rng.random() < 0.4:
                model.set_done(doc, pid, n, True)
        if (n - first) % 7 == 0:
            model.add_note(doc, day, "Week %d: we talked it through and it went better than last time."
                           % ((n - first) // 7 + 1))
    if years:
        for pid in ids[:TAKEN_ON]:
            model.set_focus(doc, pid, 3)
    return doc, sum(len(days) for days in doc["checkins"].values())


def stored_keys(doc):
    """{key: value} the app's Store writes for `doc` (a replace, as an import would)."""
    backend = DictBackend()
    kept = store.Store(backend, lambda: 0)
    kept.open()
    if doc != model.empty() and not kept.replace(doc):
        raise RuntimeError("store.Store did not write the generated history: " + repr(kept.notices))
    return dict(backend.data)


def seed_script(origin, keys):
    return SEED_JS % (json.dumps(origin), json.dumps(keys))


def origin_of(url):
    parts = urlparse(url)
    return f"{parts.scheme}://{parts.netloc}"


# --- one profile -----------------------------------------------------------------------------


class Profile:
    """One history in its own browser context, the service worker installed, the CPU slowed."""

    def __init__(self, browser, url, name, years, ids, article):
        self.name, self.url, self.article = name, url, article
        started = time.monotonic()
        doc, self.checkins = history_document(ids, years)
        self.keys = stored_keys(doc)
        self.generated_s = time.monotonic() - started
        self.context = browser.new_context(viewport=browsers.PHONE)
        self.context.add_init_script(seed_script(origin_of(url), self.keys))
        self.context.add_init_script(PROBE)
        self.context.add_init_script(EVENTS_PROBE)
        self.page = self.context.new_page()
        self.page.set_default_timeout(TIMEOUT_MS)
        self.cdp = self.context.new_cdp_session(self.page)
        self.load("#/")  # unthrottled warm-up: installs the service worker that every run then uses
        if not self.page.evaluate(SW_READY_JS, 20000):
            raise RuntimeError(f"{name}: the service worker was not ready")
        self.stored = None
        self.step = None      # what run() is doing, for an error message
        self.missed = {}      # {why: runs} for inputs that found nothing to act on

    def close(self):
        self.context.close()

    def load(self, route):
        """A fresh load of url+route; ms to data-app="ready"."""
        self.page.goto("about:blank")
        self.page.goto(self.url + route, wait_until="commit")
        self.page.wait_for_selector(browsers.READY, state="attached")
        if self.page.get_attribute("html", "data-app") != "ready":
            raise RuntimeError(f"Attune did not start with the {self.name} history: "
                               + self.page.inner_text("#status"))
        self.page.evaluate(STATUS_WATCH_JS)
        return self.page.evaluate("() => window.__readyAt")

    def input(self, act, confirmed, clear_status=True, missable=None):
        """Cost of one input: act() (real mouse or keyboard events), then wait for `confirmed` (JS).
        missable: why act() may find nothing to act on; then None, counted in self.missed."""
        page = self.page
        self.step = "the input " + repr(confirmed)
        if clear_status:
            page.evaluate("() => { document.querySelector('#status').innerHTML = ''; }")
        t0 = page.evaluate("() => { window.__statusSeen = []; return performance.now(); }")
        try:
            act()
        except PlaywrightTimeout:
            if not missable:
                raise
            self.missed[missable] = self.missed.get(missable, 0) + 1
            return None
        page.wait_for_function(confirmed)
        page.wait_for_timeout(AFTER_MS + 200)
        return page.evaluate(INPUT_COST_JS, [t0, AFTER_MS])

    def floor(self, box_id):
        """The browser's own cost of a tap on this page: box_id toggled with the app's listeners
        blocked, then toggled back (unmeasured) and the app unblocked, so its state is unchanged."""
        page, state = self.page, f"document.getElementById({json.dumps(box_id)}).checked"
        before = page.evaluate(f"() => {state}")
        page.evaluate(BLOCK_APP_JS)
        try:
            cost = self.input(self.tap("#" + box_id), f"() => {state} !== {json.dumps(before)}")
            self.tap("#" + box_id)()
            page.wait_for_function(f"() => {state} === {json.dumps(before)}")
        finally:
            page.evaluate("() => window.__unblock()")
        return cost

    def tap(self, selector, timeout=None):
        """A click as a finger makes it, ready to pass to input(): the element is scrolled into view
        now, and the returned act presses the mouse at its centre (CDP Input events). Not
        locator.click(): its actionability checks run listeners and animation-frame polling inside
        the page, which Event Timing and the long tasks would count as the app's own work."""
        locator = self.page.locator(selector).first
        try:
            locator.scroll_into_view_if_needed(timeout=timeout)
            box = locator.bounding_box()
        except PlaywrightTimeout as error:
            timeout_error = error   # `error` itself is deleted when the except block ends

            def missing():
                raise timeout_error
            return missing
        return lambda: self.page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)

    def run(self):
        """One run at CPU_SLOWDOWN: load an article, tick/untick/Undo there, open the tracker by its
        nav link, tick, goal and take-off there, a note in the journal; then load #/practices. A dict of figures.

        Only the running profile is slowed: Chromium's CPU throttling keeps about 0.8 of a core busy
        for each slowed page, even an idle one (seen with top, about:blank included), so three idle
        profiles left slowed took this 2-core machine from the one being measured."""
        self.cdp.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
        try:
            return self.inputs()
        finally:
            self.cdp.send("Emulation.setCPUThrottlingRate", {"rate": 1})

    def inputs(self):
        page, out = self.page, {}
        self.step = "loading an article"
        out["ready"] = self.load("#/a/" + self.article)
        if self.stored is None:
            self.stored = page.evaluate(STORED_BYTES_JS)
        box = page.locator(f"#a-{self.article} input.practice-box").first
        pid = box.get_attribute("data-practice")
        status = "() => window.__statusSeen.some((text) => text.includes(%s))"
        out["floor, article"] = self.floor(box.get_attribute("id"))
        out["tick, article"] = self.input(self.tap(f"#{box.get_attribute('id')}"),
                                          status % json.dumps("marked as done"))
        out["untick, article"] = self.input(self.tap(f"#{box.get_attribute('id')}"), status % json.dumps("unticked"))
        out["Undo"] = self.input(self.tap("#status [data-action=undo]", timeout=5000),
                                 status % json.dumps("Undone"), clear_status=False,
                                 missable="Undo: the toast had gone (the app clears it 8 s after showing it)")
        self.step = "opening the tracker by its nav link"
        page.evaluate(TRACKER_WATCH_JS)
        out["open #/practices"] = self.input(self.tap('[data-nav="practices"]'), TRACKER_DRAWN_JS)
        out["tracker open"] = page.evaluate("() => window.__trackerPaintedAt - window.__navClickAt")
        other = page.evaluate(TRACKER_PRACTICE_JS, pid)
        if not other:   # the empty history: a practice is taken on first, untimed, as a newcomer would
            page.click("#all-practices summary")
            page.locator(f"#all-practices input[data-focus]:not([data-focus='{pid}'])").first.check()
            page.click("#all-practices summary")
            page.wait_for_function("() => document.querySelectorAll('#tracker [data-group=mine] li').length > 1"
                                   " && !document.querySelector('#tracker[aria-busy]')")
            other = page.evaluate(TRACKER_PRACTICE_JS, pid)
        if not other:
            raise RuntimeError("no unticked practice of the reader's on the tracker")
        out["floor, tracker"] = self.floor(f"tracker--do-{other}")
        out["tick, tracker"] = self.input(self.tap(f"#tracker--do-{other}"),
                                          status % json.dumps("marked as done"))
        yesterday = page.evaluate(f"() => document.querySelector('#tracker--do-{other}').closest('.week-days')"
                                  f".querySelectorAll('input')[5].dataset.day")
        out["tick, past day"] = self.input(self.tap(f"#day--{other}--{yesterday}"),
                                           status % json.dumps("yesterday"))
        # the goal and "Add to my practices" are in the row's details
        row = f"#tracker details[data-grid='{other}']"
        grid = json.dumps(row + " .grid-wrap:not([aria-busy])")   # drawn in full (a piece after each paint)
        out["open row"] = self.input(self.tap(row + " summary"), f"() => document.querySelector({grid})")
        goal = page.input_value(f"#goal--{other}")
        page.evaluate(f"() => document.getElementById('goal--{other}').focus()")
        out["goal change"] = self.input(lambda: page.keyboard.press("ArrowDown"),
                                        f"() => document.getElementById('goal--{other}').value !== {json.dumps(goal)}")
        # Taken off, the row (with its history) moves to "Tried before" after the paint that shows the box.
        out["take off"] = self.input(self.tap(f"#focus--{other}"),
                                     f"() => !document.getElementById('focus--{other}').checked"
                                     f" && document.getElementById('goal--{other}').disabled"
                                     f" && !document.querySelector('#tracker[aria-busy]')")
        self.step = "opening the journal by its nav link"
        out["open #/journal"] = self.input(self.tap('[data-nav="journal"]'), JOURNAL_DRAWN_JS)
        page.fill("#journal-note", "It went well today; we both listened.")
        out["save note"] = self.input(self.tap("[data-action=journal-add]"), status % json.dumps("Note saved"))
        self.step = "loading #/practices"
        out["ready, #/practices"] = self.load("#/practices")
        return out


INPUTS = ("tick, article", "untick, article", "Undo", "open #/practices", "tick, tracker", "tick, past day", "open row",
          "goal change", "take off", "open #/journal", "save note")
FLOORS = ("floor, article", "floor, tracker")   # the same tap with no app code: the browser's own share
# Inputs made on an article page; the rest are made on #/practices.
ON_ARTICLE = ("tick, article", "untick, article", "Undo", "open #/practices")


def measure_scale(browser, url, ids, article):
    """RUNS runs of every profile, interleaved (run 1 of each, then run 2...) so drift hits all alike.
    A profile that fails is dropped from later runs and its error printed; the others go on.
    Returns [(name, Profile or None, summary or None, error or None)]."""
    profiles, errors, runs = {}, {}, {}
    try:
        for name, years in PROFILES:
            try:
                profiles[name] = Profile(browser, url, name, years, ids, article)
                runs[name] = []
            except Exception as error:  # noqa: BLE001 - reported in the table's notes
                errors[name] = f"setting up: {type(error).__name__}: {error}"
        started = time.monotonic()
        for number in range(1, RUNS + 1):
            print(f"  (history size: run {number} of {RUNS}, {time.monotonic() - started:.0f} s in)", flush=True)
            for name in [n for n in runs if n not in errors]:
                try:
                    runs[name].append(profiles[name].run())
                except Exception as error:  # noqa: BLE001
                    errors[name] = f"run {len(runs[name]) + 1}, {profiles[name].step}: {type(error).__name__}: " \
                                   + str(error).splitlines()[0]
        return [(name, profiles.get(name), summarise(runs[name]) if runs.get(name) else None, errors.get(name))
                for name, _ in PROFILES]
    finally:
        for p in profiles.values():
            p.close()


def summarise(runs):
    out = {key: median(runs, key) for key in ("ready", "ready, #/practices", "tracker open")}
    for key in INPUTS + FLOORS:
        costs = [r[key] for r in runs if r[key] is not None]
        out[key] = {"duration": statistics.median(c["duration"] for c in costs),
                    "long": statistics.median(c["long"] for c in costs)} if costs else None
    return out


# --- printing --------------------------------------------------------------------------------


def input_cell(cost):
    duration = "<16" if cost["duration"] < 16 else fmt(cost["duration"])
    return duration + (f" (LT {fmt(cost['long'])})" if cost["long"] else "")


def print_issue27(goal):
    """Issue 27's goals 2 and 3 at 5 years, read from the table: no long task after any input, and every
    input within 50 ms of the floor of the page it was made on (issue 9's "≤ 50" above is absolute)."""
    costs = [(key, goal[key]) for key in INPUTS if goal.get(key)]
    if len(costs) < len(INPUTS) or not all(goal.get(key) for key in FLOORS):
        print(f"  issue 27 at {GOAL_PROFILE}: figures missing, no verdict")
        return
    long_after = [f"{key} {fmt(cost['long'])}" for key, cost in costs if cost["long"]]
    over = [(cost["duration"] - goal["floor, article" if key in ON_ARTICLE else "floor, tracker"]["duration"], key)
            for key, cost in costs]
    most, key = max(over)
    print(f"  issue 27 at {GOAL_PROFILE}: long tasks after an input: {', '.join(long_after) or 'none'} (goal none) "
          f"{'MISSED' if long_after else 'ok'}; most over its page's floor: {key}, {fmt(most)} ms "
          f"(goal ≤ {TARGETS['over_floor_ms']}) {verdict(most, TARGETS['over_floor_ms'])}")


def report_scale(results):
    names = [name for name, _, _, _ in results]
    by_name = {name: summary or {} for name, _, summary, _ in results}
    goal = by_name.get(GOAL_PROFILE) or {}
    empty = by_name.get("empty") or {}

    def cell(name, key, show):
        value = by_name[name].get(key)
        return "-" if value is None else show(value)

    print(f"History size at {CPU_SLOWDOWN}× CPU (issue 9): 390x844, service worker installed, "
          f"median of {RUNS} interleaved runs")
    print("  " + "; ".join(f"{name}: {p.checkins} check-ins" for name, p, _, _ in results if p))
    rows = []
    for key in INPUTS:
        cost = goal.get(key)
        ok = cost is not None and cost["duration"] <= TARGETS["input_ms"] and not cost["long"]
        rows.append([key + " (ms)"] + [cell(n, key, input_cell) for n in names]
                    + [f"≤ {TARGETS['input_ms']}, no LT", "ok" if ok else "MISSED"])
    for key in FLOORS:
        rows.append([key + ": no app code (ms)"] + [cell(n, key, input_cell) for n in names] + ["reference", ""])
    for key, label in (("ready", "ready, article (ms, ×empty)"),
                       ("ready, #/practices", "ready, #/practices (ms, ×empty)")):
        base = empty.get(key)
        show = lambda v, base=base: fmt(v) + (f" ({v / base:.2f}×)" if base else "")  # noqa: E731
        ratio = goal[key] / base if goal.get(key) and base else None
        rows.append([label] + [cell(n, key, show) for n in names]
                    + [f"≤ {TARGETS['ready_ratio']:.2f}×", verdict(ratio, TARGETS["ready_ratio"])])
    rows.append(["tracker open (ms)"] + [cell(n, "tracker open", fmt) for n in names]
                + [f"≤ {TARGETS['tracker_ms']}", verdict(goal.get("tracker open"), TARGETS["tracker_ms"])])
    stored = {name: p.stored / 1024 for name, p, _, _ in results if p and p.stored is not None}
    rows.append(["stored (kB)"] + [fmt(stored.get(n), 1) for n in names]
                + [f"≤ {TARGETS['stored_kb']}", verdict(stored.get(GOAL_PROFILE), TARGETS["stored_kb"])])
    print_table(["", *names, f"goal ({GOAL_PROFILE})", ""], rows)
    print_issue27(goal)
    print("  inputs: Event Timing duration, input to next paint (entries under 16 ms are not reported: \"<16\");"
          f" LT = ms of long tasks from the input to {AFTER_MS} ms after its paint")
    print("  floor: the article's (or the tracker's) checkbox toggled with the app's listeners blocked:"
          " what this browser takes for a tap on that page before any app code runs")
    print("  tracker open: nav click to the frame after #/practices shows its cards;"
          " stored: UTF-8 bytes of every attune: key and value, after the app's start")
    print("  history generation (CPython): " + ", ".join(f"{name} {p.generated_s:.1f} s"
                                                       for name, p, _, _ in results if p))
    for name, p, summary, error in results:
        for why, count in (p.missed.items() if p else ()):
            print(f"  {name}: {why}, in {count} run(s)")
        if error:
            print(f"  {name} FAILED ({'after some runs' if summary else 'no figures'}): {error}")
