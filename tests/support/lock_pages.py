"""The journal lock's browser steps, for the lock's browser tests: turning it on, unlocking, and looking
through every stored key for readable note text."""
from core import dates
from core import model

PASS = "quiet river morning tea"
NEW_PASS = "orange lantern by the sea"
TIMEOUT = 60000   # deriving a key takes about a second at 4× CPU; a loaded machine may take far longer


def lock_on(page, passphrase=PASS):
    """Turn the lock on from the journal and wait for the tools of an unlocked journal."""
    page.click("#lock-panel summary")
    page.fill("#lock-new", passphrase)
    page.fill("#lock-again", passphrase)
    page.click('[data-action="lock-on"]')
    page.wait_for_selector('[data-action="lock-now"]', timeout=TIMEOUT)


def unlock(page, passphrase=PASS, prefix="lock"):
    page.fill("#%s-pass" % prefix, passphrase)
    page.click('[data-action="lock-unlock"][data-field="%s"]' % prefix)


def wait_unlocked(page):
    page.wait_for_selector('[data-action="lock-now"]', timeout=TIMEOUT)


def runs_of(text, n=8):
    return set(text[i:i + n] for i in range(max(1, len(text) - n + 1)))


def assert_nothing_readable(storage, texts):
    """No note's text, nor any 8-character run of it, in any stored attune:* key."""
    for key, value in storage.items():
        if not key.startswith("attune:"):
            continue
        for text in texts:
            for run in runs_of(text):
                assert run not in value, (key, run)


def notes_today_and_before():
    """make_doc: a note today and one 40 days before (always another month)."""
    def make(t):
        doc = model.empty()
        model.add_note(doc, dates.iso(t), "Today we talked about the garden plans")
        model.add_note(doc, dates.iso(t - 40), "Long walk by the harbour after dinner")
        return doc
    return make


# Every sealed month of the page's storage decrypted with `passphrase` by the page's own lock.js: {day: [text]}.
UNSEAL = """async (passphrase) => {
  const rec = JSON.parse(localStorage.getItem('attune:lock'));
  const key = await attuneLock.deriveKey(passphrase, rec.salt, rec.iter);
  const out = {};
  for (const k of Object.keys(localStorage).filter(k => k.startsWith('attune:notes:'))) {
    const m = JSON.parse(localStorage.getItem(k));
    if (!m.lock) { out['plain ' + k] = m; continue; }
    Object.assign(out, JSON.parse(await attuneLock.decrypt(key, m.iv, m.data)));
  }
  return out;
}"""


def unsealed(page, passphrase=PASS):
    return page.evaluate(UNSEAL, passphrase)
