"""Where the long tasks `make bench` counts come from: a bench run traced, each long task explained (by hand).

Run from the repository, after `make build`:

    .venv/bin/python tests/bench/trace.py                  # one run of the 5-year history at 4× CPU
    .venv/bin/python tests/bench/trace.py --runs 3         # three, one trace each
    .venv/bin/python tests/bench/trace.py --out /tmp/t     # keep the traces (default: a temporary folder)

It runs bench_scale.Profile.run(), the very inputs and checks `make bench ONLY=scale` makes, with the
same history, phone size and CPU slowdown, under CDP tracing (Chrome's timeline categories). For each
input it prints the bench's own figures (Event Timing duration, long tasks counted against it) and,
for each long task counted, the traced task and its self-time per event name (FunctionCall: the
app's Python run from a JS call; UpdateLayoutTree: style; Layout, PrePaint, Paint, Layerize: rendering;
HitTest: finding what a tap hit; EventDispatch: an event's listeners), with the performance.mark()
names inside it. Tracing slows the page a little: compare runs of this tool with each other, not with
`make bench`'s figures. The traces (.json) open in Chrome DevTools' Performance panel.
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
TASK_NAMES = ("ThreadControllerImpl::RunTask", "RunTask")
MATCH_US = 3000        # a long task and a traced task starting this close are the same task
SYNC_MARK = "attune-trace-sync"

# After each input: a mark whose trace timestamp and performance.now() tie the two clocks together.
SYNC_JS = """(name) => { performance.mark(name); return performance.getEntriesByName(name).pop().startTime; }"""


class TracedProfile(bench_scale.Profile):
    """A bench profile that keeps, for each input, its figures and the page's long tasks."""

    def __init__(self, *args):
        super().__init__(*args)
        self.log = []

    def input(self, act, confirmed, clear_status=True, missable=None):
        cost = super().input(act, confirmed, clear_status, missable)
        self.log.append({"input": confirmed, "cost": cost, "sync": self.page.evaluate(SYNC_JS, SYNC_MARK)})
        return cost


def main_threads(events):
    """The renderer main threads' complete events, by thread, in time order."""
    mains = {(e["pid"], e["tid"]) for e in events
             if e.get("name") == "thread_name" and e["args"].get("name") == "CrRendererMain"}
    per = collections.defaultdict(list)
    for e in events:
        if (e.get("pid"), e.get("tid")) in mains and ("dur" in e or e.get("name") == SYNC_MARK):
            per[(e["pid"], e["tid"])].append(e)
    for es in per.values():
        es.sort(key=lambda e: (e["ts"], -e.get("dur", 0)))
    return list(per.values())


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


def explain(trace_path, log, names):
    """Print each input's figures (names: the bench's, in the order of log) and, for every long task
    counted against it, the traced task."""
    data = json.loads(Path(trace_path).read_text())
    threads = main_threads(data["traceEvents"] if isinstance(data, dict) else data)
    syncs = sorted((e["ts"], k) for k, es in enumerate(threads) for e in es if e["name"] == SYNC_MARK)
    if len(syncs) != len(log):
        print(f"  (the trace has {len(syncs)} of {len(log)} inputs' marks: not explained)")
        return
    for name, entry, (sync_ts, k) in zip(names, log, syncs, strict=True):
        cost = entry["cost"]
        if cost is None:
            print(f"{name}: missed")
            continue
        print(f"{name}: {cost['duration']:.0f} ms to the next paint, long tasks {cost['long']:.0f} ms")
        offset = sync_ts - entry["sync"] * 1000          # trace µs = page ms * 1000 + offset
        timed = [e for e in threads[k] if "dur" in e]
        tasks = [e for e in timed if e["name"] in TASK_NAMES]
        for start, duration in cost["counted"]:
            ts = start * 1000 + offset
            match = [t for t in tasks if abs(t["ts"] - ts) < MATCH_US and t["dur"] > 30000]
            if not match:
                print(f"  long task {duration:.0f} ms: not in the trace")
                continue
            task = max(match, key=lambda t: t["dur"])
            end = task["ts"] + task["dur"]
            inside = [e for e in timed if e is not task and task["ts"] <= e["ts"] and e["ts"] + e["dur"] <= end]
            tops = ", ".join(f"{n} {us / 1000:.0f}" for n, us in self_times(inside).most_common(8) if us >= 1500)
            print(f"  long task {duration:.0f} ms: {tops}")


def run(runs, out):
    with sync_playwright() as pw:
        server, _ = counting_server(DIST)
        browser = browsers.launch(pw)
        profile = TracedProfile(browser, server.url, bench_scale.GOAL_PROFILE, 5, catalogue_ids(), first_article())
        try:
            for number in range(1, runs + 1):
                path = f"{out}/run{number}.json"
                profile.log = []
                browser.start_tracing(page=profile.page, path=path, categories=CATEGORIES)
                figures = profile.run()
                browser.stop_tracing()
                print(f"run {number} of {runs}:")
                explain(path, profile.log, [k for k in figures if k in bench_scale.INPUTS + bench_scale.FLOORS])
        finally:
            profile.close()
            browser.close()
            server.stop()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=1, help="bench runs to trace (default 1)")
    parser.add_argument("--out", help="folder for the traces (default: a temporary one)")
    args = parser.parse_args()
    out = args.out or tempfile.mkdtemp(prefix="attune-trace-")
    Path(out).mkdir(parents=True, exist_ok=True)
    run(args.runs, out)
    print(f"traces: {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
