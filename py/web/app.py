"""Attune's glue: builds the app's parts and routes the page's events to them.

Each concern has its own module in py/web/ (README.md lists them); py/main.py starts the app,
one short step at a time (start_steps). Pure data lives in py/core/, HTML text in py/render/.
"""
import json

import js
from pyscript.ffi import create_proxy

from core.store import Store
from web.browser_api import when_idle
from web.data_transfer import DataTransfer
from web.display import Display
from web.dom import document, now_ms, q
from web.keeping import Keeping
from web.local_storage import LocalStorage
from web.messages import Messages
from web.router import Router
from web.tracker_page import TrackerPage
from web.updates import Updates
from web.vault import Vault


STORAGE_SETTLE_MS = 50


class App:
    def __init__(self):
        self.catalogue = json.loads(q("#catalogue").textContent)
        self.names = {}
        for p in self.catalogue["practices"]:
            self.names[p["id"]] = p["name"]
        self.slugs = [a["slug"] for a in self.catalogue["articles"]]
        self.store = Store(LocalStorage(), now_ms)
        self.store.open()
        self.messages = Messages(self.store)
        self.vault = Vault(self)      # the journal lock: the key in memory while unlocked
        self.display = Display(self.store, self.messages)
        self.router = Router(self)
        self.tracker = TrackerPage(self)
        self.data = DataTransfer(self)
        self.updates = Updates(self.messages)
        self.keeping = Keeping(self)   # copies saved, the reminder, Safari's note, the way back
        self.plan = None              # reminders and shared plans: see plan_page()
        self.journal = None           # every day's notes (#/journal): see journal_page()
        self.redraw_pending = False   # a redraw after another tab's writes is scheduled
        self.import_soon = create_proxy(self.import_later)
        # Every click is routed one way: a button's data-action names its handler, handler(button),
        # in this table; each part lists its own (actions()), and a part imported later adds its own.
        # Every change likewise: the nearest data-change names its handlers, handler(control), each
        # part's changes() (a change may concern several parts: the focus, the tracker and the plan).
        self.actions, self.changes = {}, {}
        for part in (self.messages, self.display, self.tracker, self.data, self.updates, self.keeping, self.vault):
            self.add_part(part)

    def add_part(self, part):
        """Route the clicks and changes that `part` handles to it."""
        self.actions.update(part.actions())
        if hasattr(part, "changes"):
            for name, handler in part.changes().items():
                self.changes.setdefault(name, []).append(handler)

    def plan_page(self):
        """Reminders in a calendar file and plans shared by link (py/web/plan_page.py), imported in idle
        time after start-up (import_later) or the first time a view needs them: plan_page with the three
        modules it uses is a sixth of the app's bytecode, which a phone would load before ready."""
        if self.plan is None:
            from web.plan_page import PlanPage
            self.plan = PlanPage(self)
            self.add_part(self.plan)
        return self.plan

    def journal_page(self):
        """The journal (py/web/journal_page.py, with journal_views and weeks_chart), imported as
        plan_page() is: in idle time after start-up, or when #/journal is opened first."""
        if self.journal is None:
            from web.journal_page import JournalPage
            self.journal = JournalPage(self)
            self.add_part(self.journal)
        return self.journal

    def refresh(self):
        """Everything on the page from the store again (after an import, an erase, another tab)."""
        self.display.apply()
        self.tracker.sync_boxes()
        self.router.show_resume()
        self.tracker.mark_stale()   # drawn again now on #/practices, else its first rows prepared again
        if self.router.view == "practices":
            self.keeping.show()
        if self.plan:
            self.plan.refresh()
        if self.journal:
            self.journal.render()

    # --- start-up ------------------------------------------------------------------------

    def start_steps(self):
        """Start-up, as steps short enough to run one per task (see py/main.py)."""
        return [self.wire, lambda: self.router.route(first=True), self.show_state]

    def wire(self):
        document.addEventListener("change", create_proxy(self.on_change))
        document.addEventListener("click", create_proxy(self.on_click))
        document.addEventListener("submit", create_proxy(self.on_submit))
        document.addEventListener("toggle", create_proxy(self.on_toggle), True)  # toggle does not bubble
        js.window.addEventListener("hashchange", create_proxy(lambda e: self.router.route()))
        js.window.addEventListener("storage", create_proxy(self.on_storage))
        js.window.addEventListener("pagehide", create_proxy(lambda e: self.router.save_position()))
        # Ticks made before now (site/boot.js noted them): stored in this same task, so that no change
        # can fall between boot.js's list and this listener, nor a later tick be overwritten by an earlier one.
        self.take_early_ticks()

    def take_early_ticks(self):
        """Store the ticks site/boot.js noted while the app was starting, then end its list (deleted
        only once they are stored: should storing fail, main.py's fail() counts them as lost)."""
        try:
            ticks = json.loads(str(js.JSON.stringify(js.window.attuneEarlyTicks)))
        except Exception:   # no list (boot.js did not run): nothing was ticked early
            return
        self.tracker.apply_early(ticks or [])
        js.Reflect.deleteProperty(js.window, "attuneEarlyTicks")

    def show_state(self):
        """The saved settings and today's ticks onto the page, any storage notices, offline support."""
        self.display.apply()
        self.tracker.sync_boxes()
        self.messages.show_notices()
        self.updates.register()
        self.tracker.prepare_soon()
        when_idle(self.import_soon)

    def import_later(self, *_):
        """In idle time after start-up, one per idle moment: the plan's modules, then the journal's, so
        that opening #/practices or #/journal does not import them in the task of the tap."""
        if self.plan is None:
            self.plan_page()
        elif self.journal is None:
            self.journal_page()
        if self.journal is None:
            when_idle(self.import_soon)

    # --- events --------------------------------------------------------------------------

    def on_change(self, event):
        holder = event.target.closest("[data-change]")
        if holder:
            for handler in self.changes.get(holder.getAttribute("data-change"), ()):
                handler(event.target)

    def on_click(self, event):
        if event.target.closest("[data-resume]"):
            self.router.resume_pending = True
        button = event.target.closest("[data-action]")
        if not button or button.matches("form button[type=submit]"):
            return   # a form's submit button: its form's submit event comes next (on_submit)
        self.act(button)

    def on_submit(self, event):
        """A form sent by Enter (a phone's Go) or by its button: its one submit button's action, as a click
        on it would be (each form ends in one action). The page never navigates (boot.js prevents it too)."""
        event.preventDefault()
        button = event.target.querySelector("button[type=submit][data-action]")
        if button:
            self.act(button)

    def act(self, button):
        handler = self.actions.get(button.getAttribute("data-action"))
        if handler:
            handler(button)

    def on_storage(self, event):
        # Another tab wrote a key: re-read that one (null: the other tab cleared all storage).
        key = event.key
        self.store.refresh(str(key) if key is not None else None, report=True)
        self.vault.on_storage(str(key) if key is not None else None)
        # An import in another tab writes dozens of keys: redraw once, after the last of them.
        if not self.redraw_pending:
            self.redraw_pending = True
            js.setTimeout(create_proxy(self.redraw_after_storage), STORAGE_SETTLE_MS)

    def redraw_after_storage(self):
        self.redraw_pending = False
        self.refresh()
        self.store.tell_unreadable()   # what another tab left unreadable is said once, whoever backed it up
        self.messages.show_notices()

    def on_toggle(self, event):
        if event.target.matches("details.history"):
            self.tracker.fill_row(event.target)
        elif event.target.matches("details.all-practices"):
            self.tracker.fill_collection(event.target)
        elif event.target.matches("details.plan-tool"):
            self.plan.on_toggle(event.target)
        elif event.target.matches("details#lock-panel") and event.target.open and \
                document.activeElement == event.target.querySelector("summary"):
            q("#lock-new").focus()   # opened by the reader: straight to the first passphrase field
