"""The layout of py/ carries the design: what each folder's modules may import, and a README that names them all;
and the tests keep theirs: helpers out of the top of tests/, no test module importing another.

py/core/   pure data (no page, no text for it): imports only core and standard modules MicroPython has.
py/render/ pure HTML text: imports core and render.
py/web/    the glue: the only folder (with py/main.py) that may import `js` or `pyscript`.
"""
import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PY = ROOT / "py"
FOLDERS = ("core", "render", "web")
# Standard modules that the shipped MicroPython (v1.28, PyScript's build) has and that behave alike in CPython.
MICROPYTHON_STANDARD = {"json", "math", "re", "time", "random", "binascii", "struct", "collections", "hashlib",
                        "asyncio", "errno", "io", "os", "sys"}
# MicroPython's own modules, which CPython lacks: main.py only (the pure modules must run under both).
MICROPYTHON_ONLY = {"deflate"}
BROWSER = {"js", "pyscript"}
MAY_IMPORT = {   # folder: the folders of this app it may import from
    "core": {"core"},
    "render": {"core", "render"},
    "web": {"core", "render", "web"},
}


def folder_of():
    """{module name: its folder} for every module under py/'s folders."""
    return {path.stem: path.parent.name for folder in FOLDERS for path in (PY / folder).glob("*.py")}


def imports(path):
    """[(line, top-level module name)] of every import in a file, at any depth (function-level too)."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name.split(".")[0]) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            found.append((node.lineno, (node.module or "").split(".")[0]))
    return found


def broken_rules(path, folder, folders):
    """`file:line: why` for each import of `path` (a module of `folder`) that its folder may not make."""
    problems = []
    for line, name in imports(path):
        where = "%s:%d" % (path, line)
        if name in folders:
            if folders[name] not in MAY_IMPORT[folder]:
                problems.append("%s: %s imports %s from py/%s/" % (where, folder, name, folders[name]))
        elif name in BROWSER:
            if folder != "web":
                problems.append("%s: %s touches the browser (%s)" % (where, folder, name))
        elif folder != "web" and name not in MICROPYTHON_STANDARD:
            problems.append("%s: %s imports %s, which is not a standard module MicroPython has" % (where, folder, name))
    return problems


def test_py_holds_only_main_and_the_three_folders():
    """py/ holds main.py and the core, render and web folders, nothing else: every module is in a folder that says what
    it may touch."""
    assert sorted(p.name for p in PY.iterdir() if p.name != "__pycache__") == ["core", "main.py", "render", "web"]


def test_module_names_are_unique():
    """No two modules share a name: the built bundle is flat and imports name modules alone."""
    stems = [p.stem for p in PY.rglob("*.py")]
    assert len(stems) == len(set(stems))


@pytest.mark.parametrize("folder", FOLDERS)
def test_every_import_keeps_its_folders_rule(folder):
    """core imports core and MicroPython's standard modules; render adds core; only web touches js or pyscript."""
    folders = folder_of()
    problems = [p for path in sorted((PY / folder).glob("*.py")) for p in broken_rules(path, folder, folders)]
    assert problems == []


def test_the_rule_catches_a_pure_module_that_touches_the_page(tmp_path):
    """The check itself fails on a core module importing js, the glue (even inside a function) or a foreign package."""
    module = tmp_path / "sneaky.py"
    module.write_text("import dates\nimport js\n\ndef f():\n    from dom import q\n    import markdown\n")
    problems = [p.split(": ", 1)[1] for p in broken_rules(module, "core", folder_of())]
    assert problems == ["core touches the browser (js)", "core imports dom from py/web/",
                        "core imports markdown, which is not a standard module MicroPython has"]


def test_main_imports_only_the_browser_and_standard_modules():
    """py/main.py imports the app by name at run time (__import__), never an app module by an import line."""
    names = {name for _, name in imports(PY / "main.py")}
    assert names <= BROWSER | MICROPYTHON_STANDARD | MICROPYTHON_ONLY, names


def chained_raises(path):
    """`file:line` of each `raise ... from X` in `path` where X is not None."""
    return ["%s:%d" % (path.name, node.lineno) for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
            if isinstance(node, ast.Raise) and node.cause is not None
            and not (isinstance(node.cause, ast.Constant) and node.cause.value is None)]


def test_code_run_by_micropython_never_chains_exceptions():
    """py/ and the harness raise `from None` at most: `from error` makes MicroPython log a warning on the console."""
    run_by_micropython = sorted(PY.rglob("*.py")) + sorted((ROOT / "tests" / "micropython").glob("harness_*.py"))
    assert [found for path in run_by_micropython for found in chained_raises(path)] == []


def test_the_chaining_check_catches_raise_from_a_name(tmp_path):
    """The check itself names `raise X from error` and lets `raise X from None` pass."""
    module = tmp_path / "sneaky.py"
    module.write_text("try:\n    f()\nexcept ValueError as error:\n    raise KeyError() from error\n"
                      "try:\n    f()\nexcept ValueError:\n    raise KeyError() from None\n")
    assert chained_raises(module) == ["sneaky.py:4"]


# --- the README stays true to the code --------------------------------------------------------


def readme_modules():
    """The py/ files that README.md's module table names, as written there (py/<folder>/<name>.py)."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return re.findall(r"^\| `(py/[a-z_/]+\.py)` \|", text, re.M)


def test_readme_names_every_module_under_its_folder():
    """README.md's module table lists every file of py/, each once, at the path where it lives."""
    on_disk = sorted(p.relative_to(ROOT).as_posix() for p in PY.rglob("*.py"))
    named = readme_modules()
    assert len(named) == len(set(named)), "a module is named twice"
    assert sorted(named) == on_disk


# --- the tests: easy to find, each module on its own ------------------------------------------

TESTS = ROOT / "tests"


def imported_tests(path):
    """`file:line: imports name` for each test module or conftest that `path` imports (shared code
    belongs in tests/support/, fixtures in a conftest.py, which pytest finds itself)."""
    return ["%s:%d: imports %s" % (path.name, line, name) for line, name in imports(path)
            if name.startswith("test_") or name == "conftest"]


def test_the_tests_folder_holds_tests_and_its_conftest_only():
    """tests/ holds only conftest.py and test_*.py at its top: helpers are in support/, the bench in bench/."""
    loose = [p.name for p in sorted(TESTS.glob("*.py")) if p.name != "conftest.py" and not p.name.startswith("test_")]
    assert loose == []


def test_no_test_module_imports_another_test_module_or_a_conftest():
    """No module under tests/ imports a test module or a conftest, at any depth."""
    assert [problem for path in sorted(TESTS.rglob("*.py")) for problem in imported_tests(path)] == []


def test_the_import_check_catches_a_test_importing_a_test(tmp_path):
    """The check itself names an import of a test module or of conftest, even inside a function."""
    module = tmp_path / "test_sneaky.py"
    module.write_text("import pages\nfrom conftest import DIST\n\ndef f():\n    from test_browser_app import today\n")
    assert imported_tests(module) == ["test_sneaky.py:2: imports conftest",
                                      "test_sneaky.py:5: imports test_browser_app"]


def test_every_test_says_what_it_proves():
    """Every test function under tests/ has a docstring."""
    silent = ["%s::%s" % (path.relative_to(TESTS), node.name) for path in sorted(TESTS.rglob("test_*.py"))
              for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
              if isinstance(node, ast.FunctionDef) and node.name.startswith("test_") and not ast.get_docstring(node)]
    assert silent == []
