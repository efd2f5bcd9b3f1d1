"""The journal (#/journal): every day's notes, newest first, grouped by week, as HTML text.

Pure, like every module in py/render/. Notes are private text a reader typed or imported: they reach the page
only through escape() (tag() escapes attributes), never as HTML.

Years of notes must not make the journal slow, so it draws the newest PAGE_WEEKS weeks that have
notes and a "Show earlier weeks" button for the rest: journal_weeks() looks at the days it draws
(and compares the newer ones as text, which costs next to nothing), not at the whole history.
"""
from core import dates
from core import model
from render import weeks_chart
from render.markup import escape, tag
from core.text import strip_spaces

PAGE_WEEKS = 8
WRITE = "write"   # #/journal/write: the composer for today, its box focused ("Write about today" on #/practices)
EMPTY = ("Nothing written yet. A line after a practice — what you tried, how it felt — is enough; "
         "it stays on this device.")


def day_id(day):
    """The id of a day's block ("journal-2026-11-20"); day is a valid ISO date."""
    return "journal-" + day


def week_id(monday_iso):
    return "journal-week-" + monday_iso


def monday_of(day):
    """The ISO Monday of the week of `day` ("YYYY-MM-DD", valid)."""
    return dates.iso(dates.week_start(dates.ordinal(day)))


def check_day(text, today):
    """(day, None) when `text` is a day a note can be for (today or earlier), else (None, why not)."""
    text = strip_spaces(str(text))
    if not text:
        return None, "Choose the day the note is for."
    if not dates.is_date(text):
        return None, ("“%s” is not a date. Choose a day in the calendar, or write it as year-month-day, "
                      "like %s." % (text[:40], dates.iso(today)))
    if dates.ordinal(text) > today:
        return None, ("%s is still to come. A note can be for today or an earlier day."
                      % dates.long_name(dates.ordinal(text)))
    return text, None


# --- the notes ------------------------------------------------------------------------------


# Drawn from templates, not tag(): on a phone MicroPython spends most of a drawing's time in
# calls, and one "%" does what a dozen tag() calls did. Every text is escaped; a day is ISO.
NOTE = ('<li class="journal-note" data-day="%(day)s" data-note="%(note)s"><p class="note-text">%(note)s</p>'
        '<div class="note-actions">'
        '<button type="button" data-action="journal-edit" aria-label="Edit note of %(label)s">'
        'Edit</button><button type="button" data-action="journal-remove" aria-label="Remove note of %(label)s">'
        'Remove</button></div></li>')
DAY = ('<article class="journal-day" id="journal-%(day)s" data-day="%(day)s" aria-labelledby="journal-%(day)s-title">'
       '<h3 id="journal-%(day)s-title" tabindex="-1">%(name)s</h3><ul class="journal-notes">%(notes)s</ul></article>')
WEEK = ('<section class="journal-week" id="journal-week-%(monday)s" data-week="%(monday)s" '
        'aria-labelledby="journal-week-%(monday)s-title"><h2 id="journal-week-%(monday)s-title" tabindex="-1">'
        '%(title)s</h2>%(days)s</section>')


def note_item(day, text, day_name):
    """One note with its Edit and Remove buttons; data-day and data-note name it for the glue."""
    short = text[:40] + ("…" if len(text) > 40 else "")
    return NOTE % {"day": day, "note": escape(text), "label": escape(day_name + ": " + short)}


def day_block(day, texts):
    """A day: its date as a heading (focused when the journal opens at that day), then its notes."""
    name = dates.long_name(dates.ordinal(day))
    return DAY % {"day": day, "name": escape(name), "notes": "".join(note_item(day, text, name) for text in texts)}


def week_block(monday, days, notes):
    """A week (Monday ordinal) and its days with notes (ISO, newest first)."""
    return WEEK % {"monday": dates.iso(monday), "title": escape(dates.week_name(monday)),
                   "days": "".join(day_block(day, notes[day]) for day in days)}


def week_html(notes, monday_iso):
    """The week that starts on `monday_iso` as journal_weeks() draws it; "" when it has no notes."""
    monday = dates.ordinal(monday_iso)
    days = [dates.iso(n) for n in range(monday + 6, monday - 1, -1)]
    days = [d for d in days if notes.get(d)]
    return week_block(monday, days, notes) if days else ""


def journal_weeks(notes, weeks=PAGE_WEEKS, before=None, until=None):
    """(html, oldest, more): the newest `weeks` weeks that have notes, older than the Monday `before`
    (ISO; None: from the newest), and at least down to the week of day `until` (ISO, or None).

    oldest: the ISO Monday of the oldest week drawn (None if none); more: older notes remain."""
    groups = []       # [(monday, [day, newest first])]
    floor = dates.week_start(dates.ordinal(until)) if until else None
    more = False
    for day in sorted(notes, reverse=True):   # ISO dates sort as the days they name
        if before is not None and day >= before:
            continue
        n = dates.ordinal(day)
        monday = n - dates.weekday(n)
        if groups and groups[-1][0] == monday:
            groups[-1][1].append(day)
            continue
        if len(groups) >= weeks and (floor is None or monday < floor):
            more = True
            break
        groups.append((monday, [day]))
    html = "".join(week_block(monday, days, notes) for monday, days in groups)
    return html, (dates.iso(groups[-1][0]) if groups else None), more


def more_button(more):
    """The button that draws earlier weeks (an empty placeholder when there are none)."""
    inner = tag("button", "Show earlier weeks", type="button", data_action="journal-more") if more else ""
    return tag("div", inner, id="journal-more", class_="journal-more")


def notes_list(notes, until=None, before=None):
    """(html, oldest): the list of weeks and its "Show earlier weeks" button, or the empty state."""
    if not notes:
        return (tag("div", tag("p", escape(EMPTY), class_="note journal-empty"), id="journal-weeks")
                + more_button(False), None)
    html, oldest, more = journal_weeks(notes, PAGE_WEEKS, before, until)
    return tag("div", html, id="journal-weeks") + more_button(more), oldest


# --- adding and editing ------------------------------------------------------------------------


def add_panel(today, day, prompt=None):
    """Write a note for today or an earlier day: the day (a date input that stops at today) and the text.

    prompt: a line above the form, focused when the journal opens at a day with no notes yet."""
    max_day = dates.iso(today)
    lead = tag("p", escape(prompt), class_="journal-prompt", id="journal-prompt", tabindex="-1") if prompt else ""
    return tag("section",
               tag("h2", "Add a note", id="journal-add-title")
               + lead
               # A form (py/web/app.py, App.on_submit): Enter in the day's field saves, as the button does; the
               # note's box keeps Enter for new lines. novalidate: the app's own checks speak, in its words.
               + tag("form",
                     tag("p", tag("label", "Day", for_="journal-day")
                         + '<input type="date" id="journal-day" max="%s" value="%s" required'
                           ' aria-describedby="journal-add-error">'
                         % (max_day, escape(day or max_day)), class_="journal-field")
                     + tag("label", "Note", for_="journal-note", class_="journal-label")
                     + tag("textarea", "", id="journal-note", rows="3", maxlength=str(model.MAX_NOTE))
                     + tag("div", "", id="journal-add-error", class_="journal-error", role="alert")
                     + tag("div", tag("button", "Save note", type="submit", data_action="journal-add",
                                      class_="primary"), class_="actions"),
                     data_form="journal-add", novalidate=True),
               class_="panel journal-add", aria_labelledby="journal-add-title")


def edit_item(day, text):
    """A note being edited: its text in a box, Save and Cancel (replaces the note's <li>)."""
    name = dates.long_name(dates.ordinal(day))
    return tag("li",
               tag("label", escape("Edit the note of %s" % name), for_="journal-edit", class_="journal-label")
               + tag("textarea", escape(text), id="journal-edit", rows="4", maxlength=str(model.MAX_NOTE),
                     aria_describedby="journal-edit-error")
               + tag("div", "", id="journal-edit-error", class_="journal-error", role="alert")
               + tag("div", tag("button", "Save changes", type="button", data_action="journal-save-edit",
                                class_="primary")
                     + tag("button", "Cancel", type="button", data_action="journal-cancel-edit"), class_="actions"),
               class_="journal-note is-editing", data_day=day, data_note=text)


def error(text):
    return tag("p", escape(text), class_="error")


# --- the whole view ----------------------------------------------------------------------------


def journal(doc, today, opened=None, until=None):
    """(html, oldest, focus_id): the #/journal view below its heading.

    opened: the day of #/journal/<day> as written in the address (any text), or None. A day with
    notes is drawn and focused; a day without offers the form for it; WRITE focuses the form's box
    for today; anything else is explained. The form comes first: the journal opens on writing.
    until: draw the weeks at least down to this ISO day (a redraw keeps the weeks the reader opened).
    """
    notes = doc["notes"]
    day, problem, prompt, focus_id = None, None, None, None
    if opened == WRITE:
        focus_id = "journal-note"
    elif opened is not None:
        day, problem = check_day(opened, today)
    if day and notes.get(day):
        focus_id = day_id(day) + "-title"
    elif day:
        prompt = "No notes for %s yet. You can add one here." % dates.long_name(dates.ordinal(day))
        focus_id = "journal-prompt"
    message = ""
    if problem:
        message = tag("p", escape(problem + " Here are your latest notes."), class_="callout journal-message",
                      id="journal-message", tabindex="-1")
        focus_id = "journal-message"
    if day and notes.get(day) and (until is None or day < until):
        until = day
    listing, oldest = notes_list(notes, until=until)
    return message + add_panel(today, day, prompt) + overview(doc, today) + listing, oldest, focus_id


def overview(doc, today):
    """Below the form: the picture of the weeks, then the intro to the notes."""
    intro = tag("p", "Every note you have written, newest first. They stay on this device.", class_="lede")
    return weeks_chart.chart(doc, today, "journal-weeks-chart") + intro
