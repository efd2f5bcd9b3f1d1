"""The page and the clock, for the glue modules: finding elements, today's date, downloads."""
import js
from pyscript.ffi import create_proxy

from core import dates

document = js.document
root = document.documentElement


def q(selector):
    return document.querySelector(selector)


def qa(selector):
    found = document.querySelectorAll(selector)
    return [found.item(i) for i in range(found.length)]


NO_SCROLL = js.JSON.parse('{"preventScroll": true}')


def refocus(element_id, in_place=False):
    """Focus the element with this id again, if there is one (redrawing replaces elements).
    in_place: it replaced the focused one where that was, in view: focused without scrolling, the
    page is laid out in its frame, not at once (at 4× CPU a saved note's task lost 16 ms)."""
    box = document.getElementById(element_id) if element_id else None
    if box and in_place:
        box.focus(NO_SCROLL)
    elif box:
        box.focus()


NEAREST = js.JSON.parse('{"block": "nearest"}')


def reveal(element):
    """Scroll the element into view (clear of the sticky header: scroll-padding) if it is not, as
    focus() would have. Called after a paint, the layout it needs is the one just drawn."""
    element.scrollIntoView(NEAREST)


def today():
    now = js.Date.new()
    return dates.to_ordinal(now.getFullYear(), now.getMonth() + 1, now.getDate())


def utc_offset():
    """This device's minutes ahead of UTC now (a small number: the JS bridge keeps it whole)."""
    return -int(js.Date.new().getTimezoneOffset())


def now_ms():
    # As ISO text: MicroPython's JS bridge cuts a number as large as Date.now() to 32 bits.
    return dates.timestamp_ms(str(js.Date.new().toISOString()))


def scroll_range():
    """How far the page can scroll, in CSS pixels (0 when it fits the window)."""
    return document.documentElement.scrollHeight - js.window.innerHeight


def download(text, name, mime="application/json"):
    """Save `text` as a file called `name`, through a temporary link to a Blob."""
    parts = js.Array.new()
    parts.push(text)
    blob = js.Blob.new(parts, js.JSON.parse('{"type": "%s"}' % mime))
    url = js.URL.createObjectURL(blob)
    link = document.createElement("a")
    link.href = url
    link.download = name
    document.body.appendChild(link)
    link.click()
    link.remove()
    js.setTimeout(create_proxy(lambda: js.URL.revokeObjectURL(url)), 1000)
