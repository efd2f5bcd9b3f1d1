"""The one error the build reports: a problem in a named file at a named line."""


class BuildError(Exception):
    """A content problem, reported as `path:line: message` so an editor can jump to it."""

    def __init__(self, path, line, message):
        super().__init__(f"{path}:{line}: {message}")
        self.path, self.line, self.message = path, line, message


def line_of(text, needle, default=1, occurrence=1):
    """The 1-based line on which `needle` appears in `text` for the `occurrence`-th time (or `default`).
    A needle that starts with a line break ("\n## Practices") names the line after it."""
    at = -1
    for _ in range(occurrence):
        at = text.find(needle, at + 1)
        if at < 0:
            return default
    return text.count("\n", 0, at + needle.startswith("\n")) + 1
