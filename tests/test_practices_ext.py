"""site/builder/practices_ext.py on its own, in Python-Markdown's style: Markdown source in, the exact HTML out,
and what the extension leaves on the converter (md.practices, md.headings). The full-build tests
(tests/test_build.py) check the same extension through whole articles and the page."""
from textwrap import dedent

import pytest

from builder.articles import article_markdown
from builder.errors import BuildError

PATH = "content/one.md"
SLUG = "one"
# The smallest Practices section an article may have, and the HTML it becomes.
PRACTICES = """\
## Practices

- {#say-it} **Say it.** Name the feeling.
"""
PRACTICES_HTML = (
    '<h2 id="one--practices" tabindex="-1">Practices</h2>\n'
    '<ul class="practices">\n'
    '<li class="practice" data-practice="say-it">'
    '<input aria-describedby="one--do-say-it-text" class="practice-box" data-change="tick" data-practice="say-it"'
    ' disabled id="one--do-say-it" type="checkbox">'
    '<label for="one--do-say-it">Say it</label>'
    '<div class="practice-text" id="one--do-say-it-text">\n'
    '<p>Name the feeling.</p>\n'
    '</div>\n'
    '<span class="take-on"><input aria-label="Add to my practices: Say it" data-change="focus" data-focus="say-it"'
    ' disabled id="one--take-say-it" type="checkbox"><label for="one--take-say-it">Add to my practices</label>'
    '</span></li>\n'
    '</ul>'
)
SAY_IT = {"id": "say-it", "name": "Say it", "text": "Name the feeling."}


def convert(source):
    """(html, md) for `source` converted as site/builder/articles.py converts an article's body."""
    md = article_markdown(PATH, source, SLUG)
    return md.convert(source), md


def assert_renders(source, expected_html, **expected_attrs):
    """Like Python-Markdown's TestCase.assertMarkdownRenders: `source` gives exactly `expected_html`, and each
    keyword names an attribute of the converter (practices, headings) with the value it must hold after."""
    html, md = convert(source)
    assert html == expected_html
    for name, value in expected_attrs.items():
        assert getattr(md, name) == value, name


def build_error(source):
    """The BuildError converting `source` raises."""
    with pytest.raises(BuildError) as caught:
        convert(source)
    return caught.value


def test_a_practice_item_becomes_a_labelled_checkbox_and_a_practice():
    """A '- {#id} **Name.** text' item becomes a disabled checkbox, its label and text, and an entry of md.practices."""
    assert_renders(PRACTICES, PRACTICES_HTML, practices=[SAY_IT], headings=[(2, "one--practices", "Practices")])


def test_practices_keep_their_order_and_their_inline_markup():
    """Practices keep the article's order; markup after the name stays in the HTML, its words in md.practices."""
    assert_renders(
        PRACTICES + "- {#listen-well} **Listen well.** Put the *phone* away.\n",
        PRACTICES_HTML.replace("</ul>", "")
        + '<li class="practice" data-practice="listen-well">'
        '<input aria-describedby="one--do-listen-well-text" class="practice-box" data-change="tick"'
        ' data-practice="listen-well" disabled id="one--do-listen-well" type="checkbox">'
        '<label for="one--do-listen-well">Listen well</label>'
        '<div class="practice-text" id="one--do-listen-well-text">\n'
        "<p>Put the <em>phone</em> away.</p>\n"
        "</div>\n"
        '<span class="take-on"><input aria-label="Add to my practices: Listen well" data-change="focus"'
        ' data-focus="listen-well" disabled id="one--take-listen-well" type="checkbox">'
        '<label for="one--take-listen-well">Add to my practices</label></span>'
        "</li>\n"
        "</ul>",
        practices=[SAY_IT, {"id": "listen-well", "name": "Listen well", "text": "Put the phone away."}],
    )


def test_headings_get_slug_prefixed_anchors_and_a_repeated_title_gets_2():
    """Headings get '<slug>--<words>' ids, a '##' its '#' link; a repeated title gets '-2', in md.headings too."""
    assert_renders(
        dedent("""\
            Intro text.

            ## Start here

            Some words.

            ## Start here

            ### A smaller step

            """) + PRACTICES,
        dedent("""\
            <p>Intro text.</p>
            <div class="section-head">
            <h2 id="one--start-here" tabindex="-1">Start here</h2>
            <a aria-label="Link to this section: Start here" class="anchor" href="#/a/one/one--start-here">#</a></div>
            <p>Some words.</p>
            <div class="section-head">
            <h2 id="one--start-here-2" tabindex="-1">Start here</h2>
            <a aria-label="Link to this section: Start here" class="anchor" href="#/a/one/one--start-here-2">#</a></div>
            <h3 id="one--a-smaller-step" tabindex="-1">A smaller step</h3>
            """) + PRACTICES_HTML,
        headings=[(2, "one--start-here", "Start here"), (2, "one--start-here-2", "Start here"),
                  (3, "one--a-smaller-step", "A smaller step"), (2, "one--practices", "Practices")],
        practices=[SAY_IT],
    )


def test_a_faq_section_becomes_questions_a_reader_opens():
    """A '## ... {.faq}' section loses its mark; each '###' question and its answer become a <details class="faq">."""
    assert_renders(
        dedent("""\
            ## Questions {.faq}

            ### Is it normal?

            Yes, for *many* couples.

            ### Is it normal?

            Still yes.

            """) + PRACTICES,
        dedent("""\
            <div class="section-head">
            <h2 id="one--questions" tabindex="-1">Questions</h2>
            <a aria-label="Link to this section: Questions" class="anchor" href="#/a/one/one--questions">#</a></div>
            <details class="faq">
            <summary>
            <h3 id="one--is-it-normal">Is it normal?</h3>
            </summary>
            <p>Yes, for <em>many</em> couples.</p>
            </details>
            <details class="faq">
            <summary>
            <h3 id="one--is-it-normal-2">Is it normal?</h3>
            </summary>
            <p>Still yes.</p>
            </details>
            """) + PRACTICES_HTML,
        headings=[(2, "one--questions", "Questions"), (3, "one--is-it-normal", "Is it normal?"),
                  (3, "one--is-it-normal-2", "Is it normal?"), (2, "one--practices", "Practices")],
    )


def test_raw_html_is_escaped():
    """Raw HTML in the source, a block or inline, is text on the page: the extension removes both HTML processors."""
    assert_renders(
        dedent("""\
            <div>block</div>

            A <b>bold</b> claim.

            """) + PRACTICES,
        dedent("""\
            <p>&lt;div&gt;block&lt;/div&gt;</p>
            <p>A &lt;b&gt;bold&lt;/b&gt; claim.</p>
            """) + PRACTICES_HTML,
    )


def test_a_practice_name_not_in_bold_fails_at_its_line():
    """A practice whose id is followed by plain words, not a bold name, stops the build at that item's line."""
    error = build_error(dedent("""\
        Text.

        ## Practices

        - {#say-it} **Say it.** Name the feeling.
        - {#listen} Listen well.
        """))
    assert str(error) == ("content/one.md:6: practice 'listen': after the id comes its name in bold,"
                          " like **Listen actively.**")
    assert (error.path, error.line) == (PATH, 6)


def test_a_practice_id_used_twice_fails_at_its_second_line():
    """The same practice id twice in one article stops the build at the line of its second use."""
    error = build_error(PRACTICES + "- {#hug} **Hug.** Long enough.\n- {#say-it} **Say it again.** Once more.\n")
    assert str(error) == "content/one.md:5: practice id 'say-it' is used twice in this article"


def test_a_faq_section_without_a_question_fails_at_its_heading():
    """A '{.faq}' section that does not start with a '###' question stops the build at the line of its mark."""
    error = build_error(dedent("""\
        Text.

        ## Questions {.faq}

        An answer without its question.

        """) + PRACTICES)
    assert str(error) == "content/one.md:3: a questions section starts with a '###' question"


def test_an_image_fails_at_its_line():
    """An image (a request to another host) stops the build at its line."""
    error = build_error(dedent("""\
        Text.

        More text.
        ![a photo](https://example.com/p.png)

        """) + PRACTICES)
    assert str(error) == "content/one.md:4: images are not allowed: the page loads nothing from other hosts"
