"""What Attune says about keeping the reader's data, as HTML text: "Your data" (a copy saved and
brought back, erase), its dialogs, the reminder and notes about keeping a copy, and the notice that
stays while nothing is being saved."""
from core import copies
from core import dates
from render.markup import escape, plural, tag

NOT_SAVED = "Not saved: this browser is not keeping anything right now."


LOCKED_COPIES = ("Your notes are protected by a passphrase: Save a copy keeps them encrypted (restoring it asks "
                 "for your passphrase). "
                 "Save a readable copy holds them as plain text that anyone with the file can read; it needs "
                 "your notes unlocked.")


def unsaved_banner():
    """Stays on every view while nothing is being saved (storage turned off or full)."""
    return tag("div", tag("p", tag("strong", "Nothing is being saved right now.")
                          + " Ticks and notes last only until this page is closed. Export your data to keep a copy.")
               + tag("button", "Export a copy", type="button", data_action="export"),
               id="unsaved", class_="unsaved", role="status")


def backup_when(key, utc_offset=0):
    """When a backup of unreadable data was made, as a reader reads it ("8 December 2026 at 14:05"), from its
    key: store.BACKUP_PREFIX, the clock in ms (UTC), and a "-" for each other backup of that millisecond.
    utc_offset: minutes ahead of UTC on this device now. The key as it is if it holds no time."""
    stamp = key.split(":")[-1].rstrip("-")
    if not dates.is_digits(stamp):
        return key
    return dates.clock_name(int(stamp) + utc_offset * 60000)


def data_panel(doc, store_backups, persistent, today, opened=False, utc_offset=0):
    """"Your data": where the data lives, the last copy, Save a copy and Restore a copy, with "Keep my
    data safe" and the install offers beside them (py/web/keep_data.py and py/web/keeping.py fill
    their boxes); Erase all data and the backups of unreadable data last.

    Open as soon as there is anything to keep (or nothing is being saved, or unreadable data was
    kept), so everything about keeping data is in view without opening anything; closed on a fresh
    profile, where "Bring it back" at the top of the view is the way in. opened: the reader had it
    open (a redraw keeps it so)."""
    backups = "".join(
        tag("li", tag("button", "Download unreadable data kept on %s" % escape(backup_when(key, utc_offset)),
                      type="button", data_action="download-backup", data_key=key))
        for key in store_backups)
    has_data = copies.has_entries(doc)
    opened = opened or has_data or not persistent or bool(store_backups)
    summary = tag("summary", tag("h2", "Your data", id="data-title")
                  + tag("span", "Copies, restore, erase", class_="summary-hint"))
    return tag("section", tag("details",
               summary
               + tag("p", "It lives only in this browser. A copy saved as a file outlasts a browser that forgets "
                     "and moves it to a new phone."
                     + ("" if persistent else " <strong>Right now nothing is being saved.</strong>"),
                     class_="callout" + (" is-prominent" if has_data else ""))
               + tag("p", escape(copies.last_copy_text(doc, today)), id="copy-status", class_="copy-status")
               + tag("div",
                     tag("button", "Save a copy", type="button", data_action="export", class_="primary")
                     + (tag("button", "Save a readable copy", type="button", data_action="export-readable")
                        if doc.get("lock") else "")
                     + tag("button", "Restore a copy", type="button", data_action="bring-back")
                     + '<input type="file" id="import-file" data-change="import" accept="application/json,.json" '
                       'class="file" '
                       'aria-label="Restore a copy: choose the file" tabindex="-1">',
                     class_="actions")
               + (tag("p", escape(LOCKED_COPIES), class_="note", id="copy-kinds") if doc.get("lock") else "")
               + tag("div", "", id="data-dialog")
               + tag("div", "", id="keep-data", class_="keep-data")    # py/web/keep_data.py fills it
               + tag("div", "", id="keep-offers", class_="keep-data")  # py/web/keeping.py fills it
               + tag("div", tag("button", "Erase all data", type="button", data_action="erase", class_="danger"),
                     class_="actions erase")
               + (tag("ul", backups, class_="backups") if backups else ""),
               id="data-details", open=opened),
               class_="panel data-panel", aria_labelledby="data-title")


def copy_reminder(doc, today):
    """The reminder at the top of #/practices: one line, Save a copy and Not now."""
    copied = copies.last_copy(doc, today)
    text = ("Your history is only in this browser. Save a copy so it survives a new phone or a browser that forgets."
            if copied is None else
            "Your last copy is %d days old. Save a new one so it holds what you added since." % (today - copied))
    return tag("div", tag("p", escape(text))
               + tag("div", tag("button", "Save a copy", type="button", data_action="export", class_="primary")
                     + tag("button", "Not now", type="button", data_action="copy-not-now"), class_="actions"),
               class_="keep-note", role="region", aria_label="Save a copy")


SAFARI_NOTE = ("Safari may clear what Attune keeps if Attune is not opened for about a week. Two things keep "
               "your history safe: add Attune to your Home Screen (tap Share, then Add to Home Screen, and open "
               "it from there), and save a copy now and then.")


def safari_note():
    """The note on Safari (iPhone, iPad) forgetting a site's data, with Save a copy and a way to put it away."""
    return tag("div", tag("p", escape(SAFARI_NOTE))
               + tag("div", tag("button", "Save a copy", type="button", data_action="export", class_="primary")
                     + tag("button", "Got it", type="button", data_action="safari-note-done"), class_="actions"),
               class_="keep-note", role="region", aria_label="Keeping your data on this iPhone or iPad")


def bring_back():
    """Near the top of an empty tracker: the way back after a wipe or on a new phone."""
    return tag("p", "Have a saved copy? "
               + tag("button", "Bring it back", type="button", data_action="bring-back", class_="link"),
               class_="bring-back")


def keep_offers(installable, safari):
    """What "Your data" offers besides a copy: Install Attune (where the browser offers it), and on
    Safari the note on keeping data, shown again."""
    parts = ""
    if installable:
        parts += tag("button", "Install Attune", type="button", data_action="install") + tag(
            "p", "Installed, Attune opens like an app, also offline.", class_="note")
    if safari:
        parts += tag("button", "Keeping Attune on this iPhone or iPad", type="button", data_action="safari-note-show")
    return parts


def import_dialog(changes, name, locked_days=None, journal_locked=False):
    """The import's preview and choice. locked_days (a locked copy: how many days hold its locked notes)
    asks for that copy's passphrase; journal_locked asks for this journal's own (its notes stay locked)."""
    lines = [plural(changes["checkins"], "new check-in"), plural(changes["notes"], "new note"),
             plural(changes["focus"], "focus change")]
    extra = (" %s no longer in the articles and will be kept as archived." % plural(changes["archived"], "practice")
             if changes["archived"] else "")
    fields = ""
    if locked_days is not None:
        fields += (tag("p", escape("Its notes are encrypted (%s with notes). Type the passphrase this copy was "
                                   "protected with; they stay encrypted here." % plural(locked_days, "day")),
                       class_="note")
                   + pass_field("This copy's passphrase", "import-file-pass"))
    if journal_locked:
        fields += (tag("p", escape("Your journal is locked: its notes and the imported ones are kept encrypted "
                                   "with your passphrase."), class_="note")
                   + pass_field("Your journal's passphrase", "import-lock-pass"))
    if fields:
        fields += tag("div", "", id="import-error", class_="journal-error", role="alert")
    # With a passphrase to type, the dialog is a form whose Enter merges (the choice that keeps everything).
    merge = tag("button", "Merge into my data", type="submit" if fields else "button", data_action="import-merge",
                class_="primary")
    body = (tag("p", escape("%s adds %s.%s Merging keeps everything you have now." % (name, ", ".join(lines), extra)))
            + fields
            + tag("div", merge
                  + tag("button", "Replace my data", type="button", data_action="import-replace")
                  + tag("button", "Cancel", type="button", data_action="dialog-cancel"), class_="actions"))
    return tag("form", body, data_form="import", novalidate=True) if fields else body


def pass_field(label, box_id):
    return tag("label", escape(label), for_=box_id, class_="journal-label") + (
        '<input type="password" id="%s" autocomplete="current-password" spellcheck="false">' % box_id)


def erase_dialog():
    return (tag("p", "Erase every tick, note and goal from this browser? This cannot be undone. "
                     "Export first if you may want them back.")
            + tag("div", tag("button", "Erase everything", type="button", data_action="erase-confirm", class_="danger")
                  + tag("button", "Keep my data", type="button", data_action="dialog-cancel"), class_="actions"))
