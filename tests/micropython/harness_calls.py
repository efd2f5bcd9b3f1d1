"""One request, one answer: the protocol of the differential harness, the same code in both interpreters.

A request is one line of JSON: {"call": [module, function], "args": [...], "kwargs": {...},
"then": [module, function]}.
An argument {"$call": request} is the result of that request (a document built by the model, a
backend), so arguments need not be plain JSON. "then" (optional) turns the result into something
comparable, e.g. ["model", "dumps"] for a document. The answer is one line of canonical, ASCII-only
JSON: {"ok": result} or {"error": [exception type, message]}.

CPython (pytest) and MicroPython (tests/micropython/runner.mjs) both run this module, so their
answers can be compared as text: any difference is a difference in the app's modules.
"""
import json
import sys

PACKAGES = ("core", "render")   # the app's pure packages: a request names their modules alone ("model")
FOUND = {}                      # {name in a request: its module}


def call(line):
    try:
        return '{"ok":' + canonical(evaluate(json.loads(line))) + "}"
    except Exception as error:  # every failure is an answer to compare, not a crash
        return '{"error":' + canonical([type(error).__name__, str(error)]) + "}"


def module(name):
    """The module a request names: the app's pure module of that name ("model" is core.model), else the
    module itself ("json", "harness_scenarios")."""
    if name not in FOUND:
        for full in [package + "." + name for package in PACKAGES] + [name]:
            try:
                __import__(full)
            except ImportError:
                continue
            FOUND[name] = sys.modules[full]
            break
        else:
            raise ImportError("no module named " + name)
    return FOUND[name]


def function(path):
    name, attribute = path
    return getattr(module(name), attribute)


def argument(value):
    if isinstance(value, dict) and len(value) == 1 and "$call" in value:
        return evaluate(value["$call"])
    return value


def evaluate(request):
    kwargs = {}
    for name, value in request.get("kwargs", {}).items():
        kwargs[name] = argument(value)
    result = function(request["call"])(*[argument(a) for a in request.get("args", [])], **kwargs)
    if request.get("then"):
        result = function(request["then"])(result)
    return result


def quote(text):
    """A JSON string with everything outside printable ASCII escaped (astral characters as surrogate pairs)."""
    out = ['"']
    for ch in text:
        code = ord(ch)
        if ch == '"' or ch == "\\":
            out.append("\\" + ch)
        elif 0x20 <= code < 0x7F:
            out.append(ch)
        elif code < 0x10000:
            out.append("\\u%04x" % code)
        else:
            code -= 0x10000
            out.append("\\u%04x\\u%04x" % (0xD800 + (code >> 10), 0xDC00 + (code & 0x3FF)))
    out.append('"')
    return "".join(out)


def canonical(value):
    """JSON text that is the same in both interpreters: keys sorted, tuples as lists, no spaces."""
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, str):
        return quote(value)
    if isinstance(value, (list, tuple)):
        return "[" + ",".join(canonical(v) for v in value) + "]"
    if isinstance(value, dict):
        for key in value:
            if not isinstance(key, str):
                raise TypeError("a key that is not text: " + type(key).__name__)
        return "{" + ",".join(quote(k) + ":" + canonical(value[k]) for k in sorted(value)) + "}"
    raise TypeError("not JSON: " + type(value).__name__)


def module_file(name):
    """Where a module was imported from: proves MicroPython ran the shipped .mpy, not a source file."""
    return module(name).__file__
