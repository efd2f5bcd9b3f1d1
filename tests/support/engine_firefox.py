"""Debian's firefox-esr driven through WebDriver BiDi, the remote protocol built into Firefox.

Debian has no geckodriver and nothing may be downloaded, so Firefox is started with
--remote-debugging-port and spoken to directly over one WebSocket (websocket-client): a command is
a JSON message with an id, its answer carries the same id, and events (the console and page
errors, log.entryAdded) arrive in between.
"""
import base64
import json
import os
import re
import shutil
import subprocess
import tempfile
import time

import websocket

from engines import Tab

PREFS = {
    "browser.shell.checkDefaultBrowser": False,
    "ui.useOverlayScrollbars": 1,  # as on a phone: scrollbars over the page, taking no width
    "dom.push.connection.enabled": False,  # no push server to reach from here
    "datareporting.policy.dataSubmissionEnabled": False,
    "browser.aboutwelcome.enabled": False,
    "browser.startup.page": 0,  # start on a blank page: nothing to load before the session starts
    "browser.newtabpage.enabled": False,
}  # the remote agent adds its own recommended test prefs (no updates, telemetry or safe browsing)
LISTENING = re.compile(r"WebDriver BiDi listening on (ws://\S+)")


class Firefox(Tab):
    name = "firefox"

    def __init__(self, binary, viewport, prefs=None):
        super().__init__()
        self.profile = tempfile.mkdtemp(prefix="attune-firefox-")
        with open(os.path.join(self.profile, "user.js"), "w") as f:
            f.writelines("user_pref(%s, %s);\n" % (json.dumps(k), json.dumps(v))
                         for k, v in dict(PREFS, **(prefs or {})).items())
        self.log = open(os.path.join(self.profile, "firefox.log"), "w+")  # noqa: SIM115 - Firefox's stderr, open until close()
        self.process = subprocess.Popen(
            [binary, "--headless", "--no-remote", "--profile", self.profile, "--remote-debugging-port", "0",
             "about:blank"],
            stdout=subprocess.DEVNULL, stderr=self.log)
        self.next_id = 0
        self.events = []
        self.socket = websocket.create_connection(self.wait_for_address() + "/session", suppress_origin=True,
                                                  timeout=60)
        self.version = self.command("session.new", capabilities={})["capabilities"]["browserVersion"]
        self.command("session.subscribe", events=["log.entryAdded"])
        self.context = self.command("browsingContext.getTree")["contexts"][0]["context"]
        self.set_viewport(viewport)

    def wait_for_address(self, timeout=60):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            self.log.seek(0)
            found = LISTENING.search(self.log.read())
            if found:
                return found.group(1)
            if self.process.poll() is not None:
                break
            time.sleep(0.1)
        self.log.seek(0)
        raise RuntimeError("firefox did not start its WebDriver BiDi server:\n" + self.log.read()[-2000:])

    def command(self, method, **params):
        self.next_id += 1
        self.socket.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            message = json.loads(self.socket.recv())
            if message.get("id") == self.next_id:
                if message.get("type") == "error":
                    raise RuntimeError("%s: %s: %s" % (method, message["error"], message.get("message")))
                return message["result"]
            self.events.append(message)

    def script(self, expression):
        result = self.command("script.evaluate", expression=expression, target={"context": self.context},
                              awaitPromise=True)
        if result["type"] == "exception":
            raise RuntimeError("%s: %s" % (expression, result["exceptionDetails"]["text"]))
        return result["result"].get("value")

    def goto(self, url):
        self.command("browsingContext.navigate", context=self.context, url=url, wait="complete")

    def reload(self):
        self.collect_errors()
        self.command("browsingContext.reload", context=self.context, wait="complete")

    def click(self, selector):
        """A real mouse click in the middle of the element (scrolled into view first)."""
        found = self.command("script.evaluate", target={"context": self.context}, awaitPromise=False,
                             expression="(() => { const e = document.querySelector(%s);"
                                        " e.scrollIntoView({block: 'center'}); return e; })()" % json.dumps(selector))
        node = {"sharedId": found["result"]["sharedId"]}
        self.command("input.performActions", context=self.context, actions=[{
            "type": "pointer", "id": "mouse", "parameters": {"pointerType": "mouse"},
            "actions": [{"type": "pointerMove", "x": 0, "y": 0, "origin": {"type": "element", "element": node}},
                        {"type": "pointerDown", "button": 0}, {"type": "pointerUp", "button": 0}]}])
        self.command("input.releaseActions", context=self.context)

    def type_keys(self, selector, keys):
        """Real key presses into the element, focused first ("\ue007" is Enter)."""
        self.script("document.querySelector(%s).focus()" % json.dumps(selector))
        presses = []
        for key in keys:
            presses += [{"type": "keyDown", "value": key}, {"type": "keyUp", "value": key}]
        self.command("input.performActions", context=self.context,
                     actions=[{"type": "key", "id": "keyboard", "actions": presses}])
        self.command("input.releaseActions", context=self.context)

    def set_viewport(self, viewport):
        self.command("browsingContext.setViewport", context=self.context, viewport=viewport)

    def screenshot(self, path):
        data = self.command("browsingContext.captureScreenshot", context=self.context)["data"]
        with open(path, "wb") as f:
            f.write(base64.b64decode(data))

    def driver_errors(self):
        """Page errors and console.error calls that Firefox reported since the last call."""
        errors = [e["params"]["text"] for e in self.events
                  if e.get("method") == "log.entryAdded" and e["params"].get("level") == "error"]
        self.events = []
        return errors

    def close(self):
        try:
            self.command("session.end")
            self.socket.close()
        except Exception:
            pass  # already gone: stop the process all the same
        self.process.terminate()
        try:
            self.process.wait(15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.log.close()
        shutil.rmtree(self.profile, ignore_errors=True)
