"""`{include shared/safety.md}`: a line that stands for the text of another file in content/.

One text that several pages must say word for word (the safety rule) is written once, in its own
file, and each page that needs it has the marker line where the text goes. The marker is a line of
its own; its path is relative to the content folder and stays inside it. The included file is plain
Markdown prose: it may not include another file. A missing file stops the build at the marker's line.

The marker is replaced before Markdown parses the page, so the text renders exactly as if it were
written there. The page's own line numbers do not move: errors elsewhere in the page are found in
the page's source, not in the expanded text.
"""
import re
from pathlib import Path

from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor

from .errors import BuildError

MARKER = re.compile(r"^\{include ([^{}]*)\}\s*$")


def included_lines(path, line, name, content_root):
    """The lines of `content_root/name`, for the marker at `path`:`line`; BuildError if it cannot be included."""
    name = name.strip()
    root = Path(content_root).resolve()
    target = (root / name).resolve()
    if not name.endswith(".md") or root not in target.parents:
        raise BuildError(path, line, f"include {name!r}: name a .md file inside the content folder, "
                         "like {include shared/safety.md}")
    if not target.is_file():
        raise BuildError(path, line, f"include {name!r}: there is no such file in {content_root}")
    lines = target.read_text(encoding="utf-8").replace("\r\n", "\n").strip("\n").split("\n")
    for number, text in enumerate(lines, start=1):
        if MARKER.match(text):
            raise BuildError(target, number, "an included file may not include another file")
    return lines


def expand(path, lines, content_root):
    """`lines` (line 1 first) with every marker line replaced by its file's lines, a blank line either side."""
    out = []
    for number, text in enumerate(lines, start=1):
        found = MARKER.match(text)
        if found:
            out += ["", *included_lines(path, number, found.group(1), content_root), ""]
        else:
            out.append(text)
    return out


class IncludePreprocessor(Preprocessor):
    def __init__(self, md, path, content_root):
        super().__init__(md)
        self.path, self.content_root = path, content_root

    def run(self, lines):
        return expand(self.path, lines, self.content_root)


class IncludeExtension(Extension):
    """Expands `{include <file>}` lines of the page at `path`; files are looked up in `content_root`."""

    def __init__(self, path, content_root, **kwargs):
        self.path, self.content_root = path, content_root
        super().__init__(**kwargs)

    def extendMarkdown(self, md):
        # Priority 28: after 'normalize_whitespace' (30), so the lines are the page's lines, one for one.
        md.preprocessors.register(IncludePreprocessor(md, self.path, self.content_root), "attune_include", 28)
