"""site/builder/includes.py on its own, in the style of tests/test_practices_ext.py: Markdown source with an
`{include <file>}` line in, the exact HTML (or the exact build error) out."""
import pytest

from builder.articles import article_markdown
from builder.errors import BuildError

PRACTICES = "## Practices\n\n- {#say-it} **Say it.** Name the feeling.\n"


def convert(source, root):
    """The HTML of `source` converted as an article's body, its includes looked up in `root`."""
    md = article_markdown(root / "one.md", source, "one", content_root=root)
    return md.convert(source)


def test_an_include_line_becomes_the_files_paragraphs(tmp_path):
    """The marker line is replaced by the included file's Markdown, rendered in place between its neighbours."""
    (tmp_path / "shared").mkdir()
    (tmp_path / "shared" / "rule.md").write_text("If they might act, **call now**.\n\nThen stay.\n")
    html = convert("Before.\n{include shared/rule.md}\nAfter.\n\n" + PRACTICES, tmp_path)
    assert html.split("\n<h2")[0] == ("<p>Before.</p>\n<p>If they might act, <strong>call now</strong>.</p>\n"
                                      "<p>Then stay.</p>\n<p>After.</p>")


def test_an_include_keeps_the_pages_line_numbers(tmp_path):
    """An error after the include still names the page's own line, not a line of the expanded text."""
    (tmp_path / "shared").mkdir()
    (tmp_path / "shared" / "rule.md").write_text("One.\n\nTwo.\n\nThree.\n")
    source = ("Text.\n\n{include shared/rule.md}\n\n"
              "## Practices\n\n- {#say-it} **Say it.** A.\n- {#say-it} **Say it.** B.\n")
    with pytest.raises(BuildError) as caught:
        convert(source, tmp_path)
    assert str(caught.value) == f"{tmp_path / 'one.md'}:8: practice id 'say-it' is used twice in this article"


def test_a_missing_include_names_the_page_and_line(tmp_path):
    """A marker naming no file fails as `page:line: include '<name>': there is no such file in <folder>`."""
    with pytest.raises(BuildError) as caught:
        convert("Text.\n\n{include shared/none.md}\n\n" + PRACTICES, tmp_path)
    expected = f"{tmp_path / 'one.md'}:3: include 'shared/none.md': there is no such file in {tmp_path}"
    assert str(caught.value) == expected


def test_an_included_file_may_not_include_another(tmp_path):
    """Includes do not nest: the included file's own marker fails at its line in that file."""
    (tmp_path / "shared").mkdir()
    (tmp_path / "shared" / "a.md").write_text("Text.\n{include shared/a.md}\n")
    with pytest.raises(BuildError) as caught:
        convert("{include shared/a.md}\n\n" + PRACTICES, tmp_path)
    assert str(caught.value) == f"{tmp_path / 'shared' / 'a.md'}:2: an included file may not include another file"
