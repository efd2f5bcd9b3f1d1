"""The app in real Chromium: reading, routing, ticking, the tracker and what stays on the device."""
import json

import pytest

from browser import DESKTOP, PHONE
from pages import today, visible_view
from spoilt_bundle import cut_short, damaged, serve_spoilt

pytestmark = pytest.mark.browser
ARTICLES = ["crying-together", "why-he-cries", "never-cries", "deepening-connection"]


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_library_article_and_back(site, open_page, viewport):
    """The library lists every article, its link opens the article alone, and back returns."""
    w = open_page(viewport)
    page = w.open(site)
    titles = page.locator("#library .card h2 a")
    assert titles.count() == len(ARTICLES)
    assert visible_view(page) == ["library"]
    titles.first.click()
    page.wait_for_function("document.documentElement.dataset.route === 'a/crying-together'")
    assert visible_view(page) == ["a-crying-together"]
    assert page.evaluate("document.activeElement.id") == "crying-together--title"
    assert "When your partner cries as you cry" in page.title()
    page.go_back()
    page.wait_for_function("document.documentElement.dataset.route === 'library'")
    assert visible_view(page) == ["library"]


def test_deep_link_and_unknown_route(site, open_page):
    """A deep link opens its article on first load; an unknown article shows 'not found'."""
    w = open_page()
    page = w.open(site + "#/a/never-cries")
    assert visible_view(page) == ["a-never-cries"]
    page.evaluate("location.hash = '#/a/no-such-article'")
    page.wait_for_function("document.documentElement.dataset.route === 'missing'")
    assert visible_view(page) == ["missing"]


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_tick_survives_reload(site, open_page, viewport):
    """Ticking a practice in an article stores it for today and it is still ticked after a reload."""
    w = open_page(viewport)
    page = w.open(site + "#/a/crying-together")
    box = page.locator("#crying-together--do-active-listening")
    assert box.is_enabled()
    page.get_by_label("Listen actively").first.check()
    assert w.stored()["checkins"]["active-listening"] == [today(page)]
    page.reload()
    page.wait_for_selector("html[data-app=ready]")
    assert page.locator("#crying-together--do-active-listening").is_checked()
    # The same practice in another article is the same practice, ticked too.
    assert page.locator("#never-cries--do-active-listening").is_checked()


def test_every_article_has_its_practices_as_checkboxes(site, open_page):
    """At phone size each article shows at least four enabled, labelled practice checkboxes."""
    w = open_page(PHONE)
    page = w.open(site)
    catalogue = json.loads(page.inner_text("#catalogue"))
    for article in catalogue["articles"]:
        page.evaluate(f"location.hash = '#/a/{article['slug']}'")
        page.wait_for_function(f"document.documentElement.dataset.route === 'a/{article['slug']}'")
        boxes = page.locator(f"#a-{article['slug']} input.practice-box")
        assert boxes.count() == len(article["practices"]) >= 4
        for pid in article["practices"]:
            box = page.locator(f"#{article['slug']}--do-{pid}")
            assert box.is_visible() and box.is_enabled()
            name = [p["name"] for p in catalogue["practices"] if p["id"] == pid][0]
            assert page.locator(f"label[for='{article['slug']}--do-{pid}']").inner_text() == name


@pytest.mark.parametrize("width", [320, 360, 390])
def test_no_sideways_scroll_on_phones(site, open_page, width):
    """No view scrolls sideways on a phone screen, and the header stays one line whichever link is current."""
    w = open_page({"width": width, "height": 800})
    page = w.open(site)
    # One line: no taller than its tallest control and its padding (the brand gives its place to Leave quickly).
    one_line = page.evaluate("Math.max(...[...document.querySelectorAll('header.bar > *, header.bar nav > *')]"
                             ".map(e => e.getBoundingClientRect().height))") + 20
    for route in ["#/"] + [f"#/a/{slug}" for slug in ARTICLES] + ["#/practices", "#/journal", "#/help"]:
        page.evaluate(f"location.hash = '{route}'")
        # Routed (Python sets data-route and draws the view in one task) and, on #/practices, every group drawn.
        page.wait_for_function("name => document.documentElement.dataset.route === name", arg=route[2:] or "library")
        page.wait_for_selector("#tracker[aria-busy]", state="detached")
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{route} scrolls sideways by {overflow}px at {width}px"
        header = page.evaluate("document.querySelector('header.bar').getBoundingClientRect().height")
        assert header <= one_line, f"the header wraps onto two lines on {route} at {width}px ({header}px)"


def test_undo_reverts_a_tick(site, open_page):
    """The Undo button in the message after a tick takes the tick back."""
    w = open_page()
    page = w.open(site + "#/a/why-he-cries")
    page.get_by_label("Let yourself be comforted", exact=True).check()
    page.get_by_role("button", name="Undo").click()
    assert not page.get_by_label("Let yourself be comforted", exact=True).is_checked()
    assert "steady-yourself" not in w.checkins()


def test_tracker_counts_and_library_progress(site, open_page):
    """A tick takes the practice on: it shows in the tracker (done today, once), and as "you've tried 1" in the
    library."""
    w = open_page(DESKTOP)
    page = w.open(site + "#/a/why-he-cries")
    page.get_by_label("Hold and reassure", exact=True).check()
    page.goto(site + "#/practices")
    page.wait_for_selector("#tracker:not([aria-busy]) .tracker-card")
    assert page.locator("#tracker--do-hold-and-reassure").is_checked()
    assert page.locator("#tracker input.practice-box").count() == 1   # only the practice taken on has a row
    # What a row keeps closed is drawn on opening.
    page.click("#tracker details[data-grid='hold-and-reassure'] summary")
    facts = page.locator(".tracker-card[data-practice='hold-and-reassure'] .facts")
    assert facts.inner_text() == "Done on 1 day in all."
    page.goto(site + "#/")
    page.wait_for_selector("html[data-app=ready]")
    assert page.inner_text("[data-tried='why-he-cries']") == " · you've tried 1"


@pytest.mark.allow_console_errors("the damaged catalogue makes Python's start-up raise, which the page logs")
def test_a_failed_start_says_so_and_leaves_the_articles_readable(site, open_page):
    """When start-up fails (here a damaged catalogue), data-app="error" comes with an alert, and reading goes on."""
    w = open_page(PHONE)

    def damage(route):
        response = route.fetch()
        route.fulfill(response=response, body=response.text().replace('id="catalogue">', 'id="catalogue">{', 1))

    w.context.route(site, damage)
    page = w.page
    page.goto(site + "#/a/never-cries")
    page.wait_for_selector("html[data-app=error]", state="attached")
    alert = page.locator("#status [role=alert]")
    assert "Attune could not start" in alert.inner_text()
    assert "The articles can still be read" in alert.inner_text()
    assert visible_view(page) == ["a-never-cries"]  # boot.js routed before Python


@pytest.mark.parametrize("spoil, says", [
    (cut_short, "Attune could not start (modules.bin ends inside"),
    (damaged, "Attune could not start (modules.bin is damaged inside its list of modules)"),
], ids=["cut-short", "damaged"])
@pytest.mark.allow_console_errors("the spoilt modules.bin makes Python's start-up raise, which the page logs")
def test_a_spoilt_module_bundle_says_so(site, open_page, spoil, says):
    """A modules.bin cut short on the way (a proxy, a full disk) or damaged stops the start with the alert
    that names it, instead of importing half a module; the articles stay readable."""
    w = open_page(PHONE)
    w.context.route("**/py/modules.bin", lambda route: serve_spoilt(route, spoil))
    page = w.page
    page.goto(site + "#/a/never-cries")
    page.wait_for_selector("html[data-app=error]", state="attached")
    alert = page.locator("#status [role=alert]").inner_text()
    assert says in alert and "The articles can still be read" in alert
    assert visible_view(page) == ["a-never-cries"]
