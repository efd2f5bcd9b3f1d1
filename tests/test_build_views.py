"""Views as data: py/core/routes.py's table gives each view its section id, its print rule and, for a page
written in Markdown, its source; a new page needs a table entry and its text, no build code."""
import json
import re

import pytest

from core import routes
from builder import __main__ as builder_main
from builder.errors import BuildError
from sample_site import ALPHA, NODE_MODULES, write

SITE_INDEX = builder_main.SITE / "index.html"


def with_view(tmp_path, monkeypatch, name):
    """A sample site whose table has one more Markdown page, `name`, written in content/pages/<name>.md."""
    write(tmp_path / "content", "alpha", ALPHA)
    (tmp_path / "content" / "pages" / (name + ".md")).write_text("# About Attune\n\nWho writes it, and why.\n",
                                                                 encoding="utf-8")
    view = routes.View(name, markdown="pages/%s.md" % name)
    monkeypatch.setattr(routes, "TABLE", routes.TABLE + (view,))
    monkeypatch.setattr(routes, "PAGES", routes.PAGES + (name,))


def test_a_second_markdown_page_needs_only_its_entry_and_its_text(tmp_path, monkeypatch):
    """A view added to the table with a Markdown source is built as its own section, shown by its route (CSS and
    boot.js's table), printed, with heading ids of its own."""
    with_view(tmp_path, monkeypatch, "colophon")
    builder_main.build(tmp_path / "content", tmp_path / "dist", node_modules=NODE_MODULES)
    html = (tmp_path / "dist" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<section id="colophon" class="view colophon" aria-labelledby="colophon-title">\n'
                     r'.*<h1 id="colophon-title" tabindex="-1">About Attune</h1>.*Who writes it, and why', html, re.S)
    css = (tmp_path / "dist" / "style.css").read_text(encoding="utf-8")
    assert 'html.js[data-route="colophon"] #colophon' in css
    printing = re.search(r"@media print \{ ([^{]*) \{ display: none !important; \} \}\n$", css)[1]
    assert printing == "#library, #practices, #missing"
    boot = (tmp_path / "dist" / "boot.js").read_text(encoding="utf-8")
    assert "colophon" in json.loads(re.search(r"^var ROUTES = (.*);$", boot, re.M)[1])["pages"]


def test_a_view_whose_id_the_page_already_uses_fails_at_that_line(tmp_path, monkeypatch):
    """A view named "about" clashes with the footer's id="about": the build names site/index.html's line."""
    with_view(tmp_path, monkeypatch, "about")
    template = SITE_INDEX.read_text(encoding="utf-8")
    line = template[:template.index(' id="about"')].count("\n") + 1
    with pytest.raises(BuildError) as caught:
        builder_main.build(tmp_path / "content", tmp_path / "dist", node_modules=NODE_MODULES)
    assert str(caught.value) == ('%s:%d: the view about (py/core/routes.py) needs one element id="about", its '
                                 'section; the page has 2' % (SITE_INDEX, line))
