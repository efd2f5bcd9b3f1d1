"""Where a long task's time goes: each daily input traced at 4× CPU with a 5-year history (by hand).

Run from the repository, after `make build`:

    .venv/bin/python tests/bench/trace.py                      # every input
    .venv/bin/python tests/bench/trace.py open-row focus       # some (names below, in INPUTS)
    .venv/bin/python tests/bench/trace.py --out /tmp/traces    # keep the traces (default: a temp folder)

The same history, phone size and CPU slowdown as `make bench ONLY=scale` (bench_scale.Profile). Each
input is traced with CDP tracing (Chrome's timeline categories) from the input to WAIT_MS after it;
for every main-thread task over 30 ms it prints the task's length and its self-time per event name
(FunctionCall: the app's Python run from a JS call; UpdateLayoutTree: style; Layout, PrePaint, Paint,
Commit: rendering; EventDispatch: an event's listeners), plus the page's performance.mark() names
inside the task, if any. Tracing slows the page a little: compare runs of this tool, not its figures
with `make bench`'s. The traces (.json) open in Chrome DevTools' Performance panel.
"""
import argparse
import collections
import json
import sys
import tempfile
from pathlib import Path

import benchkit  # noqa: F401 - sets sys.path for the imports below
import bench_scale
import browser as browsers
from bench import counting_server, first_article
from benchkit import DIST, catalogue_ids
from playwright.sync_api import sync_playwright

CATEGORIES = ["devtools.timeline", "disabled-by-default-devtools.timeline", "v8.execute", "blink.user_timing"]
SHOWN_MS = 30          # tasks shorter than this are not listed
LONG_MS = 50           # the long-task line
WAIT_MS = 1500         # traced after each input (route changes: ROUTE_WAIT_MS)
ROUTE_WAIT_MS = 2500
INPUTS = ("open-practices", "tick-today", "tick-past", "open-row", "focus", "goal", "note", "open-journal",
          "open-practices-again")
TASK_NAMES = ("ThreadControllerImpl::RunTask", "RunTask")


def main_thread_events(events):
    """The complete ('X') events of the renderer's main thread(s), by thread, in time order."""
    mains = {(e["pid"], e["tid"]) for e in events
             if e.get("name") == "thread_name" and e["args"].get("name") == "CrRendererMain"}
    per = collections.defaultdict(list)
    for e in events:
        if (e.get("pid"), e.get("tid")) in mains and e.get("ph") in ("X", "R", "I", "n") and (
                "dur" in e or e.get("cat", "").startswith("blink.user_timing")):
            per[(e["pid"], e["tid"])].append(e)
    for es in per.values():
        es.sort(key=lambda e: (e["ts"], -e.get("dur", 0)))
    return per.values()


def self_times(inside):
    """{event name: µs of self time} for nested complete events in time order."""
    times, stack = collections.Counter(), []
    for e in inside:
        while stack and stack[-1]["ts"] + stack[-1]["dur"] <= e["ts"]:
            stack.pop()
        if stack:
            times[stack[-1]["name"]] -= e["dur"]
        times[e["name"]] += e["dur"]
        stack.append(e)
    return times


def analyse(path, label):
    """Print the long-task total and every task over SHOWN_MS of one trace, with where its time went."""
    data = json.loads(Path(path).read_text())
    events = data["traceEvents"] if isinstance(data, dict) else data
    for es in main_thread_events(events):
        timed = [e for e in es if "dur" in e]
        marks = [e for e in es if "dur" not in e]
        tasks = [e for e in timed if e["name"] in TASK_NAMES and e["dur"] > SHOWN_MS * 1000]
        long_ms = [t["dur"] / 1000 for t in tasks if t["dur"] > LONG_MS * 1000]
        print(f"{label}: long tasks {sum(long_ms):.0f} ms in {len(long_ms)}; "
              f"longest {max([0] + [t['dur'] / 1000 for t in tasks]):.0f} ms")
        start = timed[0]["ts"] if timed else 0
        for task in tasks:
            end = task["ts"] + task["dur"]
            inside = [e for e in timed if e is not task and e["ts"] >= task["ts"] and e["ts"] + e["dur"] <= end]
            tops = ", ".join(f"{name} {us / 1000:.0f}" for name, us in self_times(inside).most_common(8) if us > 2000)
            named = sorted({e["name"] for e in marks if task["ts"] <= e["ts"] <= end})
            print(f"  task {task['dur'] / 1000:.0f} ms at {(task['ts'] - start) / 1000:.0f}: {tops}"
                  + (f"; marks: {', '.join(named)}" if named else ""))


def run(chosen, out):
    with sync_playwright() as pw:
        server, _ = counting_server(DIST)
        browser = browsers.launch(pw)
        article = first_article()
        p = bench_scale.Profile(browser, server.url, "5 years", 5, catalogue_ids(), article)
        page = p.page

        def traced(label, act, wait=WAIT_MS):
            if label not in chosen:
                act()
                page.wait_for_timeout(wait)
                return
            path = f"{out}/{label}.json"
            browser.start_tracing(page=page, path=path, categories=CATEGORIES)
            act()
            page.wait_for_timeout(wait)
            browser.stop_tracing()
            analyse(path, label)

        try:
            p.load("#/a/" + article)
            page.wait_for_timeout(ROUTE_WAIT_MS)   # the tracker's first rows are prepared in idle time
            traced("open-practices", p.tap('[data-nav="practices"]'), ROUTE_WAIT_MS)
            page.wait_for_function(bench_scale.TRACKER_DRAWN_JS)
            pid = page.evaluate(bench_scale.TRACKER_PRACTICE_JS, "")
            traced("tick-today", p.tap(f"#tracker--do-{pid}"))
            yesterday = page.evaluate(f"() => document.querySelector('#tracker--do-{pid}').closest('.week-days')"
                                      f".querySelectorAll('input')[5].dataset.day")
            traced("tick-past", p.tap(f"#day--{pid}--{yesterday}"))
            traced("open-row", p.tap(f"#tracker details[data-grid='{pid}'] summary"))
            traced("focus", p.tap(f"#focus--{pid}"))
            page.evaluate(f"() => document.getElementById('goal--{pid}').focus()")
            traced("goal", lambda: page.keyboard.press("ArrowDown"))
            page.fill("#note-input", "It went well today; we both listened.")
            traced("note", p.tap("[data-action=add-note]"))
            traced("open-journal", p.tap('[data-nav="journal"]'), ROUTE_WAIT_MS)
            traced("open-practices-again", p.tap('[data-nav="practices"]'), ROUTE_WAIT_MS)
        finally:
            p.close()
            browser.close()
            server.stop()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inputs", nargs="*", help="inputs to trace, of: %s (default: all)" % ", ".join(INPUTS))
    parser.add_argument("--out", help="folder for the traces (default: a temporary one)")
    args = parser.parse_args()
    unknown = set(args.inputs) - set(INPUTS)
    if unknown:
        parser.error("no such input: " + ", ".join(sorted(unknown)))
    out = args.out or tempfile.mkdtemp(prefix="attune-trace-")
    Path(out).mkdir(parents=True, exist_ok=True)
    run(set(args.inputs or INPUTS), out)
    print(f"traces: {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
