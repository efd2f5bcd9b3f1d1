"""The differential harness: the same call made in CPython and in the MicroPython the page ships.

MicroPython runs in one long-lived Node process (runner.mjs) that loads the build's bytecode
(the .mpy files in dist/py/modules.bin), and the harness's pure support modules (harness_calls, harness_scenarios). Both
interpreters answer a request through harness_calls.call(), so their answers are compared as
canonical JSON text: a result, or an exception's type and message.
"""
import json
import queue
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

import harness_calls

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
PY = ROOT / "py"
PURE_FOLDERS = (PY / "core", PY / "render")   # the packages that never touch the page
# Their modules as bundle paths ("core/__init__", "core/dates", ...), every one of both folders.
APP_MODULES = tuple(sorted(path.relative_to(PY).with_suffix("").as_posix()
                           for folder in PURE_FOLDERS for path in folder.glob("*.py")))
SUPPORT = ("harness_calls.py", "harness_scenarios.py")
ANSWER_SECONDS = 60


class HarnessError(Exception):
    """The MicroPython process could not start or stopped answering."""


def request(module, function, *args, then=None, **kwargs):
    """A request; as an argument of another request it stands for its result (e.g. a document)."""
    found = {"call": [module, function], "args": list(args)}
    if kwargs:
        found["kwargs"] = kwargs
    if then:
        found["then"] = then.split(".")
    return {"$call": found}


def shipped_bytecode():
    """(folder, [PACKAGE/NAME.mpy]): every pure module as shipped in dist/py/modules.bin, written out
    to a folder of their own; fails when the build is missing or older than py/."""
    sys.path.insert(0, str(ROOT / "site"))
    from builder.bytecode import BUNDLE, unbundle
    bundle = ROOT / "dist" / "py" / BUNDLE
    if not bundle.exists():
        raise HarnessError("%s is missing: run `make build` (make test does it first)" % bundle)
    shipped = unbundle(bundle.read_bytes())
    folder = Path(tempfile.mkdtemp(prefix="attune-mpy-"))
    files = []
    for name in APP_MODULES:
        source = PY / (name + ".py")
        if bundle.stat().st_mtime < source.stat().st_mtime:
            raise HarnessError("%s is older than %s: run `make build`" % (bundle, source))
        if name + ".mpy" not in shipped:
            raise HarnessError("%s holds no %s.mpy" % (bundle, name))
        files.append(name + ".mpy")
        (folder / name).parent.mkdir(exist_ok=True)
        (folder / files[-1]).write_bytes(shipped[files[-1]])
    return folder, files


class MicroPython:
    """runner.mjs, started once: ask() sends one request line and returns the answer line."""

    def __init__(self):
        folder, modules = shipped_bytecode()
        files = [str(folder) + "::" + name for name in modules] + [str(HERE) + "::" + name for name in SUPPORT]
        self.process = subprocess.Popen(["node", str(HERE / "runner.mjs")] + files, cwd=ROOT,
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                        text=True, encoding="utf-8", bufsize=1)
        self.lines = queue.Queue()
        threading.Thread(target=self.read, daemon=True).start()
        self.loaded = json.loads(self.next_line())["loaded"]

    def read(self):
        for line in self.process.stdout:
            self.lines.put(line)
        self.lines.put(None)

    def next_line(self):
        try:
            line = self.lines.get(timeout=ANSWER_SECONDS)
        except queue.Empty:
            raise HarnessError("MicroPython gave no answer within %d s" % ANSWER_SECONDS) from None
        if line is None:
            raise HarnessError("MicroPython stopped: " + self.process.stderr.read()[-2000:])
        return line.rstrip("\n")

    def ask(self, line):
        self.process.stdin.write(line + "\n")
        self.process.stdin.flush()
        return self.next_line()

    def close(self):
        self.process.stdin.close()
        self.process.wait(timeout=10)


class Both:
    """both(module, function, *args) makes the call in both interpreters and returns the common answer."""

    def __init__(self, micropython):
        self.micropython = micropython
        self.calls = 0

    def __call__(self, module, function, *args, then=None, **kwargs):
        line = json.dumps(request(module, function, *args, then=then, **kwargs)["$call"], ensure_ascii=False)
        expected = harness_calls.call(line)
        found = self.micropython.ask(line)
        self.calls += 1
        assert found == expected, "MicroPython differs from CPython for %s\n CPython:     %s\n MicroPython: %s" % (
            line[:300], expected[:300], found[:300])
        return json.loads(expected)

    def ok(self, module, function, *args, then=None, **kwargs):
        """The common result of a call that must not raise."""
        answer = self(module, function, *args, then=then, **kwargs)
        assert "ok" in answer, "%s.%s raised %s" % (module, function, answer["error"])
        return answer["ok"]
