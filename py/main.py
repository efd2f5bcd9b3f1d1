"""Attune's entry point: starts the app one short step at a time.

PyScript's own start-up has just run as one long task. MicroPython loads each module the
first time it is imported, and wiring the page takes a few milliseconds more; done in one go
that would be a second long task, during which a phone ignores taps (Lighthouse counts it as
Total Blocking Time). So each step below runs as its own task: between steps the browser can
paint and answer input. <html data-app="ready"> marks the end; data-app="error" a failure.

The modules arrive as one gzip file, modules.bin (one fetch, not one per module, and compressed
whatever the host does: see site/builder/bytecode.py); unpack() inflates it and writes out the .mpy
files imports look for.
"""
import asyncio
import json
import sys

import js

root = js.document.documentElement
BUNDLE = "modules.bin"
# Inflating and writing the bundle costs about 0.55 ms per kB at 4x CPU (measured: 105 kB, 58 ms as one
# task), so it runs in pieces of this many bytes, each about 22 ms, a task each.
UNPACK_STEP_BYTES = 40000

# Loaded one group per task (each yield costs a few ms, so small modules share one). Every module that
# start-up imports is listed, in a group no earlier than those it imports, so no group loads an unlisted
# module inside its own task (tests/test_architecture.py checks this against py/'s files and their
# imports). app imports them all again, from the module cache. plan_page, journal_page and the modules only they use
# are imported in idle time after start-up, or when a view first needs them (App.plan_page).
MODULE_GROUPS = (("core.dates", "core.text", "core.settings", "core.dayset", "core.json_text", "core.lock",
                  "core.model", "core.copies"),
                 ("render.markup", "render.data_views", "render.lock_views", "render.tracker_views"),
                 ("core.layout", "core.store", "core.routes"),
                 ("web.dom", "web.local_storage", "web.messages", "web.display", "web.pacing", "web.router"),
                 ("web.browser_api", "web.tracker_rows", "web.tracker_page", "web.data_transfer",
                  "web.updates", "web.keep_data", "web.keeping", "web.vault"),
                 ("web.app",))


def unpack(path=BUNDLE):
    """Write each module of the bundle (gzip of a JSON line of [path, size] pairs, then their bytes) as a
    file, in its package's folder ("core/model.mpy"): a generator that pauses before it starts and after
    every UNPACK_STEP_BYTES written, so that start() can end the task each time."""
    import deflate  # here, not at the top: should it be missing, start() catches that and fail() says so
    import os
    yield
    folders = set()
    with open(path, "rb") as packed:
        bundle = deflate.DeflateIO(packed, deflate.GZIP)
        written = 0
        for name, size in json.loads(inflate(bundle, None, path, "its list of modules")):
            if written >= UNPACK_STEP_BYTES:
                written = 0
                yield
            data = inflate(bundle, size, path, name)
            folder = name.rpartition("/")[0]
            if folder and folder not in folders:
                folders.add(folder)
                try:
                    os.mkdir(folder)
                except OSError:   # there already (a start that ran before in this page's file system)
                    pass
            with open(name, "wb") as module:
                module.write(data)
            written += size


def inflate(bundle, size, path, part):
    """The next `size` bytes of the bundle (None: its first line), or ValueError naming the part that is
    cut short (a download that stopped early) or damaged (bytes MicroPython's inflate refuses)."""
    try:
        data = bundle.readline() if size is None else bundle.read(size)
    except EOFError:
        data = b""
    except OSError:
        raise ValueError("%s is damaged inside %s" % (path, part)) from None
    if size is not None and len(data) != size:
        raise ValueError("%s ends inside %s" % (path, part))
    return data


def early_ticks():
    """How many ticks site/boot.js noted before the app was up that the app has not stored (it deletes
    window.attuneEarlyTicks once it has: App.wire)."""
    try:
        return len(json.loads(str(js.JSON.stringify(js.window.attuneEarlyTicks))) or ())
    except Exception:   # absent (taken, or boot.js did not run): MicroPython raises AttributeError
        return 0


def fail(error):
    """Say that the app could not start, built with the DOM alone: the modules may be what failed.
    Ticks made while it was starting are lost: say so, and disable the boxes again."""
    root.setAttribute("data-app", "error")
    early = early_ticks()
    lost = ("" if not early else " The tick you made could not be saved." if early == 1
            else " The %d ticks you made could not be saved." % early)
    boxes = js.document.querySelectorAll("input.practice-box")
    for i in range(boxes.length):
        boxes.item(i).disabled = True
    toast = js.document.createElement("div")
    toast.className = "toast is-error"
    toast.setAttribute("role", "alert")
    text = js.document.createElement("p")
    text.textContent = ("Attune could not start (%s). The articles can still be read; ticks cannot be saved "
                        "right now.%s Reloading the page may help." % (error, lost))
    toast.appendChild(text)
    status = js.document.querySelector("#status")
    status.textContent = ""
    status.appendChild(toast)


async def start():
    try:
        for _ in unpack():
            await asyncio.sleep(0)  # ends the current task (PyScript's own start-up, first)
        for group in MODULE_GROUPS:
            await asyncio.sleep(0)  # ends the current task: the browser gets a turn
            for name in group:
                __import__(name)
        await asyncio.sleep(0)
        app = sys.modules["web.app"].App()
        for step in app.start_steps():
            await asyncio.sleep(0)
            step()
        root.setAttribute("data-app", "ready")
    except Exception as error:
        fail(error)
        raise


await start()  # noqa: F704 - PyScript runs this file with top-level await allowed
