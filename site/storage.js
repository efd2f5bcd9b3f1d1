// localStorage calls that report failure as a value instead of throwing.
// Seen here: a JS exception thrown inside a call from MicroPython (SecurityError when storage is
// disabled, QuotaExceededError when it is full) escapes past Python's try/except and stops the
// handler. py/web/local_storage.py reads {ok, value, error} from these instead.
globalThis.attuneStorage = (function () {
  function run(action) {
    try {
      return { ok: true, value: action(window.localStorage) };
    } catch (e) {
      return { ok: false, value: null, error: (e && e.name) || "Error" };
    }
  }
  return {
    get: function (key) { return run(function (s) { return s.getItem(key); }); },
    set: function (key, value) { return run(function (s) { s.setItem(key, value); return null; }); },
    remove: function (key) { return run(function (s) { s.removeItem(key); return null; }); },
    keys: function () { return run(function (s) { return Object.keys(s).join("\n"); }); }
  };
})();
