"""The "Ask this browser not to clear Attune's data" offer in the tracker's "Your data" panel (named by what
it does, issue 37: "Save a copy" beside it saves a file; this asks the browser to keep its storage).

Browsers may clear a site's storage when space runs short, and Safari after some weeks without a
visit; navigator.storage.persist() asks the browser not to. Firefox answers it with a permission
prompt, so it is asked only when the reader taps the button, never as a side effect of a tick.
data_views.data_panel leaves an empty #keep-data box; show() fills it after every redraw of the tracker.
Where the browser has no storage manager, or nothing is being saved at all, the box stays empty.
"""
import js
from pyscript.ffi import create_proxy

from web.browser_api import storage_manager
from render.markup import escape, tag

KEPT = "This browser keeps Attune's data until you erase it."
NOT_KEPT = "This browser may clear Attune's data when the device runs short of space."
REFUSED = ("The browser did not agree this time, so it may still clear Attune's data when space runs short. "
           "Exporting now and then keeps a copy safe.")
WHY = ("This asks it to keep the data until you erase it; "
       "Safari may otherwise clear it after a few weeks without a visit.")


class KeepData:
    def __init__(self):
        self.manager = storage_manager()
        self.persisted = None     # None until persisted() answers
        self.asking = False       # a persisted() or persist() answer is on its way
        self.refused = False      # the reader asked and the browser said no
        self.saving = True        # False while the store keeps nothing (storage off or full)

    def show(self, saving=None, focus=False):
        """Fill #keep-data from what is known; the first call asks the browser whether data is kept."""
        if saving is not None:
            self.saving = saving
        box = js.document.getElementById("keep-data")
        if box is None or self.manager is None:
            return
        if not self.saving:
            box.innerHTML = ""  # nothing to keep: offering it would mislead
            return
        if self.persisted is None and not self.asking:
            self.asking = True
            self.manager.persisted().then(create_proxy(self.answered), create_proxy(self.failed))
        box.innerHTML = self.html()
        if focus:
            line = js.document.getElementById("keep-data-status")
            if line is not None:
                line.focus()

    def html(self):
        if self.persisted is None:
            return ""
        status = KEPT if self.persisted else (REFUSED if self.refused else NOT_KEPT)
        parts = tag("p", escape(status), id="keep-data-status", tabindex="-1")
        if not self.persisted:
            parts += (tag("button", "Ask this browser not to clear Attune's data", type="button",
                          data_action="keep-data", aria_describedby="keep-data-why")
                      + tag("p", escape(WHY), id="keep-data-why", class_="note"))
        return parts

    def ask(self):
        """The reader's tap: ask the browser to keep Attune's storage (it may prompt, or decide alone)."""
        if self.manager is None or self.asking:
            return
        self.asking = True
        self.manager.persist().then(create_proxy(lambda granted: self.answered(granted, asked=True)),
                                    create_proxy(self.failed))

    def answered(self, persisted, asked=False):
        self.asking = False
        self.persisted = bool(persisted)
        self.refused = asked and not self.persisted
        self.show(focus=asked)

    def failed(self, error):
        # A storage manager that rejects is as good as none: say nothing rather than something untrue.
        self.asking = False
        self.manager = None
        box = js.document.getElementById("keep-data")
        if box is not None:
            box.innerHTML = ""
