"""store.Store's backend on a plain dict: what the app writes to localStorage, kept in Python.

Used to read a page's storage the way the app does (conftest, engines) and to write generated
histories in the app's own stored form (the benchmark).
"""


class DictBackend:
    def __init__(self, data=None):
        self.data = dict(data or {})

    def get(self, key):
        return self.data.get(key)

    def set(self, key, value):
        self.data[key] = value

    def remove(self, key):
        self.data.pop(key, None)

    def keys(self):
        return list(self.data)
