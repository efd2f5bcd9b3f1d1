"""The linter `make test` runs first (ruff, configured in pyproject.toml) refuses what review can miss."""
import subprocess
import sys

from paths import ROOT


def ruff_check(source, filename):
    """(exit code, findings) of `ruff check` on `source` as if it were the file `filename` of the project."""
    done = subprocess.run([sys.executable, "-m", "ruff", "check", "--no-cache", "--output-format", "concise",
                           "--stdin-filename", filename, "-"], input=source, capture_output=True, text=True, cwd=ROOT)
    return done.returncode, done.stdout


def test_an_unused_import_or_an_undefined_name_in_py_fails():
    """A py/ module with an unused import and an undefined name fails ruff with F401 and F821."""
    code, found = ruff_check("import json\n\n\ndef f():\n    return undefined_name\n", "py/core/sneaky.py")
    assert code == 1, found
    assert "F401" in found and "F821" in found


LOOP = """def is_digits(text):
    for ch in text:
        if not "0" <= ch <= "9":
            return False
    return True


LABEL = "%d digits" % 10
"""


def test_micropython_exemptions_hold_in_py_only():
    """`%` formatting passes everywhere; a plain loop instead of all() passes in py/ (MicroPython) but not in site/."""
    assert ruff_check(LOOP, "py/core/sneaky.py") == (0, "All checks passed!\n")
    code, found = ruff_check(LOOP, "site/builder/sneaky.py")
    assert code == 1 and "SIM110" in found and "UP031" not in found, found
