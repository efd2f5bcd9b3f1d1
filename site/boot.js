// Runs before first paint so a deep link shows its view at once, before Python has started.
// py/core/routes.py is the full router; this picks the same view (see style.css) from ROUTES, the
// table the build writes at the top of this file from routes.py (a browser test compares the two).
// CORE, written beside it from py/core, holds the storage keys, the settings and the exit address rule.
// The reader's saved settings, before Python has read them (null: nothing saved, unreadable, or storage off).
function storedSettings() {
  try {
    var settings = JSON.parse(localStorage.getItem(CORE.keys.head)).settings;
    return settings && typeof settings === "object" ? settings : null;
  } catch (e) { return null; }
}
(function () {
  var parts = location.hash.replace(/^#/, "").split("/").filter(function (p) { return p; });
  var route = !parts.length ? "library"
    : ROUTES.pages.indexOf(parts[0]) >= 0 && parts.length === 1 ? parts[0]
    : ROUTES.withRest.indexOf(parts[0]) >= 0 ? parts[0]
    : parts[0] === "a" && (parts.length === 2 || parts.length === 3) && ROUTES.slugs.indexOf(parts[1]) >= 0 ? "a/" + parts[1]
    : "missing";
  document.documentElement.setAttribute("data-route", route);
  document.documentElement.classList.add("js");
  // Apply the saved settings to <html> before first paint, each as py/core/settings.py's table says
  // (py/web/display.py owns them afterwards). Nothing saved: the page's defaults stand.
  var settings = storedSettings();
  if (settings) CORE.settings.forEach(function (setting) {
    var value = setting.name in settings ? settings[setting.name] : setting.default;
    var text = setting.choices.indexOf(value) < 0 ? null   // not a value it takes (indexOf: by type too)
      : setting.shown === null ? String(value) : setting.shown[String(value)];
    if (text == null) document.documentElement.removeAttribute(setting.attribute);
    else document.documentElement.setAttribute(setting.attribute, text);
  });
})();
// Firefox with cookies blocked refuses `new BroadcastChannel` (SecurityError). PyScript's core
// opens one as it loads, for talking to workers, which Attune does not use; without this stand-in
// the app cannot start at all. Storage is refused too, and py/ says so: nothing is being saved.
(function () {
  try {
    new BroadcastChannel("attune-probe").close();
  } catch (e) {
    window.BroadcastChannel = function () {};
    window.BroadcastChannel.prototype = {
      postMessage: function () {}, close: function () {},
      addEventListener: function () {}, removeEventListener: function () {}
    };
  }
})();
// The skip link moves focus to <main> without touching the address: its "#main" would be a route.
document.addEventListener("click", function (event) {
  var link = event.target.closest && event.target.closest("a.skip");
  if (!link) return;
  event.preventDefault();
  document.getElementById("main").focus();
});
// Printing an article prints its answers too: open the closed FAQ entries, and close them after.
(function () {
  var opened = [];
  window.addEventListener("beforeprint", function () {
    opened = Array.prototype.slice.call(document.querySelectorAll("details.faq:not([open])"));
    opened.forEach(function (d) { d.open = true; });
  });
  window.addEventListener("afterprint", function () {
    opened.forEach(function (d) { d.open = false; });
    opened = [];
  });
})();
// Early ticks (issue 27): the practice boxes work from the first paint, before Python is up. As the
// page is parsed, the articles' boxes (pre-rendered disabled: with scripts off nothing could keep a
// tick) are enabled, and each change the reader makes to a practice box or a day toggle is noted, in
// order, as [practice, "YYYY-MM-DD", done] (a box without data-day is today's). The app takes the list
// in the same task that wires its own listeners (py/web/app.py, App.wire) and stores each entry as "done
// / not done on that day", which is safe to apply twice; it then deletes window.attuneEarlyTicks, and from
// there on its listener answers alone. If the start fails, the watchdog (or main.py) says that they
// could not be saved. Only a box's last change is kept: the list is never longer than the page's boxes.
(function () {
  var root = document.documentElement;
  window.attuneEarlyTicks = [];
  function today() {
    var d = new Date();
    return d.getFullYear() + "-" + ("0" + (d.getMonth() + 1)).slice(-2) + "-" + ("0" + d.getDate()).slice(-2);
  }
  // Today's ticks show from the first paint too: a box ticked earlier today is drawn checked, read from
  // its practice's key as py/core/layout.py writes it ({"from": "YYYY-MM-DD", "bits": hex}: bit i of the
  // bytes is day from+i, py/core/dayset.py). Read only; anything unreadable (or an older layout the app
  // has not moved yet) leaves the box as drawn, and the app draws every box from the store when it is up.
  var doneToday = {};
  function isDoneToday(pid) {
    if (!(pid in doneToday)) {
      doneToday[pid] = false;
      try {
        var text = localStorage.getItem(CORE.keys.days + pid);
        if (text === null) return false;  // never ticked: the common case, answered without a thrown TypeError
        var stored = JSON.parse(text), f = stored.from.split("-"), t = today().split("-");
        var i = (Date.UTC(+t[0], t[1] - 1, +t[2]) - Date.UTC(+f[0], f[1] - 1, +f[2])) / 86400000;
        var hex = i >= 0 ? stored.bits.substr(2 * (i >> 3), 2) : "";
        doneToday[pid] = hex.length === 2 && (parseInt(hex, 16) & (1 << (i & 7))) !== 0;
      } catch (e) { /* nothing saved, unreadable, or storage disabled */ }
    }
    return doneToday[pid];
  }
  function enable() {
    if (root.getAttribute("data-app") !== "loading" || !window.attuneEarlyTicks) return false;  // failed, or the app is up
    var boxes = document.querySelectorAll("input.practice-box[disabled]");
    for (var i = 0; i < boxes.length; i++) {
      boxes[i].disabled = false;   // untouched until now (a disabled box takes no tap): its state is the stored one
      if (!boxes[i].hasAttribute("data-day") && isDoneToday(boxes[i].getAttribute("data-practice"))) boxes[i].checked = true;
    }
    return true;
  }
  // As the parser inserts them (a mutation observer's callback runs before the next paint), so a box
  // is usable in the frame that first paints it: DOMContentLoaded waits for the runtime's module
  // script, on a phone a second after the first paint. Parsing ends: one last pass, then no watching.
  var parsing = new MutationObserver(enable);
  parsing.observe(root, {childList: true, subtree: true});
  document.addEventListener("readystatechange", function () { parsing.disconnect(); enable(); }, {once: true});
  document.addEventListener("change", function (event) {
    var ticks = window.attuneEarlyTicks, box = event.target;
    if (!ticks || !box.matches || !box.matches("input.practice-box, input.day-box")) return;
    var pid = box.getAttribute("data-practice"), day = box.getAttribute("data-day");
    if (!pid) return;
    if (!day) {  // today's box: the same practice's boxes in other articles follow it, as the app's do
      day = today();
      var same = document.querySelectorAll("input.practice-box:not([data-day])");
      for (var i = 0; i < same.length; i++) if (same[i].getAttribute("data-practice") === pid) same[i].checked = box.checked;
    }
    for (var j = ticks.length - 1; j >= 0; j--) if (ticks[j][0] === pid && ticks[j][1] === day) ticks.splice(j, 1);
    ticks.push([pid, day, box.checked]);
  });
})();
// Start-up watchdog: if the runtime or the app's Python cannot load, or the app is not ready in time,
// say so in #status and set data-app="error", never leaving the controls disabled without a word.
// py/main.py's fail() does the same for a failure inside the app: whichever comes first speaks.
(function () {
  var root = document.documentElement;
  // Failures the browser reports are caught at once by the events below; the limit only catches a
  // silent stall, so a working start must never reach it. A 4x-slowed phone is ready 2-4.5 s after
  // the files arrive; a first visit also fetches ~0.8 MB (the runtime, unzipped on hosts that do not
  // compress .wasm): ~9 s at 750 kbit/s ("3G"). 30 s is twice that sum, and a start that is merely
  // later still ends ready (see mpy:done below).
  var START_LIMIT_MS = 30000;
  var interpreterUp = false;
  function loading() { return root.getAttribute("data-app") === "loading"; }
  function say() {
    var alert = document.createElement("div"), text = document.createElement("p");
    alert.className = "toast is-error";
    alert.setAttribute("role", "alert");
    alert.setAttribute("data-watchdog", "");
    var early = (window.attuneEarlyTicks || []).length;
    text.textContent = "The interactive part of Attune could not start here. The articles can still be read, " +
      "but practices cannot be ticked right now" + (early === 1 ? ", and the tick you made could not be saved"
      : early ? ", and the " + early + " ticks you made could not be saved" : "") + ". Reloading the page may help.";
    // Early ticks cannot be kept now: the boxes are disabled again (a start that ends ready after all
    // enables them and stores what was ticked).
    var boxes = document.querySelectorAll("input.practice-box");
    for (var i = 0; i < boxes.length; i++) boxes[i].disabled = true;
    alert.appendChild(text);
    var box = document.getElementById("status");
    box.textContent = "";
    box.appendChild(alert);
  }
  function fail() {
    if (!loading()) return;  // ready, or main.py has already said why not
    root.setAttribute("data-app", "error");
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", say); else say();
  }
  // A script that cannot load (missing, offline, a type the browser refuses): error events do not bubble.
  window.addEventListener("error", function (event) {
    if (event.target && event.target.tagName === "SCRIPT") fail();
  }, true);
  // PyScript fetches MicroPython, its .wasm and the app's bytecode before the interpreter is up; a failure
  // there is an unhandled rejection. Afterwards main.py answers for its own errors (and mpy:done below).
  // A SecurityError is storage being refused (Firefox with cookies blocked: PyScript's IndexedDB
  // cache cannot open). The app runs without it and says that nothing is being saved.
  window.addEventListener("unhandledrejection", function (event) {
    if (event.reason && event.reason.name === "SecurityError") return;
    if (!interpreterUp) fail();
  });
  document.addEventListener("mpy:ready", function () { interpreterUp = true; });
  // main.py has ended. Still "loading" means it could not be fetched or died before its own try.
  // "ready" after the watchdog spoke (a slow start, not a broken one) clears the message: the app
  // works, so the page says what is true now rather than keep a stale error over working controls.
  document.addEventListener("mpy:done", function () {
    if (loading()) return fail();
    var stale = root.getAttribute("data-app") === "ready" && document.querySelector("#status [data-watchdog]");
    if (stale) stale.parentNode.removeChild(stale);
  });
  setTimeout(fail, START_LIMIT_MS);
})();
// The browser's offer to install Attune comes early, often before Python is up: keep it for
// py/web/keeping.py ("Install Attune" in "Your data") and say that it came.
window.addEventListener("beforeinstallprompt", function (event) {
  event.preventDefault();
  window.attuneInstall = event;
  document.dispatchEvent(new Event("attune-installable"));
});
window.addEventListener("appinstalled", function () {
  window.attuneInstall = null;
  document.dispatchEvent(new Event("attune-installable"));
});
// "Leave quickly" (issue 23): the header's link, Shift pressed three times, and fewer history entries.
// Plain JavaScript run before Python, so all of it works while Python loads, and if it never starts.
// Leaving puts a plain cover over the page and blanks the title at once, then location.replace()s
// the exit address: the Attune entry in the tab's Back list becomes the exit page, not a new entry.
(function () {
  var root = document.documentElement;
  // GOV.UK's "Exit this page": Shift three times, each press counted only within 5 s of the one before.
  var SHIFT_PRESSES = 3, SHIFT_WINDOW_MS = 5000;
  var leaving = false, titleBefore = "", shifts = 0, shiftTimer = null;
  // py/core/settings.py's is_exit_url, from its rule (CORE.exitUrl), for an address read from storage
  // before Python has checked it.
  var rule = CORE.exitUrl;
  function usable(url) {
    if (typeof url !== "string" || !url.length || url.length > rule.max) return false;
    var rest = null, i, ch;
    for (i = 0; i < rule.schemes.length && rest === null; i++) {
      if (url.indexOf(rule.schemes[i]) === 0) rest = url.slice(rule.schemes[i].length);
    }
    if (rest === null) return false;
    for (i = 0; i < url.length; i++) {
      ch = url.charAt(i);
      if (ch <= " " || (ch >= "\u007f" && ch <= "\u009f") || rule.forbidden.indexOf(ch) >= 0) return false;
    }
    var end = rest.length;
    for (i = 0; i < rest.length; i++) if (rule.ends_host.indexOf(rest.charAt(i)) >= 0) { end = i; break; }
    var host = rest.slice(0, end);
    if (!host || rule.not_first.indexOf(host.charAt(0)) >= 0) return false;
    for (i = 0; i < host.length; i++) {
      ch = host.charAt(i);
      if (!(/[A-Za-z0-9]/.test(ch) || rule.host_marks.indexOf(ch) >= 0 || ch > "\u007f")) return false;
    }
    return true;
  }
  // Nothing saved, unreadable, or storage disabled: the build's address, shown where it always is.
  var settings = storedSettings() || {};
  // The reader's own address on the link before Python starts (py/web/display.py keeps it after).
  document.addEventListener("DOMContentLoaded", function () {
    var link = document.querySelector("a.leave");
    if (link && usable(settings.exit_url) && root.getAttribute("data-app") !== "ready") link.setAttribute("href", settings.exit_url);
  });
  function exitAddress() {
    var link = document.querySelector("a.leave"), href = link && link.getAttribute("href");
    if (usable(href)) return href;
    return usable(settings.exit_url) ? settings.exit_url : root.getAttribute("data-exit");
  }
  function leave() {
    if (!leaving) {
      leaving = true;
      var cover = document.createElement("div"), style = cover.style;
      cover.className = "leave-cover";
      style.position = "fixed"; style.top = style.right = style.bottom = style.left = "0";
      style.zIndex = "2147483647"; style.background = "var(--bg, #fff)";
      (document.body || root).appendChild(cover);
      titleBefore = document.title;
      document.title = "";
      if (document.activeElement && document.activeElement.blur) document.activeElement.blur();
    }
    location.replace(exitAddress());
  }
  // What the Shift presses say to a screen reader, in the page's own live region for them (index.html):
  // how many presses are left, and that the count ran out. Sighted readers see nothing change.
  function tell(text) {
    var region = document.getElementById("leave-status");
    if (region) region.textContent = text;
  }
  function forgetShifts(expired) {
    if (shiftTimer !== null) clearTimeout(shiftTimer);
    shiftTimer = null;
    if (shifts && expired) tell("Leave quickly by Shift timed out. Press Shift 3 times to leave Attune.");
    else if (shifts) tell("");
    shifts = 0;
  }
  // Back to a page the browser kept whole (its back-forward cache): the reader sees Attune, not a blank,
  // and a count of Shift presses begun before leaving starts again.
  window.addEventListener("pageshow", function (event) {
    if (!event.persisted) return;
    forgetShifts(false);
    tell("");
    if (leaving) document.title = titleBefore;
    leaving = false;
    Array.prototype.forEach.call(document.querySelectorAll(".leave-cover"), function (c) { c.parentNode.removeChild(c); });
  });
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a");
    if (!link || event.defaultPrevented) return;   // the skip link has its own handler, above
    if (link.classList.contains("leave")) {
      event.preventDefault();
      return leave();
    }
    // Fewer traces (the reader's setting, <html data-traces>): a link within the page replaces the history
    // entry, so after leaving, Back finds at most the one Attune entry the visit began with.
    var href = link.getAttribute("href");
    if (root.getAttribute("data-traces") !== "fewer" || !href || href.charAt(0) !== "#" ||
        event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    if (href !== location.hash) location.replace(href);
  });
  // Shift three times leaves, from any view, each press within 5 s of the one before. Only separate
  // presses with no other key between them count: Shift held for capitals is followed by a letter, which
  // starts the count again, so typing a note, a date or an address never leaves by accident.
  window.addEventListener("keydown", function (event) {
    if (event.key !== "Shift") { forgetShifts(false); return; }
    if (event.repeat) return;
    if (shiftTimer !== null) clearTimeout(shiftTimer);
    shifts += 1;
    if (shifts >= SHIFT_PRESSES) {
      forgetShifts(false);
      return leave();
    }
    var left = SHIFT_PRESSES - shifts;
    tell("Shift pressed. Press it " + (left === 1 ? "once more" : left + " more times") + " to leave Attune.");
    shiftTimer = setTimeout(function () { forgetShifts(true); }, SHIFT_WINDOW_MS);
  }, true);
})();
// Attune's forms never go anywhere: the app answers each submit (py/web/app.py, App.on_submit), and before
// Python is up Enter does nothing rather than reload the page (the page's CSP would refuse it anyway).
document.addEventListener("submit", function (event) { event.preventDefault(); });
// Drawing in pieces (py/web/pacing.py, AfterPaint): fn runs in a task of its own right after the next
// frame is painted. The hop through requestAnimationFrame is done here, in JavaScript, so that a frame's
// own task carries no call into Python: each was 1-2.5 ms of it at 4x CPU, and opening #/practices
// had three in its first frame.
window.attuneAfterPaint = function (fn) {
  requestAnimationFrame(function () { setTimeout(fn, 0); });
};
