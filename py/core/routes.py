"""Hash routes: #/ (library), #/a/<slug>[/<heading>] (an article), #/practices (the tracker),
#/help (if you are worried or unsafe), #/plan/… (a plan shared by a partner; py/core/plan_link.py reads the rest),
#/journal[/<day>] (the notes; the day is passed on as written: py/render/journal_views.py checks it).

The one list of views: the build writes the route CSS and site/boot.js's table (which picks the view
before Python starts) from the constants below, and a browser test checks boot.js against parse().
"""

PAGES = ("practices", "help")          # a view of one word; anything after it is "missing"
WITH_REST = ("plan", "journal")        # a view whose rest of the path is its own (a plan, a day)
VIEWS = ("library",) + PAGES + WITH_REST + ("missing",)   # each is the page's <section id=…>; articles are #a-<slug>


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
