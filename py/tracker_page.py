"""The practices: ticks and Undo, notes, focus and goals, and drawing the tracker view.

Every change redraws only what it touched (a practice's checkboxes and card, the notes panel):
redrawing the whole tracker after each tick cost seconds on a phone with years of history.
"""
import dates
import layout
import model
import views
from dom import document, q, qa, refocus, today
from keep_data import KeepData


class TrackerPage:
    def __init__(self, app):
        self.app = app
        self.store = app.store
        self.messages = app.messages
        self.last_change = None   # (pid, day, done), for Undo
        self.keep_data = KeepData()  # asks for persistent storage only when the reader taps

    # --- drawing -------------------------------------------------------------------------

    def sync_boxes(self, pid=None):
        """Practice checkboxes on the page show today's state from the store: all, or one practice's."""
        day = dates.iso(today())
        selector = 'input.practice-box[data-practice="%s"]' % pid if pid else "input.practice-box"
        for box in qa(selector):
            box.checked = model.is_done(self.store.doc, box.getAttribute("data-practice"), day)
            box.disabled = False
        for article in self.app.catalogue["articles"]:
            if pid and pid not in article["practices"]:
                continue
            tried = model.tried_count(self.store.doc, article["practices"])
            span = q('[data-tried="%s"]' % article["slug"])
            if span:
                span.textContent = " · tried %d of %d" % (tried, len(article["practices"])) if tried else ""

    def render(self, focus_id=None):
        """Draw the whole tracker; focus_id: the control to focus again. Open histories stay open."""
        opened = [d.getAttribute("data-grid") for d in qa("#tracker details.history[open]")]
        data_open = q("#data-details[open]") is not None
        q("#tracker").innerHTML = views.tracker(self.app.catalogue, self.store.doc, today(),
                                                self.store.backups, self.store.persistent, data_open)
        self.keep_data.show(saving=self.store.persistent)
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

    def update_practice(self, pid, day=None):
        """After a tick or an Undo: that practice's checkboxes, counts and row, nothing else.

        day: the day that changed ("YYYY-MM-DD"). An open grid is kept, not drawn again: only
        that day's cell changes, and drawing 84 cells was most of a tick's time on a phone."""
        self.sync_boxes(pid)
        row = q('#tracker li[data-practice="%s"]' % pid)
        if self.app.reading.view != "practices" or not row:
            return
        was_open = row.querySelector("details.history[open]")
        grid = row.querySelector("details.history[open] .grid-wrap") if day else None
        focused = document.activeElement.id if row.contains(document.activeElement) else None
        row.outerHTML = views.practice_card(self.store.doc, self.practice(pid), today())
        if grid:
            details = q('#tracker details[data-grid="%s"]' % pid)
            details.appendChild(grid)
            details.open = True
            self.sync_grid_day(grid, pid, day)
        elif was_open:
            self.open_grid(pid)   # before refocusing: the focused control may be one of the grid's
        refocus(focused)

    def sync_grid_day(self, grid, pid, day):
        """One day's cell of a kept grid shows the stored state."""
        box = grid.querySelector('input[data-day="%s"]' % day)
        if box:
            done = model.is_done(self.store.doc, pid, day)
            box.checked = done
            if done:
                box.parentElement.classList.add("is-done")
            else:
                box.parentElement.classList.remove("is-done")

    def practice(self, pid):
        for p in self.app.catalogue["practices"]:
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
        if details.open and not details.querySelector(".grid-wrap"):
            pid = details.getAttribute("data-grid")
            details.insertAdjacentHTML("beforeend", views.grid_table(self.store.doc, pid, today(),
                                                                     self.practice(pid)["name"]))

    def redraw_notes(self):
        """The notes panel, and the note dots of any open history."""
        self.redraw("#tracker section.notes-panel", views.notes_panel(self.store.doc, today()))
        for details in qa("#tracker details.history[open]"):
            grid = details.querySelector(".grid-wrap")
            if grid:
                grid.remove()
            self.fill_grid(details)

    # --- changes -------------------------------------------------------------------------

    def tick(self, pid, done, day=None):
        """Mark a practice done (or not) today, or on `day` ("YYYY-MM-DD", up to today; a later day is refused)."""
        now = today()
        day = day or dates.iso(now)
        if not dates.is_date(day) or dates.ordinal(day) > now:
            self.update_practice(pid)   # the control shows the stored state again
            return
        self.store.update(lambda doc: model.set_done(doc, pid, day, done), [layout.days_key(pid)])
        self.last_change = (pid, day, done)
        self.messages.say(views.tick_message(self.practice(pid)["name"], dates.ordinal(day), now, done),
                          undo=True, change=True)
        self.messages.show_notices()
        self.update_practice(pid, day)

    def undo(self):
        if not self.last_change:
            return
        pid, day, done = self.last_change
        self.last_change = None
        self.store.update(lambda doc: model.set_done(doc, pid, day, not done), [layout.days_key(pid)])
        self.messages.say("Undone.", change=True)
        self.messages.show_notices()
        self.update_practice(pid, day)

    def add_note(self):
        text = model.note_text(str(q("#note-input").value))   # as the model keeps it (any spaces stripped)
        if not text:
            self.messages.say("Write a few words first, then save.")
            return
        day = dates.iso(today())
        self.store.update(lambda doc: model.add_note(doc, day, text), [layout.notes_key(day)])
        self.messages.say("Note saved for today.", change=True)
        self.messages.show_notices()
        self.redraw_notes()

    def remove_note(self, day, text):
        self.store.update(lambda doc: model.remove_note(doc, day, text), [layout.notes_key(day)])
        self.messages.say("Note removed.", change=True)
        self.messages.show_notices()
        self.redraw_notes()

    def set_focus(self, pid, on):
        goal_box = document.getElementById("goal--" + pid)
        goal = int(goal_box.value) if goal_box else 0
        self.store.update(lambda doc: model.set_focus(doc, pid, goal if on else None), [layout.HEAD])
        self.messages.show_notices()
        # The card moves in or out of "Your focus": redraw those two groups only.
        self.redraw_groups(["focus", views.home_group(self.app.catalogue, pid)])
        refocus("focus--" + pid)

    def redraw_groups(self, keys):
        """Redraw these groups of the tracker, adding or removing each as the document now has it."""
        if self.app.reading.view != "practices":
            return
        groups = views.practice_groups(self.app.catalogue, self.store.doc)
        order = [g[0] for g in groups]
        opened = [d.getAttribute("data-grid") for d in qa("#tracker details.history[open]")]
        for key in keys:
            html = ""
            for group_key, title, members in groups:
                if group_key == key:
                    html = views.group_section(self.store.doc, key, title, members, today())
            existing = q('#tracker [data-group="%s"]' % key)
            if existing and html:
                existing.outerHTML = html
            elif existing:
                existing.remove()
            elif html:
                self.place_group(html, order[order.index(key) + 1:])
        for pid in opened:
            self.open_grid(pid)

    def place_group(self, html, keys_after):
        """Insert a new group before the first of the groups that come after it, or before today's note."""
        for key in keys_after:
            following = q('#tracker [data-group="%s"]' % key)
            if following:
                following.insertAdjacentHTML("beforebegin", html)
                return
        q("#tracker section.notes-panel").insertAdjacentHTML("beforebegin", html)

    def set_goal(self, pid, goal):
        self.store.update(lambda doc: model.set_focus(doc, pid, goal), [layout.HEAD])
        self.messages.show_notices()
        self.update_practice(pid)   # keeps the focus on the goal menu
