"""What the benchmark's sections share: paths, the page probe, network log, medians and table printing."""
import json
import re
import statistics
import sys
from pathlib import Path
from urllib.parse import urlparse

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
# Run as a script (`make bench`), the bench finds what pytest's pythonpath gives the tests.
for _folder in (HERE, ROOT / "tests" / "support", ROOT / "site", ROOT / "py"):
    if str(_folder) not in sys.path:
        sys.path.insert(0, str(_folder))

DIST = ROOT / "dist"
SCRATCH = ROOT / ".bench"
TIMEOUT_MS = 30000
LOCAL_HOSTS = ("127.0.0.1",)

# Installed before any of the page's scripts: records when data-app turns "ready" (or "error")
# and every long task, so timings come from the page's own clock (ms since navigation start).
PROBE = """
(() => {
  window.__readyAt = null;
  window.__errorAt = null;
  window.__longTasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks.push([e.startTime, e.duration]);
    }).observe({type: "longtask", buffered: true});
  } catch (e) {}
  const check = () => {
    const state = document.documentElement && document.documentElement.getAttribute("data-app");
    if (state === "ready" && window.__readyAt === null) window.__readyAt = performance.now();
    if (state === "error" && window.__errorAt === null) window.__errorAt = performance.now();
  };
  new MutationObserver(check).observe(document, {attributes: true, attributeFilter: ["data-app"], subtree: true});
})();
"""

FCP_JS = """() => {
  const e = performance.getEntriesByName("first-contentful-paint")[0];
  return e ? e.startTime : null;
}"""

SW_READY_JS = """(ms) => !navigator.serviceWorker ? false : Promise.race([
  navigator.serviceWorker.ready.then(() => true),
  new Promise((resolve) => setTimeout(() => resolve(false), ms)),
])"""



class NetworkLog:
    """Requests and encoded bytes of one page, from its CDP Network events."""

    def __init__(self, context, page):
        self.urls, self.bytes, self.answers = [], 0, []
        self.session = context.new_cdp_session(page)
        self.session.on("Network.requestWillBeSent", lambda e: self.urls.append(e["request"]["url"]))
        self.session.on("Network.responseReceived", self.answered)
        self.session.on("Network.loadingFinished", self.finished)
        self.session.send("Network.enable")

    def reset(self):
        """Start counting afresh (a second visit in the same page)."""
        self.urls, self.bytes, self.answers = [], 0, []

    def answered(self, event):
        response = event["response"]
        if not response.get("url", "").startswith(("data:", "blob:")):
            self.answers.append("worker" if response.get("fromServiceWorker") else
                                "cache" if response.get("fromDiskCache") or response.get("fromPrefetchCache") else
                                "304" if response.get("status") == 304 else "network")

    def sources(self):
        """How the responses came, e.g. "9 × 304, 1 network": where a repeat visit got its files."""
        counts = {}
        for source in self.answers:
            counts[source] = counts.get(source, 0) + 1
        return ", ".join(f"{n} × {source}" for source, n in sorted(counts.items(), key=lambda kv: -kv[1])) or "none"

    def finished(self, event):
        self.bytes += event.get("encodedDataLength", 0)

    def requests(self):
        return [u for u in self.urls if not u.startswith(("data:", "blob:"))]

    def other_hosts(self):
        return sorted({urlparse(u).hostname for u in self.requests() if urlparse(u).hostname not in LOCAL_HOSTS})


def blocking_time(long_tasks, until):
    """Total blocking time: the part over 50 ms of each long task that started before `until`."""
    return sum(max(0.0, duration - 50) for start, duration in long_tasks if until is None or start < until)


def median(runs, key):
    values = [r[key] for r in runs if r[key] is not None]
    return statistics.median(values) if values else None


def fmt(value, digits=0):
    return "-" if value is None else f"{value:.{digits}f}"


def verdict(value, limit):
    return "ok" if value is not None and value <= limit else "MISSED"


def print_table(headers, rows):
    widths = [max(len(str(x)) for x in col) for col in zip(headers, *rows, strict=True)]
    line = lambda cells: " | ".join(str(c).ljust(w) for c, w in zip(cells, widths, strict=True))  # noqa: E731
    print(line(headers))
    print("-+-".join("-" * w for w in widths))
    for row in rows:
        print(line(row))


def catalogue_ids():
    """Practice ids from the catalogue embedded in dist/index.html."""
    html = (DIST / "index.html").read_text(encoding="utf-8")
    found = re.search(r'<script type="application/json" id="catalogue">(.*?)</script>', html, re.S)
    return [p["id"] for p in json.loads(found.group(1))["practices"]]
