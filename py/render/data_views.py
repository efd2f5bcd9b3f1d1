"""What Attune says about keeping the reader's data, as HTML text: "Your data" (export, import,
erase), its dialogs, and the notice that stays while nothing is being saved."""
from markup import escape, plural, tag

NOT_SAVED = "Not saved: this browser is not keeping anything right now."


def unsaved_banner():
    """Stays on every view while nothing is being saved (storage turned off or full)."""
    return tag("div", tag("p", tag("strong", "Nothing is being saved right now.")
                          + " Ticks and notes last only until this page is closed. Export your data to keep a copy.")
               + tag("button", "Export a copy", type="button", data_action="export"),
               id="unsaved", class_="unsaved", role="status")


def data_panel(doc, store_backups, persistent, opened=False):
    """Export, import, erase: closed under "Your data" (a tap away), open when it matters now
    (nothing is being saved, or unreadable data was kept) or when the reader had it open."""
    has_data = bool(doc["checkins"] or doc["notes"] or doc["focus"])
    backups = "".join(
        tag("li", tag("button", "Download unreadable data kept on %s" % escape(key.split(":")[-1]),
                      type="button", data_action="download-backup", data_key=key))
        for key in store_backups)
    opened = opened or bool(store_backups) or not persistent
    summary = tag("summary", tag("h2", "Your data", id="data-title")
                  + tag("span", "Export, import, erase", class_="summary-hint"))
    return tag("section", tag("details",
               summary
               + tag("p", "Your data lives only in this browser on this device; export it to keep a copy."
                     + ("" if persistent else " <strong>Right now nothing is being saved.</strong>"),
                     class_="callout" + (" is-prominent" if has_data else ""))
               + tag("div", "", id="keep-data", class_="keep-data")  # py/keep_data.py fills it
               + tag("div",
                     tag("button", "Export data", type="button", data_action="export", class_="primary")
                     + tag("label", "Import data", for_="import-file", class_="button")
                     + '<input type="file" id="import-file" accept="application/json,.json" class="file">'
                     + tag("button", "Erase all data", type="button", data_action="erase", class_="danger"),
                     class_="actions")
               + tag("div", "", id="data-dialog")
               + (tag("ul", backups, class_="backups") if backups else ""),
               id="data-details", open=opened),
               class_="panel data-panel", aria_labelledby="data-title")


def import_dialog(changes, name):
    lines = [plural(changes["checkins"], "new check-in"), plural(changes["notes"], "new note"),
             plural(changes["focus"], "focus change")]
    extra = (" %s no longer in the articles and will be kept as archived." % plural(changes["archived"], "practice")
             if changes["archived"] else "")
    return (tag("p", escape("%s adds %s.%s Merging keeps everything you have now." % (name, ", ".join(lines), extra)))
            + tag("div", tag("button", "Merge into my data", type="button", data_action="import-merge",
                             class_="primary")
                  + tag("button", "Replace my data", type="button", data_action="import-replace")
                  + tag("button", "Cancel", type="button", data_action="dialog-cancel"), class_="actions"))


def erase_dialog():
    return (tag("p", "Erase every tick, note and goal from this browser? This cannot be undone. "
                     "Export first if you may want them back.")
            + tag("div", tag("button", "Erase everything", type="button", data_action="erase-confirm", class_="danger")
                  + tag("button", "Keep my data", type="button", data_action="dialog-cancel"), class_="actions"))
