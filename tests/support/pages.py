"""What the browser tests share: a watched page (its requests, console errors and stored data), the
check every watched page must pass when its test ends, and steps many tests take (today's date in the
page, the view shown, a tracker row or "Your data" opened)."""
import json
from urllib.parse import urlparse

from core import layout
from core import model
from core import store
from browser import READY
from dict_backend import DictBackend

LOCAL_HOSTS = ("127.0.0.1",)


class Watched:
    """A page whose requests, console errors and page errors are recorded for assertions; `hosts` are
    the names the site is served under (any other is another host)."""

    def __init__(self, context, page, hosts=LOCAL_HOSTS):
        self.context, self.page, self.hosts = context, page, tuple(hosts)
        self.requests, self.errors = [], []
        page.on("request", lambda r: self.requests.append(r.url))
        page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        page.on("pageerror", lambda e: self.errors.append(str(e)))

    def open(self, url):
        self.page.goto(url)
        self.page.wait_for_selector(READY, state="attached")
        state = self.page.get_attribute("html", "data-app")
        assert state == "ready", f"app did not start: {self.page.inner_text('#status')}"
        self.page.wait_for_selector("#tracker[aria-busy]", state="detached")   # #/practices: every group drawn
        return self.page

    def foreign_requests(self):
        return [u for u in self.requests
                if urlparse(u).hostname not in self.hosts and not u.startswith(("data:", "blob:"))]

    def storage(self):
        """Every localStorage key of the page, as a dict."""
        return self.page.evaluate(
            "Object.fromEntries(Object.keys(localStorage).map(k => [k, localStorage.getItem(k)]))")

    def stored(self):
        """The tracker document the page has stored, read from its keys by py/core/store.py, as an export
        shows it (check-ins as ISO lists); None when nothing is stored."""
        keys = self.storage()
        if not any(layout.is_data_key(k) for k in keys):
            return None
        reader = store.Store(DictBackend(keys), lambda: 0)
        reader.open()
        # Unreadable data is told each time it is read; here only data the page had already backed up may be.
        kept = sorted(k for k in keys if k.startswith(store.BACKUP_PREFIX))
        assert reader.notices == [] or (reader.backups == kept and len(reader.notices) == 1
                                        and "could not be read" in reader.notices[0][1]), reader.notices
        return json.loads(model.dumps(reader.doc))

    def checkins(self):
        """The stored check-ins as an export shows them; {} when nothing is stored."""
        return (self.stored() or {"checkins": {}})["checkins"]


def assert_clean(watched, errors=True):
    """No request went to another host and, unless errors=False, the page logged no console or page error.
    The `watch` fixture (tests/conftest.py) runs it on every watched page when a browser test ends."""
    # tests/support is not rewritten by pytest: the messages carry what was found. Addresses a test routes
    # to a local body and lets the page navigate to (leaving quickly: exit_addresses) are not requests out.
    allowed = getattr(watched.context, "exit_addresses", ())
    foreign = [u for u in watched.foreign_requests() if u not in allowed]
    assert foreign == [], "requests to another host: %s" % foreign
    if errors:
        assert watched.errors == [], "console or page errors (a test that provokes them is marked " \
            "allow_console_errors): %s" % watched.errors


def today(page):
    """Today's date as the page sees it, YYYY-MM-DD."""
    return page.evaluate("(() => { const d = new Date(); return d.getFullYear() + '-' + String(d.getMonth() + 1)"
                         ".padStart(2, '0') + '-' + String(d.getDate()).padStart(2, '0'); })()")


def visible_view(page):
    """The ids of the views shown now (one, when routing works)."""
    return page.evaluate("[...document.querySelectorAll('.view')].filter(v => v.offsetParent !== null).map(v => v.id)")


def open_row(page, pid):
    """Open a practice's row (its text, focus, goal and 12-week grid) and wait for the grid."""
    details = page.locator(f"#tracker details[data-grid='{pid}']")
    if not details.evaluate("d => d.open"):
        details.locator("summary").click()
    details.locator(".grid-wrap:not([aria-busy])").wait_for()
    return page.locator(f".tracker-card[data-practice='{pid}']")


def take_on(page, *pids):
    """Take practices on as a reader does, with "Add to my practices" in "All practices" on #/practices,
    and wait for their rows in "Trying now"."""
    page.locator("#all-practices").evaluate("d => { d.open = true; }")
    for pid in pids:
        page.locator(f"#all-practices input[data-focus='{pid}']").first.check()
        page.locator(f"#tracker [data-group='mine'] li[data-practice='{pid}']").wait_for(state="attached")
    page.locator("#all-practices").evaluate("d => { d.open = false; }")
    page.wait_for_selector("#tracker[aria-busy]", state="detached")
    page.evaluate("""() => new Promise((done) => { window.scrollTo(0, 0);   // back at the top, where the rows are
        requestAnimationFrame(() => requestAnimationFrame(done)); })""")


def open_data(page):
    """Open "Your data" (export, import, erase), which is closed on a normal day."""
    page.locator("#data-details").evaluate("d => d.open || d.querySelector('summary').click()")
    page.locator("#data-details[open]").wait_for(state="attached")


# localStorage refused (as with cookies blocked): the app runs in memory and says nothing is kept.
DISABLE_STORAGE = """
Object.defineProperty(window, 'localStorage', {
  get() { throw new DOMException('The operation is insecure.', 'SecurityError'); }
});
"""
