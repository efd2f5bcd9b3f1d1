"""The smoke suite in Firefox and WebKit at phone size: starting, saving, the tracker, offline, display settings.

Each test serves its own copy of the site on a new port: a new origin, so nothing saved or cached
by an earlier test is seen. Where an engine cannot run here the tests skip, saying why.
"""
import json
import re
from pathlib import Path

import pytest

import engines
from builder.serve import Server
from paths import DIST, ROOT

pytestmark = pytest.mark.engines
SCREENSHOTS = ROOT / "test-results" / "screenshots"
TODAY = ("(() => { const d = new Date(); return d.getFullYear() + '-' + String(d.getMonth() + 1).padStart(2, '0')"
         " + '-' + String(d.getDate()).padStart(2, '0'); })()")


@pytest.fixture(scope="module", params=["firefox", "webkit"])
def tab(request):
    """One tab of the engine, at 390×844, for all the tests of this module."""
    reason = engines.missing(request.param)
    if reason:
        pytest.skip(reason)
    tab = engines.launch(request.param)
    yield tab
    tab.close()


@pytest.fixture(scope="session")
def recorded_site(tmp_path_factory):
    """dist/ copied with the in-page error recorder at the top of boot.js."""
    if not (DIST / "index.html").exists():
        pytest.fail("dist/ is not built: run `make test`, which builds it first")
    return engines.site_copy(DIST, tmp_path_factory.mktemp("engines") / "site")


@pytest.fixture
def url(tab, recorded_site):
    """The site on a port of its own; afterwards, no page error may have been seen."""
    server = Server(recorded_site).start()
    tab.errors = []
    tab.set_viewport(engines.PHONE)
    yield server.url
    errors = tab.collect_errors()
    server.stop()
    assert errors == [], "%s: page errors: %s" % (tab.name, errors)


def test_cold_load_reaches_ready(tab, url):
    """A first visit starts the app, shows the library and fits the phone's width."""
    tab.open(url)
    assert tab.evaluate("document.querySelectorAll('#library .card').length") == 4
    assert tab.evaluate("document.documentElement.dataset.route") == "library"
    assert tab.evaluate("document.documentElement.scrollWidth - innerWidth") <= 0


def test_tick_survives_reload(tab, url):
    """A practice ticked with a click is stored for today and still ticked after a reload."""
    tab.open(url + "#/a/why-he-cries")
    tab.click("#why-he-cries--do-steady-yourself")
    tab.wait_for("document.querySelector('#status').textContent.includes('marked as done today')")
    assert tab.stored()["checkins"] == {"steady-yourself": [tab.evaluate(TODAY)]}
    tab.reload()
    tab.wait_ready()
    assert tab.evaluate("document.querySelector('#why-he-cries--do-steady-yourself').checked") is True


def test_firefox_with_cookies_blocked_starts_and_says_nothing_is_saved(recorded_site):
    """Firefox refusing all storage (cookies blocked) still starts the app; ticks work and the page says they are not
    saved."""
    reason = engines.missing("firefox")
    if reason:
        pytest.skip(reason)
    tab = engines.launch("firefox", prefs={"network.cookie.cookieBehavior": 2})  # 2: block all cookies
    server = Server(recorded_site).start()
    try:
        # The start must never pass through "error": PyScript's worker channel and IndexedDB cache are refused.
        tab.goto(server.url + "#/a/why-he-cries")
        tab.wait_for("document.documentElement.dataset.app !== 'loading'", 60, "data-app to leave 'loading'")
        assert tab.evaluate("document.documentElement.dataset.app") == "ready", tab.evaluate(
            "document.querySelector('#status').innerText")
        assert tab.evaluate("!!document.querySelector('#unsaved')")
        tab.click("#why-he-cries--do-steady-yourself")
        tab.wait_for("document.querySelector('#status').textContent.includes('marked as done today')")
        assert "Not saved" in tab.evaluate("document.querySelector('#status').textContent")
        assert tab.evaluate("document.querySelector('#why-he-cries--do-steady-yourself').checked") is True
    finally:
        server.stop()
        tab.close()


def test_tracker_offers_export_import_and_erase(tab, url):
    """#/practices shows the tracker's cards and the Save a copy, Restore a copy and Erase controls."""
    tab.open(url + "#/practices")
    tab.wait_for("document.querySelector('#tracker:not([aria-busy]) #all-practices')")
    tab.evaluate("document.querySelector('#data-details').open = true")   # "Your data" opens on demand
    visible = tab.evaluate("""[...document.querySelectorAll('#tracker .actions button, #tracker .actions label')]
                              .filter(e => e.offsetParent !== null).map(e => e.textContent)""")
    assert visible == ["Save a copy", "Restore a copy", "Erase all data"]
    tab.click("[data-action=erase]")
    tab.wait_for("document.querySelector('#data-dialog button')")
    assert "cannot be undone" in tab.text("#data-dialog")


def test_keep_data_offer_follows_the_storage_manager(tab, url):
    """"Ask this browser not to clear…" is offered where the engine has navigator.storage (Firefox) and absent where not
    (WebKitGTK)."""
    tab.open(url + "#/practices")
    tab.wait_for("document.querySelector('#tracker:not([aria-busy]) #all-practices')")
    tab.evaluate("document.querySelector('#data-details').open = true")
    if tab.evaluate("'storage' in navigator && 'persist' in navigator.storage"):
        tab.wait_for("document.querySelector('#keep-data button')")
        assert tab.text("#keep-data-status") == ("This browser may clear Attune's data when the device runs short"
                                                 " of space.")
    else:
        tab.evaluate("new Promise(done => setTimeout(done, 300))")  # time for an answer that must not come
        assert tab.evaluate("document.querySelector('#keep-data').innerHTML") == ""


def test_reload_offline_after_first_visit(tab, recorded_site):
    """Once the service worker controls the page, a reload with the server stopped still starts the app."""
    server = Server(recorded_site).start()
    tab.errors = []
    try:
        tab.open(server.url + "#/a/never-cries")
        tab.wait_for("navigator.serviceWorker.controller !== null", 60, "the service worker to take control")
    finally:
        server.stop()
    tab.reload()
    tab.wait_ready()
    assert tab.evaluate("document.documentElement.dataset.route") == "a/never-cries"
    tab.click("#never-cries--do-feelings-journal")
    tab.wait_for("document.querySelector('#status').textContent.includes('marked as done today')")
    errors = tab.collect_errors()
    assert errors == [], "%s: page errors: %s" % (tab.name, errors)


def test_display_settings_apply_and_stay(tab, url):
    """Choosing a larger text size and the dark theme changes the page at once and after a reload."""
    tab.open(url)
    before = tab.evaluate("parseFloat(getComputedStyle(document.querySelector('#library .lede')).fontSize)")
    tab.click("#display summary")
    tab.click("input[data-setting=text_size][value='3']")
    tab.click("input[data-setting=theme][value=dark]")
    tab.wait_for("document.documentElement.dataset.theme === 'dark'")
    for check in (lambda: None, lambda: (tab.reload(), tab.wait_ready())):
        check()
        assert tab.evaluate("document.documentElement.dataset.textSize") == "3"
        assert tab.evaluate("parseFloat(getComputedStyle(document.querySelector('#library .lede')).fontSize)") > before
        background = tab.evaluate("getComputedStyle(document.body).backgroundColor")
        assert luminance(background) < 0.2, "%s: dark theme background is %s" % (tab.name, background)
    settings = tab.stored()["settings"]
    assert (settings["theme"], settings["text_size"]) == ("dark", 3)


def test_leave_quickly_leaves_in_place_of_the_entry(tab, url, recorded_site):
    """On #/help the header's Leave quickly, clicked, opens the exit address (a reader's own: a local page here)
    in place of Attune's entry: history.length stays the same, and that page is told no referrer."""
    (recorded_site / "left.html").write_text("<!doctype html><title>Weather</title><p>Weather today</p>\n")
    # The same server under another name: another origin, which Attune's service worker does not answer for.
    left = url.replace("//127.0.0.1:", "//localhost:") + "left.html"
    tab.open(url + "#/help")
    tab.evaluate("localStorage.setItem('attune:data', JSON.stringify({schema: 2, focus: {}, reading: {}, settings: "
                 "{theme: 'system', text_size: 1, at: 1, exit_url: %s}}))" % json.dumps(left))
    tab.reload()
    tab.wait_ready()
    assert tab.evaluate("getComputedStyle(document.querySelector('a.leave')).display") != "none"
    assert tab.evaluate("document.querySelector('a.leave').getAttribute('href')") == left
    length = tab.evaluate("history.length")
    tab.click("a.leave")
    tab.wait_for("location.href === %s" % json.dumps(left), 30, "the exit page")
    assert tab.evaluate("[history.length, document.referrer, document.body.textContent.trim()]") == [
        length, "", "Weather today"]


def luminance(css_color):
    """0 (black) to 1 (white), roughly, from 'rgb(r, g, b)'."""
    r, g, b = (float(x) for x in re.findall(r"[\d.]+", css_color)[:3])
    return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255


@pytest.mark.parametrize("width", [360, 390])
def test_views_fit_and_screenshots(tab, url, width):
    """Library, an article and the tracker (with Your data) fit 360 and 390 px without sideways scroll; screenshots kept
    to look at."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    tab.set_viewport({"width": width, "height": 844})
    tab.open(url)
    for route, name in (("#/", "library"), ("#/a/crying-together", "article"), ("#/practices", "practices")):
        tab.route_to(route)
        tab.evaluate("scrollTo(0, 0)")
        overflow = tab.evaluate("document.documentElement.scrollWidth - innerWidth")
        assert overflow <= 0, "%s: %s scrolls sideways by %spx at %spx" % (tab.name, route, overflow, width)
        tab.screenshot(Path(SCREENSHOTS, "%s-%d-%s.png" % (tab.name, width, name)))
    tab.evaluate("scrollTo(0, document.querySelector('#data-title').getBoundingClientRect().top + scrollY - 150)")
    tab.screenshot(Path(SCREENSHOTS, "%s-%d-your-data.png" % (tab.name, width)))


def test_a_missing_engine_is_named_with_the_way_to_install_it(monkeypatch):
    """With no browser binaries found, each engine's skip reason names what is missing and how to get it."""
    monkeypatch.setattr(engines.shutil, "which", lambda name: None)
    monkeypatch.setattr(engines.glob, "glob", lambda pattern: [])
    assert engines.missing("firefox") == "Firefox is not installed (Debian's firefox-esr); " + engines.INSTALL_HINT
    assert engines.missing("webkit").startswith(
        "WebKit cannot run: WebKitWebDriver (Debian's webkit2gtk-driver) is not installed")
    assert "make engines" in engines.missing("webkit")


def test_journal_lock_survives_reload(tab, url):
    """The journal lock: a note locked with a passphrase is unreadable at rest, locked after a reload, and opens
    again."""
    tab.open(url)
    tab.route_to("#/journal")
    tab.wait_for("document.querySelector('#journal-note')")
    set_value = "((s, v) => { const e = document.querySelector(s); e.value = v; return true; })"
    tab.evaluate("%s('#journal-note', 'A note the engines must lock away')" % set_value)
    tab.click("[data-action=journal-add]")
    tab.wait_for("document.querySelector('#journal-body').innerText.includes('A note the engines')")
    tab.evaluate("document.querySelector('#lock-panel').open = true")
    tab.evaluate("%s('#lock-new', 'quiet river morning tea')" % set_value)
    tab.evaluate("%s('#lock-again', 'quiet river morning tea')" % set_value)
    tab.click("[data-action=lock-on]")
    tab.wait_for("document.querySelector('[data-action=lock-now]')", timeout=60)
    stored = tab.evaluate("Object.keys(localStorage).map(k => localStorage.getItem(k)).join('\\n')")
    assert "engines must" not in stored and "attune:lock" in tab.evaluate("Object.keys(localStorage).join(' ')")
    tab.reload()
    tab.wait_ready()
    tab.wait_for("document.querySelector('#lock-pass')")
    assert "engines must" not in tab.text("#journal-body")
    tab.evaluate("%s('#lock-pass', 'quiet river morning tea')" % set_value)
    tab.click("[data-action=lock-unlock][data-field=lock]")
    tab.wait_for("document.querySelector('#journal-body').innerText.includes('A note the engines')", timeout=60)


ENTER = "\ue007"   # WebDriver's Enter key


def test_enter_submits_each_form(tab, url):
    """Enter (typed with real key presses) sends the lock's forms and the exit address's, and the page stays where
    it is: the lock is set, a wrong passphrase is refused with its text kept, the right one unlocks, the address is
    kept."""
    tab.open(url)
    tab.route_to("#/journal")
    tab.wait_for("document.querySelector('#lock-panel')")
    tab.evaluate("(window.__samePage = 1, document.querySelector('#lock-panel').open = true)")
    tab.type_keys("#lock-new", "quiet river morning tea")
    tab.type_keys("#lock-again", "quiet river morning tea" + ENTER)
    tab.wait_for("document.querySelector('[data-action=lock-now]')", timeout=60)
    tab.reload()
    tab.wait_ready()
    tab.wait_for("document.querySelector('#lock-pass')")
    tab.evaluate("window.__samePage = 1")
    tab.type_keys("#lock-pass", "not the passphrase" + ENTER)
    tab.wait_for("document.querySelector('#lock-error').innerText.includes('does not open')", timeout=60)
    assert tab.evaluate("document.querySelector('#lock-pass').value") == "not the passphrase"
    tab.evaluate("(document.querySelector('#lock-pass').value = '', true)")
    tab.type_keys("#lock-pass", "quiet river morning tea" + ENTER)
    tab.wait_for("document.querySelector('[data-action=lock-now]')", timeout=60)
    tab.evaluate("document.querySelector('#display').open = true")
    tab.type_keys("#exit-url", "news.example/today" + ENTER)
    tab.wait_for("document.querySelector('a.leave').getAttribute('href') === 'https://news.example/today'")
    assert tab.evaluate("document.querySelector('#exit-url').value") == "https://news.example/today"
    assert "news.example" in tab.text("#status")
    assert tab.evaluate("window.__samePage") == 1 and tab.evaluate("location.hash") == "#/journal"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    tab.screenshot(Path(SCREENSHOTS, "%s-enter-submits.png" % tab.name))


ONE_LINE = ("document.querySelector('header.bar').getBoundingClientRect().height <= 20 + Math.max(...[...document"
            ".querySelectorAll('header.bar > *, header.bar nav > *')].map(e => e.getBoundingClientRect().height))")


def test_leave_quickly_shows_and_the_header_keeps_one_line_at_every_text_size(tab, url):
    """At 320 px, on the library, Leave quickly shows by default and the header stays one line at every text size,
    with no sideways scroll; screenshots kept to look at."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    tab.set_viewport({"width": 320, "height": 700})
    tab.open(url)
    for size in (0, 1, 2, 3):
        tab.evaluate("localStorage.setItem('attune:data', JSON.stringify({schema: 2, focus: {}, reading: {}, "
                     "settings: {theme: 'system', text_size: %d, at: 1}}))" % size)
        tab.reload()
        tab.wait_ready()
        assert tab.evaluate("getComputedStyle(document.querySelector('a.leave')).display") != "none"
        assert tab.evaluate(ONE_LINE), "%s: the header wraps at text size %d" % (tab.name, size)
        assert tab.evaluate("document.documentElement.scrollWidth - innerWidth") <= 0
        tab.screenshot(Path(SCREENSHOTS, "%s-320-size%d-header.png" % (tab.name, size)))
