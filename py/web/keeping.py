"""Keeping the reader's history past this browser: a copy saved (shared or downloaded) and recorded,
the reminder and Safari's note at the top of #/practices, the way back into an empty tracker, and
"Your data"'s offers (Install Attune, Safari's note again).

When to remind is py/core/copies.py's rule; the texts are py/render/data_views.py's. Nothing here
appears over an article: #keep-copy is on #/practices only, drawn when it is opened.
"""
import js
from pyscript.ffi import create_proxy

from core import copies
from render import data_views
from core import layout
from core import model
from web.browser_api import file_share, installed_app, install_prompt, safari_in_a_tab
from web.dom import download, now_ms, q, refocus, today


class Keeping:
    def __init__(self, app):
        self.app = app
        self.store = app.store
        self.messages = app.messages
        self.safari_tab = safari_in_a_tab()   # Safari on iPhone or iPad, not opened from the Home Screen
        self.installed = installed_app()      # opened as an installed app: no install offers, no Safari note
        self.safari_asked = False             # the reader asked to see Safari's note again
        self.unshared = None                  # (text, name, (day, clock)) of a copy the share sheet refused
        # boot.js keeps the browser's install offer (beforeinstallprompt comes early) and says when it came.
        js.document.addEventListener("attune-installable", create_proxy(lambda event: self.show_offers()))

    def actions(self):
        """data-action → handler(button), for the app's click routing (App.on_click)."""
        return {"export": lambda button: self.save_copy(),
                "export-readable": lambda button: self.save_copy(readable=True),
                "copy-download": lambda button: self.download_unshared(),
                "copy-not-now": lambda button: self.not_now(), "bring-back": lambda button: self.bring_back(),
                "safari-note-done": lambda button: self.safari_note_done(),
                "safari-note-show": lambda button: self.show_safari_note(), "install": lambda button: self.install()}

    # --- what #/practices shows ------------------------------------------------------------

    def show(self):
        """#keep-copy from the store: at most one note, the most useful first (Safari's, the reminder,
        the way back), and "Your data"'s last copy and offers. Nothing is offered for keeping while
        nothing is kept (storage off or full: the standing notice says so and offers a copy)."""
        box = q("#keep-copy")
        if box is None:
            return
        doc, day = self.store.doc, today()
        kept = self.store.persistent
        if kept and self.wants_safari_note(doc):
            box.innerHTML = data_views.safari_note()
        elif kept and copies.reminder_due(doc, day):
            box.innerHTML = data_views.copy_reminder(doc, day)
        elif not copies.has_entries(doc):
            box.innerHTML = data_views.bring_back()
        else:
            box.innerHTML = ""
        self.show_offers()

    def wants_safari_note(self, doc):
        return (self.safari_tab and not self.installed and copies.has_entries(doc)
                and (self.safari_asked or doc["settings"].get("safari_note") != 1))

    def show_offers(self):
        """"Your data": the last copy's line, and Install Attune / Safari's note where they apply."""
        status = q("#copy-status")
        if status is not None:
            status.textContent = copies.last_copy_text(self.store.doc, today())
        box = q("#keep-offers")
        if box is not None:
            box.innerHTML = data_views.keep_offers(install_prompt() is not None and not self.installed,
                                                   self.safari_tab and not self.installed)

    # --- a copy ------------------------------------------------------------------------------

    def save_copy(self, readable=False):
        """The reader's copy as a file: the share sheet where the browser can share files (Safari on
        iPhone and iPad, Chrome on Android: it can go to Files, Drive, mail or AirDrop), else a download.
        The copy carries its own day; the store records it only once the copy is made (a share the
        reader cancels is not a copy)."""
        copy = (today(), now_ms())   # the day and clock the copy records, in the file and then in the store
        doc = model.copy(self.store.doc)
        kind = ""
        if readable:
            vault = self.app.vault
            sealed = doc.get("sealed") or {}
            if vault.is_locked() or any(vault.opened.get(m) != sealed[m]["iv"] for m in sealed):
                self.messages.say("Unlock your notes first (on the Journal page) to save a readable copy. "
                                  "Nothing was saved.", kind="error")
                return
            doc.pop("lock", None)
            doc.pop("sealed", None)   # every note as plain text, as this tab has decrypted it
            kind = " Its notes are readable by anyone who opens the file."
        elif doc.get("lock"):
            kind = " Its notes are encrypted: restoring it asks for your passphrase."
        for day in [d for d in doc["notes"] if d[:7] in doc.get("sealed", {})]:
            del doc["notes"][day]   # a locked month's notes, decrypted while unlocked, stay encrypted in the copy
        copies.record_copy(doc, copy[0], copy[1])
        text, name = model.dumps(doc), copies.file_name(copy[0])
        shared = file_share(text, name)
        if shared is None:
            download(text, name)
            self.copy_saved(copy, "The copy was downloaded as %s. Keep it somewhere other than this browser: "
                                  "another device, a cloud folder or your email.%s" % (name, kind))
            return
        # share() resolves with undefined, which reaches Python as no argument at all: hence *_.
        js.navigator.share(shared).then(
            create_proxy(lambda *_: self.copy_saved(copy, "Copy saved: %s. Keep it somewhere safe.%s" % (name, kind))),
            create_proxy(lambda error: self.share_refused(error, text, name, copy)))

    def copy_saved(self, copy, said):
        self.unshared = None
        self.store.update(lambda doc: copies.record_copy(doc, copy[0], copy[1]), [layout.HEAD])
        self.messages.say(said, change=True)
        self.show()

    def share_refused(self, error, text, name, copy):
        """The share sheet was closed (AbortError: the reader's choice, nothing to say) or refused the file."""
        kind = str(getattr(error, "name", "Error"))
        if kind == "AbortError":
            return
        self.unshared = (text, name, copy)
        self.messages.say("The copy could not be shared here (%s). You can download it instead." % kind,
                          kind="error", offer=("Download the copy", "copy-download"))

    def download_unshared(self):
        if self.unshared is None:
            return
        text, name, copy = self.unshared
        download(text, name)
        self.copy_saved(copy, "The copy was downloaded as %s. Keep it somewhere safe." % name)

    # --- the reader's answers ------------------------------------------------------------------

    def bring_back(self):
        """The file chooser for a saved copy; "Your data" opens, where its preview (merge or replace) appears."""
        details = q("#data-details")
        if details is not None:
            details.open = True
        q("#import-file").click()

    def not_now(self):
        self.store.update(lambda doc: copies.not_now(doc, today(), now_ms()), [layout.HEAD])
        self.show()
        refocus("practices-title")

    def safari_note_done(self):
        self.safari_asked = False
        self.store.update(lambda doc: model.set_setting(doc, "safari_note", 1, now_ms()), [layout.HEAD])
        self.show()
        refocus("practices-title")

    def show_safari_note(self):
        self.safari_asked = True
        self.show()
        note = q("#keep-copy .keep-note")
        if note is not None:
            note.scrollIntoView()
            note.querySelector("button").focus()

    def install(self):
        prompt = install_prompt()
        if prompt is None:
            return
        js.window.attuneInstall = None   # an install offer can be used once
        prompt.prompt()
        self.show_offers()
