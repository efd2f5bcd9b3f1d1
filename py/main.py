"""Attune's entry point: starts the app one short step at a time.

PyScript's own start-up has just run as one long task. MicroPython loads each module the
first time it is imported, and wiring the page takes a few milliseconds more; done in one go
that would be a second long task, during which a phone ignores taps (Lighthouse counts it as
Total Blocking Time). So each step below runs as its own task: between steps the browser can
paint and answer input. <html data-app="ready"> marks the end; data-app="error" a failure.
"""
import asyncio

import js

from markup import escape, tag

root = js.document.documentElement

# Loaded one group per task (each yield costs a few ms, so small modules share one);
# app imports them all again, from the module cache. plan_page and the modules it uses are
# imported when a view first needs them (App.plan_page).
MODULE_GROUPS = (("dates", "dayset", "model"), ("views",), ("layout", "store", "routes"),
                 ("dom", "local_storage", "messages", "display", "reading"),
                 ("browser_api", "tracker_rows", "tracker_page", "data_transfer", "updates", "keep_data"),
                 ("app",))


def fail(error):
    root.setAttribute("data-app", "error")
    js.document.querySelector("#status").innerHTML = tag("div", tag("p", escape(
        "Attune could not start (%s). The articles can still be read; ticks cannot be saved right now. "
        "Reloading the page may help." % error)), class_="toast is-error", role="alert")


async def start():
    try:
        for group in MODULE_GROUPS:
            await asyncio.sleep(0)  # ends the current task: the browser gets a turn
            for name in group:
                __import__(name)
        await asyncio.sleep(0)
        app = __import__("app").App()
        for step in app.start_steps():
            await asyncio.sleep(0)
            step()
        root.setAttribute("data-app", "ready")
    except Exception as error:
        fail(error)
        raise


await start()  # noqa: F704 - PyScript runs this file with top-level await allowed
