"""The journal lock, as HTML text: setting it up, unlocking, and its tools while unlocked.

Pure, like every module in py/render/. What is said before a lock is set comes from the issue's
promise to readers: a forgotten passphrase cannot be recovered by anyone; only notes are encrypted;
keep a copy somewhere safe.

Words (issue 37): notes stored encrypted are "protected by a passphrase"; "locked" and "unlocked" say only
whether they are open on this page, so no text calls the same notes locked and unlocked at once.
Each group of fields ending in one action is a <form> (py/web/app.py, App.on_submit): Enter submits it,
and password managers find the passphrase (autocomplete current-password or new-password).
"""
from render.markup import escape, tag

SETUP_WARNING = ("If you forget the passphrase, your notes cannot be recovered by anyone, "
                 "not even by Attune. Ticks and focus stay readable: only notes are encrypted. Keep a copy "
                 "(Save a copy, on the Practices page) somewhere safe.")
VISIBLE = "Which days have notes stays visible; what they say does not."


def field(label, box_id, autocomplete, describedby=None):
    extra = ' aria-describedby="%s"' % describedby if describedby else ""
    return tag("label", escape(label), for_=box_id, class_="journal-label") + (
        '<input type="password" id="%s" autocomplete="%s" spellcheck="false"%s>' % (box_id, autocomplete, extra))


def form(content, name):
    """A group of fields that ends in one action (its one submit button): Enter sends it, as the button does.
    novalidate: the app's own checks speak, in its words, under the fields."""
    return tag("form", content, class_="lock-form", data_form=name, novalidate=True)


def submit(label, action, **attrs):
    return tag("button", label, type="submit", data_action=action, class_="primary", **attrs)


def unavailable(reason):
    """One line where a lock cannot work (no Web Crypto, storage off)."""
    return tag("p", escape(reason), class_="note lock-unavailable", id="lock-unavailable")


def setup_panel(opened=False):
    """Turn the lock on: the warning first, the passphrase twice, a plain-words hint."""
    body = (tag("p", escape(SETUP_WARNING), class_="callout lock-warning")
            + tag("p", escape(VISIBLE + " The lock asks for the passphrase after a reload, after 5 minutes "
                              "away from the page, and when you choose Lock now."), class_="note")
            + form(field("Passphrase", "lock-new", "new-password", "lock-hint")
                   + tag("p", "A few ordinary words in a row are strong and easy to remember.", class_="note",
                         id="lock-hint", aria_live="polite")
                   + field("The same passphrase again", "lock-again", "new-password")
                   + tag("div", "", id="lock-error", class_="journal-error", role="alert")
                   + tag("div", submit("Set the lock", "lock-on"), class_="actions"), "lock-on"))
    return tag("details", tag("summary", tag("h2", "A lock for the journal", id="lock-title")
                              + tag("span", "Notes encrypted with a passphrase only you know",
                                    class_="summary-hint")) + body,
               class_="panel lock-panel", id="lock-panel", open=opened)


def unlock_form(prefix, lead):
    """The passphrase field and Unlock button, their ids starting with prefix ("lock": the journal's)."""
    return form(tag("p", escape(lead), class_="note")
                + field("Passphrase", prefix + "-pass", "current-password")
                + tag("div", "", id=prefix + "-error", class_="journal-error", role="alert")
                + tag("div", submit("Unlock", "lock-unlock", data_field=prefix), class_="actions"), "lock-unlock")


def locked_panel(days):
    """The journal while locked: how many days have notes, and the passphrase."""
    count = "%d day%s with notes" % (days, "" if days == 1 else "s") if days else "No notes yet"
    return tag("section", tag("h2", "Your notes are locked", id="lock-title", tabindex="-1")
               + unlock_form("lock", "%s. %s Type your passphrase to read and write notes." % (count, VISIBLE)),
               class_="panel lock-panel is-locked", id="lock-panel", aria_labelledby="lock-title")


def tools_panel():
    """While unlocked: Lock now, and changing or removing the lock (each needs the current passphrase)."""
    # Enter changes the passphrase (the form's one submit button); removing the lock is a button of its own.
    change = form(field("Current passphrase", "lock-current", "current-password")
                  + field("New passphrase", "lock-new", "new-password", "lock-hint")
                  + tag("p", "", class_="note", id="lock-hint", aria_live="polite")
                  + field("The new passphrase again", "lock-again", "new-password")
                  + tag("div", "", id="lock-error", class_="journal-error", role="alert")
                  + tag("div", submit("Change passphrase", "lock-change")
                        + tag("button", "Remove the lock", type="button", data_action="lock-remove"), class_="actions")
                  + tag("p", "To remove the lock, only the current passphrase is needed. " + escape(VISIBLE),
                        class_="note"), "lock-change")
    return tag("section", tag("div", tag("p", "Your notes are unlocked on this page.", class_="lock-state")
                              + tag("button", "Lock now", type="button", data_action="lock-now", class_="primary"),
                              class_="lock-bar")
               + tag("details", tag("summary", "Change or remove the lock") + change, class_="lock-tools"),
               class_="panel lock-panel", id="lock-panel", aria_label="Journal lock")
