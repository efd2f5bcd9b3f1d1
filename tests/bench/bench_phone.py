"""Issue 16's table for `make bench`: Attune's first visit against PyScript's own start, on a phone.

The "bare" page is generated here from dist/: the same vendored PyScript and MicroPython (their
paths read from dist/index.html, never hard-coded), the same CSP and the same config (its
"files" left out: those are Attune's modules), and a main.py that only sets data-app="ready".
"""
import html
import json
import re
import threading
from functools import partial

import browser as browsers
from builder.serve import Handler, Server
from benchkit import (DIST, FCP_JS, PROBE, SW_READY_JS, TIMEOUT_MS, NetworkLog, blocking_time, fmt, median,
                      print_table, verdict)

RUNS = 3
# Lighthouse's mobile profile, applied through CDP: 4× CPU, 150 ms round trip, 1.6 Mbit/s down,
# 750 kbit/s up (bytes per second, as Network.emulateNetworkConditions takes them).
PHONE_NETWORK = {"offline": False, "latency": 150, "downloadThroughput": 1.6 * 1024 * 1024 / 8,
                 "uploadThroughput": 750 * 1024 / 8}
CONDITIONS = {"phone": (4, PHONE_NETWORK), "cpu": (4, None), "none": (1, None)}
TARGETS = {"fcp_ratio": 1.20, "ready_ratio": 1.0, "repeat_ratio": 1.1, "blocking_extra_ms": 20}
BARE_MAIN = 'import js\njs.document.documentElement.setAttribute("data-app", "ready")\n'


# --- the bare page ---------------------------------------------------------------------------


def runtime_of(page_html):
    """(PyScript's module script src, the mpy script's config dict) as dist/index.html has them."""
    core = re.search(r'<script type="module" src="([^"]+)"', page_html)
    config = re.search(r'<script type="mpy"[^>]*\sconfig="([^"]*)"', page_html)
    if not core or not config:
        raise RuntimeError("dist/index.html has no PyScript module script or no <script type=\"mpy\" config>")
    return core.group(1), json.loads(html.unescape(config.group(1)))


def make_bare(folder):
    """The bare runtime page in `folder`; the runtime's folders are symlinks into dist/."""
    page_html = (DIST / "index.html").read_text(encoding="utf-8")
    core, config = runtime_of(page_html)
    config.pop("files", None)
    csp = re.search(r'<meta http-equiv="Content-Security-Policy"[^>]*>', page_html)
    py_config = re.search(r"<py-config hidden>.*?</py-config>", page_html, re.S)
    (folder / "main.py").write_text(BARE_MAIN, encoding="utf-8")
    (folder / "index.html").write_text(
        '<!doctype html>\n<html lang="en" data-app="loading">\n<head>\n'
        + (csp.group(0) + "\n" if csp else "")
        + '<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<title>Bare PyScript + MicroPython</title>\n<link rel="icon" href="data:,">\n'
        f'<script type="module" src="{html.escape(core)}"></script>\n</head>\n<body>\n'
        "<h1>Bare runtime page</h1>\n<p>PyScript and MicroPython start, and main.py marks the page ready.</p>\n"
        + (py_config.group(0) + "\n" if py_config else "")
        + f'<script type="mpy" src="./main.py" config="{html.escape(json.dumps(config))}"></script>\n'
        "</body>\n</html>\n", encoding="utf-8")
    for path in (core, config["interpreter"]):
        top = path.lstrip("./").split("/")[0]
        if not (folder / top).exists():
            (folder / top).symlink_to(DIST / top, target_is_directory=(DIST / top).is_dir())
    return folder


class StatusLog:
    """HTTP status codes a server answered with, safe across threads."""

    def __init__(self):
        self.lock = threading.Lock()
        self.codes = []

    def add(self, code):
        with self.lock:
            self.codes.append(code)

    def take(self):
        """e.g. "6 × 304, 1 × 200": the answers so far, starting a new list."""
        with self.lock:
            codes, self.codes = self.codes, []
        counts = {code: codes.count(code) for code in codes}
        return ", ".join(f"{n} × {code}" for code, n in sorted(counts.items(), key=lambda kv: -kv[1])) or "none"


def serve_bare(folder):
    """builder.serve's Server for the bare page, started, and a StatusLog of its answers."""
    log = StatusLog()

    class Logging(Handler):
        def send_response(self, code, message=None):
            log.add(code)
            super().send_response(code, message)

    server = Server(folder)
    server.httpd.RequestHandlerClass = partial(Logging, directory=str(folder))
    return server.start(), log


# --- one visit -------------------------------------------------------------------------------


def visit(page, url, log, app):
    """Load url in `page`; FCP, ready and blocking before ready (ms), and how the files came."""
    page.goto(url, wait_until="load", timeout=TIMEOUT_MS)
    if app:
        page.wait_for_selector(browsers.READY, state="attached", timeout=TIMEOUT_MS)
        if page.get_attribute("html", "data-app") != "ready":
            raise RuntimeError(f"{url} did not start: " + page.inner_text("body")[:300])
    page.wait_for_function("() => performance.getEntriesByName('first-contentful-paint').length > 0",
                           timeout=TIMEOUT_MS)
    ready = page.evaluate("() => window.__readyAt") if app else None
    return {"fcp": page.evaluate(FCP_JS), "ready": ready,
            "tbt": blocking_time(page.evaluate("() => window.__longTasks"), ready) if app else None,
            "sources": log.sources()}


def session_run(browser, url, condition, app=True, repeat=False, statuses=None):
    """A first visit in a fresh context under `condition`; with repeat, a second visit after it
    (Attune's from its service worker once installed; the bare page's from the HTTP cache, and
    `statuses`, the StatusLog of its server, says what the server answered)."""
    cpu, network = CONDITIONS[condition]
    context = browser.new_context(viewport=browsers.PHONE)
    context.add_init_script(PROBE)
    page = context.new_page()
    try:
        log = NetworkLog(context, page)
        if cpu > 1:
            log.session.send("Emulation.setCPUThrottlingRate", {"rate": cpu})
        if network:
            log.session.send("Network.emulateNetworkConditions", network)
        first = visit(page, url, log, app)
        if not repeat:
            return first, None
        first["worker"] = page.evaluate(SW_READY_JS, 30000)
        page.goto("about:blank")
        log.reset()
        if statuses:
            statuses.take()
        again = visit(page, url, log, app)
        if statuses:
            again["sources"] = "the server answered " + statuses.take()
        return first, again
    finally:
        context.close()


# --- the first tap that counts (issue 27) -----------------------------------------------------------

# Installed before the page's scripts: the time (event.timeStamp: when the press happened) of the first
# change of a practice box (presses on a box still disabled make none), when the first practice box
# lost its pre-rendered `disabled` (boot.js as the parser inserts it now; the app at ready before issue
# 27), and the first frame that painted a practice box still disabled (checked in each frame's
# animation-frame callback, just before its paint; null if none did).
FIRST_CHANGE_PROBE = """
(() => {
  window.__firstChange = null;
  window.__boxEnabledAt = null;
  window.__paintedDisabledAt = null;
  const frame = () => {
    const box = document.querySelector("input.practice-box");
    if (box && box.disabled && window.__paintedDisabledAt === null) window.__paintedDisabledAt = performance.now();
    if (!box || box.disabled) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  const watch = new MutationObserver((records) => {
    for (const r of records) {
      if (r.target.matches("input.practice-box") && !r.target.disabled) {
        window.__boxEnabledAt = performance.now();
        watch.disconnect();
        return;
      }
    }
  });
  watch.observe(document, {attributes: true, attributeFilter: ["disabled"], subtree: true});
  document.addEventListener("change", (e) => {
    if (window.__firstChange === null && e.target.matches && e.target.matches("input.practice-box")) {
      window.__firstChange = e.timeStamp;
    }
  }, true);
})();
"""
TAP_EVERY_MS = 50   # between presses while the box does not tick


def first_tap(browser, url, article):
    """One phone-profile first visit to an article: the reader presses its first practice box (CDP
    Input.dispatchMouseEvent at its centre) from the first paint on, every TAP_EVERY_MS, until it ticks.
    Returns {"fcp", "ready", "tap": ms from FCP to the press that ticked it, "kept": it is still ticked
    after ready and stored}."""
    cpu, network = CONDITIONS["phone"]
    context = browser.new_context(viewport=browsers.PHONE)
    context.add_init_script(PROBE)
    context.add_init_script(FIRST_CHANGE_PROBE)
    page = context.new_page()
    try:
        cdp = context.new_cdp_session(page)
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": cpu})
        cdp.send("Network.enable")
        cdp.send("Network.emulateNetworkConditions", network)
        page.goto(url + "#/a/" + article, wait_until="commit", timeout=TIMEOUT_MS)
        page.wait_for_function("() => performance.getEntriesByName('first-contentful-paint').length > 0",
                               polling=10, timeout=TIMEOUT_MS)
        selector = f"#a-{article} input.practice-box"
        pid = page.get_attribute(selector, "data-practice")
        presses = 0
        while True:
            rect = page.evaluate("""(s) => { const box = document.querySelector(s);
                box.scrollIntoView({block: "center"}); const r = box.getBoundingClientRect();
                return [r.x + r.width / 2, r.y + r.height / 2, box.checked]; }""", selector)
            if rect[2]:
                break
            for kind in ("mousePressed", "mouseReleased"):
                cdp.send("Input.dispatchMouseEvent", {"type": kind, "x": rect[0], "y": rect[1], "button": "left",
                                                      "clickCount": 1})
            presses += 1
            page.wait_for_timeout(TAP_EVERY_MS)
        page.wait_for_selector(browsers.READY, state="attached", timeout=TIMEOUT_MS)
        page.wait_for_timeout(300)
        kept = page.evaluate("""([s, key]) => document.documentElement.getAttribute("data-app") === "ready"
            && document.querySelector(s).checked && localStorage.getItem(key) !== null""",
                             [selector, "attune:days:" + pid])
        fcp, tapped = page.evaluate(FCP_JS), page.evaluate("() => window.__firstChange")
        enabled = page.evaluate("() => window.__boxEnabledAt")
        painted = page.evaluate("() => window.__paintedDisabledAt")
        # Waiting counts only while the reader could see the box disabled: from the first frame that painted
        # it so to the moment it was enabled (0 when no frame did). Timestamps of the box's arrival and of
        # its enabling, taken in two observers' callbacks, would count the JavaScript between them instead.
        usable = None if enabled is None else 0.0 if painted is None else max(0.0, enabled - painted)
        return {"fcp": fcp, "ready": page.evaluate("() => window.__readyAt"), "usable": usable,
                "tap": tapped - fcp if tapped is not None and fcp is not None else None, "kept": kept,
                "presses": presses}
    finally:
        context.close()


def measure_first_tap(browser, url, article):
    """RUNS first visits (after one warm-up): medians of the first tap that counts and of ready − FCP,
    what a reader waited while the boxes stayed disabled until ready (before issue 27), same runs."""
    first_tap(browser, url, article)
    runs = [first_tap(browser, url, article) for _ in range(RUNS)]
    for r in runs:
        r["wait"] = r["ready"] - r["fcp"] if r["ready"] is not None and r["fcp"] is not None else None
        if not r["kept"]:
            r["tap"] = r["usable"] = None
    return {"tap": median(runs, "tap"), "wait": median(runs, "wait"), "usable": median(runs, "usable"),
            "kept": sum(1 for r in runs if r["kept"]),
            "runs": len(runs), "taps": [r["tap"] for r in runs], "presses": [r["presses"] for r in runs]}


def report_first_tap(t):
    print(f"The first tap that counts (issue 27): phone profile, a fresh context per visit, median of {t['runs']};"
          f" the first practice box of an article pressed (CDP) from the first paint every {TAP_EVERY_MS} ms"
          " until it ticks")
    first = t["kept"] == t["runs"] and all(n == 1 for n in t["presses"])
    rows = [["first paint → first tap that counts (ms)", fmt(t["usable"]), fmt(t["wait"]), "0",
             verdict(t["usable"], 0)],
            ["first paint → the bench's press that ticked (ms)", fmt(t["tap"]), "", "the first press",
             "ok" if first else "MISSED"]]
    print_table(["", "now", "before: boxes disabled until ready", "goal", ""], rows)
    print(f"  kept: the tick was still there after ready and stored in {t['kept']} of {t['runs']} runs"
          f" (each run: {', '.join(fmt(x) for x in t['taps'])} ms; presses until one ticked:"
          f" {', '.join(str(n) for n in t['presses'])})")
    print("  first tap that counts: from the first frame that painted the box disabled to the moment it is enabled"
          " (0 when no frame did), in runs where the press ticked it and it stayed ticked after ready and stored")
    print("  before = ready − first paint in the same runs: until issue 27 the boxes were pre-rendered disabled"
          " and enabled at ready")
    print("  the bench's press: its own round trips to a page busy starting the runtime make it land late;"
          " ok means its first press counted")


def measure_phone(browser, attune_url, bare, floor_url):
    """Warm-up, then RUNS rounds of every page and condition, interleaved so drift hits all alike.
    bare: (url, StatusLog) from serve_bare."""
    bare_url, bare_statuses = bare
    session_run(browser, attune_url, "none")
    session_run(browser, bare_url, "none")
    session_run(browser, floor_url, "none", app=False)
    runs = {key: [] for key in ("attune first", "attune repeat", "bare first", "bare repeat", "floor",
                                "attune cpu", "bare cpu", "attune none", "bare none")}
    workers = []
    for _ in range(RUNS):
        first, again = session_run(browser, attune_url, "phone", repeat=True)
        runs["attune first"].append(first)
        runs["attune repeat"].append(again)
        workers.append(first["worker"])
        first, again = session_run(browser, bare_url, "phone", repeat=True, statuses=bare_statuses)
        runs["bare first"].append(first)
        runs["bare repeat"].append(again)
        runs["floor"].append(session_run(browser, floor_url, "phone", app=False)[0])
        for condition in ("cpu", "none"):
            runs["attune " + condition].append(session_run(browser, attune_url, condition)[0])
            runs["bare " + condition].append(session_run(browser, bare_url, condition)[0])
    out = {key: {m: median(r, m) for m in ("fcp", "ready", "tbt")} for key, r in runs.items()}
    for key in ("attune repeat", "bare repeat"):
        out[key]["sources"] = runs[key][-1]["sources"]
    out["workers"] = all(workers)
    return out


# --- printing --------------------------------------------------------------------------------


def ratio(a, b):
    return a / b if a is not None and b else None


def report_phone(r):
    print(f"First visit on a phone network (issue 16): 390x844, a fresh context per visit, median of {RUNS}")
    print(f"  phone = CDP CPU 4×, {PHONE_NETWORK['latency']} ms round trip, 1.6 Mbit/s down, 750 kbit/s up;"
          " bare = the vendored runtime with a main.py that only sets data-app=ready")
    A, B = r["attune first"], r["bare first"]
    rows = []
    fcp_ratio = ratio(A["fcp"], r["floor"]["fcp"])
    rows.append(["FCP, phone (ms)", fmt(r["floor"]["fcp"]), fmt(B["fcp"]), fmt(A["fcp"]),
                 f"{fmt(fcp_ratio, 2)}× floor", f"≤ {TARGETS['fcp_ratio']:.2f}× floor",
                 verdict(fcp_ratio, TARGETS["fcp_ratio"])])
    first = ratio(A["ready"], B["ready"])
    rows.append(["ready, phone, first visit (ms)", "", fmt(B["ready"]), fmt(A["ready"]), f"{fmt(first, 2)}× bare",
                 f"≤ {TARGETS['ready_ratio']:.2f}× bare", verdict(first, TARGETS["ready_ratio"])])
    again = ratio(r["attune repeat"]["ready"], r["bare repeat"]["ready"])
    rows.append(["ready, phone, repeat visit (ms)", "", fmt(r["bare repeat"]["ready"]),
                 fmt(r["attune repeat"]["ready"]), f"{fmt(again, 2)}× bare",
                 f"≤ {TARGETS['repeat_ratio']:.2f}× bare", verdict(again, TARGETS["repeat_ratio"])])
    extra = A["tbt"] - B["tbt"] if A["tbt"] is not None and B["tbt"] is not None else None
    rows.append(["blocking before ready, phone (ms)", "", fmt(B["tbt"]), fmt(A["tbt"]), f"{fmt(extra)} over bare",
                 f"≤ bare + {TARGETS['blocking_extra_ms']}", verdict(extra, TARGETS["blocking_extra_ms"])])
    for condition, label in (("cpu", "ready, CPU 4× only (ms)"), ("none", "ready, unthrottled (ms)")):
        a, b = r["attune " + condition]["ready"], r["bare " + condition]["ready"]
        rows.append([label, "", fmt(b), fmt(a), f"{fmt(ratio(a, b), 2)}× bare", "", ""])
    print_table(["", "floor", "bare", "Attune", "Attune vs", "goal", ""], rows)
    print(f"  repeat visit, Attune: responses {r['attune repeat']['sources']} (its service worker"
          + ("" if r["workers"] else "; NOT ready in every run") + ")")
    print(f"  repeat visit, bare: no worker, so the HTTP cache; files are sent with Cache-Control: no-cache,"
          f" so each is revalidated: {r['bare repeat']['sources']} (last run)")
    print("  blocking = total blocking time (long tasks' time over 50 ms) before ready")
    print("  floor = dist/index.html without scripts, so without boot.js choosing one view: it lays out every"
          " view, which at 4× CPU can paint later than Attune")
