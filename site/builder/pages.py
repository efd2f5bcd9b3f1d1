"""Read the views written in Markdown (py/core/routes.py names each and its source under content/; the
help page, content/pages/help.md, is one) into their own sections.

A page is plain Markdown like an article's body, without front matter or practices: its first line is
its `# ` title. Raw HTML is escaped and images refused, as in articles, and `{include <file>}` lines are
expanded as in articles (the help page says the safety rule from content/shared/safety.md). The build
fails without one, because the page links to each (every article to the help page).
"""
from pathlib import Path

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from .errors import BuildError
from .includes import IncludeExtension
from .practices_ext import slugify, text_of, unique_anchor

class PageTreeprocessor(Treeprocessor):
    """Gives the page's headings ids of their own, "<view>--<heading>" (the page is shared with the articles)."""

    def __init__(self, md, path, name):
        super().__init__(md)
        self.path, self.name = path, name

    def run(self, root):
        if root.find(".//img") is not None:
            raise BuildError(self.path, 1, "images are not allowed: the page loads nothing from other hosts")
        if root.find(".//h1") is not None:
            raise BuildError(self.path, 1, "only the first line is a '#' heading (the title)")
        seen = set()
        for element in root.iter():
            if element.tag in ("h2", "h3"):
                element.set("id", unique_anchor(self.name + "--" + slugify(text_of(element)), seen))


class PageExtension(Extension):
    def __init__(self, path, name, **kwargs):
        self.path, self.name = path, name
        super().__init__(**kwargs)

    def extendMarkdown(self, md):
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        md.treeprocessors.register(PageTreeprocessor(md, self.path, self.name), "attune_page", 15)


def read_all(content, views):
    """[{"name", "title", "html", "path"}] of every view written in Markdown, in the table's order."""
    return [read(content, view) for view in views if view.markdown]


def read(content, view):
    """{"name", "title", "html", "path"} of a view's Markdown source; BuildError if it is missing or malformed."""
    path = Path(content) / view.markdown
    if not path.is_file():
        raise BuildError(path, 0, f"the {view.name} page is missing (py/core/routes.py names it): the page links to it")
    text = path.read_text(encoding="utf-8").replace("\r\n", "\n")
    first, _, body = text.partition("\n")
    if not first.startswith("# ") or not first[2:].strip():
        raise BuildError(path, 1, f"the {view.name} page starts with its title as a '# ' heading")
    if not body.strip():
        raise BuildError(path, 2, f"the {view.name} page has a title but no text")
    md = markdown.Markdown(extensions=["tables", "sane_lists", IncludeExtension(path=path, content_root=Path(content)),
                                       PageExtension(path=path, name=view.name)], output_format="html")
    # A blank first line keeps the body's line numbers those of the file.
    html = md.convert("\n" + body)
    return {"name": view.name, "title": first[2:].strip(), "html": html, "path": str(path)}
