"""The one error the build reports: a problem in a named file at a named line."""


class BuildError(Exception):
    """A content problem, reported as `path:line: message` so an editor can jump to it."""

    def __init__(self, path, line, message):
        super().__init__(f"{path}:{line}: {message}")
        self.path, self.line, self.message = path, line, message


def line_of(text, needle, default=1):
    """The 1-based line on which `needle` first appears in `text` (or `default`)."""
    at = text.find(needle)
    return default if at < 0 else text.count("\n", 0, at) + 1
