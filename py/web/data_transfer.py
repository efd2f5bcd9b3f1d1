"""The reader's data from a file and away: import (a preview, then merge or replace), erase, and
downloading the backups of data that could not be read. Saving a copy is py/web/keeping.py's."""
import asyncio

from pyscript.ffi import create_proxy

from render import data_views
from core import lock
from core import model
from web.vault import LockError
from web.dom import download, q
from render.markup import escape, tag


class DataTransfer:
    def __init__(self, app):
        self.app = app
        self.store = app.store
        self.messages = app.messages
        # (document, file name, lock record, sealed months): an import awaiting the reader's choice
        self.pending = None
        self.busy = False     # an import through the journal lock is under way

    def changes(self):
        """data-change → handler(control), for the app's change routing (App.on_change)."""
        return {"import": self.read_import}

    def actions(self):
        """data-action → handler(button), for the app's click routing (App.on_click)."""
        return {"erase": lambda button: self.dialog(data_views.erase_dialog()),
                "erase-confirm": lambda button: self.erase(), "dialog-cancel": lambda button: self.cancel(),
                "import-merge": lambda button: self.finish_import("merge"),
                "import-replace": lambda button: self.finish_import("replace"),
                "download-backup": lambda button: self.download_backup(button.getAttribute("data-key"))}

    def dialog(self, html):
        box = q("#data-dialog")
        box.innerHTML = html
        button = box.querySelector("button")
        if button:
            button.focus()

    def cancel(self):
        self.pending = None
        q("#data-dialog").innerHTML = ""

    def read_import(self, input_element):
        files = input_element.files
        if not files or files.length == 0:
            return
        chosen = files.item(0)
        input_element.value = ""
        name = str(chosen.name)
        if chosen.size > model.MAX_IMPORT_BYTES:
            self.dialog(tag("p", escape("“%s” is larger than 1 MB, far more than Attune ever exports. "
                                        "Nothing was changed." % name), class_="error"))
            return
        chosen.text().then(create_proxy(lambda text: self.check_import(str(text), name)))

    def check_import(self, text, name):
        try:
            incoming, record, sealed = model.parse_export(text)
        except model.DataError as error:
            self.pending = None
            self.dialog(tag("p", escape("“%s” cannot be imported: %s. Nothing was changed." % (name, error)),
                            class_="error", role="alert"))
            return
        vault = self.app.vault
        why = vault.unavailable() if (record or vault.is_on()) else ""
        if why:
            self.pending = None
            self.dialog(tag("p", escape("“%s” cannot be imported here: %s Nothing was changed." % (
                name, why if record else "your notes are locked, and " + why[0].lower() + why[1:])),
                class_="error", role="alert"))
            return
        self.pending = (incoming, name, record, sealed)
        changes = model.import_changes(self.store.doc, incoming, self.app.names)
        locked_days = len(lock.noted_days({"notes": {}, "sealed": sealed})) if record else None
        self.dialog(data_views.import_dialog(changes, "“%s”" % name, locked_days, vault.is_locked()))

    def finish_import(self, mode):
        if not self.pending or self.busy:
            return
        incoming, name, record, sealed = self.pending
        if record or self.app.vault.is_on():
            self.busy = True
            asyncio.create_task(self.finish_locked(mode))
            return
        self.pending = None
        if mode == "merge":
            self.store.merge_in(incoming)
        else:
            self.store.replace(incoming)
        self.imported(name)

    def imported(self, name):
        self.app.refresh()  # settings too: an imported file may carry another theme or text size
        self.messages.say("Imported “%s”." % name, change=True)

    def import_error(self, text, box_id=None):
        box = q("#import-error")
        if box:
            box.innerHTML = tag("p", escape(text), class_="error")
        field = q("#" + box_id) if box_id else None
        if field:   # what was typed stays, selected: typing again replaces it (issue 37)
            field.setAttribute("aria-invalid", "true")
            field.focus()
            field.select()

    async def finish_locked(self, mode):
        """An import where a lock is involved (this journal's, the file's, or both): the passphrases are
        checked first (a wrong one changes nothing), then the notes go through the vault, sealed."""
        try:
            await self.import_locked(mode)
        except (LockError, model.DataError) as error:
            self.import_error("This copy's notes could not be imported (%s). Nothing was changed." % error)
        finally:
            self.busy = False

    async def import_locked(self, mode):
        incoming, name, record, sealed = self.pending
        vault = self.app.vault
        if vault.is_locked():
            passphrase = str(q("#import-lock-pass").value) if q("#import-lock-pass") else ""
            if not passphrase:
                self.import_error("Your journal is locked: type its passphrase first. Nothing was changed.",
                                  "import-lock-pass")
                return
            problem = await vault.unlock(passphrase)
            if problem:
                self.import_error(problem, "import-lock-pass")
                return
        adopt = None
        if record:
            passphrase = str(q("#import-file-pass").value) if q("#import-file-pass") else ""
            if not passphrase:
                self.import_error("Type the passphrase this copy was protected with. Nothing was changed.",
                                  "import-file-pass")
                return
            keys = await vault.keys_for(passphrase, record)
            if keys is None:
                self.import_error("That passphrase does not open this copy's notes. Nothing was changed; try again.",
                                  "import-file-pass")
                return
            notes = await vault.open_file(sealed, keys)   # every month decrypted before anything is written
            incoming = model.copy(incoming)
            incoming.pop("lock", None)
            incoming.pop("sealed", None)
            incoming["notes"] = model.union_lists(incoming["notes"], notes)
            if not vault.is_on():
                adopt = vault.adoptable(record)
                adopt_key = keys[record["id"]]
        if adopt is None and vault.is_locked():
            self.import_error("Your journal locked again meanwhile. Nothing was changed; try again.")
            return
        self.pending = None
        if adopt is not None:
            await vault.import_plain(incoming, mode, adopt, adopt_key)
        else:
            await vault.import_plain(incoming, mode)
        q("#data-dialog").innerHTML = ""
        self.imported(name)
        if adopt is not None:
            self.messages.say("Imported “%s”. Its notes are encrypted with the passphrase it was saved with." % name,
                              change=True)

    def erase(self):
        self.store.erase()
        self.app.refresh()
        self.messages.say("All Attune data was erased from this browser.")
        self.messages.show_notices()

    def download_backup(self, key):
        text = self.store.backup_text(key)
        if text is not None:
            download(text, "attune-unreadable-data.json")
