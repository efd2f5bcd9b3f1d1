"""store.Store's backend on window.localStorage, through site/storage.js.

storage.js reports failures as values ({ok, value, error}): a JS exception thrown inside a call
from MicroPython (SecurityError when storage is off, QuotaExceededError when it is full) can
escape Python's try/except.
"""
import js

from core.store import StorageFull, StorageUnavailable


class LocalStorage:
    def call(self, result):
        if not result.ok:
            raise StorageFull() if result.error == "QuotaExceededError" else StorageUnavailable()
        return result.value

    def get(self, key):
        value = self.call(js.attuneStorage.get(key))
        return value if type(value) is str else None

    def set(self, key, value):
        self.call(js.attuneStorage.set(key, value))

    def remove(self, key):
        self.call(js.attuneStorage.remove(key))

    def keys(self):
        listing = self.call(js.attuneStorage.keys())
        return [k for k in listing.split("\n") if k]
