"""Glue for reaching past the page: reminders as a calendar file, and a plan shared by link.

On #/practices it adds the "Reminders and sharing" panel after the reader's practices (before "All
practices"); on #/plan/… it shows a partner's plan and merges it into the reader's practices (their
focus) on "Add to my practices", and only then. Neither needs the network: the file is made here,
the link is this page's own address.
"""
import js
from pyscript.ffi import create_proxy

from core import ics
from core import layout
from core import json_text
from core import model
from core import plan_link
from render import plan_views
from web.browser_api import optional
from web.dom import document, download, q, today
from render.markup import escape, tag
from web.pacing import AfterPaint


class PlanPage:
    def __init__(self, app):
        self.app = app
        self.catalogue = app.catalogue
        self.store = app.store
        self.messages = app.messages
        self.plan = None        # the known part of the plan on #/plan, once read
        self.choices = {}       # {practice_id: [weekday]} picked in "Add to calendar"
        self.time_text = ics.DEFAULT_TIME
        self.open_tools = set()  # ids of the panel's <details> the reader opened
        self.known = set(p["id"] for p in self.catalogue["practices"])
        # After a focus or goal change: the panel is below the rows, not what the reader looks at, so
        # it follows after the paint (in the tap's task it was 5-8 ms at 4× CPU).
        self.show_tools_later = AfterPaint(self.show_tools)

    # --- #/practices: the panel ---------------------------------------------------------

    def show_tools(self):
        """Draw the panel before "All practices" (a place the tracker's group redraws never move), or bring
        it up to date after a focus or goal change: open tools are drawn again, closed ones emptied
        (drawn when opened). Without an open tool a change costs nothing here."""
        if self.app.router.view != "practices":
            return
        focus = self.store.doc["focus"]
        panel = document.getElementById("plan-tools")
        if not panel or panel.getAttribute("data-focus") != plan_views.panel_state(self.catalogue, focus):
            anchor = q("#all-practices")
            if not anchor:
                return
            if panel:
                panel.remove()
            anchor.insertAdjacentHTML("beforebegin", plan_views.plan_tools(self.catalogue, focus))
        for tool_id, _ in plan_views.TOOLS:
            details = document.getElementById(tool_id)
            if not details:
                continue
            if tool_id in self.open_tools:
                details.open = True   # its toggle event comes later and finds the body drawn
                self.fill_tool(details, again=True)
            else:
                body = details.querySelector(".tool-body")
                if body:
                    body.remove()

    def fill_tool(self, details, again=False):
        """Draw a tool's body when it is opened (again=True: also over the one it has)."""
        body = details.querySelector(".tool-body")
        if body and not again:
            return
        focus = self.store.doc["focus"]
        shared = {}  # archived practices stay out: the partner's Attune has no text for them either
        for pid in focus:
            if pid in self.known:
                shared[pid] = focus[pid]
        html = plan_views.tool_body(str(details.id), self.catalogue, focus,
                                    plan_link.link(str(js.location.href), shared), self.choices, self.time_text)
        if body:
            body.outerHTML = html
        else:
            details.insertAdjacentHTML("beforeend", html)
        if details.id == "share-tool":
            self.show_share_buttons()

    def show_share_buttons(self):
        """Copy and Share only where the browser has the Clipboard and Web Share APIs."""
        clipboard = optional(js.navigator, "clipboard")
        copy = document.querySelector('#share-tool [data-action="copy-link"]')
        share = document.querySelector('#share-tool [data-action="share-link"]')
        if copy:
            copy.hidden = optional(clipboard, "writeText") is None
        if share:
            share.hidden = optional(js.navigator, "share") is None

    def on_toggle(self, details):
        if details.open:
            self.open_tools.add(str(details.id))
            self.fill_tool(details)
        else:
            self.open_tools.discard(str(details.id))

    def on_change(self, target):
        """Remember the days and time picked, so a redrawn tracker keeps them."""
        pid = target.getAttribute("data-remind")
        if pid:
            self.choices[pid] = self.picked_days(pid)
        elif target.id == "remind-time":
            self.time_text = str(target.value)

    def picked_days(self, pid):
        boxes = document.querySelectorAll('input[data-remind="%s"]' % pid)
        return [int(boxes.item(i).value) for i in range(boxes.length) if boxes.item(i).checked]

    def calendar_message(self, html):
        box = document.getElementById("calendar-message")
        if box:
            box.innerHTML = html

    def download_calendar(self):
        focus = self.store.doc["focus"]
        practices = plan_views.focused_practices(self.catalogue, focus)
        reminders = [(p, self.picked_days(p["id"])) for p in practices]
        time_box = document.getElementById("remind-time")
        try:
            text = ics.calendar(reminders, str(time_box.value) if time_box else "", today(),
                                str(js.Date.new().toISOString()), str(js.location.href))
        except ValueError as error:
            self.calendar_message(tag("p", escape("No file was made: %s." % error), class_="error", role="alert"))
            return
        self.calendar_message("")
        download(text, ics.file_name(today()), "text/calendar")
        self.messages.say("The calendar file was downloaded. Open it to add the reminders to your calendar.")

    def share_message(self, text, kind="note"):
        box = document.getElementById("share-message")
        if box:
            box.innerHTML = tag("p", escape(text), class_=kind)

    def copy_link(self):
        link = str(document.getElementById("share-link").value)
        promise = js.navigator.clipboard.writeText(link)
        # "*_": a promise resolved with undefined calls back with no argument at all.
        promise.then(create_proxy(lambda *_: self.share_message("The link was copied.")),
                     create_proxy(lambda *_: self.share_message(
                         "The link could not be copied here: select it and copy it yourself.", "error")))

    def share_link(self):
        link = str(document.getElementById("share-link").value)
        data = js.JSON.parse('{"title":"Our Attune plan","text":"Practices I would like us to focus on:","url":%s}'
                             % json_text.quote(link))
        # A rejection is the reader closing the share sheet, or a browser refusing: the link stays to copy.
        js.navigator.share(data).then(create_proxy(lambda *_: None), create_proxy(lambda *_: None))

    # --- #/plan/…: a partner's plan ------------------------------------------------------

    def show_plan(self):
        """Read the link and show the plan or why it cannot be read. Changes nothing stored."""
        body = document.getElementById("plan-body")
        try:
            plan = plan_link.decode(str(js.location.hash))
        except plan_link.PlanError as error:
            self.plan = None
            body.innerHTML = plan_views.plan_error(str(error))
            return
        self.plan = plan_link.split_known(plan, self.known)[0]
        body.innerHTML = plan_views.plan_view(self.catalogue, self.store.doc["focus"], plan)

    def add_plan(self):
        """The one place a shared plan changes anything: the reader tapped "Add to my practices"."""
        if not self.plan:
            return
        plan = self.plan
        self.plan = None
        added, raised = plan_link.changes(self.store.doc["focus"], plan)

        def merge(doc):
            merged = plan_link.merged_focus(doc["focus"], plan)
            for pid in merged:
                model.set_focus(doc, pid, merged[pid])

        self.store.update(merge, [layout.HEAD])
        self.app.tracker.mark_stale()   # rows move into "Trying now": #/practices draws them again
        self.app.tracker.sync_boxes()   # the articles' "Add to my practices" boxes
        self.messages.say(plan_views.added_message(added, raised), change=True)
        if self.store.doc["settings"].get("exit_everywhere") == 1:
            js.location.replace("#/practices")   # fewer traces: no new history entry (see boot.js)
        else:
            js.location.hash = "#/practices"

    # --- events ---------------------------------------------------------------------------

    def refresh(self):
        """After the store changed under the page (an import, another tab): the panel or the plan again."""
        if self.app.router.view == "practices":
            self.show_tools()
        elif self.app.router.view == "plan":
            self.show_plan()

    def changes(self):
        """data-change → handler(control), for the app's change routing (App.on_change): the reminders' days
        and time, and the focus and goals, which the calendar's practices and the share link follow."""
        return {"remind": self.on_change, "focus": lambda control: self.show_tools_later(),
                "goal": lambda control: self.show_tools_later()}

    def actions(self):
        """data-action → handler(button), for the app's click routing (App.on_click)."""
        return {"download-ics": lambda button: self.download_calendar(), "copy-link": lambda button: self.copy_link(),
                "share-link": lambda button: self.share_link(), "plan-add": lambda button: self.add_plan()}
