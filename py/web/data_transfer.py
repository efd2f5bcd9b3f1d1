"""The reader's data from a file and away: import (a preview, then merge or replace), erase, and
downloading the backups of data that could not be read. Saving a copy is py/web/keeping.py's."""
from pyscript.ffi import create_proxy

import data_views
import model
from dom import download, q
from markup import escape, tag


class DataTransfer:
    def __init__(self, app):
        self.app = app
        self.store = app.store
        self.messages = app.messages
        self.pending = None   # (document, file name): an import awaiting the reader's choice

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
            incoming = model.parse_import(text)
        except model.DataError as error:
            self.pending = None
            self.dialog(tag("p", escape("“%s” cannot be imported: %s. Nothing was changed." % (name, error)),
                            class_="error", role="alert"))
            return
        self.pending = (incoming, name)
        changes = model.import_changes(self.store.doc, incoming, self.app.names)
        self.dialog(data_views.import_dialog(changes, "“%s”" % name))

    def finish_import(self, mode):
        if not self.pending:
            return
        incoming, name = self.pending
        self.pending = None
        if mode == "merge":
            self.store.merge_in(incoming)
        else:
            self.store.replace(incoming)
        self.app.refresh()  # settings too: an imported file may carry another theme or text size
        self.messages.say("Imported “%s”." % name, change=True)

    def erase(self):
        self.store.erase()
        self.app.refresh()
        self.messages.say("All Attune data was erased from this browser.")
        self.messages.show_notices()

    def download_backup(self, key):
        text = self.store.backup_text(key)
        if text is not None:
            download(text, "attune-unreadable-data.json")
