"""Copy the pinned PyScript and MicroPython runtime from node_modules/ into the built site.

Only what the page loads is copied: PyScript's entry module and the modules it imports
statically (its plugins, editor and terminal are dynamic imports we turn off), and the
MicroPython module with its WebAssembly binary. MicroPython's module ships as micropython.js, not
.mjs: many servers as installed (Debian's nginx, for one) do not know .mjs and send it as
application/octet-stream, which the browser refuses to run as a module. PyScript finds the .wasm
beside the module by swapping either ending for .wasm.
"""
import re
import shutil
from pathlib import Path

PYSCRIPT = "@pyscript/core/dist"
MICROPYTHON = "@micropython/micropython-webassembly-pyscript"
STATIC_IMPORT = re.compile(r'(?:from|import)\s*"(\./[^"]+\.js)"')
# Even when turned off ("!error"), PyScript imports its error plugin to call its notOnDOM().
MICROPYTHON_MODULE = "runtime/micropython/micropython.js"
MICROPYTHON_WASM = "runtime/micropython/micropython.wasm"
ERROR_PLUGIN = re.compile(r'error:\(\)=>import\("\./(error-[^"]+\.js)"\)')


class RuntimeMissing(Exception):
    """node_modules/ lacks the runtime: `npm ci` has not run."""


def static_closure(folder, entry):
    """`entry` and every module it reaches through static imports, relative names."""
    todo, seen = [entry], []
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.append(name)
        # Dynamic `import("./x.js")` has a '(' before the quote, so the pattern skips it.
        todo += [m[2:] for m in STATIC_IMPORT.findall((folder / name).read_text(encoding="utf-8"))]
    return seen


def files(node_modules):
    """[(source path, path inside dist/)] for the runtime."""
    node_modules = Path(node_modules)
    pyscript = node_modules / PYSCRIPT
    micropython = node_modules / MICROPYTHON
    if not (pyscript / "core.js").exists() or not (micropython / "micropython.mjs").exists():
        raise RuntimeMissing(f"the PyScript runtime is not in {node_modules}/: run `npm ci` (make does)")
    names = static_closure(pyscript, "core.js")
    for name in list(names):
        for plugin in ERROR_PLUGIN.findall((pyscript / name).read_text(encoding="utf-8")):
            names += [n for n in static_closure(pyscript, plugin) if n not in names]
    out = [(pyscript / name, f"runtime/pyscript/{name}") for name in names]
    out += [(micropython / "micropython.mjs", MICROPYTHON_MODULE), (micropython / "micropython.wasm", MICROPYTHON_WASM)]
    return out


def copy(node_modules, dist):
    """Copy the runtime into `dist`; returns the paths written, relative to dist."""
    written = []
    for source, target in files(node_modules):
        (dist / target).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, dist / target)
        written.append(target)
    return written
