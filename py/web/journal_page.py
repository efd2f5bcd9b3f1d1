"""Glue for the journal (#/journal): drawing it, opening it at a day, and adding, editing and
removing notes, each with Undo.

Every write goes through store.update() with the one key of the month it touches, so two tabs
keep each other's notes. A change redraws only its week (py/render/journal_views.py draws it); the
list is drawn again only when a week appears that was not on the page.
"""
from core import dates
from render import journal_views
from core import layout
from core import lock
from render import lock_views
from core import model
from web.dom import document, q, qa, refocus, today
from web.pacing import AfterPaint


class JournalPage:
    def __init__(self, app):
        self.app = app
        self.store = app.store
        self.messages = app.messages
        self.oldest = None        # ISO Monday of the oldest week on the page (None: no week)
        self.last_change = None   # (day, text removed, text added), for Undo
        self.pieces = []          # what show() still has to draw, a piece after each paint (draw_piece)
        self.draw_piece_later = AfterPaint(self.draw_piece)

    def showing(self):
        return self.app.router.view == "journal"

    # --- drawing -------------------------------------------------------------------------

    def body(self, opened=None, until=None):
        """(html, oldest, focus_id) of the journal: while locked, the passphrase and the form to write
        (the notes stay hidden); else the notes, with the lock's panel (set it up, or its tools)."""
        vault = self.app.vault
        if vault.is_locked():
            html = (lock_views.locked_panel(len(lock.noted_days(self.store.doc)))
                    + journal_views.add_panel(today(), None))
            return html, None, None
        html, oldest, focus_id = journal_views.journal(self.store.doc, today(), opened, until)
        return html + self.lock_panel(), oldest, focus_id

    def lock_panel(self):
        """The lock's panel below the notes: set it up, its tools, or why it is not offered."""
        vault = self.app.vault
        reason = vault.unavailable() if not vault.is_on() else ""
        return (lock_views.tools_panel() if vault.is_on() else lock_views.unavailable(reason) if reason
                else lock_views.setup_panel())

    def show(self, opened):
        """Draw the journal for #/journal[/<opened>]; returns the element to focus, or None.

        Opened plainly (no day, not locked) it comes in pieces, each in a task after a paint
        (draw_piece), top first: the form (the journal opens on writing), the picture of the weeks,
        then the weeks of notes and the lock's panel. In one go, at 4× CPU with a 5-year history, the tap's task was
        146 ms (its Python, and the style and layout that focusing the heading forces at once)."""
        if opened is None and not self.app.vault.is_locked():
            q("#journal-body").innerHTML = ""
            self.oldest = None
            self.pieces = [lambda: journal_views.add_panel(today(), None),
                           lambda: journal_views.overview(self.store.doc, today()), self.weeks_piece]
            self.draw_piece_later()
            return None
        self.pieces = []
        html, self.oldest, focus_id = self.body(opened)
        q("#journal-body").innerHTML = html
        if not focus_id:
            return None
        target = document.getElementById(focus_id)
        if focus_id.endswith("-title"):   # a day with notes: marked, so the eye finds it too
            target.parentElement.classList.add("is-opened")
        return target

    def draw_piece(self):
        """The next piece of show(), from the notes as they are now, and the one after it after the
        next paint; none once the journal was left or drawn again in full (render)."""
        if not self.showing() or q("#journal-weeks"):
            self.pieces = []
        if self.pieces:
            q("#journal-body").insertAdjacentHTML("beforeend", self.pieces.pop(0)())
            if self.pieces:
                self.draw_piece_later()

    def weeks_piece(self):
        """The last piece: the weeks of notes, newest first, and the lock's panel."""
        listing, self.oldest = journal_views.notes_list(self.store.doc["notes"])
        return listing + self.lock_panel()

    def render(self):
        """After the store changed under the page (another tab, an import): everything again, as many
        weeks as were shown. What the reader is typing, in the form or in a note being edited, stays."""
        if not self.showing():
            return
        focused = document.activeElement.id if q("#journal-body").contains(document.activeElement) else None
        typed = [(box_id, str(document.getElementById(box_id).value)) for box_id in ("journal-day", "journal-note")
                 if document.getElementById(box_id)]
        editing = self.editing()
        html, self.oldest, _ = self.body(until=self.oldest)
        q("#journal-body").innerHTML = html
        for box_id, value in typed:
            document.getElementById(box_id).value = value
        self.reopen_edit(editing)
        refocus(focused)

    def editing(self):
        """(day, note, what is typed) of the note being edited, or None."""
        item = q("#journal-body li.is-editing")
        if not item:
            return None
        return item.getAttribute("data-day"), item.getAttribute("data-note"), str(q("#journal-edit").value)

    def reopen_edit(self, editing):
        """After a redraw: the editor that was open, open again with what was typed (if its note is still
        there and no editor is open now), so a change elsewhere never throws away words being written."""
        if not editing or q("#journal-body li.is-editing"):
            return
        day, text, typed = editing
        for item in qa("#journal-body li.journal-note"):
            if item.getAttribute("data-day") == day and item.getAttribute("data-note") == text:
                item.outerHTML = journal_views.edit_item(day, text)
                q("#journal-edit").value = typed
                return

    def redraw_list(self, until):
        """The list of weeks again, down to the week of `until` (ISO day, or None)."""
        weeks = q("#journal-weeks")
        if not weeks:   # the journal was never drawn: it is drawn in full when opened
            return
        listing, self.oldest = journal_views.notes_list(self.store.doc["notes"], until=until)
        weeks.remove()
        q("#journal-more").outerHTML = listing

    def redraw_week(self, day):
        """The week of `day` after a change: redrawn, removed when empty, or added in its place."""
        editing = self.editing()
        monday = journal_views.monday_of(day)
        html = journal_views.week_html(self.store.doc["notes"], monday)
        existing = document.getElementById(journal_views.week_id(monday))
        if existing and html:
            existing.outerHTML = html
        elif existing:
            existing.remove()
            if not q("#journal-weeks .journal-week"):
                self.redraw_list(None)   # the last note went: the empty state
        elif html:
            oldest = self.oldest if self.oldest and self.oldest < day else day
            self.redraw_list(oldest)
        self.reopen_edit(editing)

    def show_more(self):
        """Draw the next weeks below the last one and move focus to the first of them."""
        html, oldest, more = journal_views.journal_weeks(self.store.doc["notes"], journal_views.PAGE_WEEKS,
                                                         before=self.oldest)
        first = None
        if oldest:
            first = q("#journal-weeks").lastElementChild
            q("#journal-weeks").insertAdjacentHTML("beforeend", html)
            first = first.nextElementSibling if first else q("#journal-weeks").firstElementChild
            self.oldest = oldest
        q("#journal-more").outerHTML = journal_views.more_button(more)
        if first:
            first.querySelector("h2").focus()

    # --- changes -------------------------------------------------------------------------

    def change(self, day, old, new, then=None):
        """Replace note `old` of `day` by `new` (either None: only add, or only remove): one write.
        With the lock on, the month is sealed again (py/web/vault.py), then `then()` runs."""
        self.app.vault.reread()
        if self.app.vault.is_on():
            self.app.vault.run(self.change_locked(day, old, new, then))
            return
        self.change_plain(day, old, new)
        if then:
            then()

    async def change_locked(self, day, old, new, then):
        if not await self.app.vault.edit_note(day, old, new):
            self.say_error("The note could not be saved (another tab kept changing this month). What you wrote is "
                           "still here: try again.")
            return
        self.after_change(day, old, new)
        if then:
            then()

    def say_error(self, text):
        self.messages.say(text, kind="error")

    def change_plain(self, day, old, new):
        def edit(doc):
            if old is not None:
                model.remove_note(doc, day, old)
            if new is not None:
                model.add_note(doc, day, new)
        self.store.update(edit, [layout.notes_key(day)])
        self.after_change(day, old, new)

    def after_change(self, day, old, new):
        self.app.tracker.redraw_notes(day)   # the tracker, drawn while hidden, shows today's notes and noted days
        self.last_change = (day, old, new)
        self.redraw_week(day)

    def add(self):
        day_box, text_box = q("#journal-day"), q("#journal-note")
        day, problem = journal_views.check_day(str(day_box.value), today())
        text = model.note_text(str(text_box.value))   # as the model keeps it
        if problem is None and not text:
            problem = "Write a few words first, then save."
        if problem:
            # What the reader wrote stays in the box: only the message changes.
            q("#journal-add-error").innerHTML = journal_views.error(problem)
            (text_box if day and not text else day_box).focus()
            return
        q("#journal-add-error").innerHTML = ""
        self.app.vault.reread()
        if self.app.vault.is_locked():
            # Locked: the passphrase is asked for in place; what was typed stays in the box until saved.
            self.app.vault.unlock_then(q("#lock-pass"), "lock", lambda: self.add())
            return

        def saved():
            text_box = q("#journal-note")
            if text_box and model.note_text(str(text_box.value)) == text:
                text_box.value = ""
            self.say("Note saved for %s." % dates.long_name(dates.ordinal(day)))
        self.change(day, None, text, saved)

    def remove(self, item):
        day, text = item.getAttribute("data-day"), item.getAttribute("data-note")
        # Where focus goes if the day, or its whole week, goes with the note: the week next to it,
        # so the reader stays where they were in the list rather than at the top of the page.
        week = item.closest("section.journal-week")
        nearby = [w.id + "-title" for w in (week.nextElementSibling, week.previousElementSibling)
                  if w and w.classList.contains("journal-week")] if week else []
        self.change(day, text, None, lambda: (self.say("Note removed."), self.focus_day(day, nearby)))

    def start_edit(self, item):
        self.cancel_edit()   # one note is edited at a time
        item.outerHTML = journal_views.edit_item(item.getAttribute("data-day"), item.getAttribute("data-note"))
        box = q("#journal-edit")
        box.focus()
        end = len(str(box.value))
        box.setSelectionRange(end, end)   # the caret after the text, ready to add to it

    def cancel_edit(self):
        editing = q("#journal-body li.is-editing")
        if editing:
            day, text = editing.getAttribute("data-day"), editing.getAttribute("data-note")
            editing.outerHTML = journal_views.note_item(day, text, dates.long_name(dates.ordinal(day)))
            self.focus_note(day, text)

    def save_edit(self, item):
        day, old = item.getAttribute("data-day"), item.getAttribute("data-note")
        new = model.note_text(str(q("#journal-edit").value))
        if not new:
            q("#journal-edit-error").innerHTML = journal_views.error(
                "Write a few words, or use Remove to delete the note. Nothing was changed.")
            q("#journal-edit").focus()
            return
        if new == old:
            self.cancel_edit()
            return
        self.change(day, old, new, lambda: (self.say("Note changed."), self.focus_note(day, new)))

    def undo(self):
        if not self.last_change:
            return
        day, old, new = self.last_change

        def undone():
            self.last_change = None
            self.messages.say("Undone.", change=True)
            if old is not None:
                self.focus_note(day, old)
        self.change(day, new, old, undone)

    def say(self, text):
        self.messages.say(text, undo="journal-undo", change=True)

    def focus_note(self, day, text):
        """Focus the Edit button of a note (after editing it), or its day."""
        for item in qa("#journal-body li.journal-note"):
            if item.getAttribute("data-day") == day and item.getAttribute("data-note") == text:
                button = item.querySelector('[data-action="journal-edit"]')
                if button:
                    button.focus()
                    return
        self.focus_day(day)

    def focus_day(self, day, nearby=()):
        """Focus the day's heading, or its week's once the day has no notes left, or a week `nearby`
        (ids of week headings), or the journal's heading."""
        week_title = journal_views.week_id(journal_views.monday_of(day)) + "-title"
        for element_id in [journal_views.day_id(day) + "-title", week_title] + list(nearby) + ["journal-title"]:
            element = document.getElementById(element_id)
            if element:
                element.focus()
                return

    # --- events ----------------------------------------------------------------------------

    def actions(self):
        """data-action → handler(button), for the app's click routing (App.on_click)."""
        def on_note(method):   # a note's own buttons act on its <li>
            return lambda button: self._on_note(button, method)
        return {"journal-add": lambda button: self.add(), "journal-more": lambda button: self.show_more(),
                "journal-undo": lambda button: self.undo(), "journal-cancel-edit": lambda button: self.cancel_edit(),
                "journal-edit": on_note(self.start_edit), "journal-remove": on_note(self.remove),
                "journal-save-edit": on_note(self.save_edit)}

    def _on_note(self, button, method):
        item = button.closest("li.journal-note")
        if item:
            method(item)
