"""What the page tells the reader: the message in #status, and a standing notice while nothing is saved."""
import js
from pyscript.ffi import create_proxy

from render import data_views
from web.dom import q
from render.markup import escape, tag

FADE_MS = 8000


class Messages:
    def __init__(self, store):
        self.store = store
        self.status = q("#status")   # where every message goes; part of the page, never replaced
        self.toasts = 0   # counts messages, every kind, so a confirmation's timer clears only its own
        self.fade = create_proxy(self.clear)   # one proxy for every timer: setTimeout passes the token
        self.uncover = create_proxy(self.keep_focus_in_view)

    def say(self, text, undo=False, kind="info", change=False, offer=None):
        """A message; change=True: it confirms a change, so it says so when the change is not kept, and
        the store's notices from that write (storage full, unreadable data kept) follow it.
        undo: True for the tracker's Undo, or the data-action of another page's (e.g. "journal-undo").
        offer: (label, data-action) of a button that does what the message suggests."""
        if change and not self.store.persistent:
            text += " " + data_views.NOT_SAVED
        html = tag("p", escape(text))
        if undo:
            html += tag("button", "Undo", type="button", data_action=undo if isinstance(undo, str) else "undo")
        if offer:
            html += tag("button", escape(offer[0]), type="button", data_action=offer[1])
        html += tag("button", "Dismiss", type="button", data_action="dismiss", aria_label="Dismiss message")
        self.status.innerHTML = tag("div", html, class_="toast is-" + kind)
        self.toasts += 1
        js.window.attuneAfterPaint(self.uncover)   # after the paint: no layout forced in the task of a tick
        if kind == "info":
            # Confirmations fade after a while; errors stay until dismissed (an error that replaced a
            # confirmation has a token of its own, so the confirmation's timer leaves it).
            js.setTimeout(self.fade, FADE_MS, self.toasts)
        if change:
            self.show_notices()

    def keep_focus_in_view(self, *_):
        """The message sits at the bottom of the screen: if it covers the control the reader just used (Save
        note at the bottom of the view), the page scrolls up by as much, so that control stays in sight."""
        toast, focused = self.status.firstElementChild, js.document.activeElement
        if not toast or not focused or focused == js.document.body or self.status.contains(focused):
            return
        box, top = focused.getBoundingClientRect(), toast.getBoundingClientRect().top
        if box.bottom > top and box.top < js.window.innerHeight:   # in view, and under the message
            js.window.scrollBy(0, box.bottom - top + 8)

    def actions(self):
        """data-action → handler(button), for the app's click routing (App.on_click)."""
        return {"dismiss": lambda button: self.clear()}

    def clear(self, token=None):
        """Remove the message (with a token: only if no newer message replaced it)."""
        if token is None or token == self.toasts:
            self.status.innerHTML = ""

    def show_notices(self):
        """The store's notices (storage full, unreadable data kept…), then the saving state."""
        for kind, text in self.store.notices:
            self.say(text, kind=kind)
        self.store.notices = []
        self.show_saving_state()

    def show_saving_state(self):
        """While nothing is being saved, a notice stays on every view; it goes when saving works again."""
        banner = q("#unsaved")
        if self.store.persistent:
            if banner:
                banner.remove()
        elif not banner:
            self.status.insertAdjacentHTML("beforebegin", data_views.unsaved_banner())

    def offer_update(self):
        self.status.innerHTML = tag("div", tag("p", "A new version is ready.")
                                     + tag("button", "Reload", type="button", data_action="update")
                                     + tag("button", "Later", type="button", data_action="dismiss"), class_="toast")
