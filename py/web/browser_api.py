"""Reading browser APIs that a browser may lack, so that start-up never depends on one.

Service workers are absent over plain http from any host but localhost and where a browser turns
them off; WebKitGTK has no navigator.storage; clipboard and share come and go. MicroPython raises
AttributeError for a JS property that does not exist (it never answers None), and a JS property
that is present but undefined reads as a truthy `undefined` object: optional() turns both into None.
"""
import js

UNDEFINED = type(js.undefined)


def optional(owner, name):
    """owner.name, or None where the browser lacks it (absent, null or undefined)."""
    if owner is None:
        return None
    value = getattr(owner, name, None)
    if value is None or type(value) is UNDEFINED:
        return None
    return value


def service_worker():
    """navigator.serviceWorker, or None (not a secure context, turned off, or an old browser)."""
    return optional(js.navigator, "serviceWorker")


def storage_manager():
    """navigator.storage when it offers both persisted() and persist(), else None."""
    storage = optional(js.navigator, "storage")
    if optional(storage, "persisted") is None or optional(storage, "persist") is None:
        return None
    return storage


def file_share(text, name):
    """The share data for `text` as a JSON file called `name`, where the browser can share files
    (navigator.canShare says yes: Safari on iPhone and iPad, Chrome on Android); None elsewhere."""
    navigator = js.navigator
    if (optional(navigator, "canShare") is None or optional(navigator, "share") is None
            or optional(js.window, "File") is None):
        return None
    parts = js.Array.new()
    parts.push(text)
    files = js.Array.new()
    files.push(js.File.new(parts, name, js.JSON.parse('{"type": "application/json"}')))
    data = js.Object.new()
    data.files = files
    data.title = name
    return data if navigator.canShare(data) else None


def safari_in_a_tab():
    """Safari on iPhone or iPad, opened in a tab (not from the Home Screen): only there does
    navigator.standalone exist, and it is false in a tab."""
    return optional(js.navigator, "standalone") is False


def installed_app():
    """Opened as an installed app (from the Home Screen, or installed on a desktop)."""
    match_media = optional(js.window, "matchMedia")
    return match_media is not None and bool(js.window.matchMedia("(display-mode: standalone)").matches)


def install_prompt():
    """The browser's install offer (beforeinstallprompt, kept by boot.js), or None."""
    return optional(js.window, "attuneInstall")


IDLE_TIMEOUT = js.JSON.parse('{"timeout": 2000}')   # run even on a page that is never idle
IDLE_FALLBACK_MS = 50


def when_idle(callback):
    """Run callback (a proxy) when the main thread is idle: requestIdleCallback, or where a browser
    lacks it (Safari) a short timeout. The callback may get an IdleDeadline; it need not read it."""
    if optional(js.window, "requestIdleCallback") is not None:
        js.window.requestIdleCallback(callback, IDLE_TIMEOUT)
    else:
        js.setTimeout(callback, IDLE_FALLBACK_MS)
