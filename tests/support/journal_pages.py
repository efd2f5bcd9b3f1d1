"""The journal's pages, for the journal's and the lock's browser tests: a profile seeded as the app
would store it, then #/journal opened on it."""
from core import dates
from core import model
from core import store
from dict_backend import DictBackend
from pages import today

SEED = "seed => { for (const k of Object.keys(seed)) localStorage.setItem(k, seed[k]); }"


def today_ordinal(page):
    return dates.ordinal(today(page))


def stored_form(doc):
    """{key: text} as the app's Store writes `doc`."""
    backend = DictBackend()
    kept = store.Store(backend, lambda: 0)
    kept.open()
    kept.replace(doc)
    return dict(backend.data)


def open_journal(w, site, make_doc, route="#/journal"):
    """Open the app once to learn its today, store make_doc(today) as the app would, then open `route` on it."""
    page = w.open(site)
    doc = make_doc(today_ordinal(page))
    page.evaluate(SEED, stored_form(doc))
    page.goto(site + route)
    page.reload()
    page.wait_for_selector("html[data-app=ready]")
    page.wait_for_selector("#journal-body .journal-add")
    return page, doc


def notes_on(offsets):
    """make_doc: one note on each of these days before today (0: today), saying which."""
    def make(t):
        doc = model.empty()
        for offset in offsets:
            model.add_note(doc, dates.iso(t - offset), "Note of day -%d <b>kept as text</b>" % offset)
        return doc
    return make
