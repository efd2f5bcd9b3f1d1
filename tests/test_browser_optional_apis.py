"""Optional browser APIs in real Chromium: the app starts and saves without them, and asks for
persistent storage only when the reader taps "Ask this browser not to clear Attune's data"."""
import os

import pytest

import browser as browsers
from pages import open_data, take_on, today

pytestmark = pytest.mark.browser

# What some browser lacks somewhere: the page must start and save without each of them.
OPTIONAL = ["serviceWorker", "storage", "clipboard", "share", "canShare", "wakeLock"]


def remove(*names):
    """An init script deleting navigator's APIs from its prototype, as a browser without them would be."""
    return "".join("delete Navigator.prototype.%s;" % name for name in names)


def tick_and_reload(w, url):
    """Open an article, tick a practice, reload: (page, stored document) with the tick still shown."""
    page = w.open(url + "#/a/why-he-cries")
    page.get_by_label("Let yourself be comforted", exact=True).check()
    page.wait_for_function("document.querySelector('#status').textContent.includes('marked as done today')")
    stored = w.stored()
    page.reload()
    page.wait_for_selector("html[data-app=ready]", state="attached")
    assert page.get_by_label("Let yourself be comforted", exact=True).is_checked()
    return page, stored


@pytest.mark.parametrize("names", [["serviceWorker"], ["storage"], OPTIONAL], ids=["serviceWorker", "storage", "all"])
def test_starts_ticks_and_reloads_without_optional_apis(site, open_page, names):
    """With optional navigator APIs deleted before load, the app reaches ready, saves a tick and keeps it."""
    w = open_page()
    w.context.add_init_script(remove(*names))
    page, stored = tick_and_reload(w, site)
    assert page.evaluate("names => names.filter(n => n in navigator)", names) == []
    assert stored["checkins"] == {"steady-yourself": [today(page)]}
    page.goto(site + "#/practices")
    page.wait_for_selector("#tracker:not([aria-busy]) #all-practices")
    assert page.locator("#tracker--do-steady-yourself").is_checked()
    if "storage" in names:
        assert page.inner_html("#keep-data") == ""  # no storage manager: nothing to offer


def test_plain_http_from_another_host_starts_without_a_service_worker(playwright_instance, watch, site):
    """Served over http from a name other than localhost (no service worker there), the app still starts and saves."""
    port = site.rsplit(":", 1)[1].rstrip("/")
    url = "http://attune.test:%s/" % port
    args = browsers.ARGS + ["--host-resolver-rules=MAP attune.test 127.0.0.1"]
    executable = browsers.DEBIAN_CHROMIUM if os.path.exists(browsers.DEBIAN_CHROMIUM) else None
    browser = playwright_instance.chromium.launch(executable_path=executable, args=args)
    try:
        context = browser.new_context(viewport=browsers.PHONE)
        w = watch(context, hosts=["attune.test"])   # 127.0.0.1 under that name
        page, stored = tick_and_reload(w, url)
        assert page.evaluate("[window.isSecureContext, 'serviceWorker' in navigator]") == [False, False]
        assert stored["checkins"] == {"steady-yourself": [today(page)]}
    finally:
        browser.close()


# persist() and persisted() recorded, with the browser's answer to persist() chosen by the test.
FAKE_PERSIST = """
window.persistCalls = 0;
let kept = false;
StorageManager.prototype.persisted = function () { return Promise.resolve(kept); };
StorageManager.prototype.persist = function () {
  window.persistCalls += 1;
  kept = %s;
  return Promise.resolve(kept);
};
"""
# persist() counted, with the browser's own behaviour kept.
SPY_PERSIST = """
window.persistCalls = 0;
const persist = StorageManager.prototype.persist;
StorageManager.prototype.persist = function () { window.persistCalls += 1; return persist.call(this); };
"""


def test_ticks_never_ask_for_persistent_storage(site, open_page):
    """Ticking, unticking and opening the tracker never call navigator.storage.persist()."""
    w = open_page()
    w.context.add_init_script(SPY_PERSIST)
    page = w.open(site + "#/a/why-he-cries")
    page.get_by_label("Let yourself be comforted", exact=True).check()
    page.get_by_label("Hold and reassure", exact=True).check()
    page.get_by_label("Let yourself be comforted", exact=True).uncheck()
    page.goto(site + "#/practices")
    open_data(page)
    page.wait_for_selector("#keep-data button")
    page.click("#tracker--do-hold-and-reassure")   # ticked on the article: unticked here
    assert page.evaluate("window.persistCalls") == 0


STATUS_STARTS = "start => document.querySelector('#keep-data-status').textContent.startsWith(start)"


@pytest.mark.parametrize("granted", [True, False], ids=["granted", "refused"])
def test_keep_data_button_asks_once_and_shows_the_answer(site, open_page, granted):
    """"Ask this browser not to clear…" calls persist() on the tap only, and the status line shows the answer."""
    w = open_page()
    w.context.add_init_script(FAKE_PERSIST % ("true" if granted else "false"))
    page = w.open(site + "#/practices")
    open_data(page)
    button = page.get_by_role("button", name="Ask this browser not to clear Attune's data")
    button.wait_for()
    assert page.inner_text("#keep-data-status") == ("This browser may clear Attune's data when the device runs short"
                                                   " of space.")
    assert "until you erase it" in page.inner_text("#keep-data-why")
    assert page.evaluate("window.persistCalls") == 0
    button.click()
    if granted:
        page.wait_for_function(STATUS_STARTS, arg="This browser keeps")
        assert button.count() == 0
    else:
        page.wait_for_function(STATUS_STARTS, arg="The browser did not agree")
        assert button.is_visible()
    assert page.evaluate("[window.persistCalls, document.activeElement.id]") == [1, "keep-data-status"]
    take_on(page, "share-joy")
    page.check("#tracker--do-share-joy")  # a redraw keeps the answer
    answer = "This browser keeps" if granted else "The browser did not agree"
    assert page.inner_text("#keep-data-status").startswith(answer)
    assert page.evaluate("window.persistCalls") == 1


def test_keep_data_shows_storage_already_persistent(site, open_page):
    """Where storage is persistent already, the panel says so and offers no button."""
    w = open_page()
    w.context.add_init_script("StorageManager.prototype.persisted = () => Promise.resolve(true);")
    page = w.open(site + "#/practices")
    open_data(page)
    page.wait_for_selector("#keep-data-status")
    assert page.inner_text("#keep-data") == "This browser keeps Attune's data until you erase it."
    assert page.locator("#keep-data button").count() == 0
