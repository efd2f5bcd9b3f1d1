"""The tracker page and the library's counts, as HTML text built with markup.escape.

Nothing a reader typed or imported reaches the page except through escape(): notes show as
text, never as HTML.
"""
from collections import namedtuple

from render import data_views
from core import dates
from core import lock
from core import model
from render.markup import cap, escape, plural, tag

WEEKS = 12


GOAL_CHOICES = (0, 1, 2, 3, 4, 5, 6, 7)


MINE = "Trying now"
TRIED = "Tried before"


def practice_groups(catalogue, doc):
    """[(key, title, [practice])]: the practices the reader took on ("mine"), then those with history
    they have not taken on, or no longer in the articles ("tried"). The rest of the collection is not
    drawn as rows: "All practices" lists it, closed, where any practice can be taken on (all_practices).

    key names the group in the page (data-group), so a change can redraw just the groups it moves."""
    by_id = {}
    for p in catalogue["practices"]:
        by_id[p["id"]] = p
    groups = []
    mine = [by_id[pid] for pid in sorted(doc["focus"]) if pid in by_id]
    if mine:
        groups.append(("mine", MINE, mine))
    tried = [by_id[pid] if pid in by_id else archived_practice(pid)
             for pid in sorted(doc["checkins"]) if pid not in doc["focus"] or pid not in by_id]
    if tried:
        groups.append(("tried", TRIED, tried))
    return groups


def archived_practice(pid):
    """A practice with history that is no longer in the articles."""
    return {"id": pid, "name": cap(pid.replace("-", " ")), "text": "", "articles": [], "archived": True}


def tick_message(name, n, today, done, took_on=False):
    """What a tick says, with Undo beside it: which practice, which day (and that it was taken on)."""
    when = "today" if n == today else ("yesterday" if n == today - 1 else dates.long_name(n))
    if done:
        return "“%s” marked as done %s%s%s." % (name, "on " if n < today - 1 else "", when,
                                                " and added to your practices" if took_on else "")
    return "“%s” unticked for %s." % (name, when)


def week_count_text(doc, pid, today, in_focus):
    """The row's count: this week against the goal, or just this week's days; "" when there is nothing to say."""
    done = model.week_count(doc, pid, today)
    goal = doc["focus"].get(pid, 0) if in_focus else 0
    if goal:
        return "%d of %d this week" % (done, goal) + (": goal met" if done >= goal else "")
    return "%d this week" % done if done else ""


# A day as the tracker draws it: n (its number, an ordinal), iso ("YYYY-MM-DD"), long ("Monday 7
# December 2026"), initial ("M"), number (7, the day of the month) and month (12).
CalendarDay = namedtuple("CalendarDay", ("n", "iso", "long", "initial", "number", "month"))
CALENDAR = {}   # {today: its 12 weeks of days}: worked out once a day, shared by every row and grid


def calendar(today):
    """The 12 calendar weeks up to today's, Monday first, oldest first: [CalendarDay]. Stepped a day
    at a time: dates.from_ordinal for each of 84 days cost most of a grid's drawing time in MicroPython."""
    if today not in CALENDAR:
        CALENDAR.clear()
        first = dates.first_of_weeks(today, WEEKS)
        year, month, day = dates.from_ordinal(first)
        days = []
        for i in range(7 * WEEKS):
            weekday = dates.WEEKDAYS[i % 7]
            days.append(CalendarDay(first + i, "%04d-%02d-%02d" % (year, month, day),
                                    "%s %d %s %d" % (weekday, day, dates.MONTHS[month - 1], year),
                                    weekday[0], day, month))
            day += 1
            if day > dates.days_in_month(year, month):
                day, month = 1, month + 1
                if month > 12:
                    month, year = 1, year + 1
        CALENDAR[today] = days
    return CALENDAR[today]


def last_days(today):
    """The row's days, oldest first (today last): [CalendarDay]."""
    end = 7 * (WEEKS - 1) + dates.weekday(today) + 1
    return calendar(today)[end - DAYS_SHOWN:end]


# A row is drawn from fixed templates: on a phone, MicroPython spends most of a tracker's drawing
# time in calls, and a template needs one "%" where tag() needed a dozen calls. A day is two
# elements, its checkbox (the box itself, styled) and its face (weekday initial and day number) laid
# over it in the same grid cell: opening #/practices, Chrome's style and layout cost goes by the
# element, and a label holding an input and two spans made a row 34 elements (now 20). The checkbox
# is named (aria-label) by the practice and the full date; the face is hidden from the accessibility
# tree, so it is not read twice. Its newline is a space on one line and a line break on narrow phones.
DAYS_SHOWN = 7
DAY = ('<input type="checkbox" class="day-box%(box_cls)s" id="%(id)s" data-practice="%(pid)s" data-day="%(iso)s" '
       'aria-label="%(name)s, %(long)s"%(checked)s>'
       '<span class="day-face" aria-hidden="true">%(initial)s\n%(number)d%(month)s</span>')
# The month's short name beside the day number where the month changes (the 1st): the seven days
# then say which month they are in without a line of their own.
MONTH = '<span class="day-month"> %s</span>'
ROW = '<li class="tracker-card" data-practice="%(pid)s">%(more)s%(days)s</li>'
DAYS = ('<div class="week-days" role="group" aria-label="%(name)s, the last 7 days" data-change="tick">'
        '%(toggles)s</div>')
COUNT = '<span class="week-count">%s</span>'
# The practice's name opens what the row keeps closed: its text, facts, focus and goal and the
# 12-week grid, all drawn on first opening (row_body, grid_table); the days stay below it.
MORE = ('<details class="history" data-grid="%(pid)s">'
        '<summary><h3 class="practice-name">%(name)s</h3>%(count)s</summary></details>')
BODY = '<div class="more-body">%(text)s%(sources)s<p class="facts">%(facts)s</p>%(controls)s</div>'
TEXT = '<p class="practice-text">%s</p>'
SOURCES = '<p class="practice-from">Suggested in %s.</p>'
SOURCE = '<a href="#/a/%s">%s</a>'
ARCHIVED_TEXT = '<p class="practice-text">No longer in the articles; its history is kept and exported.</p>'
FOCUS = ('<div class="focus"><span class="focus-on">'
         '<input type="checkbox" id="focus--%(pid)s" data-focus="%(pid)s" data-change="focus"'
         ' aria-label="Add to my practices: %(name)s"%(focused)s>'
         '<label for="focus--%(pid)s">Add to my practices</label></span>'
         '<label for="goal--%(pid)s">Weekly goal<span class="sr"> for %(name)s</span></label>'
         '<select id="goal--%(pid)s" data-goal="%(pid)s" data-change="goal"%(disabled)s>'
         '%(options)s</select></div>')
GOAL_OPTIONS = ['<option value="%d"%%s>%s</option>' % (g, "No goal" if g == 0 else plural(g, "time") + " a week")
                for g in GOAL_CHOICES]


def goal_options(selected):
    """The goal menu's options, `selected` (a goal, or None) marked."""
    return "".join(option % (" selected" if g == selected else "") for g, option in zip(GOAL_CHOICES, GOAL_OPTIONS))


OPTIONS_FOR = dict((g, goal_options(g)) for g in (None,) + GOAL_CHOICES)  # built once: every row uses one


def day_toggles(doc, pid, name, week):
    """The row's last 7 days as checkboxes (today's is the tracker's today box: id tracker--do-<pid>)."""
    days = model.days_of(doc, pid)
    today = week[-1].n
    out = []
    for day in week:
        is_today = day.n == today
        out.append(DAY % {"pid": pid, "iso": day.iso, "long": day.long, "initial": day.initial, "number": day.number,
                          "name": name, "id": ("tracker--do-" + pid) if is_today else "day--%s--%s" % (pid, day.iso),
                          "box_cls": " practice-box is-today" if is_today else "",
                          "month": MONTH % dates.MONTHS[day.month - 1][:3] if day.number == 1 else "",
                          "checked": " checked" if days.has(day.n) else ""})
    return DAYS % {"name": name, "toggles": "".join(out)}


def row_facts(doc, practice, today):
    """An opened row's facts line, as plain text, each thing once (this week's count is the row's own):
    the days done in all and in the 12 weeks of the grid, the streak."""
    pid = practice["id"]
    days = model.days_of(doc, pid)
    total = len(days)
    if not total:
        return "Not done yet."
    streak = model.streak(doc, pid, today)
    recent = days.count(dates.first_of_weeks(today, WEEKS), today)
    facts = ["Done on %s in all%s." % (plural(total, "day"), "" if recent == total else
                                      ", %d of them in the last %d weeks" % (recent, WEEKS)),
             ("%s in a row." % cap(plural(streak, "day"))) if streak >= 2 else None]
    return " ".join(f for f in facts if f)


def sources(catalogue, practice):
    """Links to each article that suggests the practice ("" for one no longer in the articles)."""
    titles = {}
    for article in catalogue["articles"]:
        titles[article["slug"]] = article["title"]
    links = [SOURCE % (slug, escape(titles[slug])) for slug in practice.get("articles", []) if slug in titles]
    if not links:
        return ""
    return SOURCES % (links[0] if len(links) == 1 else ", ".join(links[:-1]) + " and " + links[-1])


def practice_card(doc, practice, today, week=None):
    """One practice's row: name, this week's count, the last 7 days; the rest opens from its name.

    week: last_days(today), passed in when many rows are drawn at once. The count's span is there
    even when empty, so a tick can change its text in place (py/web/tracker_rows.py). What the row
    keeps closed is drawn when it is first opened (row_body): a closed <details> holding a goal
    menu cost Chrome a style and layout pass of its own after every row was drawn."""
    pid = practice["id"]   # ids are [a-z0-9-] (model.is_id): nothing in them needs escaping
    name = escape(practice["name"])
    values = {"pid": pid, "name": name,
              "count": COUNT % escape(week_count_text(doc, pid, today, pid in doc["focus"]))}
    values["days"] = "" if practice.get("archived") else day_toggles(doc, pid, name, week or last_days(today))
    values["more"] = MORE % values
    return ROW % values


def row_body(doc, practice, today, catalogue):
    """An opened row's text, the articles suggesting it, its facts line, "Add to my practices" and the
    weekly goal (drawn on first opening, with grid_table)."""
    pid = practice["id"]
    in_focus = pid in doc["focus"]
    values = {"pid": pid, "name": escape(practice["name"]), "focused": " checked" if in_focus else "",
              "disabled": "" if in_focus else " disabled",
              "options": OPTIONS_FOR[doc["focus"][pid] if in_focus else None],
              "facts": escape(row_facts(doc, practice, today)), "sources": sources(catalogue, practice)}
    archived = practice.get("archived")
    values["text"] = ARCHIVED_TEXT if archived else TEXT % escape(practice["text"])
    values["controls"] = "" if archived else FOCUS % values
    return BODY % values


GRID_HEAD = "".join('<th scope="col"><span aria-hidden="true">%s</span><span class="sr">%s</span></th>' % (d[0], d)
                    for d in dates.WEEKDAYS)
CELL = ('<td class="cell%(cls)s">'
        '<input type="checkbox" class="day-box" id="grid--%(pid)s--%(iso)s" data-practice="%(pid)s"'
        ' data-day="%(iso)s" aria-label="%(name)s, %(long)s, in the 12-week grid"%(checked)s></td>')
TO_COME = '<td class="cell is-future"><span class="sr">%s: still to come</span></td>'


def grid_table(doc, pid, today, name, weeks=WEEKS):
    """The 12-week table, drawn when its <details> is first opened (84 cells per practice add up).

    Every day up to today is a checkbox named for the practice and the date; a day with notes
    gets a dot, and the notes of those days are linked below the table (#/journal/YYYY-MM-DD):
    a link inside a cell would be a target too small to tap beside the cell's own checkbox. Which days
    have notes shows with the journal locked too (lock.has_notes): only their text is locked.
    weeks: only the oldest `weeks` weeks, the grid aria-busy and without its note links; grid_weeks
    draws the rest's rows (the page draws a grid in two pieces, a paint apart)."""
    whole = weeks >= WEEKS
    table = ('<table class="grid" data-change="tick"><caption class="sr">%s, week by week (Monday to Sunday)</caption>'
             '<thead><tr><td></td>%s</tr></thead><tbody>%s</tbody></table>'
             % (escape(name), GRID_HEAD, grid_weeks(doc, pid, today, name, 0, weeks)))
    return ('<div class="grid-wrap"%s>%s<div class="note-links">%s</div></div>'
            % ("" if whole else ' aria-busy="true"', table, note_links(grid_note_days(doc, today)) if whole else ""))


def grid_weeks(doc, pid, today, name, start, end):
    """The grid's rows (<tr>) for weeks start to end - 1, oldest first (0: 11 weeks before this one)."""
    done_days = model.days_of(doc, pid)
    values = {"pid": pid, "name": escape(name)}
    body = []
    days = calendar(today)
    for week in range(start, end):
        cells = []
        for day in days[7 * week:7 * week + 7]:
            if day.n > today:
                cells.append(TO_COME % day.long)
                continue
            done, noted = done_days.has(day.n), lock.has_notes(doc, day.iso)
            values["iso"], values["long"], values["checked"] = day.iso, day.long, " checked" if done else ""
            values["cls"] = (" is-done" if done else "") + (" has-note" if noted else "")
            cells.append(CELL % values)
        monday = days[7 * week]
        body.append('<tr><th scope="row">%d %s</th>%s</tr>'
                    % (monday.number, dates.MONTHS[monday.month - 1][:3], "".join(cells)))
    return "".join(body)


def grid_note_days(doc, today):
    """The CalendarDays of the grid, up to today, that have notes, locked or not (oldest first)."""
    return [day for day in calendar(today) if day.n <= today and lock.has_notes(doc, day.iso)]


def note_links(days):
    """Links to the notes of these days (CalendarDays, oldest first), newest first; "" when there are none."""
    if not days:
        return ""
    links = ['<li><a href="#/journal/%s"><span aria-hidden="true">%s %d %s</span>'
             '<span class="sr">Notes for %s</span></a></li>'
             % (day.iso, day.long[:3], day.number, dates.MONTHS[day.month - 1][:3], day.long) for day in reversed(days)]
    return '<p class="note-days-title">Days with notes:</p><ul class="note-days">%s</ul>' % "".join(links)


def write_panel():
    """Notes live in the journal: the tracker opens its composer for today (#/journal/write), where a
    note is written, edited and removed; there is no second box here with rules of its own."""
    return ('<section class="panel notes-panel" aria-labelledby="note-title"><h2 id="note-title">Notes</h2>'
            '<p class="note">How did it go? Your notes are kept in your journal.</p>'
            '<p><a class="button" href="#/journal/write">Write about today</a></p></section>')


EMPTY = ('<div class="tracker-empty" id="tracker-empty"%s><p>This page keeps the practices you choose to try: '
         'today and this week at a glance, and every day you did them.</p>'
         '<p>To take one on, choose “Add to my practices” beside a practice in an article, or in “All practices” '
         'below. Ticking a practice as done adds it too.</p></div>')


def empty_state(doc, catalogue):
    """What the page is for and how to take a practice on; hidden while the reader has practices."""
    mine = [p for p in catalogue["practices"] if p["id"] in doc["focus"]]
    return EMPTY % (" hidden" if mine else "")


PICK = ('<li class="pick"><span class="pick-name">%(name)s</span><span class="take-on">'
        '<input type="checkbox" id="pick--%(slug)s--%(pid)s" data-focus="%(pid)s" data-change="focus"'
        ' aria-label="Add to my practices: %(name)s"%(checked)s>'
        '<label for="pick--%(slug)s--%(pid)s">Add to my practices</label>'
        '</span></li>')


def all_practices(catalogue, doc, opened=False):
    """The whole collection, closed (opened: the reader had it open), grouped by article: any practice
    can be taken on here. Its list is drawn when it is first opened (all_practices_body): 28 practices
    and their boxes, drawn with the page, were DOM built in the task of the tap that opens #/practices."""
    return ('<details class="panel all-practices" id="all-practices"%s>'
            '<summary><h2 id="all-practices-title" tabindex="-1">All practices</h2>'
            '<span class="summary-hint">%d, by article</span></summary>%s</details>'
            % (" open" if opened else "", len(catalogue["practices"]),
               all_practices_body(catalogue, doc) if opened else ""))


def all_practices_body(catalogue, doc):
    """The collection's list, by article. A practice suggested by several articles is listed under each,
    one practice with one set of words."""
    by_id = {}
    for p in catalogue["practices"]:
        by_id[p["id"]] = p
    parts = []
    for article in catalogue["articles"]:
        items = "".join(PICK % {"slug": article["slug"], "pid": pid, "name": escape(by_id[pid]["name"]),
                                "checked": " checked" if pid in doc["focus"] else ""}
                        for pid in article["practices"] if pid in by_id)
        parts.append('<h3><a href="#/a/%s">%s</a></h3><ul class="picks">%s</ul>'
                     % (article["slug"], escape(article["title"]), items))
    return '<div class="picks-body">%s</div>' % "".join(parts)


def group_section(doc, key, title, members, today, week=None):
    rows = tag("ul", group_rows(doc, members, today, week), class_="tracker-list")
    return tag("section", tag("h2", escape(title)) + rows, class_="tracker-group", data_group=key)


def group_rows(doc, members, today, week=None):
    """The rows of these practices (a group's, or the next of them while a group is drawn in steps)."""
    week = week or last_days(today)
    return "".join(practice_card(doc, p, today, week) for p in members)


def tracker(catalogue, doc, today, store_backups, persistent, data_open=False, groups=None, locked=False,
            collection_open=False, utc_offset=0):
    """The whole #/practices view below its heading; data_open, collection_open: "Your data", "All
    practices" were open (keep them so: drawn again after another tab's write, they stay as they were).
    utc_offset: the device's, for the local times "Your data" shows.

    The reader's practices come first (then those tried before): they are what the reader opens this
    page for; with none, what the page is for. Then "All practices", closed, the reminders and sharing
    panel (py/web/plan_page.py adds it before "All practices"), the way to the journal and the data.
    groups: the practice_groups() to draw (by default all; the page draws the first ones here and
    the rest a group at a time, at the end of #tracker-groups). locked: unused here since notes
    moved to the journal (kept so callers need not know)."""
    week = last_days(today)
    groups = practice_groups(catalogue, doc) if groups is None else groups
    sections = [group_section(doc, key, title, members, today, week) for key, title, members in groups]
    return ('<div id="tracker-groups">%s</div>' % "".join(sections) + empty_state(doc, catalogue)
            + all_practices(catalogue, doc, collection_open) + write_panel()
            + data_views.data_panel(doc, store_backups, persistent, today, data_open, utc_offset))
