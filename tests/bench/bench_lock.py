"""`make bench`'s "unlock" section: what unlocking the journal costs, in Chromium: site/lock.js's deriveKey
(PBKDF2-SHA-256 at py/core/lock.py's ITERATIONS) plus decrypting one month of notes (31 days of three
300-character notes).

Chromium runs Web Crypto on a worker thread, which CDP's CPU throttling (it slows the page's main thread)
does not reach: the section measures at 1× and at 4× side by side, in alternation, to show that, and gives
the phone figure as 4 × the 1× time (a phone's cores, not only its main thread, are slower).
py/core/lock.py's ITERATIONS is chosen from that figure (recorded there)."""
from statistics import median

from core import lock

RUNS = 5
RATES = (1, 4)
MEASURE = """async ([iterations]) => {
  const L = globalThis.attuneLock;
  const month = {};
  for (let d = 1; d <= 31; d++)
    month['2026-12-' + String(d).padStart(2, '0')] = ['x'.repeat(300), 'y'.repeat(300), 'z'.repeat(300)];
  const setupKey = await L.deriveKey('bench passphrase', L.salt(), 1000);
  const box = await L.encrypt(setupKey, JSON.stringify(month));
  const salt = L.salt();
  const t0 = performance.now();
  const key = await L.deriveKey('bench passphrase', salt, iterations);
  const t1 = performance.now();
  const again = await L.encrypt(key, JSON.stringify(month));
  const t2 = performance.now();
  await L.decrypt(key, again.iv, again.data);
  const t3 = performance.now();
  return [t1 - t0, t3 - t2];
}"""


def measure_once(browser, url, rate, iterations):
    """(derive ms, decrypt-a-month ms) at `rate`× CPU, in a fresh page."""
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(url)
        page.wait_for_function("globalThis.attuneLock !== undefined")
        context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": rate})
        return tuple(page.evaluate(MEASURE, [iterations]))
    finally:
        context.close()


def measure_unlock(browser, url, iterations=lock.ITERATIONS):
    """{rate: [(derive ms, decrypt ms)]}: RUNS each, the rates alternating (the machine's speed drifts)."""
    runs = {rate: [] for rate in RATES}
    for _ in range(RUNS):
        for rate in RATES:
            runs[rate].append(measure_once(browser, url, rate, iterations))
    return runs


def report_unlock(runs, iterations=lock.ITERATIONS):
    print(f"Journal unlock (Chromium, PBKDF2-SHA-256 × {iterations:,}; median of {RUNS}, rates alternating):")
    for rate in RATES:
        derive, decrypt = median([r[0] for r in runs[rate]]), median([r[1] for r in runs[rate]])
        print(f"  {rate}× CPU throttling: deriveKey {derive:.0f} ms + decrypt a month {decrypt:.1f} ms")
    base = median([r[0] + r[1] for r in runs[1]])
    print(f"  a phone at 4× (4 × the 1× time; throttling does not slow Web Crypto's thread): {4 * base:.0f} ms "
          "(goal: about 1000 ms)")
