"""Attune's benchmark (`make bench`): load, history size and first-visit cost, against goals.

`make bench` runs every section; `make bench ONLY=scale,phone` (or `tests/bench/bench.py --only ...`)
runs some: pages, history, scale, phone, lighthouse. Each section prints how long it took.
All in headless Chromium at phone size (390x844), on this machine:

1. pages (unthrottled): Attune against its "floor": dist/index.html with every <script> element
   removed, served next to the same files, so the floor is the same page with no scripts. Each
   gets a warm-up run and then RUNS cold runs, each in a fresh browser context (no cache, no
   service worker). Per run: first contentful paint, time to <html data-app="ready"> (a
   MutationObserver installed by an init script records performance.now()), total blocking time
   before ready (long tasks seen by a PerformanceObserver, sum of their time over 50 ms), bytes
   transferred and requests (CDP Network events of the page), and requests to hosts other than
   127.0.0.1. The server also counts every byte it sends, which adds what the service worker
   downloads to precache the app on a first visit. Medians are printed against the targets.
2. history (unthrottled): a generated 5-year history stored, then the practices view reloaded
   RUNS times: time to ready and to the first rendered tracker card.
3. scale (issue 9, tests/bench/bench_scale.py): columns empty / 1 year / 5 years / 10 years, at 4× CPU
   (CDP Emulation.setCPUThrottlingRate, on the running history only: a slowed page keeps a core busy),
   each history in its own context with the service worker installed, median of bench_scale.RUNS
   runs interleaved across the histories. Histories are
   built with py/core/model.py's edit functions and written by py/core/store.py's Store into a dict, whose
   keys an init script puts in localStorage before every load, so they follow the stored format.
   Rows: each input (tick, untick and Undo in an article; opening #/practices by its nav link (drawn
   in full: aria-busy gone); today's and yesterday's toggle, opening a row, goal change, take off
   and save note on the tracker; opening #/journal; real mouse/keyboard events) as its Event Timing
   duration (input to next paint) and the long tasks up to 1 s after it (goal ≤ 50 ms, no long
   task); ready on an article and on #/practices, also as a ratio to the empty profile's (goal ≤
   1.15×); tracker open, from the nav link's click to the frame after the cards are there (goal ≤
   300 ms); and the bytes of every attune: key (goal ≤ 60 kB). Goals are judged on the 5-year
   column.
4. phone (issue 16, tests/bench/bench_phone.py): Attune against a "bare" page the bench generates from
   dist/ (the same vendored PyScript + MicroPython, read from dist/index.html, the same CSP and
   config minus Attune's "files", a main.py that only sets data-app="ready"), both with
   Lighthouse's mobile profile through CDP (CPU 4×, 150 ms round trip, 1.6 Mbit/s down, 750
   kbit/s up), a fresh context per visit, median of bench_phone.RUNS interleaved rounds. Rows:
   FCP (Attune's also against the floor, goal ≤ 1.2×); first-visit ready (goal ≤ 1.0× bare);
   repeat-visit ready in the same context (Attune from its service worker; the bare page has
   none, so the HTTP cache, every file revalidated; goal ≤ 1.1× bare); blocking time before
   ready (goal ≤ bare + 20 ms); ready with CPU 4× only and unthrottled, for both.
5. lighthouse: Lighthouse (default mobile settings), installed at an exact version into
   .bench/lighthouse, run LIGHTHOUSE_RUNS times: each category's median score and range, the
   median run's TBT/FCP/LCP, and the audits that keep a category under its target. Several runs
   because Lighthouse's simulated throttling scales the tasks it observes, so one busy moment on
   this machine moves the performance score by several points.

Targets are reported as "ok" or "MISSED"; the benchmark never fails on them.
"""
import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from functools import partial
from pathlib import Path

# benchkit first: run as a script, the bench gets tests/support, site/ and py/ on sys.path from it.
from benchkit import (DIST, FCP_JS, PROBE, ROOT, SCRATCH, SW_READY_JS, TIMEOUT_MS, NetworkLog,
                      blocking_time, catalogue_ids, fmt, median, print_table, verdict)
import bench_lock
import bench_phone
import bench_scale
import browser as browsers
from builder.serve import Handler, Server

LIGHTHOUSE_VERSION = "13.5.0"  # exact, from `npm view lighthouse@13 version`
LIGHTHOUSE_DIR = SCRATCH / "lighthouse"
LIGHTHOUSE_BIN = LIGHTHOUSE_DIR / "node_modules" / ".bin" / "lighthouse"
LIGHTHOUSE_REPORT = SCRATCH / "lh.json"
LIGHTHOUSE_RUNS = 5
RUNS = 5
HISTORY_YEARS = 5
SECTIONS = ("pages", "history", "scale", "unlock", "phone", "lighthouse")

TARGETS = {"fcp_ratio": 1.20, "ready_ms": 1000, "tbt_ms": 150, "first_visit_kb": 500}
LIGHTHOUSE_TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}

# --- serving ------------------------------------------------------------------------------


class ByteCounter:
    """Bytes a server has written to its sockets (headers and bodies), safe across threads."""

    def __init__(self):
        self.lock = threading.Lock()
        self.total = 0

    def add(self, n):
        with self.lock:
            self.total += n

    def take(self):
        """The count so far, starting a new one."""
        with self.lock:
            total, self.total = self.total, 0
        return total


class CountingWriter:
    """A socket writer that reports every write to a ByteCounter."""

    def __init__(self, inner, counter):
        self.inner, self.counter = inner, counter

    def write(self, data):
        self.counter.add(len(data))
        return self.inner.write(data)

    def __getattr__(self, name):
        return getattr(self.inner, name)


def counting_server(root):
    """builder.serve's Server for `root`, started, with a ByteCounter of everything it sends."""
    counter = ByteCounter()

    class Counting(Handler):
        def setup(self):
            super().setup()
            self.wfile = CountingWriter(self.wfile, counter)

    server = Server(root)
    server.httpd.RequestHandlerClass = partial(Counting, directory=str(root))
    return server.start(), counter


def make_floor(folder):
    """The floor in `folder`: index.html without <script> elements, other dist/ entries symlinked."""
    html = (DIST / "index.html").read_text(encoding="utf-8")
    stripped = re.sub(r"<script\b[^>]*>.*?</script\s*>", "", html, flags=re.S | re.I)
    (folder / "index.html").write_text(stripped, encoding="utf-8")
    for entry in DIST.iterdir():
        if entry.name != "index.html":
            (folder / entry.name).symlink_to(entry, target_is_directory=entry.is_dir())
    return folder


# --- one page load --------------------------------------------------------------------------


def cold_run(browser, url, app, counter):
    """One load in a fresh context; a dict of what was measured."""
    context = browser.new_context(viewport=browsers.PHONE)
    context.add_init_script(PROBE)
    page = context.new_page()
    log = NetworkLog(context, page)
    try:
        page.goto(url, wait_until="load", timeout=TIMEOUT_MS)
        if app:
            page.wait_for_selector(browsers.READY, state="attached", timeout=TIMEOUT_MS)
            if page.get_attribute("html", "data-app") != "ready":
                raise RuntimeError("Attune did not start: " + page.inner_text("#status"))
        page.wait_for_function("() => performance.getEntriesByName('first-contentful-paint').length > 0",
                               timeout=TIMEOUT_MS)
        ready = page.evaluate("() => window.__readyAt") if app else None
        long_tasks = page.evaluate("() => window.__longTasks")
        fcp = page.evaluate(FCP_JS)
        worker = page.evaluate(SW_READY_JS, 10000) if app else False
        time.sleep(0.2)  # the last loadingFinished events
        result = {"fcp": fcp, "ready": ready, "tbt": blocking_time(long_tasks, ready),
                  "kb": log.bytes / 1024, "requests": len(log.requests()), "hosts": log.other_hosts(),
                  "worker": worker}
    finally:
        context.close()
    result["served_kb"] = counter.take() / 1024  # after close: includes the worker's precache
    return result


def summarise(runs):
    """Medians of the runs, and every other host any run contacted."""
    out = {key: median(runs, key) for key in ("fcp", "ready", "tbt", "kb", "requests", "served_kb")}
    out["hosts"] = sorted({h for r in runs for h in r["hosts"]})
    out["worker"] = all(r["worker"] for r in runs)
    return out


def measure_pages(browser, attune, floor):
    """Warm-up, then RUNS cold runs of each page, interleaved so drift hits both alike."""
    (attune_url, attune_counter), (floor_url, floor_counter) = attune, floor
    cold_run(browser, attune_url, True, attune_counter)
    cold_run(browser, floor_url, False, floor_counter)
    runs = {"Attune": [], "floor": []}
    for _ in range(RUNS):
        runs["Attune"].append(cold_run(browser, attune_url, True, attune_counter))
        runs["floor"].append(cold_run(browser, floor_url, False, floor_counter))
    return {name: summarise(r) for name, r in runs.items()}


# --- printing -------------------------------------------------------------------------------


def report_pages(results):
    """The comparison table and the target lines."""
    rows = [[name, fmt(r["fcp"]), fmt(r["ready"]), fmt(r["tbt"]), fmt(r["kb"], 1), fmt(r["requests"]),
             ", ".join(r["hosts"]) or "none"] for name, r in results.items()]
    print(f"Cold loads at 390x844, median of {RUNS} (after one warm-up each):")
    print_table(["page", "FCP ms", "ready ms", "TBT ms", "kB transferred", "requests", "other hosts"], rows)
    app, floor = results["Attune"], results["floor"]
    ratio = app["fcp"] / floor["fcp"] if app["fcp"] and floor["fcp"] else None
    print()
    print(f"FCP ratio (Attune / floor): {fmt(ratio, 2)} (target ≤ {TARGETS['fcp_ratio']:.2f}) "
          f"{verdict(ratio, TARGETS['fcp_ratio'])}")
    print(f"ready: {fmt(app['ready'])} ms (target ≤ {TARGETS['ready_ms']}) "
          f"{verdict(app['ready'], TARGETS['ready_ms'])}")
    print(f"blocking: {fmt(app['tbt'])} ms (target ≤ {TARGETS['tbt_ms']}) {verdict(app['tbt'], TARGETS['tbt_ms'])}")
    print(f"first visit: {fmt(app['kb'])} kB (target ≤ {TARGETS['first_visit_kb']}) "
          f"{verdict(app['kb'], TARGETS['first_visit_kb'])}")
    worker = "" if app["worker"] else " (the service worker was not ready in every run)"
    print(f"first visit with the service worker's precache: {fmt(app['served_kb'])} kB served "
          f"(target ≤ {TARGETS['first_visit_kb']}) {verdict(app['served_kb'], TARGETS['first_visit_kb'])}{worker}")


# --- the 5-year history ---------------------------------------------------------------------


def measure_history(browser, url):
    """Ready and tracker-rendered times of the practices view with 5 years of data stored."""
    doc, checkins = bench_scale.history_document(catalogue_ids(), HISTORY_YEARS)
    keys = bench_scale.stored_keys(doc)
    context = browser.new_context(viewport=browsers.PHONE)
    context.add_init_script(bench_scale.seed_script(bench_scale.origin_of(url), keys))  # before every load
    context.add_init_script(PROBE)
    page = context.new_page()
    target = url + "#/practices"
    runs = []
    try:
        page.goto(url, timeout=TIMEOUT_MS)
        page.wait_for_selector(browsers.READY, state="attached", timeout=TIMEOUT_MS)
        page.evaluate(SW_READY_JS, 10000)  # every run then starts from the same, installed worker
        for _ in range(RUNS):
            page.goto("about:blank")
            page.goto(target, wait_until="commit", timeout=TIMEOUT_MS)
            rendered = page.wait_for_function(
                "() => document.querySelector('#tracker .tracker-card, #tracker-empty:not([hidden])')"
                " ? performance.now() : null",
                polling="raf", timeout=TIMEOUT_MS).json_value()
            page.wait_for_selector(browsers.READY, state="attached", timeout=TIMEOUT_MS)
            if page.get_attribute("html", "data-app") != "ready":
                raise RuntimeError("Attune did not start with the history: " + page.inner_text("#status"))
            runs.append({"ready": page.evaluate("() => window.__readyAt"), "rendered": rendered})
        stored = page.evaluate(bench_scale.STORED_BYTES_JS)
    finally:
        context.close()
    return {"checkins": checkins, "kb": stored / 1024, "ready": median(runs, "ready"),
            "rendered": median(runs, "rendered")}


def report_history(h):
    print(f"{HISTORY_YEARS}-year history ({h['checkins']} check-ins, {h['kb']:.0f} kB stored), "
          f"#/practices reloaded, median of {RUNS}:")
    print_table(["ready ms", "tracker rendered ms"], [[fmt(h["ready"]), fmt(h["rendered"])]])


# --- Lighthouse -----------------------------------------------------------------------------


def install_lighthouse():
    """Lighthouse LIGHTHOUSE_VERSION in .bench/lighthouse, installed only when missing."""
    if LIGHTHOUSE_BIN.exists():
        return
    LIGHTHOUSE_DIR.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--loglevel=error",
                           "--prefix", str(LIGHTHOUSE_DIR), f"lighthouse@{LIGHTHOUSE_VERSION}"],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)
    if done.returncode != 0 or not LIGHTHOUSE_BIN.exists():
        raise RuntimeError("npm install failed: " + (done.stderr or done.stdout).strip()[-800:])


def chrome_path(playwright):
    """Debian's Chromium where present, else Playwright's own build."""
    return browsers.DEBIAN_CHROMIUM if os.path.exists(browsers.DEBIAN_CHROMIUM) else playwright.chromium.executable_path


def run_lighthouse(url, chrome):
    """The Lighthouse report for `url` as a dict (default mobile settings)."""
    LIGHTHOUSE_REPORT.unlink(missing_ok=True)
    done = subprocess.run([str(LIGHTHOUSE_BIN), url, "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
                           "--output=json", f"--output-path={LIGHTHOUSE_REPORT}", "--quiet",
                           "--only-categories=performance,accessibility,best-practices,seo"],
                          cwd=ROOT, env=dict(os.environ, CHROME_PATH=chrome), capture_output=True, text=True,
                          timeout=180)
    if done.returncode != 0 or not LIGHTHOUSE_REPORT.exists():
        raise RuntimeError(f"lighthouse exited with {done.returncode}: " + (done.stderr or done.stdout).strip()[-800:])
    report = json.loads(LIGHTHOUSE_REPORT.read_text(encoding="utf-8"))
    if report.get("runtimeError"):
        raise RuntimeError("lighthouse: " + report["runtimeError"].get("message", "runtime error"))
    return report


def failing_audits(report, category):
    """(title, display value) of the weighted audits that cost the category points."""
    failing = []
    for ref in report["categories"][category]["auditRefs"]:
        audit = report["audits"][ref["id"]]
        if (ref.get("weight", 0) > 0 and audit.get("scoreDisplayMode") in ("binary", "numeric")
                and audit.get("score") is not None and audit["score"] < 1):
            failing.append((audit["title"], audit.get("displayValue", "")))
    return failing


def hints(report, category):
    """(title, display value) of the unweighted audits that estimate savings (insights, diagnostics)."""
    found = []
    for ref in report["categories"][category]["auditRefs"]:
        audit = report["audits"][ref["id"]]
        if audit.get("scoreDisplayMode") == "metricSavings" and audit.get("score") is not None and audit["score"] < 1:
            found.append((audit["title"], audit.get("displayValue", "")))
    return found


def score(report, key):
    value = report["categories"][key]["score"]
    return None if value is None else round(value * 100)


def report_lighthouse(reports):
    """Median score ×100 (and range) against the targets; what costs points where one is missed."""
    print(f"Lighthouse {reports[0].get('lighthouseVersion', '?')} (mobile, simulated throttling), "
          f"{len(reports)} runs:")
    names = {"performance": "performance", "accessibility": "accessibility", "best-practices": "best practices",
             "seo": "SEO"}
    rows, under = [], []
    for key, target in LIGHTHOUSE_TARGETS.items():
        scores = [score(r, key) for r in reports]
        known = [x for x in scores if x is not None]
        middle = statistics.median(known) if known else None
        ok = middle is not None and middle >= target
        rows.append([names[key], fmt(middle), f"{min(known)}–{max(known)}" if known else "–",
                     ("≥ %d" % target) if target < 100 else "100", "ok" if ok else "MISSED"])
        if not ok:
            under.append(key)
    print_table(["category", "median", "range", "target", ""], rows)
    ranked = sorted(reports, key=lambda r: score(r, "performance") or 0)
    typical = ranked[len(ranked) // 2]
    metrics = [("total-blocking-time", "TBT"), ("first-contentful-paint", "FCP"),
               ("largest-contentful-paint", "LCP"), ("cumulative-layout-shift", "CLS")]
    print("  median performance run: " + ", ".join(
        f"{label} {typical['audits'][key].get('displayValue', '?')}" for key, label in metrics))
    for key in under:
        print(f"  {names[key]} loses points on (median run):")
        for title, value in failing_audits(typical, key) or [("(no weighted binary/numeric audit failed)", "")]:
            print(f"    - {title}" + (f" ({value})" if value else ""))
        for title, value in hints(typical, key):
            print(f"    hint: {title}" + (f" ({value})" if value else ""))
    print(f"  (last run's full report: {LIGHTHOUSE_REPORT.relative_to(ROOT)})")


def lighthouse_section(chrome):
    """Install, run and report Lighthouse; any failure is printed, never raised."""
    server = None
    try:
        install_lighthouse()
        server = Server(DIST).start()
        report_lighthouse([run_lighthouse(server.url, chrome) for _ in range(LIGHTHOUSE_RUNS)])
    except Exception as error:  # noqa: BLE001 - Lighthouse is optional here
        print(f"Lighthouse was skipped: {error}")
    finally:
        if server:
            server.stop()


# --- main -----------------------------------------------------------------------------------


def first_article():
    """The slug of the first article with practices, from the embedded catalogue."""
    html = (DIST / "index.html").read_text(encoding="utf-8")
    found = re.search(r'<script type="application/json" id="catalogue">(.*?)</script>', html, re.S)
    return [a["slug"] for a in json.loads(found.group(1))["articles"] if a["practices"]][0]


def section(name, chosen, run):
    """Run one section if chosen, timed; a failure is printed and the other sections go on."""
    if name not in chosen:
        return
    started = time.monotonic()
    try:
        run()
    except Exception as error:  # noqa: BLE001 - one broken section must not hide the others' figures
        print(f"The {name} section failed: {type(error).__name__}: {error}")
    print(f"({name}: {time.monotonic() - started:.0f} s)\n", flush=True)


def main():
    from playwright.sync_api import sync_playwright

    parser = argparse.ArgumentParser(description="Attune's benchmark; every section unless --only.")
    parser.add_argument("--only", default=",".join(SECTIONS),
                        help="comma-separated sections to run: " + ", ".join(SECTIONS))
    chosen = [name.strip() for name in parser.parse_args().only.split(",") if name.strip()]
    unknown = [name for name in chosen if name not in SECTIONS]
    if unknown:
        parser.error(f"unknown section(s) {', '.join(unknown)}; choose from {', '.join(SECTIONS)}")
    sys.stdout.reconfigure(line_buffering=True)  # a long run shows each table as it is done
    if not (DIST / "index.html").exists():
        subprocess.run(["make", "build"], cwd=ROOT, check=True)
    SCRATCH.mkdir(exist_ok=True)
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="floor-", dir=SCRATCH) as floor_dir, \
            tempfile.TemporaryDirectory(prefix="bare-", dir=SCRATCH) as bare_dir, sync_playwright() as playwright:
        attune, attune_counter = counting_server(DIST)
        floor, floor_counter = counting_server(make_floor(Path(floor_dir)))
        bare, bare_statuses = bench_phone.serve_bare(bench_phone.make_bare(Path(bare_dir)))
        browser = browsers.launch(playwright)
        try:
            section("pages", chosen, lambda: report_pages(
                measure_pages(browser, (attune.url, attune_counter), (floor.url, floor_counter))))
            section("history", chosen, lambda: report_history(measure_history(browser, attune.url)))
            section("scale", chosen, lambda: bench_scale.report_scale(
                bench_scale.measure_scale(browser, attune.url, catalogue_ids(), first_article())))
            section("unlock", chosen, lambda: bench_lock.report_unlock(bench_lock.measure_unlock(browser, attune.url)))
            section("phone", chosen, lambda: bench_phone.report_phone(
                bench_phone.measure_phone(browser, attune.url, (bare.url, bare_statuses), floor.url)))
            section("phone", chosen, lambda: bench_phone.report_first_tap(
                bench_phone.measure_first_tap(browser, attune.url, first_article())))
        finally:
            browser.close()
            attune.stop()
            floor.stop()
            bare.stop()
        section("lighthouse", chosen, lambda: lighthouse_section(chrome_path(playwright)))
    print(f"(bench took {time.monotonic() - started:.0f} s)")


if __name__ == "__main__":
    main()
