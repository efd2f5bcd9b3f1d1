"""Hash routes: #/ (library), #/a/<slug>[/<heading>] (an article), #/practices (the tracker),
#/help (if you are worried or unsafe), #/plan/… (a plan shared by a partner; py/core/plan_link.py reads the rest),
#/journal[/<day>] (the notes; the day is passed on as written: py/render/journal_views.py checks it).

The one list of views, TABLE: the build writes from it the route CSS, the print CSS, site/boot.js's
table (which picks the view before Python starts) and the pages written in Markdown; a browser test
checks boot.js against parse().
"""


class View:
    """A view: its name is its <section id> and its route (#/name). path: "page" (#/name alone; anything
    after it is "missing"), "rest" (the rest of the path is its own: a plan, a day), "home" (#/), or "none"
    (no route of its own). printed: whether it prints. markdown: its text's source under content/, for a
    page the build renders from Markdown (its section is written by the build, not site/index.html)."""

    def __init__(self, name, path="page", printed=True, markdown=None):
        self.name, self.path, self.printed, self.markdown = name, path, printed, markdown


TABLE = (
    View("library", path="home", printed=False),
    View("practices", printed=False),
    View("help", markdown="pages/help.md"),
    View("plan", path="rest"),
    View("journal", path="rest"),
    View("missing", path="none", printed=False),
)
PAGES = tuple(view.name for view in TABLE if view.path == "page")
WITH_REST = tuple(view.name for view in TABLE if view.path == "rest")
VIEWS = tuple(view.name for view in TABLE)   # each is the page's <section id=…>; articles are #a-<slug>


def parse(hash_text, slugs):
    """(view, slug, anchor): view is one of VIEWS, or "article"."""
    path = hash_text[1:] if hash_text.startswith("#") else hash_text
    parts = [p for p in path.split("/") if p]
    if not parts:
        return ("library", None, None)
    if parts[0] in PAGES and len(parts) == 1:
        return (parts[0], None, None)
    if parts[0] == "journal":
        return ("journal", None, "/".join(parts[1:]) if len(parts) > 1 else None)
    if parts[0] == "plan":
        return ("plan", None, None)
    if parts[0] == "a" and len(parts) in (2, 3) and parts[1] in slugs:
        return ("article", parts[1], parts[2] if len(parts) == 3 else None)
    return ("missing", None, None)


def route_name(view, slug):
    """The value of <html data-route>, which the stylesheet uses to show one view."""
    return "a/" + slug if view == "article" else view
