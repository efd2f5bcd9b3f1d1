"""Read content/pages/help.md, the "If you are worried or unsafe" page, into its own view.

The page is plain Markdown like an article's body, without front matter or practices: its
first line is its `# ` title. Raw HTML is escaped and images refused, as in articles, and
`{include <file>}` lines are expanded as in articles (it says the safety rule from
content/shared/safety.md). The build fails without it, because every article links to it.
"""
from pathlib import Path

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from .errors import BuildError
from .includes import IncludeExtension
from .practices_ext import slugify, text_of, unique_anchor

RELATIVE_PATH = Path("pages") / "help.md"


class HelpTreeprocessor(Treeprocessor):
    """Gives the page's headings ids of their own (the page is shared with the articles)."""

    def __init__(self, md, path):
        super().__init__(md)
        self.path = path

    def run(self, root):
        if root.find(".//img") is not None:
            raise BuildError(self.path, 1, "images are not allowed: the page loads nothing from other hosts")
        if root.find(".//h1") is not None:
            raise BuildError(self.path, 1, "only the first line is a '#' heading (the title)")
        seen = set()
        for element in root.iter():
            if element.tag in ("h2", "h3"):
                element.set("id", unique_anchor("help--" + slugify(text_of(element)), seen))


class HelpExtension(Extension):
    def __init__(self, path, **kwargs):
        self.path = path
        super().__init__(**kwargs)

    def extendMarkdown(self, md):
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        md.treeprocessors.register(HelpTreeprocessor(md, self.path), "attune_help", 15)


def read(content):
    """{"title", "html", "path"} of `<content>/pages/help.md`; BuildError if it is missing or malformed."""
    path = Path(content) / RELATIVE_PATH
    if not path.is_file():
        raise BuildError(path, 0, "the help page is missing: every article links to it")
    text = path.read_text(encoding="utf-8").replace("\r\n", "\n")
    first, _, body = text.partition("\n")
    if not first.startswith("# ") or not first[2:].strip():
        raise BuildError(path, 1, "the help page starts with its title as a '# ' heading")
    if not body.strip():
        raise BuildError(path, 2, "the help page has a title but no text")
    md = markdown.Markdown(extensions=["tables", "sane_lists", IncludeExtension(path=path, content_root=Path(content)),
                                       HelpExtension(path=path)], output_format="html")
    # A blank first line keeps the body's line numbers those of the file.
    html = md.convert("\n" + body)
    return {"title": first[2:].strip(), "html": html, "path": str(path)}
