"""Offline support: registers the service worker (site/sw.js) and offers a new version when one waits."""
import js
from pyscript.ffi import create_proxy

from web.browser_api import service_worker


class Updates:
    def __init__(self, messages):
        self.messages = messages
        self.registration = None
        self.updating = False   # the reader chose Reload: reload once the new worker controls the page

    def register(self):
        container = service_worker()
        if container is None:
            return  # not a secure context, turned off, or an old browser: the page still works online
        container.register("./sw.js", js.JSON.parse('{"updateViaCache": "none"}')).then(
            create_proxy(self.on_registered), create_proxy(lambda error: None))  # refused: online only
        container.addEventListener("controllerchange", create_proxy(self.on_controller_change))

    def on_registered(self, *resolved):
        # A promise resolved with undefined calls the proxy with no argument under MicroPython: a stubbed or
        # blocked register() (Playwright's service_workers="block") resolves so; there is nothing to watch.
        registration = resolved[0] if resolved else None
        if registration is None:
            return
        self.registration = registration
        if registration.waiting and service_worker().controller:
            self.messages.offer_update()
        registration.addEventListener("updatefound", create_proxy(lambda e: self.watch(registration.installing)))

    def watch(self, worker):
        def changed(event):
            # "installed" with a controller present means an update waits; without one it is the first install.
            if worker.state == "installed" and service_worker().controller:
                self.messages.offer_update()
        worker.addEventListener("statechange", create_proxy(changed))

    def actions(self):
        """data-action → handler(button), for the app's click routing (App.on_click)."""
        return {"update": lambda button: self.apply()}

    def apply(self):
        if self.registration and self.registration.waiting:
            self.updating = True
            self.registration.waiting.postMessage(js.JSON.parse('{"type": "skip-waiting"}'))

    def on_controller_change(self, event):
        if self.updating:
            js.location.reload()
