"""py/ics.py and py/plan_link.py give the same output under the page's MicroPython as under CPython."""
import shutil
import subprocess
import sys

import pytest

from conftest import ROOT

HARNESS = ROOT / "tests" / "micropython_run.mjs"
RUNTIME = ROOT / "node_modules" / "@micropython" / "micropython-webassembly-pyscript" / "micropython.mjs"
# Prints every result on its own line(s); the same script runs in both interpreters.
SCRIPT = r'''
import dates, ics, plan_link
TODAY = dates.ordinal("2026-03-28")
LONG = {"id": "long-one", "name": "Ünïcödé; name, with \\ all", "text": "Line;\nnext, " + "ü✓ab" * 40, "articles": ["s"]}
PLAIN = {"id": "plain", "name": "Plain", "text": "Short.", "articles": []}
print(ics.calendar([(LONG, [6, 0, 3]), (PLAIN, ics.default_days(0))], "06:45", TODAY, "2026-03-28T23:59:59.999Z",
                   "https://example.org/a/index.html?x=1#/practices"))
for goal in range(8):
    print(goal, ics.default_days(goal))
focus = {"zeta": 7, "alpha-2": 0, "m": 3}
link = plan_link.encode(focus)
print(link, plan_link.decode(link))
for bad in (link[:-2], "#/plan/2/x/y", "#/plan/q", "#/plan/1/" + "a" * 2500, "#/plan/1/a.9/" + plan_link.checksum("a.9")):
    try:
        plan_link.decode(bad)
        print("read", bad)
    except plan_link.PlanError as error:
        print("refused:", error)
print(sorted(plan_link.merged_focus({"m": 5}, plan_link.decode(link)).items()))
'''


def run_cpython(script_path):
    return subprocess.run([sys.executable, str(script_path)], capture_output=True, text=True, check=True,
                          env={"PYTHONPATH": str(ROOT / "py"), "PYTHONIOENCODING": "utf-8"}).stdout


def test_same_output_in_micropython(tmp_path):
    """The calendar text (folding, escaping, dates) and plan links match byte for byte in both interpreters."""
    if not RUNTIME.exists() or shutil.which("node") is None:
        pytest.fail("MicroPython's runtime or node is missing: run `make build` (npm ci) first")
    script = tmp_path / "script.py"
    script.write_text(SCRIPT, encoding="utf-8")
    expected = run_cpython(script)
    got = subprocess.run(["node", str(HARNESS), str(script), str(ROOT / "py")], capture_output=True,
                         text=True, encoding="utf-8", check=True, timeout=120).stdout
    assert "BEGIN:VCALENDAR" in expected and "refused:" in expected
    assert got == expected
