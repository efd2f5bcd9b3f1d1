"""Attune's glue: the one module that touches the page. Everything else in py/ is pure.

App reads the catalogue the build embedded, opens the tracker store on localStorage and wires
the page's events (delegated to the document, so re-rendered parts need no re-wiring).
py/main.py starts it, one short step at a time.
"""
import json

import js
from pyscript.ffi import create_proxy

import dates
import layout
import model
import routes
import views
from markup import escape, plural, tag
from store import Store, StorageFull, StorageUnavailable

document = js.document
root = document.documentElement


class LocalStorage:
    """store.Store's backend on window.localStorage, through site/storage.js (errors as values)."""

    def call(self, result):
        if not result.ok:
            raise StorageFull() if result.error == "QuotaExceededError" else StorageUnavailable()
        return result.value

    def get(self, key):
        value = self.call(js.attuneStorage.get(key))
        return value if type(value) is str else None

    def set(self, key, value):
        self.call(js.attuneStorage.set(key, value))

    def remove(self, key):
        self.call(js.attuneStorage.remove(key))

    def keys(self):
        listing = self.call(js.attuneStorage.keys())
        return [k for k in listing.split("\n") if k]


def today():
    now = js.Date.new()
    return dates.to_ordinal(now.getFullYear(), now.getMonth() + 1, now.getDate())


def now_ms():
    return dates.timestamp_ms(str(js.Date.new().toISOString()))


def scroll_range():
    """How far the page can scroll, in CSS pixels (0 when it fits the window)."""
    return document.documentElement.scrollHeight - js.window.innerHeight


def refocus(element_id):
    box = document.getElementById(element_id) if element_id else None
    if box:
        box.focus()


def q(selector):
    return document.querySelector(selector)


def qa(selector):
    found = document.querySelectorAll(selector)
    return [found.item(i) for i in range(found.length)]


class App:
    def __init__(self):
        self.catalogue = json.loads(q("#catalogue").textContent)
        self.names = {}
        for p in self.catalogue["practices"]:
            self.names[p["id"]] = p["name"]
        self.slugs = [a["slug"] for a in self.catalogue["articles"]]
        self.store = Store(LocalStorage(), now_ms)
        self.store.open()
        self.view = None
        self.last_change = None     # (pid, day, done) for Undo
        self.pending_import = None  # (document, file name) awaiting confirmation
        self.asked_persist = False
        self.registration = None
        self.updating = False
        self.resume_pending = False
        self.toasts = 0             # counts messages, so a timer clears only its own

    # --- showing ---------------------------------------------------------------------

    def say(self, text, undo=False, kind="info", change=False):
        """A message in the toast; change=True: it confirms a change, so say so when it is not kept."""
        box = q("#status")
        if change and not self.store.persistent:
            text += " " + views.NOT_SAVED
        html = tag("p", escape(text))
        if undo:
            html += tag("button", "Undo", type="button", data_action="undo")
        html += tag("button", "Dismiss", type="button", data_action="dismiss", aria_label="Dismiss message")
        box.innerHTML = tag("div", html, class_="toast is-" + kind)
        if kind == "info":
            # Confirmations fade after a while; errors stay until dismissed.
            self.toasts += 1
            token = self.toasts
            js.setTimeout(create_proxy(lambda: self.clear_toast(token)), 8000)

    def clear_toast(self, token):
        if token == self.toasts:
            q("#status").innerHTML = ""

    def show_notices(self):
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
            q("#status").insertAdjacentHTML("beforebegin", views.unsaved_banner())

    def sync_boxes(self, pid=None):
        """Practice checkboxes on the page show today's state from the store: all, or one practice's."""
        day = dates.iso(today())
        selector = 'input.practice-box[data-practice="%s"]' % pid if pid else "input.practice-box"
        for box in qa(selector):
            box.checked = model.is_done(self.store.doc, box.getAttribute("data-practice"), day)
            box.disabled = False
        for article in self.catalogue["articles"]:
            if pid and pid not in article["practices"]:
                continue
            tried = model.tried_count(self.store.doc, article["practices"])
            span = q('[data-tried="%s"]' % article["slug"])
            if span:
                span.textContent = " · tried %d of %d" % (tried, len(article["practices"])) if tried else ""

    def show_resume(self):
        reading = self.store.doc["reading"]
        box = q("#resume")
        if reading and reading["slug"] in self.slugs:
            title = [a["title"] for a in self.catalogue["articles"] if a["slug"] == reading["slug"]][0]
            box.innerHTML = tag("p", "Continue where you left off: " + tag("a", escape(title), href="#/a/" + reading["slug"], data_resume="1"), class_="resume")
        else:
            box.innerHTML = ""

    def apply_settings(self):
        """Theme and text size from the document onto <html>, and the radios that set them."""
        settings = self.store.doc["settings"]
        if settings["theme"] == "system":
            root.removeAttribute("data-theme")
        else:
            root.setAttribute("data-theme", settings["theme"])
        root.setAttribute("data-text-size", str(settings["text_size"]))
        for radio in qa("input[data-setting]"):
            radio.checked = radio.value == str(settings[radio.getAttribute("data-setting")])

    def set_setting(self, name, value):
        self.store.update(lambda doc: model.set_setting(doc, name, value, now_ms()), [layout.HEAD])
        self.apply_settings()
        self.show_notices()

    def render_tracker(self, focus_id=None):
        """Redraw the tracker; focus_id: the control to focus again (redrawing replaces it).

        Histories that were open stay open (their tables are drawn again by on_toggle)."""
        opened = [d.getAttribute("data-grid") for d in qa("#tracker details.history[open]")]
        q("#tracker").innerHTML = views.tracker(self.catalogue, self.store.doc, today(),
                                                self.store.backups, self.store.persistent)
        for pid in opened:
            self.open_grid(pid)
        refocus(focus_id)

    def redraw(self, selector, html):
        """Replace one part of the tracker, keeping keyboard focus on the control that had it."""
        part = q(selector)
        if part:
            focused = document.activeElement.id if part.contains(document.activeElement) else None
            part.outerHTML = html
            refocus(focused)

    def update_practice(self, pid):
        """After a tick or an Undo: that practice's checkboxes, counts and tracker card, nothing else.

        Redrawing the whole tracker here cost seconds on a phone with years of history."""
        self.sync_boxes(pid)
        card = q('#tracker li[data-practice="%s"]' % pid)
        if self.view != "practices" or not card:
            return
        practice = self.practice(pid)
        was_open = card.querySelector("details.history[open]")
        self.redraw('#tracker li[data-practice="%s"]' % pid, views.practice_card(self.store.doc, practice, today()))
        if was_open:
            self.open_grid(pid)

    def practice(self, pid):
        for p in self.catalogue["practices"]:
            if p["id"] == pid:
                return p
        return views.archived_practice(pid)

    def open_grid(self, pid):
        details = q('#tracker details[data-grid="%s"]' % pid)
        if details:
            details.open = True
            self.fill_grid(details)

    def fill_grid(self, details):
        """Draw an opened history's 12-week table (once: it stays until the card is redrawn)."""
        if details.open and not details.querySelector("table"):
            pid = details.getAttribute("data-grid")
            details.insertAdjacentHTML("beforeend", views.grid_table(self.store.doc, pid, today(),
                                                                     self.practice(pid)["name"]))

    def refresh(self):
        self.apply_settings()
        self.sync_boxes()
        self.show_resume()
        if self.view == "practices":
            self.render_tracker()

    # --- routing ---------------------------------------------------------------------

    def route(self, first=False):
        self.save_position()
        view, slug, anchor = routes.parse(js.location.hash, self.slugs)
        self.view = view
        self.slug = slug
        root.setAttribute("data-route", routes.route_name(view, slug))
        for link in qa("[data-nav]"):
            if link.dataset.nav == view:
                link.setAttribute("aria-current", "page")
            else:
                link.removeAttribute("aria-current")
        if view == "practices":
            self.render_tracker()
        elif view == "library":
            self.show_resume()
        heading = q("#a-%s h1" % slug) if view == "article" else q("#%s h1" % view)
        document.title = ("%s — Attune" % heading.textContent) if view != "library" else "Attune — empathy in couples, and small practices to try"
        target = document.getElementById(anchor) if anchor else None
        reading = self.store.doc["reading"]
        if view == "article" and self.resume_pending and reading and reading["slug"] == slug:
            self.resume_pending = False
            js.window.scrollTo(0, int(scroll_range() * reading["position"] / 1000))
            heading.focus(js.JSON.parse('{"preventScroll": true}'))
        elif target:
            target.scrollIntoView()
            target.focus()
        elif not first:
            js.window.scrollTo(0, 0)
            heading.focus()  # moves the screen reader to the new view's heading

    def save_position(self):
        if self.view != "article":
            return
        height = scroll_range()
        position = int(1000 * js.window.scrollY / height) if height > 0 else 0  # per mille of the way down
        self.store.update(lambda doc: model.set_reading(doc, self.slug, position, now_ms()), [layout.HEAD])

    # --- actions ---------------------------------------------------------------------

    def tick(self, pid, done):
        day = dates.iso(today())
        self.store.update(lambda doc: model.set_done(doc, pid, day, done), [layout.days_key(pid)])
        self.last_change = (pid, day, done)
        name = self.names.get(pid, pid)
        self.say(("“%s” marked as done today." if done else "“%s” unticked for today.") % name, undo=True, change=True)
        self.show_notices()
        self.update_practice(pid)
        self.ask_persist()

    def ask_persist(self):
        # Safari may clear a site's storage after days without a visit; ask the browser to keep it.
        if self.asked_persist:
            return
        self.asked_persist = True
        storage = js.navigator.storage
        if storage and storage.persist:
            storage.persist()

    def undo(self):
        if not self.last_change:
            return
        pid, day, done = self.last_change
        self.last_change = None
        self.store.update(lambda doc: model.set_done(doc, pid, day, not done), [layout.days_key(pid)])
        self.say("Undone.", change=True)
        self.show_notices()
        self.update_practice(pid)

    def add_note(self):
        box = q("#note-input")
        text = box.value.strip()
        if not text:
            self.say("Write a few words first, then save.")
            return
        day = dates.iso(today())
        self.store.update(lambda doc: model.add_note(doc, day, text), [layout.notes_key(day)])
        self.say("Note saved for today.", change=True)
        self.show_notices()
        self.redraw_notes(day)

    def remove_note(self, day, text):
        self.store.update(lambda doc: model.remove_note(doc, day, text), [layout.notes_key(day)])
        self.say("Note removed.", change=True)
        self.show_notices()
        self.redraw_notes(day)

    def redraw_notes(self, day):
        """The notes panel, and the note dot of `day` in any open history."""
        self.redraw("#tracker section.notes-panel", views.notes_panel(self.store.doc, today()))
        for details in qa("#tracker details.history[open]"):
            table = details.querySelector("table")
            if table:
                table.remove()
            self.fill_grid(details)

    def set_focus(self, pid, on):
        goal_box = document.getElementById("goal--" + pid)
        goal = int(goal_box.value) if goal_box else 0
        self.store.update(lambda doc: model.set_focus(doc, pid, goal if on else None), [layout.HEAD])
        self.render_tracker(focus_id="focus--" + pid)

    def set_goal(self, pid, goal):
        self.store.update(lambda doc: model.set_focus(doc, pid, goal), [layout.HEAD])
        self.render_tracker(focus_id="goal--" + pid)

    def download(self, text, name):
        parts = js.Array.new()
        parts.push(text)
        blob = js.Blob.new(parts, js.JSON.parse('{"type": "application/json"}'))
        url = js.URL.createObjectURL(blob)
        link = document.createElement("a")
        link.href = url
        link.download = name
        document.body.appendChild(link)
        link.click()
        link.remove()
        js.setTimeout(create_proxy(lambda: js.URL.revokeObjectURL(url)), 1000)

    def export(self):
        self.download(model.dumps(self.store.doc), "attune-data-%s.json" % dates.iso(today()))
        self.say("Your data was exported as a file. Keep it somewhere safe.")

    def dialog(self, html):
        box = q("#data-dialog")
        box.innerHTML = html
        button = box.querySelector("button")
        if button:
            button.focus()

    def read_import(self, input_element):
        files = input_element.files
        if not files or files.length == 0:
            return
        chosen = files.item(0)
        input_element.value = ""
        if chosen.size > model.MAX_IMPORT_BYTES:
            self.dialog(tag("p", escape("“%s” is larger than 1 MB, far more than Attune ever exports. Nothing was changed." % chosen.name), class_="error"))
            return
        name = str(chosen.name)
        chosen.text().then(create_proxy(lambda text: self.check_import(str(text), name)))

    def check_import(self, text, name):
        try:
            incoming = model.parse_import(text)
        except model.DataError as error:
            self.pending_import = None
            self.dialog(tag("p", escape("“%s” cannot be imported: %s. Nothing was changed." % (name, error)), class_="error", role="alert"))
            return
        self.pending_import = (incoming, name)
        changes = model.import_changes(self.store.doc, incoming, self.names)
        self.dialog(views.import_dialog(changes, "“%s”" % name))

    def finish_import(self, mode):
        if not self.pending_import:
            return
        incoming, name = self.pending_import
        self.pending_import = None
        if mode == "merge":
            self.store.merge_in(incoming)
        else:
            self.store.replace(incoming)
        self.refresh()  # settings too: an imported file may carry another theme or text size
        self.say("Imported “%s”." % name, change=True)
        self.show_notices()

    def erase(self):
        self.store.erase()
        self.refresh()
        self.say("All Attune data was erased from this browser.")
        self.show_notices()

    # --- offline and updates -----------------------------------------------------------

    def register_worker(self):
        container = js.navigator.serviceWorker
        if not container:
            return  # not a secure context, or an old browser: the page still works online
        container.register("./sw.js", js.JSON.parse('{"updateViaCache": "none"}')).then(
            create_proxy(self.on_registered))
        container.addEventListener("controllerchange", create_proxy(self.on_controller_change))

    def on_registered(self, registration):
        self.registration = registration
        if registration.waiting and js.navigator.serviceWorker.controller:
            self.offer_update()
        registration.addEventListener("updatefound", create_proxy(lambda e: self.watch(registration.installing)))

    def watch(self, worker):
        def changed(event):
            # "installed" with a controller present means an update waits; without one it is the first install.
            if worker.state == "installed" and js.navigator.serviceWorker.controller:
                self.offer_update()
        worker.addEventListener("statechange", create_proxy(changed))

    def offer_update(self):
        box = q("#status")
        box.innerHTML = tag("div", tag("p", "A new version is ready.")
                            + tag("button", "Reload", type="button", data_action="update")
                            + tag("button", "Later", type="button", data_action="dismiss"), class_="toast")

    def apply_update(self):
        if self.registration and self.registration.waiting:
            self.updating = True
            self.registration.waiting.postMessage(js.JSON.parse('{"type": "skip-waiting"}'))

    def on_controller_change(self, event):
        if self.updating:
            js.location.reload()

    # --- events ----------------------------------------------------------------------

    def on_change(self, event):
        target = event.target
        # getAttribute, not dataset: a missing dataset key raises in MicroPython's JS proxy.
        focus, goal = target.getAttribute("data-focus"), target.getAttribute("data-goal")
        setting = target.getAttribute("data-setting")
        if setting == "theme":
            self.set_setting("theme", target.value)
        elif setting == "text_size":
            self.set_setting("text_size", int(target.value))
        elif target.classList.contains("practice-box"):
            self.tick(target.getAttribute("data-practice"), bool(target.checked))
        elif focus:
            self.set_focus(focus, bool(target.checked))
        elif goal:
            self.set_goal(goal, int(target.value))
        elif target.id == "import-file":
            self.read_import(target)

    def on_click(self, event):
        if event.target.closest("[data-resume]"):
            self.resume_pending = True
        button = event.target.closest("[data-action]")
        if not button:
            return
        action = button.dataset.action
        if action == "undo":
            self.undo()
        elif action == "update":
            self.apply_update()
        elif action == "dismiss":
            q("#status").innerHTML = ""
        elif action == "add-note":
            self.add_note()
        elif action == "remove-note":
            self.remove_note(button.dataset.day, button.dataset.note)
        elif action == "export":
            self.export()
        elif action == "erase":
            self.dialog(views.erase_dialog())
        elif action == "erase-confirm":
            self.erase()
        elif action == "dialog-cancel":
            self.pending_import = None
            q("#data-dialog").innerHTML = ""
        elif action == "import-merge":
            self.finish_import("merge")
        elif action == "import-replace":
            self.finish_import("replace")
        elif action == "download-backup":
            text = self.store.backup_text(button.dataset.key)
            if text is not None:
                self.download(text, "attune-unreadable-data.json")

    def on_storage(self, event):
        # Another tab wrote a key: re-read that one (null: the other tab cleared all storage).
        key = event.key
        self.store.refresh(str(key) if key is not None else None)
        self.refresh()

    def on_toggle(self, event):
        if event.target.matches("details.history"):
            self.fill_grid(event.target)

    def start_steps(self):
        """Start-up, as steps short enough to run one per task (see py/main.py)."""
        return [self.wire, lambda: self.route(first=True), self.show_state]

    def show_state(self):
        """The saved settings and today's ticks onto the page, any storage notices, offline support."""
        self.apply_settings()
        self.sync_boxes()
        self.show_notices()
        self.register_worker()

    def wire(self):
        document.addEventListener("change", create_proxy(self.on_change))
        document.addEventListener("click", create_proxy(self.on_click))
        js.window.addEventListener("hashchange", create_proxy(lambda e: self.route()))
        js.window.addEventListener("storage", create_proxy(self.on_storage))
        document.addEventListener("toggle", create_proxy(self.on_toggle), True)  # toggle does not bubble
        js.window.addEventListener("pagehide", create_proxy(lambda e: self.save_position()))
