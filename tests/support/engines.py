"""Firefox and WebKit for the smoke suite (tests/test_engines.py): finding them, and one tab API.

Playwright drives only Chromium here (it cannot download its own Firefox or WebKit), so each engine
has its own small driver: tests/support/engine_firefox.py (WebDriver BiDi) and tests/support/engine_webkit.py
(WebKitWebDriver through selenium). Both give a Tab with the few operations the suite needs.
Where an engine cannot run, find() says why in words, and the suite skips with that reason.
"""
import contextlib
import glob
import json
import shutil
import time
from pathlib import Path

PHONE = {"width": 390, "height": 844}
INSTALL_HINT = "`make engines` installs it (apt-get, as root on Debian)"

# Prepended to boot.js in the copy of dist/ the suite serves: the page records its own errors,
# because WebKitWebDriver has no console log. Runs before every other script on the page.
ERROR_RECORDER = """// Test harness only (tests/support/engines.py): the page records its own errors for the driver.
(function () {
  var errors = window.__pageErrors = [];
  window.addEventListener("error", function (e) {
    var source = e.target && (e.target.src || e.target.href);
    errors.push(e.message ? e.message + " (" + e.filename + ":" + e.lineno + ")" : "could not load " + source);
  }, true);
  window.addEventListener("unhandledrejection", function (e) {
    errors.push("unhandled rejection: " + (e.reason && e.reason.message ? e.reason.message : String(e.reason)));
  });
  var original = console.error;
  console.error = function () {
    errors.push("console.error: " + Array.prototype.map.call(arguments, String).join(" "));
    return original.apply(console, arguments);
  };
})();
"""


def executable(*candidates):
    """The first candidate (a path, a glob, or a command name) that exists, else None."""
    for candidate in candidates:
        if "/" in candidate:
            found = sorted(glob.glob(candidate))
            if found:
                return found[0]
        elif shutil.which(candidate):
            return shutil.which(candidate)
    return None


def firefox_binary():
    return executable("firefox-esr", "/usr/lib/firefox-esr/firefox-esr", "firefox")


def webkit_binaries():
    """(WebKitWebDriver, MiniBrowser, Xvfb), each a path or None."""
    return (executable("WebKitWebDriver", "/usr/lib/*/webkit2gtk-4.1/WebKitWebDriver"),
            executable("/usr/lib/*/webkit2gtk-4.1/MiniBrowser", "/usr/libexec/webkit2gtk-4.1/MiniBrowser"),
            executable("Xvfb"))


def missing(name):
    """Why engine `name` cannot run here, in words, or None when it can."""
    if name == "firefox":
        if firefox_binary() is None:
            return "Firefox is not installed (Debian's firefox-esr); " + INSTALL_HINT
        try:
            import websocket  # noqa: F401
        except ImportError:
            return "websocket-client is not installed: run `make test`, which sets up .venv"
        return None
    driver, browser, xvfb = webkit_binaries()
    for path, what in ((driver, "WebKitWebDriver (Debian's webkit2gtk-driver)"),
                       (browser, "MiniBrowser (Debian's libwebkit2gtk-4.1-0)"), (xvfb, "Xvfb (Debian's xvfb)")):
        if path is None:
            return "WebKit cannot run: %s is not installed; %s" % (what, INSTALL_HINT)
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed: run `make test`, which sets up .venv"
    return None


def launch(name, viewport=PHONE, prefs=None):
    """A tab of the engine; prefs: Firefox preferences on top of the usual ones."""
    if name == "firefox":
        from engine_firefox import Firefox
        return Firefox(firefox_binary(), viewport, prefs)
    from engine_webkit import WebKit
    return WebKit(*webkit_binaries(), viewport)


def site_copy(dist, target):
    """dist/ copied to target with ERROR_RECORDER at the top of boot.js; returns target."""
    shutil.copytree(dist, target)
    boot = Path(target) / "boot.js"
    boot.write_text(ERROR_RECORDER + boot.read_text())
    return Path(target)


class Tab:
    """One browser tab. Engines implement script(), goto(), reload(), click(), type_keys(), screenshot(),
    set_viewport(), close() and, where the protocol has a log, driver_errors()."""

    name = "engine"

    def __init__(self):
        self.errors = []  # every page error seen so far, from the in-page recorder and the driver

    def evaluate(self, expression):
        """The JSON value of a JS expression in the page (a promise is awaited)."""
        return json.loads(self.script("JSON.stringify(%s)" % expression) or "null")

    def wait_for(self, expression, timeout=20, what=None):
        """Poll until the JS expression is truthy; fail with `what` (or the expression) after timeout s."""
        deadline = time.monotonic() + timeout
        while True:
            try:
                if self.evaluate("!!(%s)" % expression):
                    return
            except Exception:  # the page is between documents (a reload): try again
                pass
            if time.monotonic() > deadline:
                raise AssertionError("%s: timed out after %ss waiting for %s"
                                     % (self.name, timeout, what or expression))
            time.sleep(0.1)

    def open(self, url):
        """Load url and wait for the app to start; fails with the page's own message if it did not."""
        self.collect_errors()
        self.goto(url)
        return self.wait_ready()

    def wait_ready(self, timeout=60):
        self.wait_for("document.documentElement.dataset.app !== 'loading'", timeout, "data-app to leave 'loading'")
        state = self.evaluate("document.documentElement.dataset.app")
        assert state == "ready", "%s: app did not start (%s): %s" % (
            self.name, state, self.evaluate("document.querySelector('#status').innerText"))
        return self

    def collect_errors(self):
        """Move the page's recorded errors (and the driver's log) into self.errors; returns them all."""
        with contextlib.suppress(Exception):   # no page yet
            self.errors += self.evaluate("(window.__pageErrors || []).splice(0)")
        self.errors += self.driver_errors()
        return self.errors

    def driver_errors(self):
        return []

    def text(self, selector):
        return self.evaluate("document.querySelector(%s).innerText" % json.dumps(selector))

    def stored(self):
        """The tracker document the page has stored, read by py/core/store.py as an export shows it; None if nothing."""
        from core import layout
        from core import model
        from core import store
        from dict_backend import DictBackend
        keys = self.evaluate("Object.fromEntries(Object.keys(localStorage).map(k => [k, localStorage.getItem(k)]))")
        if not any(layout.is_data_key(k) for k in keys):
            return None
        reader = store.Store(DictBackend(keys), lambda: 0)
        reader.open()
        return json.loads(model.dumps(reader.doc))

    def route_to(self, hash_route):
        """Change the route in the page, as a link would, and wait for it to show."""
        self.evaluate("location.hash = %s" % json.dumps(hash_route))
        name = hash_route.lstrip("#/") or "library"
        self.wait_for("document.documentElement.dataset.route === %s" % json.dumps(name))
