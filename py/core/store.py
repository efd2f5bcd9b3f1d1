"""Keeps the tracker document in a key-value storage (the browser's localStorage) without loss.

The storage is reached through a small backend object (get, set, remove, keys), so this runs
under pytest with a dict and in the browser with localStorage. py/core/layout.py says which key
holds which part. Rules:
- every write first re-reads the keys it is about to write and applies the one change to
  them, so two tabs that tick (or untick) practices both keep their change; the browser's
  storage event tells the other tab which key to re-read;
- data that cannot be read is copied to a backup key before anything is written over it;
- when storage is disabled or full, the app goes on in memory and says so: nothing is lost
  that was stored before.

What each operation costs as the history grows (n: days of history; keys: practices plus
months with notes, ~80 after five years):
- open: every key is read once, O(keys + stored bytes); check-ins decode in C (bytes.fromhex),
  not per day. A head in the single-key form of earlier versions is migrated once, O(n).
- update (a tick, a note, a focus, goal or setting): reads and writes one key: a practice's
  bitmap (n/4 hex characters), a month of notes, or the head. Independent of everything else.
  When the key still holds the text this tab last read or wrote there (no other tab wrote it),
  it is not decoded again: one string comparison.
- refresh(key): one key. replace, merge_in: O(n) (imports are rare). erase: O(keys).
"""
from core import layout
from core import model

BACKUP_PREFIX = "attune:backup:"
KEY = layout.HEAD  # the head; tests and boot.js know it by this name
REFUSED = object()  # read_raw's answer when storage refuses to be read


class StorageUnavailable(Exception):
    """The browser refuses storage (disabled, private mode, blocked cookies)."""


class StorageFull(Exception):
    """The browser's storage quota is used up."""


class Store:
    def __init__(self, backend, now_ms):
        self.backend = backend
        self.now_ms = now_ms          # a function: the glue's clock, for backup names
        self.doc = model.empty()
        self.persistent = True        # False: working in memory only
        self.notices = []             # (kind, text) for the page to show
        self.backups = []             # keys of backups made of unreadable data
        self.quiet = False            # True while resume() tries storage again: no repeated notices
        self.known = {}               # key: the text self.doc's part of that key was read from or written as
        self.unreadable = []          # what was wrong with the unreadable keys of one reading, to tell the reader

    def notice(self, kind, text):
        self.notices.append((kind, text))

    # --- reading -----------------------------------------------------------------------

    def stored_keys(self):
        """The data keys in storage now; None when storage is unavailable (and memory mode is on)."""
        try:
            keys = self.backend.keys()
        except StorageUnavailable:
            self.go_memory("disabled")
            return None
        self.backups = sorted(k for k in keys if k.startswith(BACKUP_PREFIX))
        return [k for k in keys if layout.is_data_key(k)]

    def open(self):
        """Read every stored key (or start empty) and report anything that went wrong."""
        self.doc = self.read_all(report=True)
        self.tell_unreadable()
        return self.doc

    def tell_unreadable(self):
        """One notice for every unreadable key found since the last: a page that reads unreadable data always
        says so, whether its backup was made now or already existed (another tab made it, or an earlier visit)."""
        if self.unreadable and self.persistent:
            self.notice("error", "Some saved tracker data could not be read (%s). Attune kept the "
                        "original in a backup, which you can download from the Practices page, and "
                        "started from what it could read." % "; ".join(self.unreadable[:3]))
        self.unreadable = []

    def read_all(self, report):
        keys = self.stored_keys()
        if keys is None:
            return self.doc
        doc = model.empty()
        self.known = {}
        legacy = None
        for key in keys:
            part = self.read_key(key, report)
            if key == layout.HEAD and part and layout.legacy_keys(part):
                legacy = part
            layout.put(doc, key, part, fresh=True)
        if legacy:
            self.fold_legacy(doc, legacy)
        return doc

    def read_key(self, key, report):
        """The part stored under `key` (None if absent or unreadable); unreadable data is backed up first."""
        raw = self.read_raw(key)
        return None if raw is REFUSED else self.decode(key, raw, report)

    def read_raw(self, key):
        """The text stored under `key` (None if absent), or REFUSED, and memory mode, when storage refuses."""
        try:
            return self.backend.get(key)
        except StorageUnavailable:
            self.go_memory("disabled")
            return REFUSED

    def decode(self, key, raw, report):
        """The part `raw` holds; remembered as `key`'s known text when it read without a problem
        (every caller puts the part into the document it reads)."""
        self.known.pop(key, None)
        if raw is None:
            self.known[key] = None
            return None
        try:
            part, problems = layout.decode(key, raw)
        except model.DataError as error:
            part, problems = None, [str(error)]
        if problems:
            self.back_up(raw, problems, report)
        else:
            self.known[key] = raw
        return part

    def fold_legacy(self, doc, head):
        """Move the check-ins and notes of a single-key head into their own keys, then rewrite the head."""
        doc["checkins"] = model.union_days(doc["checkins"], head["checkins"])
        doc["notes"] = model.union_lists(doc["notes"], head["notes"])
        if self.persistent:
            self.write(doc, layout.legacy_keys(head) + [layout.HEAD])

    def back_up(self, raw, problems, report):
        if report:
            self.unreadable.extend(p for p in problems if p not in self.unreadable)
        try:   # another tab may have kept this text since this page listed its backups
            stored = self.backend.keys()
        except StorageUnavailable:
            stored = []
        self.backups = sorted(set(self.backups) | set(k for k in stored if k.startswith(BACKUP_PREFIX)))
        for key in self.backups:
            try:
                if self.backend.get(key) == raw:
                    return  # this exact text is already kept (tell_unreadable still says it was found)
            except StorageUnavailable:
                break
        key = BACKUP_PREFIX + str(self.now_ms())
        while key in self.backups:
            key += "-"  # two unreadable keys in one millisecond each get their own backup
        try:
            self.backend.set(key, raw)
            self.backups.append(key)
        except (StorageFull, StorageUnavailable):
            # Without a copy we must not write over the original: stay in memory.
            self.persistent = False
            if not self.quiet:
                self.notice("error", "Some saved tracker data could not be read (%s), and there is no room "
                        "to keep a copy, so Attune will not change it. Your ticks now are kept only "
                            "until you close this page: export them to keep a copy." % problems[0])

    def go_memory(self, why):
        if not self.persistent:
            return
        self.persistent = False
        if self.quiet:
            return
        if why == "full":
            self.notice("error", "This browser's storage is full, so new ticks and notes are kept only "
                        "until you close this page. What was saved before is safe. Export your data "
                        "to keep a copy.")
        else:
            self.notice("error", "This browser does not allow Attune to save anything (storage is "
                        "turned off), so your ticks and notes last only until you close this page. "
                        "Export your data to keep a copy.")

    # --- writing -----------------------------------------------------------------------

    def write(self, doc, keys):
        """Write `keys`' parts of `doc` (the head last); False when storage refused."""
        try:
            for key in layout.head_last(keys):
                text = layout.encode(doc, key)
                if text is layout.SKIP:   # a plain month while a lock is on: left as stored
                    continue
                self.known.pop(key, None)
                if text is None:
                    self.backend.remove(key)
                else:
                    self.backend.set(key, text)
                if doc is self.doc:
                    self.known[key] = text
            return True
        except StorageFull:
            self.go_memory("full")
        except StorageUnavailable:
            self.go_memory("disabled")
        return False

    def update(self, change, keys):
        """Apply change(doc), which touches only the parts stored under `keys`, to their freshest
        stored state and write them back. Returns True when it was saved."""
        if self.persistent:
            for key in keys:
                raw = self.read_raw(key)
                if raw is REFUSED:
                    break
                if key not in self.known or raw != self.known[key]:   # another tab wrote it
                    part = self.decode(key, raw, report=False)
                    if self.persistent:   # else unreadable and no room for its backup: memory keeps its part
                        layout.put(self.doc, key, part)
        else:
            self.resume()
        change(self.doc)
        return self.persistent and self.write(self.doc, keys)

    def resume(self):
        """In memory mode, see whether storage works again (space was freed, storage turned back on).

        If it does, what is in memory is merged into what is stored and written, and saving goes
        on. Costs one failed call while storage still refuses; O(stored keys) when it works."""
        self.quiet, self.persistent = True, True
        try:
            stored = self.read_all(report=False)
            merged = model.merge(stored, self.doc) if self.persistent else None
            if merged is not None and self.write(merged, layout.keys_of(merged)):
                self.doc = merged
                self.notice("info", "Attune can save again: everything from this visit is now saved.")
                return True
        finally:
            self.quiet = False
        self.persistent = False
        return False

    def refresh(self, key=None, report=False):
        """Re-read after another tab wrote: one key (the storage event names it), or all. report: what could
        not be read is told (tell_unreadable(), once the page has re-read every key it was told of)."""
        if not self.persistent:
            return self.doc
        if key is None:
            self.doc = self.read_all(report=report)
        elif layout.is_data_key(key):
            part = self.read_key(key, report=report)
            if self.persistent:
                layout.put(self.doc, key, part)
        return self.doc

    def replace(self, doc):
        """Put a whole document in place (an import in replace mode)."""
        old = self.stored_keys() if self.persistent else []
        self.doc = model.copy(doc)
        if not self.persistent:
            return False
        keys = layout.keys_of(self.doc)
        # Keys the new document does not use are removed after it is written in full.
        return self.write(self.doc, keys) and self.write(self.doc, [k for k in old or [] if k not in keys])

    def merge_in(self, doc):
        """Merge a whole document into the freshest stored one (an import in merge mode)."""
        if self.persistent:
            self.doc = self.read_all(report=False)
        self.doc = model.merge(self.doc, doc)
        return self.persistent and self.write(self.doc, layout.keys_of(self.doc))

    def backup_text(self, key):
        try:
            return self.backend.get(key)
        except StorageUnavailable:
            return None

    def erase(self):
        """Remove the data and every backup from storage (in memory mode too: that may free room)."""
        self.doc = model.empty()
        self.known = {}
        keys = self.stored_keys()
        try:
            for key in (keys or []) + self.backups:
                self.backend.remove(key)
            self.backups = []
        except StorageUnavailable:
            self.go_memory("disabled")
