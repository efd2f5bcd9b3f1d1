// The journal lock's cryptography, done by the browser (Web Crypto), never in Python.
// py/web/vault.py calls these; each returns a promise that rejects (never throws: a JS exception
// thrown inside a call from MicroPython can escape Python's try/except) on any failure.
//   available()                          -> "" when crypto.subtle can be used here, else why not
//   salt()                               -> 16 random bytes, base64
//   deriveKey(passphrase, saltB64, iter) -> CryptoKey (PBKDF2-SHA-256 -> AES-GCM 256, extractable
//                                           only so that a change of passphrase can wrap it)
//   encrypt(key, text)                   -> {iv, data}, base64; a fresh random 12-byte IV each call
//   decrypt(key, iv, data)               -> text, or rejects (a wrong key fails AES-GCM's check)
//   wrap(key, inner) / unwrap(key, iv, data) -> inner key's raw bytes encrypted under key, and back
globalThis.attuneLock = (function () {
  function b64(bytes) {
    var s = "";
    for (var i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i]);
    return btoa(s);
  }
  function unb64(text) {
    var s = atob(text), out = new Uint8Array(s.length);
    for (var i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
    return out;
  }
  function subtle() { return globalThis.crypto && globalThis.isSecureContext ? globalThis.crypto.subtle : undefined; }
  function guard(work) {
    try { return Promise.resolve(work()); } catch (e) { return Promise.reject(e); }
  }
  function fresh(n) { return crypto.getRandomValues(new Uint8Array(n)); }
  var GCM = "AES-GCM";
  return {
    available: function () {
      if (!globalThis.isSecureContext) return "this page is not on a secure (https) address";
      if (!subtle()) return "this browser offers no Web Crypto here";
      return "";
    },
    salt: function () { return b64(fresh(16)); },
    // A promise of {ok: true, value} or {ok: false, error}: what Python awaits, so that a rejection
    // is a value it reads, never an exception crossing into MicroPython.
    settle: function (promise) {
      return Promise.resolve(promise).then(function (value) { return { ok: true, value: value }; },
        function (e) { return { ok: false, value: null, error: String((e && e.name) || e) }; });
    },
    deriveKey: function (passphrase, saltB64, iterations) {
      return guard(function () {
        var raw = new TextEncoder().encode(passphrase);
        return subtle().importKey("raw", raw, "PBKDF2", false, ["deriveKey"]).then(function (base) {
          return subtle().deriveKey({ name: "PBKDF2", hash: "SHA-256", salt: unb64(saltB64), iterations: Number(iterations) },
            base, { name: GCM, length: 256 }, true, ["encrypt", "decrypt", "wrapKey", "unwrapKey"]);
        });
      });
    },
    encrypt: function (key, text) {
      return guard(function () {
        var iv = fresh(12);
        return subtle().encrypt({ name: GCM, iv: iv }, key, new TextEncoder().encode(text)).then(function (data) {
          return { iv: b64(iv), data: b64(new Uint8Array(data)) };
        });
      });
    },
    decrypt: function (key, iv, data) {
      return guard(function () {
        return subtle().decrypt({ name: GCM, iv: unb64(iv) }, key, unb64(data)).then(function (plain) {
          return new TextDecoder().decode(plain);
        });
      });
    },
    wrap: function (key, inner) {
      return guard(function () {
        var iv = fresh(12);
        return subtle().wrapKey("raw", inner, key, { name: GCM, iv: iv }).then(function (data) {
          return { iv: b64(iv), data: b64(new Uint8Array(data)) };
        });
      });
    },
    unwrap: function (key, iv, data) {
      return guard(function () {
        return subtle().unwrapKey("raw", unb64(data), key, { name: GCM, iv: unb64(iv) }, { name: GCM, length: 256 },
          true, ["encrypt", "decrypt", "wrapKey", "unwrapKey"]);
      });
    }
  };
})();
