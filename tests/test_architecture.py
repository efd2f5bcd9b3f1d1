"""The layout of py/ carries the design: what each package's modules may import, and a README that names them all;
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


def app_modules():
    """{"core.model": its path, ...}: every module of py/'s packages, their __init__ left out."""
    return {"%s.%s" % (path.parent.name, path.stem): path
            for folder in FOLDERS for path in sorted((PY / folder).glob("*.py")) if path.stem != "__init__"}


def imports(path, at_start_only=False):
    """[(line, module name as imported)] of every import in a file, at any depth (function-level too, unless
    at_start_only: then only what runs when the module is imported). `from core import model, dates` gives
    core.model and core.dates when those are modules of py/, else the package's name."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    nodes = list(ast.iter_child_nodes(tree))
    found, known = [], app_modules()
    while nodes:
        node = nodes.pop(0)
        if at_start_only and isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        nodes.extend(ast.iter_child_nodes(node))
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            names = ["%s.%s" % (base, alias.name) for alias in node.names]
            found += [(node.lineno, name) for name in names if name in known] or [(node.lineno, base)]
    return sorted(found)


def broken_rules(path, folder):
    """`file:line: why` for each import of `path` (a module of `folder`) that its folder may not make."""
    problems, bare = [], {name.split(".")[1] for name in app_modules()}
    for line, name in imports(path):
        where = "%s:%d" % (path, line)
        top = name.split(".")[0]
        if top in FOLDERS:
            if top not in MAY_IMPORT[folder]:
                problems.append("%s: %s imports %s from py/%s/" % (where, folder, name, top))
        elif top in bare:
            problems.append("%s: %s imports %s by its bare name, not from its package" % (where, folder, name))
        elif top in BROWSER:
            if folder != "web":
                problems.append("%s: %s touches the browser (%s)" % (where, folder, top))
        elif folder != "web" and top not in MICROPYTHON_STANDARD:
            problems.append("%s: %s imports %s, which is not a standard module MicroPython has" % (where, folder, top))
    return problems


def test_py_holds_only_main_and_the_three_packages():
    """py/ holds main.py and the core, render and web packages, nothing else: every module is in a package that
    says what it may touch, imported by that package's name (`from core import model`), which tools follow."""
    made = ("__pycache__", "attune.egg-info")   # Python's caches, and make's editable install (both git-ignored)
    assert sorted(p.name for p in PY.iterdir() if p.name not in made) == ["core", "main.py", "render", "web"]
    assert all((PY / folder / "__init__.py").is_file() for folder in FOLDERS)


@pytest.mark.parametrize("folder", FOLDERS)
def test_every_import_keeps_its_folders_rule(folder):
    """core imports core and MicroPython's standard modules; render adds core; only web touches js or pyscript."""
    problems = [p for path in sorted((PY / folder).glob("*.py")) for p in broken_rules(path, folder)]
    assert problems == []


def test_the_rule_catches_a_pure_module_that_touches_the_page(tmp_path):
    """The check itself fails on a core module importing js, the glue (even inside a function), a module by its
    bare name or a foreign package."""
    module = tmp_path / "sneaky.py"
    module.write_text("from core import dates\nimport js\nimport model\n\n"
                      "def f():\n    from web.dom import q\n    import markdown\n")
    problems = [p.split(": ", 1)[1] for p in broken_rules(module, "core")]
    assert problems == ["core touches the browser (js)", "core imports model by its bare name, not from its package",
                        "core imports web.dom from py/web/",
                        "core imports markdown, which is not a standard module MicroPython has"]


def test_main_imports_only_the_browser_and_standard_modules():
    """py/main.py imports the app by name at run time (__import__), never an app module by an import line."""
    names = {name.split(".")[0] for _, name in imports(PY / "main.py")}
    assert names <= BROWSER | MICROPYTHON_STANDARD | MICROPYTHON_ONLY, names


def module_groups():
    """py/main.py's MODULE_GROUPS, read from its source."""
    tree = ast.parse((PY / "main.py").read_text(encoding="utf-8"))
    return next(ast.literal_eval(node.value) for node in tree.body
                if isinstance(node, ast.Assign) and node.targets[0].id == "MODULE_GROUPS")


def start_up_problems(groups):
    """What is wrong with a list of start-up groups: a name that is no module, a module listed twice, a module
    imported on start-up by one of a group that comes before its own (or not listed at all: it would load inside
    another group's task), and a module of py/ that nothing imports."""
    modules, problems, group_of = app_modules(), [], {}
    for i, group in enumerate(groups):
        for name in group:
            if name not in modules:
                problems.append("%s is not a module of py/" % name)
            elif name in group_of:
                problems.append("%s is listed twice" % name)
            group_of.setdefault(name, i)
    imported = set()
    for name, path in modules.items():
        for _, used in imports(path):
            imported.add(used)
        if name not in group_of:
            continue
        for _, used in imports(path, at_start_only=True):
            if used in modules and group_of.get(used, len(groups)) > group_of[name]:
                problems.append("%s imports %s, which is not in its group or one before" % (name, used))
    problems += ["%s is imported by nothing" % name for name in modules
                 if name not in group_of and name not in imported]
    return problems


def test_the_start_up_groups_list_every_module_start_up_imports():
    """main.py's MODULE_GROUPS names real modules, each once, each after every module it imports; the modules it
    leaves out are imported later (inside a function), none is left unused."""
    assert start_up_problems(module_groups()) == []


def test_the_start_up_check_catches_a_missing_or_misplaced_module():
    """The check itself names a module imported on start-up but not listed, one listed before what it imports, and
    a name that is no module."""
    groups = [list(group) for group in module_groups()]
    groups[0].remove("core.copies")
    groups[-1] += ["web.nothing", "core.copies"]
    groups.insert(0, ["web.app"])
    groups[-1].remove("web.app")
    problems = start_up_problems(groups)
    assert problems[0] == "web.nothing is not a module of py/"
    assert "web.app imports core.store, which is not in its group or one before" in problems
    assert "core.copies is imported by nothing" not in problems   # listed, only late
    groups[-1].remove("core.copies")
    assert "web.keeping imports core.copies, which is not in its group or one before" in start_up_problems(groups)


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
