"""Choosing practices (issue 36) in real Chromium: taking one on from an article without recording a
day, a tick taking it on too (and Undo taking back both), every "Add to my practices" box of a practice
following it, and the library's counts for a practice several articles suggest."""
import json

import pytest
from playwright.sync_api import expect

from browser import DESKTOP
from pages import today

pytestmark = pytest.mark.browser


def shared_practice(page):
    """(practice id, name, [slugs]) of a practice that more than one article suggests."""
    catalogue = json.loads(page.inner_text("#catalogue"))
    shared = [p for p in catalogue["practices"] if len(p["articles"]) > 1][0]
    return shared["id"], shared["name"], shared["articles"]


def test_taking_on_from_an_article_records_no_day(site, open_page):
    """"Add to my practices" in an article takes the practice on (its row in "Trying now", every box of
    it on the page ticked) and records no day; unticked, it is taken off, nothing recorded either."""
    w = open_page(DESKTOP)
    page = w.open(site)
    pid, name, slugs = shared_practice(page)
    page.goto(site + "#/a/" + slugs[0])
    box = page.locator(f"#a-{slugs[0]}").get_by_role("checkbox", name="Add to my practices: " + name)
    box.check()
    assert w.stored()["focus"] == {pid: 0} and w.checkins() == {}
    assert "is in your practices" in page.inner_text("#status")
    assert page.locator(f"#{slugs[1]}--take-{pid}").is_checked()   # the same practice in another article
    assert not page.locator(f"#{slugs[0]}--do-{pid}").is_checked()
    page.click("nav[aria-label=Main] a[href='#/practices']")
    page.wait_for_selector("#tracker:not([aria-busy])")
    mine = page.locator("#tracker [data-group=mine]")
    expect(mine.get_by_role("heading", name=name)).to_have_count(1)
    assert not page.is_visible("#tracker-empty")
    page.goto(site + "#/a/" + slugs[1])
    page.locator(f"#{slugs[1]}--take-{pid}").uncheck()
    assert w.stored()["focus"] == {} and w.checkins() == {}


def test_a_tick_takes_the_practice_on_and_undo_takes_back_both(site, open_page):
    """Marking a practice done in an article takes it on too, and says so; Undo takes back the day and the
    choice; a practice already taken on is only ticked."""
    w = open_page(DESKTOP)
    page = w.open(site)
    pid, name, slugs = shared_practice(page)
    page.goto(site + "#/a/" + slugs[0])
    page.locator(f"#{slugs[0]}--do-{pid}").check()
    assert "marked as done today and added to your practices" in page.inner_text("#status")
    assert w.stored()["focus"] == {pid: 0} and w.checkins() == {pid: [today(page)]}
    assert page.locator(f"#{slugs[0]}--take-{pid}").is_checked()
    page.get_by_role("button", name="Undo").click()
    assert (w.stored() or {"focus": {}})["focus"] == {} and w.checkins() == {}
    assert not page.locator(f"#{slugs[0]}--take-{pid}").is_checked()
    page.locator(f"#{slugs[0]}--take-{pid}").check()
    page.locator(f"#{slugs[0]}--do-{pid}").check()
    assert "added to your practices" not in page.inner_text("#status")


def test_a_shared_practice_is_one_row_linking_each_article(site, open_page):
    """A practice several articles suggest is one row with one name, whose details link to each of those
    articles, and once done it counts as tried on each of their library cards, in words that say so."""
    w = open_page(DESKTOP)
    page = w.open(site)
    pid, name, slugs = shared_practice(page)
    page.goto(site + "#/a/" + slugs[-1])
    page.locator(f"#{slugs[-1]}--do-{pid}").check()
    page.click("nav[aria-label=Main] a[href='#/practices']")
    page.wait_for_selector("#tracker:not([aria-busy])")
    assert page.locator(f"#tracker li[data-practice='{pid}']").count() == 1
    page.locator(f"#tracker details[data-grid='{pid}'] summary").click()
    links = page.locator(f"#tracker li[data-practice='{pid}'] .practice-from a")
    expect(links).to_have_count(len(slugs))
    assert [h.split("/")[-1] for h in links.evaluate_all("(a) => a.map((l) => l.getAttribute('href'))")] == slugs
    page.goto(site + "#/")
    for slug in slugs:
        assert page.inner_text(f"[data-tried='{slug}']") == " · you've tried 1"
