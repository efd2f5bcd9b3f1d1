"""Reading comfort in real Chromium: settings, continuing where you left off, links and navigation."""
import json
import time

import pytest

from browser import DESKTOP, PHONE

pytestmark = pytest.mark.browser


@pytest.mark.allow_console_errors("Python's runtime is blocked on purpose (the browser logs each refused file), "
                                   "and Playwright's register() stub (service_workers='block') resolves to undefined")
def test_text_size_and_theme_are_kept_and_applied_before_python(site, open_page):
    """Choosing larger text and dark theme saves them; after a reload they apply before Python starts."""
    w = open_page(PHONE, service_workers="block")   # a service worker would serve the runtime from its cache
    page = w.open(site)
    base = page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)")
    page.click("#display summary")
    page.get_by_label("Larger").check()
    page.get_by_label("Dark").check()
    assert w.stored()["settings"]["theme"] == "dark"
    assert w.stored()["settings"]["text_size"] == 3
    assert page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)") > base
    # Block Python's runtime: boot.js alone must apply the saved settings.
    refused = []
    w.context.route("**/runtime/**", lambda route: (refused.append(route.request.url), route.abort()))
    page.reload()
    page.wait_for_load_state("domcontentloaded")
    assert page.get_attribute("html", "data-theme") == "dark"
    assert page.get_attribute("html", "data-text-size") == "3"
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert background == "rgb(22, 27, 29)"
    assert refused, "the runtime was never requested, so nothing was blocked"
    assert page.get_attribute("html", "data-app") != "ready"   # Python never started


def test_system_theme_follows_the_device(site, open_page):
    """With the default 'As the device' theme, a dark device gets the dark colours."""
    w = open_page(PHONE, color_scheme="dark")
    page = w.open(site)
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") == "rgb(22, 27, 29)"


def test_continue_where_you_left_off(site, open_page):
    """Leaving an article half read offers it in the library, and the link returns to that position."""
    w = open_page(PHONE)
    page = w.open(site + "#/a/deepening-connection")
    page.evaluate("window.scrollTo(0, (document.documentElement.scrollHeight - innerHeight) / 2)")
    page.click("nav a[href='#/']")   # on a phone, Leave quickly stands in the brand's place here
    page.wait_for_function("document.documentElement.dataset.route === 'library'")
    reading = w.stored()["reading"]
    assert reading["slug"] == "deepening-connection" and 400 <= reading["position"] <= 600
    assert abs(reading["at"] - time.time() * 1000) < 120_000  # a real clock, not cut to 32 bits
    link = page.locator("#resume a")
    assert link.inner_text() == "How empathy brings you closer"
    link.click()
    # The router scrolls to the saved place, then focuses the heading: its last step.
    page.wait_for_function("document.activeElement && document.activeElement.id === 'deepening-connection--title'")
    ratio = page.evaluate("scrollY / (document.documentElement.scrollHeight - innerHeight)")
    assert 0.4 <= ratio <= 0.6


def test_section_links_and_table_of_contents(site, open_page):
    """A section link opens the article at that heading; the table of contents lists the sections."""
    w = open_page(DESKTOP)
    page = w.open(site + "#/a/never-cries")
    toc = page.locator("#a-never-cries .toc a")
    assert toc.count() >= 4
    href = toc.nth(2).get_attribute("href")
    anchor = href.rsplit("/", 1)[1]
    other = open_page(DESKTOP)
    page2 = other.open(site + href)
    assert page2.evaluate("document.activeElement.id") == anchor
    top = page2.evaluate(f"document.getElementById('{anchor}').getBoundingClientRect().top")
    assert 0 <= top < 200
    assert page2.locator(f"#{anchor} + a.anchor").get_attribute("href") == href


def test_previous_and_next_articles(site, open_page):
    """Each article links to the next one and the previous one, in library order."""
    w = open_page(PHONE)
    page = w.open(site)
    catalogue = json.loads(page.inner_text("#catalogue"))
    slugs = [a["slug"] for a in catalogue["articles"]]
    page.goto(site + f"#/a/{slugs[0]}")
    page.locator(f"#a-{slugs[0]} .pager .next").click()
    page.wait_for_function(f"document.documentElement.dataset.route === 'a/{slugs[1]}'")
    page.locator(f"#a-{slugs[1]} .pager .prev").click()
    page.wait_for_function(f"document.documentElement.dataset.route === 'a/{slugs[0]}'")
    assert page.locator(f"#a-{slugs[-1]} .pager .next").count() == 0


def test_readable_without_scripts(chromium, watch, site):
    """With JavaScript off every article and its practices are on the page, in order."""
    context = chromium.new_context(java_script_enabled=False)
    try:
        page = watch(context).page
        page.goto(site)
        assert page.locator("article.article").count() == 4
        assert page.locator("#a-crying-together h1").is_visible()
        assert page.locator("#a-deepening-connection input.practice-box").count() >= 4
    finally:
        context.close()


def test_print_shows_the_article_its_answers_and_practices_only(site, open_page):
    """Printed, an article keeps its text, open FAQ answers and practices, without the app's controls."""
    w = open_page(DESKTOP)
    page = w.open(site + "#/a/crying-together")
    first_answer = page.locator("#a-crying-together details.faq p").first
    assert not first_answer.is_visible()
    page.emulate_media(media="print")
    assert first_answer.is_visible()  # CSS alone opens the answers in print
    for hidden in ("header.bar", "#a-crying-together .toc", "#a-crying-together .pager",
                   "#a-crying-together .section-head a.anchor",
                   "#a-crying-together input.practice-box", "#library"):
        assert not page.locator(hidden).first.is_visible(), hidden
    assert page.locator("#a-crying-together li.practice").first.is_visible()
    mark = "getComputedStyle(document.querySelector('#a-crying-together li.practice'), '::before').content"
    assert page.evaluate(mark) == '"☐"'
    page.emulate_media(media="screen")
    # boot.js opens the answers for printing and closes them afterwards (browsers without ::details-content).
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    assert page.locator("#a-crying-together details.faq:not([open])").count() == 0
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    assert page.locator("#a-crying-together details.faq[open]").count() == 0


def test_help_route_shows_the_help_view(site, open_page):
    """#/help shows the help page alone, titled, with focus on its heading after an in-app move."""
    w = open_page(PHONE)
    page = w.open(site + "#/help")
    assert page.locator("#help").is_visible()
    for other in ("#library", "#practices", "#missing", "#a-crying-together"):
        assert not page.locator(other).is_visible(), other
    assert page.inner_text("#help h1") == "If you are worried or unsafe"
    assert page.title() == "If you are worried or unsafe — Attune"
    assert "local emergency number" in page.inner_text("#help")
    page.click("nav a[href='#/']")   # on a phone, Leave quickly stands in the brand's place here
    page.wait_for_function("document.documentElement.dataset.route === 'library'")
    page.evaluate("location.hash = '#/help'")
    page.wait_for_function("document.activeElement && document.activeElement.id === 'help-title'")
    assert page.locator("#help").is_visible() and not page.locator("#library").is_visible()


@pytest.mark.allow_console_errors("Python's runtime is blocked on purpose: the browser logs each refused file")
def test_help_view_shows_before_python_starts(site, open_page):
    """With Python's runtime blocked, boot.js alone shows #/help as the help view, not the library."""
    w = open_page(PHONE)
    w.context.route("**/runtime/**", lambda route: route.abort())
    page = w.page
    page.goto(site + "#/help")
    page.wait_for_load_state("domcontentloaded")
    assert page.get_attribute("html", "data-route") == "help"
    assert page.locator("#help").is_visible() and not page.locator("#library").is_visible()


def test_every_article_ends_with_a_link_to_help(site, open_page):
    """The last link of every article's text (before the pager) opens the help page; so does one on the tracker."""
    w = open_page(PHONE)
    page = w.open(site)
    slugs = [a["slug"] for a in json.loads(page.inner_text("#catalogue"))["articles"]]
    assert len(slugs) == 4
    for slug in slugs:
        links = page.locator(f"#a-{slug} a:not(.pager a)")
        assert links.last.get_attribute("href") == "#/help", slug
        assert links.last.inner_text() == "If you are worried or unsafe"
    page.goto(site + f"#/a/{slugs[-1]}")
    page.locator(f"#a-{slugs[-1]} .help-link a").click()
    page.wait_for_function("document.documentElement.dataset.route === 'help'")
    assert page.locator("#help").is_visible()
    page.goto(site + "#/practices")
    page.wait_for_selector("#tracker:not([aria-busy]) #all-practices")
    tracker_link = page.locator("#practices a[href='#/help']")
    assert tracker_link.is_visible()
    # By keyboard: below the fold, groups that skip layout resize as they render, moving the link under a pointer.
    tracker_link.focus()
    page.keyboard.press("Enter")
    page.wait_for_function("document.documentElement.dataset.route === 'help'")


HASHES = ["", "#", "#/", "#/practices", "#practices", "#/practices/x", "#/help", "#/help/", "#/help/more", "#/journal",
          "#/journal/2026-12-01", "#/journal/nonsense/more", "#/plan", "#/plan/v1.abc", "#/a/why-he-cries",
          "#/a/why-he-cries/a-heading", "#/a/why-he-cries/a/b", "#/a/no-such-article", "#/a", "#/nowhere",
          "#//practices"]


@pytest.mark.allow_console_errors("Python's runtime is blocked on purpose: the browser logs each refused file")
def test_boot_js_picks_the_view_routes_parse_picks(site, open_page):
    """Before Python starts, boot.js shows the view py/core/routes.py would show, for every form of hash."""
    from core import routes
    w = open_page(PHONE)
    w.context.route("**/runtime/**", lambda route: route.abort())   # boot.js alone
    w.page.goto(site)
    slugs = [a["slug"] for a in json.loads(w.page.text_content("#catalogue"))["articles"]]
    for hash_text in HASHES:
        w.page.goto("about:blank")
        w.page.goto(site + "/" + hash_text)
        view, slug, _ = routes.parse(hash_text, slugs)
        assert w.page.get_attribute("html", "data-route") == routes.route_name(view, slug), hash_text


@pytest.mark.parametrize("slug", ["crying-together", "why-he-cries", "never-cries"])
def test_what_to_do_now_fits_a_phones_first_screen(site, open_page, slug):
    """On a 390×844 phone, a situation article's "If it is happening now" heading and all three of its steps are
    on the first screen, before any scrolling."""
    w = open_page(PHONE)
    page = w.open(site + "#/a/" + slug)
    page.wait_for_selector("html[data-app=ready]", state="attached")
    heading = page.locator(f"#{slug}--if-it-is-happening-now")
    steps = page.locator(f"#a-{slug} .section-head:has(#{slug}--if-it-is-happening-now) + ol > li")
    assert steps.count() == 3
    assert page.evaluate("scrollY") == 0
    assert heading.bounding_box()["y"] >= 0
    bottom = steps.nth(2).bounding_box()
    assert bottom["y"] + bottom["height"] <= PHONE["height"], bottom
