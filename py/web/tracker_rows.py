"""Keeps the tracker's drawn rows up to date in place after a tick, an Undo, a goal, a focus or a note.

Why in place: drawing a row again replaced the control the reader had just used, so its focus had
to be restored, which made the browser lay out the whole page at once; with the row's grid drawn
again too, a goal change took a phone a fifth of a second. Here only texts, checked states and
classes change, and a row that changes group is moved as it is (py/web/tracker_page.py's move_rows
takes its open grid out first and draws it again after the paint).
"""
from core import dates
from core import model
from render import tracker_views
from web.browser_api import optional
from web.dom import q, qa


def sync_row(doc, row, practice, today):
    """The row's count, facts line and goal menu from the document (its day boxes: sync_day)."""
    pid = practice["id"]
    in_focus = pid in doc["focus"]
    count = row.querySelector(".week-count")
    if count:
        count.textContent = tracker_views.week_count_text(doc, pid, today, in_focus)
    facts = row.querySelector(".facts")
    if facts:
        facts.textContent = tracker_views.row_facts(doc, practice, today)
    goal = row.querySelector("select[data-goal]")
    if goal:
        goal.disabled = not in_focus
        goal.value = str(doc["focus"][pid] if in_focus else 0)
    sync_focus(doc, pid)


def sync_focus(doc, pid):
    """Every "Add to my practices" box of the practice, on any view (articles, rows, "All practices"),
    shows whether the reader has taken it on."""
    in_focus = pid in doc["focus"]
    for box in qa('input[data-focus="%s"]' % pid):
        box.checked = in_focus


def sync_day(doc, pid, n):
    """Every box for this practice and day number n in the tracker, toggle or grid cell, shows the stored state."""
    done = model.is_done(doc, pid, n)
    for box in qa('#tracker input.day-box[data-practice="%s"][data-day="%s"]' % (pid, dates.iso(n))):
        box.checked = done
        cell = box.parentElement
        if cell.classList.contains("cell"):
            cell.classList.toggle("is-done", done)


def sync_grid_notes(doc, day, today):
    """After a note was saved or removed for `day`: its dot in every drawn grid, and the grids' note links."""
    noted = day in doc["notes"]
    for box in qa('#tracker .grid input[data-day="%s"]' % day):
        box.parentElement.classList.toggle("has-note", noted)
    links = qa("#tracker .note-links")
    if links:
        html = tracker_views.note_links(tracker_views.grid_note_days(doc, today))
        for box in links:
            box.innerHTML = html


def move_row(doc, catalogue, pid, today):
    """Put the practice's row in the group it now belongs to (into or out of "Trying now"), as it
    is; a practice just taken on from an article or "All practices" gets its row drawn there, and one
    taken off without any history loses its row (it stays in "All practices").

    A group that gains its first row is drawn (empty) in its place; one left without rows goes. The
    empty state shows while the reader has no practices."""
    row = q('#tracker li[data-practice="%s"]' % pid)
    old_group = row.closest("[data-group]") if row else None
    groups = tracker_views.practice_groups(catalogue, doc)
    placed = False
    for index in range(len(groups)):
        key, title, members = groups[index]
        ids = [p["id"] for p in members]
        if pid not in ids:
            continue
        section = q('#tracker [data-group="%s"]' % key)
        if not section:
            place_group(tracker_views.group_section(doc, key, title, [], today), [g[0] for g in groups[index + 1:]])
            section = q('#tracker [data-group="%s"]' % key)
        following = None
        for later in ids[ids.index(pid) + 1:]:
            following = section.querySelector('li[data-practice="%s"]' % later)
            if following:
                break
        listing = section.querySelector("ul.tracker-list")
        if row:
            put_before(listing, row, following)
        else:
            html = tracker_views.practice_card(doc, members[ids.index(pid)], today)
            if following:
                following.insertAdjacentHTML("beforebegin", html)
            else:
                listing.insertAdjacentHTML("beforeend", html)
        placed = True
        break
    if row and not placed:
        row.remove()
    if old_group and not old_group.querySelector("li[data-practice]"):
        old_group.remove()
    empty = q("#tracker-empty")
    if empty:
        empty.hidden = q('#tracker [data-group="mine"]') is not None


def put_before(listing, row, following):
    """Move the row into `listing`, before `following` (None: at its end). With moveBefore (Chrome
    133 and later) the row keeps its state, the keyboard focus included: focusing the moved control
    again made Chrome lay out the page at once, in the tap's task (at 4× CPU: 32 of its 80 ms).
    Elsewhere an ordinary move, which takes the focus away (the caller puts it back)."""
    if optional(listing, "moveBefore") is not None:
        listing.moveBefore(row, following)
    else:
        listing.insertBefore(row, following)


def place_group(html, keys_after):
    """Insert a new group before the first of the groups that come after it, or at the end of the groups."""
    for key in keys_after:
        following = q('#tracker [data-group="%s"]' % key)
        if following:
            following.insertAdjacentHTML("beforebegin", html)
            return
    q("#tracker-groups").insertAdjacentHTML("beforeend", html)
