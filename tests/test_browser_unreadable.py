"""Unreadable data, said when it matters (issue 37), in real Chromium: two tabs of one profile, every attune:* key
replaced by unreadable text. The other tab backs it up once, writes nothing else and says so; the first tab,
reloaded, says so too although the backup already exists, and nothing is lost; the backup's label is a date."""
import re

import pytest

from core import dates
from pages import open_data

pytestmark = pytest.mark.browser
CORRUPT = '{"corrupt'
SPOIL = ("bad => { for (const k of Object.keys(localStorage)) "
         "if (k.startsWith('attune:')) localStorage.setItem(k, bad); }")
STORAGE = "Object.fromEntries(Object.keys(localStorage).map(k => [k, localStorage.getItem(k)]))"
# What the page should print for a backup key's moment, from the browser's own clock and time zone.
LOCAL = """key => { const d = new Date(Number(key.split(':').pop().replace(/-+$/, '')));
  return [d.getDate(), d.getMonth(), d.getFullYear(), d.getHours(), d.getMinutes()]; }"""


def backups(storage):
    return {k: v for k, v in storage.items() if k.startswith("attune:backup:")}


def test_two_tabs_every_key_spoilt_is_told_on_reload_with_nothing_lost(site, open_page, watch):
    """Tab A ticks two practices; tab B is open. A replaces every attune:* key by '{"corrupt': B backs up that text
    once, writes nothing else and says it could not be read. A reloaded shows no tick but says so too (the backup
    already existed); the practices' keys and the backup still hold the text. The backup's label is a date."""
    w = open_page()
    first = w.open(site + "#/a/never-cries")
    article = first.locator("#a-never-cries")   # a practice may be suggested by other articles too
    article.get_by_label("Keep a feelings journal", exact=True).check()
    article.get_by_label("Set time aside to talk", exact=True).check()
    second = watch(w.context).page
    second.goto(site + "#/practices")
    second.wait_for_selector("html[data-app=ready]")
    keys = [k for k in w.storage() if k.startswith("attune:")]
    assert len(keys) == 3   # a practice's days each, and the head (a tick takes the practice on)
    first.evaluate(SPOIL, CORRUPT)
    second.wait_for_function("Object.keys(localStorage).some(k => k.startsWith('attune:backup:'))")
    second.wait_for_selector("#status >> text=could not be read")
    second.wait_for_timeout(500)
    after_b = first.evaluate(STORAGE)
    assert list(backups(after_b).values()) == [CORRUPT]
    assert {k: v for k, v in after_b.items() if k not in backups(after_b)} == {k: CORRUPT for k in keys}
    first.reload()
    first.wait_for_selector("html[data-app=ready]")
    first.wait_for_selector("#status >> text=could not be read")
    assert "kept the original in a backup" in first.inner_text("#status")
    assert not first.get_by_label("Keep a feelings journal", exact=True).is_checked()
    first.wait_for_timeout(300)
    now = first.evaluate(STORAGE)
    # Nothing lost: the practices' keys still hold the text, and the backup too. (The page A left wrote its reading
    # place into the head as it went: over a text the backup holds, as store.update does after backing it up.)
    assert backups(now) == backups(after_b) and all(now[k] == CORRUPT for k in keys if k.startswith("attune:days:"))
    first.goto(site + "#/practices")
    first.wait_for_selector("#tracker:not([aria-busy]) #data-details")   # no practice could be read: no rows
    open_data(first)
    button = first.locator("[data-action=download-backup]")
    key = button.get_attribute("data-key")
    label = button.inner_text()
    day, month, year, hour, minute = first.evaluate(LOCAL, key)
    assert label == "Download unreadable data kept on %d %s %d at %02d:%02d" % (
        day, dates.MONTHS[month], year, hour, minute)
    assert not re.search(r"\d{6}", label)
    with first.expect_download() as info:
        button.click()
    with open(info.value.path()) as saved:
        assert saved.read() == CORRUPT
