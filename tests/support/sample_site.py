"""A small sample site for the build's tests: two articles' Markdown, the help page, write() to lay them
out as content/, and Page, the built page's elements (tests/test_build.py, tests/test_build_leave.py)."""
from html.parser import HTMLParser
from pathlib import Path

from paths import ROOT

NODE_MODULES = ROOT / "node_modules"

PRACTICES = """## Practices

- {#active-listening} **Listen actively.** Say back what you heard. *When it helps:* in a hard talk.
- {#pause-first} **Pause first.** Take one slow breath before you answer.
"""

ALPHA = """Alpha's first paragraph says that feelings spread between close people.

Raw HTML stays text: <script>alert(1)</script> and <b>x</b> and <img src=x onerror=alert(2)>.

<div class="boxed">a block of HTML</div>

| Part | Effect |
| --- | --- |
| Trust | grows |

## Common questions {.faq}

### Is crying together normal?

Yes, for many couples it is.

### Should we see someone?

If it wears you out, *talk to a counsellor*.

""" + PRACTICES

BETA = """Beta's opening paragraph is about a partner who rarely shows tears.

## Practices

- {#active-listening} **Listen actively.** Say back what you heard. *When it helps:* in a hard talk.
- {#feelings-journal} **Keep a feelings journal.** Write a line a day. Watch out: </script><script>alert(3)</script>
- {#name-feelings} **Name your feelings.** Pause and find the word.
"""


HELP = """# If you are worried or unsafe

In danger, call your local emergency number. Raw HTML stays text here too: <b>bold?</b>

## When to see a counsellor

When talking at home does not help.
"""


def write(folder, slug, body, order=1, title=None, front=None):
    """Write content/<slug>.md with complete front matter (lines 1-7), and pages/help.md if absent; return its path."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    help_page = folder / "pages" / "help.md"
    if not help_page.exists():
        help_page.parent.mkdir()
        help_page.write_text(HELP, encoding="utf-8")
    lines = front if front is not None else [
        "---", f"title: {title or slug.title()}", f"slug: {slug}", "summary: A short summary.",
        "sources: Some Source Title", f"order: {order}", "---",
    ]
    path = folder / f"{slug}.md"
    path.write_text("\n".join(lines) + "\n" + body, encoding="utf-8")
    return path


class Page(HTMLParser):
    """Elements of the built page: start tags with attributes, label texts, and the catalogue script's text."""

    def __init__(self, text):
        super().__init__(convert_charrefs=True)
        self.tags, self.labels, self.catalogue_text = [], {}, None
        self.label_for, self.in_catalogue = None, False
        self.feed(text)
        self.close()

    def handle_starttag(self, name, attrs):
        attrs = dict(attrs)
        self.tags.append((name, attrs))
        if name == "label":
            self.label_for = attrs.get("for")
            self.labels[self.label_for] = ""
        if name == "script" and attrs.get("id") == "catalogue":
            self.in_catalogue = True
            self.catalogue_text = ""

    def handle_endtag(self, name):
        if name == "label":
            self.label_for = None
        if name == "script":
            self.in_catalogue = False

    def handle_data(self, data):
        if self.label_for is not None:
            self.labels[self.label_for] += data
        if self.in_catalogue:
            self.catalogue_text += data
