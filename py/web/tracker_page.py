"""The practices: ticks and Undo, taking a practice on (focus) and goals, and drawing the tracker view.

Every change updates only what it touched, in place (py/web/tracker_rows.py): a practice's boxes and
row, its "Add to my practices" boxes. Redrawing the whole tracker after each tick cost seconds on a phone with
years of history, and even redrawing one row cost a fifth of a second.

Its first rows are drawn ahead, hidden, while the reader is on another view (prepare: after
start-up and after leaving #/practices, in idle time), so opening #/practices draws only the rest,
a few rows after each paint. Ticks, Undo and journal notes reach prepared rows in place; an import, another
tab's write, a shared plan, a new day or a practice taken on elsewhere has them drawn again.
"""
from pyscript.ffi import create_proxy

from core import dates
from core import layout
from core import model
from web import tracker_rows
from render import tracker_views
from web.browser_api import when_idle
from web.dom import document, q, qa, refocus, reveal, today, utc_offset
from web.keep_data import KeepData
from web.pacing import AfterPaint, AfterPaintBatch


# Rows drawn before the first paint: no more than a later step, as that frame also switches views. It
# had drawn the whole first group (6 rows of a 5-year history's focus): at 4× CPU its frame was the
# longest of the opening, 41-72 ms; with 3, and the panels one a frame, the opening's longest had a
# median of 35 ms against 43 (6 traced opens each, interleaved).
FIRST_ROWS = 2
# Rows drawn in one later step: at 4× CPU a group of 8 had cost a 60 ms task, 4 up to 56. Opening
# #/practices with 5 years, 20 interleaved opens each: with steps of 3 rows a long task followed 8
# opens, with 2, 3 opens; the last row came as soon (median 824 ms against 804, 5 opens each): the
# steps are paced by frames, not by their size.
ROWS_PER_STEP = 2
GRID_PIECE_WEEKS = 3   # a grid's weeks drawn in one piece, a piece after each paint (draw_grids)
GRID_FIRST_WEEKS = 2   # the first piece also draws the table, its caption and its weekday heads


class TrackerPage:
    def __init__(self, app):
        self.app = app
        self.store = app.store
        self.messages = app.messages
        self.last_change = None   # (pid, day, done), for Undo
        self.keep_data = KeepData()  # asks for persistent storage only when the reader taps
        self.pending = []             # groups of the tracker still to draw (see render)
        self.reopen = []              # ids of the histories to open again once their rows are drawn
        self.prepared = None          # prepared_state() of first rows drawn hidden and up to date (prepare)
        # Each later step is drawn in a task of its own after a frame is painted, the first of them
        # after render()'s: so the first rows paint before any other is drawn (py/web/pacing.py).
        self.draw_later = AfterPaint(self.draw_next)
        self.panel_later = AfterPaint(self.show_panel)
        self.grids_due = AfterPaintBatch(self.draw_grids)     # ids of opened rows whose grid is due
        self.grids_hidden = []        # ids of open rows whose grid waits for the view to show
        self.grids_begun = AfterPaintBatch(self.grow_grids)   # ids of rows with some of their grid's weeks
        self.prepare_when_idle = create_proxy(self.prepare)
        self.prepare_rows_when_idle = create_proxy(self.prepare_rows)
        self.moving = AfterPaintBatch(self.move_rows)             # ids of rows whose focus changed
        self.moved_from_row = set()   # of those, the ones changed with the row's own box
        self.note_days_changed = AfterPaintBatch(self.sync_grids)  # days whose notes changed

    # --- drawing -------------------------------------------------------------------------

    def sync_boxes(self, pid=None):
        """Practice checkboxes on the page show today's state from the store: all, or one practice's
        (its boxes, and the "tried" line of the articles that suggest it)."""
        doc, day = self.store.doc, today()
        selector = 'input.practice-box[data-practice="%s"]' % pid if pid else "input.practice-box"
        done = model.days_of(doc, pid).has(day) if pid else None
        for box in qa(selector):
            box.checked = done if pid else model.days_of(doc, box.getAttribute("data-practice")).has(day)
            box.disabled = False
        # "Add to my practices" in the articles: pre-rendered disabled, usable once the app is up.
        for box in qa('input[data-focus="%s"]' % pid if pid else "input[data-focus]"):
            box.checked = box.getAttribute("data-focus") in doc["focus"]
            box.disabled = False
        for article in self.app.catalogue["articles"]:
            if pid and pid not in article["practices"]:
                continue
            tried = model.tried_count(doc, article["practices"])
            span = q('[data-tried="%s"]' % article["slug"])
            if span:   # a practice several articles suggest is one practice: tried, it is tried in each
                span.textContent = " · you've tried %d" % tried if tried else ""

    def prepared_state(self):
        """What prepared rows depend on besides the document: the day, and the data panel's facts."""
        return today(), self.store.persistent, len(self.store.backups)

    def show(self):
        """Opening #/practices: start from the first rows prepared while hidden, if still up to date,
        and draw the rest a step after each paint; else draw it all from the start (render)."""
        # Its panels (today's note, reminders, your data) wait for the last row: below the rows on a
        # phone, they were half of the first frame's layout (at 4× CPU, 30 of a 76 ms frame).
        q("#tracker").setAttribute("data-opening", "")
        if self.prepared == self.prepared_state():
            self.prepared = None
            q("#tracker").removeAttribute("data-prepared")
            self.continue_drawing()
        else:
            self.render()
        hidden, self.grids_hidden = self.grids_hidden, []
        for pid in hidden:   # grids of open rows, left out while the view was hidden (draw_grids)
            self.grids_due.add(pid)

    def prepare_soon(self):
        """Prepare the first rows once the browser is idle (after start-up, after leaving #/practices,
        after a change that made prepared rows stale)."""
        self.prepared = None
        when_idle(self.prepare_when_idle)

    def prepare(self, *_):
        """Elsewhere than #/practices: draw the tracker's panels hidden (no layout, no paint), then its
        first rows a step per idle moment (prepare_rows), so that opening it only draws the rest. Only
        those: showing a whole tracker kept hidden cost a phone more (style and layout of every row in
        the first frame) than drawing all but the first rows a step a frame. In pieces: drawn in one
        go, the panels and six rows of a 5-year history were a 45-175 ms task at 4× CPU."""
        if self.prepared is None and self.app.router.view != "practices":
            self.render(hidden=True)
            when_idle(self.prepare_rows_when_idle)

    def prepare_rows(self, *_):
        """One step of the first rows of a prepared tracker, in idle time, until FIRST_ROWS are drawn;
        stops when the reader opened #/practices (show() draws the rest) or the preparation is stale."""
        if (self.prepared is None or self.prepared != self.prepared_state()
                or self.app.router.view == "practices" or not self.pending):
            return
        self.draw_rows()
        if self.pending and len(qa("#tracker li[data-practice]")) < FIRST_ROWS:
            when_idle(self.prepare_rows_when_idle)

    def mark_stale(self):
        """What the tracker shows changed under it (an import, another tab): draw it again now if in
        view, else prepare it again."""
        if self.app.router.view == "practices":
            self.render()
        else:
            self.prepare_soon()

    def render(self, hidden=False):
        """Draw the tracker: its first rows now (FIRST_ROWS), so the top of the view paints at once, then a few
        rows after each paint (draw_next), so a phone paints and answers taps between them. #tracker is
        aria-busy until the last row and the panels are in. Open histories and "Your data" stay open.
        hidden: only the panels, kept for show(); prepare_rows adds the first rows in idle time."""
        self.reopen = [d.getAttribute("data-grid") for d in qa("#tracker details.history[open]")]
        data_open = q("#data-details[open]") is not None
        collection_open = q("#all-practices[open]") is not None
        self.pending = tracker_views.practice_groups(self.app.catalogue, self.store.doc)
        first = [] if hidden else self.take_rows(FIRST_ROWS)   # hidden: prepare_rows draws them
        tracker = q("#tracker")
        tracker.innerHTML = tracker_views.tracker(self.app.catalogue, self.store.doc, today(), self.store.backups,
                                          self.store.persistent, data_open, first, self.app.vault.is_locked(),
                                          collection_open, utc_offset())
        self.keep_data.show(saving=self.store.persistent)
        self.app.keeping.show_offers()
        self.reopen_grids()
        if hidden:
            self.prepared = self.prepared_state()
            tracker.setAttribute("data-prepared", "")
            tracker.removeAttribute("data-opening")   # nothing is being drawn in view: show() begins again
            tracker.removeAttribute("aria-busy")
        else:
            self.prepared = None
            tracker.removeAttribute("data-prepared")
            self.continue_drawing()

    def continue_drawing(self):
        tracker = q("#tracker")
        if self.pending:
            tracker.setAttribute("aria-busy", "true")
            self.draw_later()
        else:
            self.drawn()

    def draw_next(self):
        """A step of drawing after a paint, while #/practices is in view (the reader left: prepare_soon()
        starts again from the first rows)."""
        if self.pending and self.app.router.view == "practices":
            self.draw_step()

    def draw_step(self):
        """Draw the next rows still to come (draw_rows), and the step after it after the next paint; the
        last step ends aria-busy."""
        self.draw_rows()
        if self.pending:
            self.draw_later()
        else:
            self.drawn()

    def draw_rows(self):
        """Draw the next rows still to come, at most ROWS_PER_STEP: a new group goes at the end of the
        groups, the rest of a group into its list."""
        for key, title, members in self.take_rows(ROWS_PER_STEP):
            if title is None:   # the rest of a group already begun
                q('#tracker [data-group="%s"] ul.tracker-list' % key).insertAdjacentHTML(
                    "beforeend", tracker_views.group_rows(self.store.doc, members, today()))
            else:
                q("#tracker-groups").insertAdjacentHTML(
                    "beforeend", tracker_views.group_section(self.store.doc, key, title, members, today()))
        self.reopen_grids()

    def take_rows(self, limit):
        """The next groups still to come, [(key, title, members)], holding `limit` rows at most: a group
        cut short leaves the rest of its rows to come, titled None (a group already begun)."""
        taken = []
        while self.pending and limit > 0:
            key, title, members = self.pending.pop(0)
            if len(members) > limit:
                self.pending.insert(0, (key, None, members[limit:]))
                members = members[:limit]
            taken.append((key, title, members))
            limit -= len(members)
        return taken

    def finish_drawing(self):
        """Draw every row still to come now, in view or not: a change must find every row in its place."""
        while self.pending:
            self.draw_rows()
        self.drawn()

    def drawn(self):
        """Every row is in: its panels show, one after each paint (show_panel), and the tracker is no
        longer busy once they do, unless a row is still to move."""
        self.panel_later()
        self.settle()

    def show_panel(self):
        """One more of the panels below the rows while #/practices opens (data-opening: how many show;
        site/style.css hides the rest): shown at once, the three were a 40-52 ms frame at 4× CPU."""
        tracker = q("#tracker")
        if not tracker.hasAttribute("data-opening"):
            return
        shown = int(tracker.getAttribute("data-opening") or "0") + 1
        if shown >= len(qa("#tracker > .panel")):
            tracker.removeAttribute("data-opening")
            self.settle()
        else:
            tracker.setAttribute("data-opening", str(shown))
            self.panel_later()

    def settle(self):
        """#tracker is aria-busy while rows are still to be drawn or moved (move_rows), or its panels
        still to show (show_panel)."""
        if not self.pending and not self.moving.items and not q("#tracker").hasAttribute("data-opening"):
            q("#tracker").removeAttribute("aria-busy")

    def reopen_grids(self):
        for pid in list(self.reopen):
            if q('#tracker details[data-grid="%s"]' % pid):
                self.reopen.remove(pid)
                self.open_grid(pid)

    def redraw(self, selector, html):
        """Replace one part of the tracker, keeping keyboard focus on the control that had it."""
        part = q(selector)
        if part:
            focused = document.activeElement.id if part.contains(document.activeElement) else None
            part.outerHTML = html
            refocus(focused, in_place=True)

    def update_practice(self, pid, day=None):
        """After a tick, an Undo, a focus or a goal change: that practice's row in place, and for a
        day that changed (a day number) its toggle, grid cell and boxes on every view."""
        # The tracker may be drawn while hidden (prepare): it follows every change as if in view.
        if day is not None:
            self.sync_boxes(pid)
            tracker_rows.sync_day(self.store.doc, pid, day)
        row = q('#tracker li[data-practice="%s"]' % pid)
        if row:
            tracker_rows.sync_row(self.store.doc, row, self.practice(pid), today())

    def practice(self, pid):
        for p in self.app.catalogue["practices"]:
            if p["id"] == pid:
                return p
        return tracker_views.archived_practice(pid)

    def open_grid(self, pid):
        details = q('#tracker details[data-grid="%s"]' % pid)
        if details:
            details.open = True
            self.fill_row(details)

    def fill_row(self, details):
        """Draw what an opened row keeps closed: its text, focus and goal now, and its 12-week grid
        after the next paint (once: they stay until the row is drawn again). Two pieces: at 4× CPU
        the style, layout and paint of both in one frame was a 69 ms task."""
        if details.open and not details.querySelector(".more-body"):
            pid = details.getAttribute("data-grid")
            details.insertAdjacentHTML("beforeend", tracker_views.row_body(self.store.doc, self.practice(pid), today(),
                                                                                self.app.catalogue))
            self.grids_due.add(pid)

    def fill_collection(self, details):
        """Draw "All practices"' list when it is first opened (it stays until the tracker is drawn again)."""
        if details.open and not details.querySelector(".picks-body"):
            details.insertAdjacentHTML("beforeend", tracker_views.all_practices_body(self.app.catalogue,
                                                                                    self.store.doc))

    def draw_grids(self, due):
        """The 12-week grid of every row in `due` (opened since the last paint) still open and without one:
        its oldest GRID_FIRST_WEEKS weeks now, GRID_PIECE_WEEKS more after each paint (grow_grids). At
        4× CPU the grid's style, layout and paint were one 68-96 ms frame; in pieces of 4 weeks up to
        50 ms, of 3 weeks up to 41 ms, but the first piece, with the table, up to 56 ms."""
        if self.app.router.view != "practices":
            # Drawn while the view was hidden (prepare), a grid was laid out in the first frame of the
            # next opening, all 12 weeks at once (at 4× CPU a 61-87 ms frame): drawn after it instead.
            self.grids_hidden += [pid for pid in due if pid not in self.grids_hidden]
            return
        for pid in due:
            details = q('#tracker details[data-grid="%s"]' % pid)
            drawn = details and details.querySelector(".more-body")
            if drawn and details.open and not details.querySelector(".grid-wrap"):
                details.insertAdjacentHTML("beforeend", tracker_views.grid_table(
                    self.store.doc, pid, today(), self.practice(pid)["name"], GRID_FIRST_WEEKS))
                self.grids_begun.add(pid)

    def grow_grids(self, begun):
        """The next weeks of every grid draw_grids began (from the document as it is now: a tick or a
        note since is in them); the last piece adds the note links and ends the grid's aria-busy."""
        day = today()
        for pid in begun:
            wrap = q('#tracker details[data-grid="%s"] .grid-wrap[aria-busy]' % pid)
            if not wrap:
                continue
            body = wrap.querySelector("tbody")
            start = body.rows.length
            end = min(start + GRID_PIECE_WEEKS, tracker_views.WEEKS)
            body.insertAdjacentHTML("beforeend", tracker_views.grid_weeks(
                self.store.doc, pid, day, self.practice(pid)["name"], start, end))
            if end < tracker_views.WEEKS:
                self.grids_begun.add(pid)
            else:
                wrap.querySelector(".note-links").innerHTML = tracker_views.note_links(
                    tracker_views.grid_note_days(self.store.doc, day))
                wrap.removeAttribute("aria-busy")

    def redraw_notes(self, day):
        """After a note of `day` was saved or removed in the journal: the note dot and links of any
        drawn grid, after the paint (sync_grids)."""
        self.note_days_changed.add(day)

    def sync_grids(self, days):
        """The note dots and links of the drawn grids, for the days redraw_notes saw change."""
        for day in days:
            tracker_rows.sync_grid_notes(self.store.doc, day, today())

    # --- changes -------------------------------------------------------------------------

    def tick(self, pid, done, day=None):
        """Mark a practice done (or not) today, or on day number `day` (up to today; a later day is
        refused, and None is a date that could not be read: the control shows the stored state again).
        Marking a practice done takes it on too (into "Trying now"); Undo takes back both."""
        now = today()
        if day is None:
            self.sync_boxes(pid)
            return
        if day > now:
            self.update_practice(pid, day)
            return
        took_on = self.takes_on(pid, done)
        self.store.update(lambda doc: self.record(doc, pid, day, done, took_on), self.keys(pid, took_on))
        self.last_change = (pid, day, done, took_on)
        self.messages.say(tracker_views.tick_message(self.practice(pid)["name"], day, now, done, took_on),
                          undo=True, change=True)
        self.update_practice(pid, day)
        if took_on:
            self.focus_changed(pid)

    def takes_on(self, pid, done):
        """Does marking this practice done take it on? Yes, when it is in the articles and not yet taken on."""
        return done and pid not in self.store.doc["focus"] and pid in self.app.names

    @staticmethod
    def record(doc, pid, day, done, took_on):
        model.set_done(doc, pid, day, done)
        if took_on:
            model.set_focus(doc, pid, 0)

    @staticmethod
    def keys(pid, took_on):
        """The storage keys a tick writes: the practice's days, and the head when it takes it on."""
        return [layout.days_key(pid), layout.HEAD] if took_on else [layout.days_key(pid)]

    def apply_early(self, ticks):
        """Ticks made before the app was up ([practice, "YYYY-MM-DD", done], in order, from site/boot.js):
        each stored as any tick is (the same store path, so the same rules for two tabs, memory mode
        and a refused write), as "done / not done on that day", so applying one twice changes nothing;
        a practice marked done is taken on, as by any tick.
        A later day, or an entry that cannot be read, is left out. One message for them all."""
        now, kept = today(), []
        for entry in ticks:
            if not (isinstance(entry, list) and len(entry) == 3 and isinstance(entry[0], str) and entry[0]
                    and isinstance(entry[1], str) and dates.is_date(entry[1])):
                continue
            pid, n, done = entry[0], dates.ordinal(entry[1]), bool(entry[2])
            if n > now:
                continue
            took_on = self.takes_on(pid, done)
            self.store.update(lambda doc, pid=pid, n=n, done=done, took_on=took_on:
                              self.record(doc, pid, n, done, took_on), self.keys(pid, took_on))
            kept.append((pid, n, done, took_on))
        if len(kept) == 1:
            pid, n, done, took_on = self.last_change = kept[0]
            self.messages.say(tracker_views.tick_message(self.practice(pid)["name"], n, now, done, took_on),
                              undo=True, change=True)
        elif kept:
            self.messages.say("Your %d ticks from while Attune was starting are recorded." % len(kept), change=True)

    def changes(self):
        """data-change → handler(control), for the app's change routing (App.on_change)."""
        return {"tick": self.on_tick,
                "focus": lambda box: self.set_focus(box.getAttribute("data-focus"), bool(box.checked), str(box.id)),
                "goal": lambda menu: self.set_goal(menu.getAttribute("data-goal"), int(menu.value))}

    def on_tick(self, box):
        """An article's box (today), or a day toggle of the tracker, whose data-day may be a past day: read
        here, once, into a day number (None: not a date), which is what tick() takes."""
        pid, day = box.getAttribute("data-practice"), box.getAttribute("data-day")
        if pid:
            n = today() if day is None else dates.ordinal(day) if dates.is_date(day) else None
            self.tick(pid, bool(box.checked), n)

    def actions(self):
        """data-action → handler(button), for the app's click routing (App.on_click)."""
        return {"undo": lambda button: self.undo(), "keep-data": lambda button: self.keep_data.ask()}

    def undo(self):
        if not self.last_change:
            return
        pid, day, done, took_on = self.last_change
        self.last_change = None

        def undo(doc):
            model.set_done(doc, pid, day, not done)
            if took_on:
                model.set_focus(doc, pid, None)
        self.store.update(undo, self.keys(pid, took_on))
        self.messages.say("Undone.", change=True)
        self.update_practice(pid, day)
        if took_on:
            self.focus_changed(pid)

    def set_focus(self, pid, on, control_id=""):
        """Take a practice on (on) or off, from its "Add to my practices" box in an article, in its row
        or in "All practices". Its history stays either way."""
        if on and pid not in self.app.names:
            self.sync_boxes(pid)   # no longer in the articles: nothing to take on (its history stays shown)
            return
        goal_box = document.getElementById("goal--" + pid)
        goal = int(goal_box.value) if goal_box else 0
        self.store.update(lambda doc: model.set_focus(doc, pid, goal if on else None), [layout.HEAD])
        self.last_change = None   # an Undo of an earlier tick would take back a choice made since
        name = self.practice(pid)["name"]
        self.messages.say(("“%s” is in your practices." if on else "“%s” is no longer in your practices; "
                           "its days are kept.") % name, change=True)
        self.focus_changed(pid, control_id == "focus--" + pid)

    def focus_changed(self, pid, from_row=False):
        """After a practice was taken on or off: its boxes everywhere at once; its row moves after the
        paint (move_rows) if #/practices is in view, else the tracker is prepared again. from_row: the
        change came from the row's own box, which keeps the keyboard focus as the row moves."""
        tracker_rows.sync_focus(self.store.doc, pid)
        if self.app.router.view != "practices":
            self.mark_stale()
            return
        self.finish_drawing()   # the row may move to a group not drawn yet
        if from_row:
            self.moved_from_row.add(pid)
        # The tap's frame shows the box the browser ticked; the row follows after it (move_rows).
        self.moving.add(pid)
        q("#tracker").setAttribute("aria-busy", "true")

    def move_rows(self, moving):
        """After the paint that showed a focus change (the box the browser ticked): the row's goal menu,
        counts and facts, and its move into or out of "Trying now", as it is (or drawn there, or
        taken away); if the change came from the row's own box, the page scrolls to it if it moved out
        of view. Done in the tap's task, with the row's open grid, that was 40 ms of a 65-75 ms task
        at 4× CPU (a moved subtree is styled and laid out anew), and the controls' update another
        12 ms of paint work. The grid is taken out first and drawn again a piece after each paint from
        the next one."""
        for pid in moving:
            grid = q('#tracker details[data-grid="%s"] .grid-wrap' % pid)
            if grid:
                grid.remove()
                self.grids_due.add(pid)
            tracker_rows.move_row(self.store.doc, self.app.catalogue, pid, today())
            self.update_practice(pid)   # its goal menu, counts and facts
            if pid not in self.moved_from_row:
                continue
            self.moved_from_row.discard(pid)
            # The moved box keeps the keyboard focus where the browser moves it as it is (moveBefore);
            # elsewhere (or where a tap does not focus a checkbox: Safari) it is focused. Then it is
            # shown, if out of view: the layout that needs is this task's, not the tap's. A row taken
            # away (no history left to show) sends the focus to "All practices", where it can come back.
            box_id = "focus--" + pid
            box = document.getElementById(box_id)
            if not box:
                refocus("all-practices-title")
                continue
            if document.activeElement.id != box_id:
                refocus(box_id, in_place=True)
            reveal(box)
        self.settle()

    def set_goal(self, pid, goal):
        self.store.update(lambda doc: model.set_focus(doc, pid, goal), [layout.HEAD])
        self.messages.show_notices()
        self.update_practice(pid)   # keeps the focus on the goal menu
