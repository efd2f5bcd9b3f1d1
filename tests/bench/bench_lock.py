"""`make bench`'s "unlock" section: what unlocking the journal costs at 4× CPU (CDP
Emulation.setCPUThrottlingRate) in Chromium: site/lock.js's deriveKey (PBKDF2-SHA-256 at
py/core/lock.py's ITERATIONS) plus decrypting one month of notes (31 days of three 300-character notes).
py/core/lock.py's ITERATIONS is chosen from this figure (recorded there)."""
import lock

RUNS = 3
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


def measure_unlock(browser, url, rate=4, iterations=lock.ITERATIONS):
    """[(derive ms, decrypt-a-month ms)] at `rate`× CPU, RUNS times, each in a fresh page."""
    runs = []
    for _ in range(RUNS):
        context = browser.new_context()
        page = context.new_page()
        page.goto(url)
        page.wait_for_function("globalThis.attuneLock !== undefined")
        cdp = context.new_cdp_session(page)
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": rate})
        runs.append(tuple(page.evaluate(MEASURE, [iterations])))
        context.close()
    return runs


def report_unlock(runs, iterations=lock.ITERATIONS):
    derive = sorted(r[0] for r in runs)[len(runs) // 2]
    decrypt = sorted(r[1] for r in runs)[len(runs) // 2]
    print(f"Journal unlock at 4× CPU (Chromium, PBKDF2-SHA-256 × {iterations:,}; median of {len(runs)}):")
    print(f"  deriveKey {derive:.0f} ms + decrypt a month {decrypt:.1f} ms = {derive + decrypt:.0f} ms")
