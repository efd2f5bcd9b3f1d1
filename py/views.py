"""The tracker page and the library's counts, as HTML text built with markup.escape.

Nothing a reader typed or imported reaches the page except through escape(): notes show as
text, never as HTML.
"""
import dates
import model
from markup import cap, escape, plural, tag

WEEKS = 12
NOT_SAVED = "Not saved: this browser is not keeping anything right now."


def unsaved_banner():
    """Stays on every view while nothing is being saved (storage turned off or full)."""
    return tag("div", tag("p", tag("strong", "Nothing is being saved right now.")
                          + " Ticks and notes last only until this page is closed. Export your data to keep a copy.")
               + tag("button", "Export a copy", type="button", data_action="export"),
               id="unsaved", class_="unsaved", role="status")
GOAL_CHOICES = (0, 1, 2, 3, 4, 5, 6, 7)


def practice_groups(catalogue, doc):
    """[(key, title, [practice])]: focus first, then each practice under its first article, then archived.

    key names the group in the page (data-group), so a change can redraw just the groups it moves."""
    by_id = {}
    for p in catalogue["practices"]:
        by_id[p["id"]] = p
    groups, placed = [], set()
    focused = [by_id[pid] for pid in sorted(doc["focus"]) if pid in by_id]
    if focused:
        groups.append(("focus", "Your focus", focused))
        placed |= set(p["id"] for p in focused)
    for article in catalogue["articles"]:
        members = [by_id[pid] for pid in article["practices"] if pid not in placed]
        placed |= set(p["id"] for p in members)
        if members:
            groups.append(("a-" + article["slug"], article["title"], members))
    archived = [archived_practice(pid) for pid in sorted(doc["checkins"]) if pid not in by_id]
    if archived:
        groups.append(("archived", "Archived practices", archived))
    return groups


def archived_practice(pid):
    """A practice with history that is no longer in the articles."""
    return {"id": pid, "name": cap(pid.replace("-", " ")), "text": "", "articles": [], "archived": True}


def goal_message(done, goal):
    if goal <= 0:
        return "%s this week." % cap(plural(done, "time")) if done else "Not yet this week — whenever it suits you."
    if done >= goal:
        return "%d of %d this week: goal met. Well done." % (done, goal)
    return "%d of %d this week." % (done, goal)


def grid_table(doc, pid, today, name):
    """The 12-week table, drawn when its <details> is first opened (84 cells per practice add up)."""
    rows = model.grid(doc, pid, today, WEEKS)
    head = "".join(tag("th", tag("span", escape(d[0]), aria_hidden="true") + tag("span", escape(d), class_="sr"), scope="col")
                   for d in dates.WEEKDAYS)
    body = []
    for row in rows:
        cells = []
        for n, done, noted, future in row:
            state = "future" if future else ("done" if done else "not done")
            if noted and not future:
                state += ", with a note"
            cls = "cell" + (" is-done" if done else "") + (" has-note" if noted else "") + (" is-future" if future else "")
            cells.append(tag("td", tag("span", escape("%s: %s" % (dates.long_name(n), state)), class_="sr"),
                             class_=cls, title=None))
        y, m, d = dates.from_ordinal(row[0][0])
        label = "%d %s" % (d, dates.MONTHS[m - 1][:3])
        body.append(tag("tr", tag("th", escape(label), scope="row") + "".join(cells)))
    return tag("table", tag("caption", escape("%s, week by week (Monday to Sunday)" % name), class_="sr")
               + tag("thead", tag("tr", tag("td", "") + head)) + tag("tbody", "".join(body)), class_="grid")


HISTORY = '<details class="history" data-grid="%s"><summary>Last %d weeks: done on %s</summary></details>'


def grid_details(doc, pid, today):
    """The closed 12-week history: its summary only; py/tracker_page.py adds grid_table() when it opens."""
    first = dates.week_start(today) - 7 * (WEEKS - 1)
    done_days = model.days_of(doc, pid).count(first, today)
    return HISTORY % (pid, WEEKS, plural(done_days, "day"))


# A card is drawn from fixed templates: on a phone, MicroPython spends most of a tracker's
# drawing time in calls, and a template needs one "%" where tag() needed a dozen calls.
CARD = ('<li class="tracker-card" data-practice="%(pid)s">%(head)s<p class="facts">%(facts)s</p>'
        '%(controls)s%(history)s</li>')
TICK = ('<div class="tick"><input type="checkbox" class="practice-box" id="tracker--do-%(pid)s" '
        'data-practice="%(pid)s"%(checked)s><label for="tracker--do-%(pid)s">%(name)s</label></div>'
        '<p class="practice-text">%(text)s</p>')
ARCHIVED = ('<h3 class="practice-name">%(name)s</h3>'
            '<p class="note">No longer in the articles; its history is kept and exported.</p>')
FOCUS = ('<div class="focus"><input type="checkbox" id="focus--%(pid)s" data-focus="%(pid)s"%(focused)s>'
         '<label for="focus--%(pid)s">Focus on this</label><label class="sr" for="goal--%(pid)s">Goal</label>'
         '<select id="goal--%(pid)s" data-goal="%(pid)s"%(disabled)s>%(options)s</select></div>')
GOAL_OPTIONS = ['<option value="%d"%%s>%s</option>' % (g, "No goal" if g == 0 else plural(g, "time") + " a week")
                for g in GOAL_CHOICES]


def goal_options(selected):
    """The goal menu's options, `selected` (a goal, or None) marked."""
    return "".join(option % (" selected" if g == selected else "") for g, option in zip(GOAL_CHOICES, GOAL_OPTIONS))


OPTIONS_FOR = dict((g, goal_options(g)) for g in (None,) + GOAL_CHOICES)  # built once: every card uses one


def practice_card(doc, practice, today):
    pid = practice["id"]   # ids are [a-z0-9-] (model.is_id): nothing in them needs escaping
    days = model.days_of(doc, pid)
    total = len(days)
    streak = model.streak(doc, pid, today)
    in_focus = pid in doc["focus"]
    goal = doc["focus"].get(pid, 0)
    facts = [goal_message(model.week_count(doc, pid, today), goal) if in_focus else None,
             "Done %s in all." % plural(total, "time") if total else "Not tried yet.",
             ("%s in a row." % cap(plural(streak, "day"))) if streak >= 2 else None]
    values = {"pid": pid, "name": escape(practice["name"]), "text": escape(practice["text"]),
              "checked": " checked" if days.has(today) else "", "focused": " checked" if in_focus else "",
              "disabled": "" if in_focus else " disabled", "options": OPTIONS_FOR[goal if in_focus else None],
              "facts": escape(" ".join(f for f in facts if f))}
    archived = practice.get("archived")
    values["head"] = (ARCHIVED if archived else TICK) % values
    values["controls"] = "" if archived else FOCUS % values
    values["history"] = grid_details(doc, pid, today) if total else ""
    return CARD % values


def notes_panel(doc, today):
    day = dates.iso(today)
    entries = doc["notes"].get(day, [])
    items = "".join(
        tag("li", tag("p", escape(text), class_="note-text")
            + tag("button", "Remove", type="button", data_action="remove-note", data_day=day, data_note=text,
                  aria_label="Remove note: " + text[:40]))
        for text in entries)
    listing = tag("ul", items, class_="notes") if entries else ""
    return tag("section",
               tag("h2", "Today's note", id="note-title")
               + tag("p", "How did it go? What did you feel? A line is enough.", class_="note", id="note-hint")
               + tag("label", "Note for " + escape(dates.long_name(today)), for_="note-input", class_="sr")
               + tag("textarea", "", id="note-input", rows="3", maxlength=str(model.MAX_NOTE), aria_describedby="note-hint")
               + tag("button", "Save note", type="button", data_action="add-note", class_="primary")
               + listing,
               class_="panel notes-panel", aria_labelledby="note-title")


def data_panel(doc, store_backups, persistent):
    has_data = bool(doc["checkins"] or doc["notes"] or doc["focus"])
    backups = "".join(
        tag("li", tag("button", "Download unreadable data kept on %s" % escape(key.split(":")[-1]),
                      type="button", data_action="download-backup", data_key=key))
        for key in store_backups)
    return tag("section",
               tag("h2", "Your data", id="data-title")
               + tag("p", "Your data lives only in this browser on this device; export it to keep a copy."
                     + ("" if persistent else " <strong>Right now nothing is being saved.</strong>"),
                     class_="callout" + (" is-prominent" if has_data else ""))
               + tag("div",
                     tag("button", "Export data", type="button", data_action="export", class_="primary")
                     + tag("label", "Import data", for_="import-file", class_="button")
                     + '<input type="file" id="import-file" accept="application/json,.json" class="file">'
                     + tag("button", "Erase all data", type="button", data_action="erase", class_="danger"),
                     class_="actions")
               + tag("div", "", id="data-dialog")
               + (tag("ul", backups, class_="backups") if backups else ""),
               class_="panel data-panel", aria_labelledby="data-title")


def group_section(doc, key, title, members, today):
    return tag("section", tag("h2", escape(title))
               + tag("ul", "".join(practice_card(doc, p, today) for p in members), class_="tracker-list"),
               class_="tracker-group", data_group=key)


def home_group(catalogue, pid):
    """The key of the group a practice shows in when it is not in focus: its first article's."""
    for article in catalogue["articles"]:
        if pid in article["practices"]:
            return "a-" + article["slug"]
    return "archived"


def tracker(catalogue, doc, today, store_backups, persistent):
    """The whole #/practices view below its heading."""
    groups = [group_section(doc, key, title, members, today)
              for key, title, members in practice_groups(catalogue, doc)]
    intro = tag("p", "Today is %s. Tick what you tried; every tick stays on this device." % escape(dates.long_name(today)),
                class_="lede")
    return intro + notes_panel(doc, today) + "".join(groups) + data_panel(doc, store_backups, persistent)


def import_dialog(changes, name):
    lines = [plural(changes["checkins"], "new check-in"), plural(changes["notes"], "new note"),
             plural(changes["focus"], "focus change")]
    extra = " %s no longer in the articles and will be kept as archived." % plural(changes["archived"], "practice") if changes["archived"] else ""
    return (tag("p", escape("%s adds %s.%s Merging keeps everything you have now." % (name, ", ".join(lines), extra)))
            + tag("div", tag("button", "Merge into my data", type="button", data_action="import-merge", class_="primary")
                  + tag("button", "Replace my data", type="button", data_action="import-replace")
                  + tag("button", "Cancel", type="button", data_action="dialog-cancel"), class_="actions"))


def erase_dialog():
    return (tag("p", "Erase every tick, note and goal from this browser? This cannot be undone. Export first if you may want them back.")
            + tag("div", tag("button", "Erase everything", type="button", data_action="erase-confirm", class_="danger")
                  + tag("button", "Keep my data", type="button", data_action="dialog-cancel"), class_="actions"))
