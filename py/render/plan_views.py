"""HTML for reaching past the page: the practices view's reminders and sharing panel, and the
view of a plan a partner shared. Pure, like every module in py/render/; every text goes through escape()."""
from core import dates
from core import ics
from core import plan_link
from render.markup import cap, escape, plural, tag

DAY_SHORT = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def goal_text(goal):
    if goal <= 0:
        return "No weekly goal — whenever it suits you"
    return "Goal: %s a week" % plural(goal, "time")


def focused_practices(catalogue, focus):
    """The catalogue's practices the reader took on (in focus), by id (archived ids have no text to share)."""
    return [p for p in sorted(catalogue["practices"], key=lambda p: p["id"]) if p["id"] in focus]


def day_choices(practice, goal, chosen=None):
    """Seven checkboxes for the days a practice is reminded on: `chosen` ticked, by default the goal's spread."""
    chosen = ics.default_days(goal) if chosen is None else chosen
    boxes = []
    for day in range(7):
        box_id = "remind--%s--%d" % (practice["id"], day)
        boxes.append(tag("label",
                         '<input type="checkbox" id="%s" data-remind="%s" value="%d"%s>' % (
                             escape(box_id), escape(practice["id"]), day, " checked" if day in chosen else "")
                         + tag("span", DAY_SHORT[day], aria_hidden="true")
                         + tag("span", dates.WEEKDAYS[day], class_="sr"),
                         for_=box_id, class_="day"))
    legend = escape(practice["name"]) + tag("span", " · " + escape(goal_text(goal)), class_="legend-goal")
    return tag("fieldset", tag("legend", legend)
               + tag("div", "".join(boxes), class_="days"),
               class_="remind-days", data_change="remind")


# The panel's two tools are drawn closed, their bodies only when first opened (PlanPage.fill_tool):
# seven day boxes per focus practice and the share link, drawn again on every focus or goal change,
# cost a phone more than the change itself.
TOOLS = (("calendar-tool", "Add to calendar"), ("share-tool", "Share with your partner"))


def calendar_body(practices, focus, choices, time_text):
    """The calendar tool's body: the days of each of the reader's practices, the time, the download button."""
    return (tag("p", "One weekly reminder for each of your practices, in your own calendar "
                     "(Google, Apple, Outlook and others open the file).", class_="note")
            + "".join(day_choices(p, focus[p["id"]], choices.get(p["id"])) for p in practices)
            + tag("p", tag("label", "Time", for_="remind-time")
                  + '<input type="time" id="remind-time" data-change="remind" value="%s" required>' % escape(time_text),
                  class_="remind-time")
            + tag("p", "The time stays the same wherever you are, also when the clocks change.", class_="note")
            + tag("div", tag("button", "Download calendar file", type="button", data_action="download-ics",
                             class_="primary"), class_="actions")
            + tag("div", "", id="calendar-message"))


def share_body(link):
    """The share tool's body: what the link carries, the link, Copy and Share (shown where they work)."""
    return (tag("p", "This link carries only your practices and their goals — never your "
                     "ticks or notes. Whoever opens it sees the plan and can add it to their own practices.",
                class_="note")
            + tag("label", "Link to share", for_="share-link")
            + '<input type="text" id="share-link" class="share-link" readonly value="%s">' % escape(link)
            + tag("div", tag("button", "Copy", type="button", data_action="copy-link", hidden=True)
                  + tag("button", "Share", type="button", data_action="share-link", hidden=True),
                  class_="actions")
            + tag("div", "", id="share-message", role="status"))


def tool_body(tool_id, catalogue, focus, link, choices=None, time_text=ics.DEFAULT_TIME):
    """One tool's body, wrapped so it can be replaced or dropped: <div class="tool-body">."""
    if tool_id == "calendar-tool":
        body = calendar_body(focused_practices(catalogue, focus), focus, choices or {}, time_text)
    else:
        body = share_body(link)
    return tag("div", body, class_="tool-body")


def panel_state(catalogue, focus):
    """The panel's data-focus: "yes" when it offers the tools, "no" when it explains how to start."""
    return "yes" if focused_practices(catalogue, focus) else "no"


def plan_tools(catalogue, focus):
    """The practices view's panel, its tools closed and empty: reminders in the reader's calendar,
    and a plan for a partner. With nothing taken on it is an empty, hidden placeholder: the tracker's
    empty state says how to take a practice on, and the panel would only repeat it."""
    state = panel_state(catalogue, focus)
    if state == "no":
        return tag("div", "", class_="plan-tools", id="plan-tools", data_focus=state, hidden=True)
    title = tag("h2", "Reminders and sharing", id="plan-tools-title")
    body = "".join(tag("details", tag("summary", summary), class_="plan-tool", id=tool_id)
                   for tool_id, summary in TOOLS)
    return tag("section", title + body, class_="panel plan-tools", id="plan-tools", aria_labelledby="plan-tools-title",
               data_focus=state)


def plan_error(message):
    """A link that cannot be read: why, and that nothing changed."""
    return (tag("p", escape(message), class_="error", role="alert")
            + tag("p", "Nothing was changed. " + tag("a", "Go to your practices", href="#/practices")))


def plan_item(practice, goal, current):
    """One practice of a shared plan; `current`: the reader's own goal for it, or None."""
    mine = ""
    if current is not None:
        said = goal_text(current)
        mine = tag("p", "Already in your practices (%s)." % escape(said[:1].lower() + said[1:]), class_="meta")
    return tag("li", tag("h2", escape(practice["name"]))
               + tag("p", escape(practice["text"]))
               + tag("p", escape(goal_text(goal)), class_="plan-goal")
               + mine,
               class_="plan-item")


def plan_view(catalogue, focus, plan):
    """A readable plan (from plan_link.decode): what it holds, and "Add to my practices"."""
    by_id = {}
    for p in catalogue["practices"]:
        by_id[p["id"]] = p
    known, unknown = plan_link.split_known(plan, by_id)
    parts = []
    if known:
        parts.append(tag("p", "Your partner shared %s to try. Nothing changes in your own practices "
                              "unless you add them." % ("this practice" if len(known) == 1 else "these practices"),
                         class_="lede"))
        parts.append(tag("ul", "".join(plan_item(by_id[pid], goal, focus.get(pid)) for pid, goal in known),
                         class_="plan-list"))
    if unknown:
        parts.append(tag("div", tag("p", "%s not in this version of Attune, so %s left out:"
                                    % (cap(plural(len(unknown), "practice is", "practices are")),
                                       "it is" if len(unknown) == 1 else "they are"))
                         + tag("ul", "".join(tag("li", tag("code", escape(pid))) for pid in unknown)),
                         class_="callout unknown-practices"))
    if known:
        parts.append(tag("div", tag("button", "Add to my practices", type="button", data_action="plan-add",
                                    class_="primary")
                         + tag("a", "Not now", href="#/practices", class_="button"),
                         class_="actions"))
    else:
        parts.append(tag("p", "Nothing in this plan can be added. "
                         + tag("a", "Go to your practices", href="#/practices")))
    return "".join(parts)


def added_message(added, raised):
    """What "Add to my practices" did, for the status line."""
    if not added and not raised:
        return "Everything in this plan was already in your practices."
    said = []
    if added:
        said.append("added %s to your practices" % plural(added, "practice"))
    if raised:
        said.append("raised %s" % plural(raised, "goal"))
    return cap(" and ".join(said)) + "."
