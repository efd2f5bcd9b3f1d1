"""Drawing in pieces: a piece in a task of its own right after the next frame is painted.

Why not in the frame's requestAnimationFrame callback: there the piece and the style, layout and
paint of what it drew are one task; at 4× CPU with a 5-year history a tracker step was 15-33 ms of
Python plus 25-40 ms of rendering, one 50-77 ms task. A zero timeout set from the frame's callback
runs after that frame's paint, so the Python and the rendering of the piece are two tasks.
"""
import js
from pyscript.ffi import create_proxy


class AfterPaint:
    """Calling it runs `callback` (no arguments) in a task of its own after the next frame.

    The frame's callback is site/boot.js's attuneAfterPaint, in JavaScript: a Python one ran inside the
    frame's own task (1-2.5 ms each at 4× CPU). Without boot.js, the same hop is made from Python."""

    def __init__(self, callback):
        self.run = create_proxy(lambda *_: callback())
        try:
            self._schedule = js.window.attuneAfterPaint
        except AttributeError:   # boot.js did not run: MicroPython raises for a missing JS property
            frame = create_proxy(lambda *_: js.setTimeout(self.run, 0))
            self._schedule = lambda _: js.requestAnimationFrame(frame)

    def __call__(self):
        self._schedule(self.run)


class AfterPaintBatch:
    """Items (row ids, days) gathered until the next frame is painted, then handed over together:
    add() any number of times before that paint, and `callback(items)` runs once, in a task of its
    own (as AfterPaint), each item once, in the order first added. An item added during the
    callback waits for the paint after."""

    def __init__(self, callback):
        self.items = []
        self._callback = callback
        self._later = AfterPaint(self._run)

    def add(self, item):
        if not self.items:   # the first item since the last hand-over: the paint after is asked for
            self._later()
        if item not in self.items:
            self.items.append(item)

    def _run(self):
        items, self.items = self.items, []
        self._callback(items)
