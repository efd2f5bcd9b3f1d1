"""The router: which view shows for the hash, where the reader is in an article, and "continue reading"."""
import js

from core import layout
from core import model
from core import routes
from web.dom import NO_SCROLL, document, now_ms, q, qa, root, scroll_range
from render.markup import escape, tag
from web.pacing import AfterPaint

LIBRARY_TITLE = "Attune — empathy in couples, and small practices to try"


class Router:
    def __init__(self, app):
        self.app = app
        self.store = app.store
        self.view = None
        self.slug = None
        self.resume_pending = False   # the reader chose "continue reading": scroll to the saved place
        self.heading = None           # the new view's heading, focused after its first paint
        self.focus_later = AfterPaint(self.focus_heading)

    def route(self, first=False):
        self.save_position()
        self.heading = None
        if not first:
            self.focus_later()   # asked before the view's own pieces: it runs first, after the paint
        view, slug, anchor = routes.parse(js.location.hash, self.app.slugs)
        if self.view == "practices" and view != "practices":
            self.app.tracker.prepare_soon()   # its first rows, for the next opening
        self.view, self.slug = view, slug
        root.setAttribute("data-route", routes.route_name(view, slug))
        for link in qa("[data-nav]"):
            if link.dataset.nav == view:
                link.setAttribute("aria-current", "page")
            else:
                link.removeAttribute("aria-current")
        if view == "practices":
            self.app.tracker.show()
            self.app.keeping.show()
            self.app.plan_page().show_tools_later()   # below the rows: shown once they are in (tracker.show)
        elif view == "plan":
            self.app.plan_page().show_plan()
        elif view == "library":
            self.show_resume()
        heading = q("#a-%s h1" % slug) if view == "article" else q("#%s h1" % view)
        document.title = ("%s — Attune" % heading.textContent) if view != "library" else LIBRARY_TITLE
        if view == "journal":   # its anchor is a day: the journal finds what to focus
            target = self.app.journal_page().show(anchor)
        else:
            target = document.getElementById(anchor) if anchor else None
        reading = self.store.doc["reading"]
        if view == "article" and self.resume_pending and reading and reading["slug"] == slug:
            self.resume_pending = False
            js.window.scrollTo(0, int(scroll_range() * reading["position"] / 1000))
            heading.focus(NO_SCROLL)
        elif target:
            target.scrollIntoView()
            target.focus()
        elif not first:
            js.window.scrollTo(0, 0)   # (0, 0) needs no layout
            self.heading = heading

    def focus_heading(self):
        """Move the screen reader to the new view's heading, once the view is painted: focused in the
        tap's task, the new view was laid out at once there (at 4× CPU, 30 ms of a 55-75 ms task).
        Not if the reader has focused something in the view meanwhile."""
        heading, self.heading = self.heading, None
        if heading and not heading.closest(".view").contains(document.activeElement):
            heading.focus(NO_SCROLL)

    def save_position(self):
        if self.view != "article":
            return
        height = scroll_range()
        position = int(1000 * js.window.scrollY / height) if height > 0 else 0  # per mille of the way down
        self.store.update(lambda doc: model.set_reading(doc, self.slug, position, now_ms()), [layout.HEAD])

    def show_resume(self):
        reading = self.store.doc["reading"]
        box = q("#resume")
        if reading and reading["slug"] in self.app.slugs:
            title = [a["title"] for a in self.app.catalogue["articles"] if a["slug"] == reading["slug"]][0]
            box.innerHTML = tag("p", "Continue where you left off: " + tag(
                "a", escape(title), href="#/a/" + reading["slug"], data_resume="1"), class_="resume")
        else:
            box.innerHTML = ""
