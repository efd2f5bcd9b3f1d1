"""Keeps the tracker document in a key-value storage (the browser's localStorage) without loss.

The storage is reached through a small backend object (get, set, keys), so this runs under
pytest with a dict and in the browser with localStorage. Rules:
- every write re-reads what is stored and applies the one change to it, so two tabs that tick
  different practices both keep their tick;
- data that cannot be read is copied to a backup key before anything is written over it;
- when storage is disabled or full, the app goes on in memory and says so: nothing is lost
  that was stored before.
"""
import model

KEY = "attune:data"
BACKUP_PREFIX = "attune:backup:"


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

    def notice(self, kind, text):
        self.notices.append((kind, text))

    def open(self):
        """Read the stored document (or start empty) and report anything that went wrong."""
        try:
            self.backups = sorted(k for k in self.backend.keys() if k.startswith(BACKUP_PREFIX))
        except StorageUnavailable:
            self.go_memory("disabled")
            return self.doc
        self.doc = self.read_stored(report=True)
        return self.doc

    def read_stored(self, report):
        """The stored document; unreadable data is backed up first (once) and what can be kept is."""
        try:
            raw = self.backend.get(KEY)
        except StorageUnavailable:
            self.go_memory("disabled")
            return self.doc
        if raw is None:
            return model.empty()
        try:
            doc, problems = model.loads(raw, False)
        except model.DataError as error:
            doc, problems = model.empty(), [str(error)]
        if problems:
            self.back_up(raw, problems, report)
        return doc

    def back_up(self, raw, problems, report):
        for key in self.backups:
            try:
                if self.backend.get(key) == raw:
                    return  # this exact text is already kept
            except StorageUnavailable:
                break
        key = BACKUP_PREFIX + str(self.now_ms())
        try:
            self.backend.set(key, raw)
            self.backups.append(key)
        except (StorageFull, StorageUnavailable):
            # Without a copy we must not write over the original: stay in memory.
            self.persistent = False
            self.notice("error", "Some saved tracker data could not be read (%s), and there is no room "
                        "to keep a copy, so Attune will not change it. Your ticks now are kept only "
                        "until you close this page: export them to keep a copy." % problems[0])
            return
        if report:
            self.notice("error", "Some saved tracker data could not be read (%s). Attune kept the "
                        "original in a backup, which you can download from the Practices page, and "
                        "started from what it could read." % "; ".join(problems[:3]))

    def go_memory(self, why):
        if not self.persistent:
            return
        self.persistent = False
        if why == "full":
            self.notice("error", "This browser's storage is full, so new ticks and notes are kept only "
                        "until you close this page. What was saved before is safe. Export your data "
                        "to keep a copy.")
        else:
            self.notice("error", "This browser does not allow Attune to save anything (storage is "
                        "turned off), so your ticks and notes last only until you close this page. "
                        "Export your data to keep a copy.")

    def update(self, change):
        """Apply change(doc) to the freshest stored document and write it back."""
        if self.persistent:
            fresh = self.read_stored(report=False)
            if self.persistent:
                self.doc = fresh
        change(self.doc)
        if not self.persistent:
            return False
        try:
            self.backend.set(KEY, model.dumps(self.doc))
            return True
        except StorageFull:
            self.go_memory("full")
        except StorageUnavailable:
            self.go_memory("disabled")
        return False

    def refresh(self):
        """Re-read after another tab wrote (the browser's storage event)."""
        if self.persistent:
            self.doc = self.read_stored(report=False)
        return self.doc

    def replace(self, doc):
        """Put a whole document in place (an import in replace mode)."""
        return self.update(lambda current: current.update(doc))

    def merge_in(self, doc):
        """Merge a whole document into the freshest stored one (an import in merge mode)."""
        return self.update(lambda current: current.update(model.merge(current, doc)))

    def backup_text(self, key):
        try:
            return self.backend.get(key)
        except StorageUnavailable:
            return None

    def erase(self):
        """Remove the data and every backup from storage."""
        self.doc = model.empty()
        if not self.persistent:
            return
        try:
            for key in [KEY] + self.backups:
                self.backend.remove(key)
            self.backups = []
        except StorageUnavailable:
            self.go_memory("disabled")
