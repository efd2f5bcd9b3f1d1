"""Read content/*.md into articles and a catalogue of their practices."""
import re
from pathlib import Path

import markdown

from . import frontmatter
from .errors import BuildError, line_of
from .includes import IncludeExtension, expand
from .practices_ext import ArticleExtension

WORDS_PER_MINUTE = 200


def count_words(markdown_text):
    """Words a reader reads: Markdown punctuation and the practice ids are not words."""
    text = re.sub(r"\{[#.][a-z0-9-]+\}", " ", markdown_text)
    return len(re.findall(r"[A-Za-z0-9]+(?:['\u2019][A-Za-z]+)*", text))


def article_markdown(path, source, slug, content_root=None):
    """The converter for one article's body (`source`, as in `path`): after convert(), md.practices and md.headings.
    `{include <file>}` lines name files in `content_root` (default: the article's folder)."""
    root = Path(path).parent if content_root is None else content_root
    return markdown.Markdown(extensions=["tables", "sane_lists", IncludeExtension(path=path, content_root=root),
                                         ArticleExtension(path=path, source=source, slug=slug)],
                             output_format="html")


def read_article(path):
    """One article: its front matter fields plus html, practices, headings and word count."""
    path = Path(path)
    text = path.read_text(encoding="utf-8").replace("\r\n", "\n")
    fields, body, first_line = frontmatter.split(path, text)
    if fields["slug"] != path.stem:
        raise BuildError(path, fields["slug_line"], f"slug {fields['slug']!r} differs from the file name {path.stem!r}")
    # Blank lines in place of the front matter keep the body's line numbers those of the file.
    padded = "\n" * (first_line - 1) + body
    md = article_markdown(path, padded, fields["slug"])
    html = md.convert(padded)
    # The reader reads the included text too, so it counts; the marker line does not.
    words = count_words("\n".join(expand(path, body.split("\n"), path.parent)))
    return dict(fields, html=html, practices=md.practices, headings=md.headings,
                words=words, minutes=max(1, round(words / WORDS_PER_MINUTE)), path=str(path))


def read_collection(folder):
    """All articles in `folder`, in their `order`, with collection-wide checks."""
    paths = sorted(p for p in Path(folder).glob("*.md") if p.name != "README.md")
    if not paths:
        raise BuildError(folder, 0, "no articles (*.md) in this folder")
    articles = [read_article(p) for p in paths]
    seen_orders = {}
    for article in articles:
        if article["order"] in seen_orders:
            raise BuildError(article["path"], 1,
                             f"order {article['order']} is also used by {seen_orders[article['order']]}")
        seen_orders[article["order"]] = article["path"]
    check_one_practice_one_text(articles)
    return sorted(articles, key=lambda a: a["order"])


def check_one_practice_one_text(articles):
    """A practice several articles suggest has one name and one text, as the tracker shows it away from any
    article: BuildError at the id's line in the first article (by file name) that differs from the first."""
    first = {}
    for article in articles:
        for practice in article["practices"]:
            known, where = first.setdefault(practice["id"], (practice, article["path"]))
            if known["name"] != practice["name"]:
                problem = (f"practice {practice['id']!r} is named {practice['name']!r} here "
                           f"but {known['name']!r} in {where}: one id, one name")
            elif known["text"] != practice["text"]:
                problem = (f"practice {practice['id']!r} has a different text here than in {where}: "
                           "one id, one text (write it once to stand alone in the tracker; "
                           "the article's own context goes in its body)")
            else:
                continue
            source = Path(article["path"]).read_text(encoding="utf-8")
            raise BuildError(article["path"], line_of(source, "{#%s}" % practice["id"]), problem)


def catalogue(articles):
    """The JSON-ready catalogue the app reads: articles, and each practice once."""
    practices = {}
    for article in articles:
        for p in article["practices"]:
            entry = practices.setdefault(p["id"], {"id": p["id"], "name": p["name"], "text": p["text"], "articles": []})
            entry["articles"].append(article["slug"])
    return {
        "articles": [
            {"slug": a["slug"], "title": a["title"], "summary": a["summary"], "minutes": a["minutes"],
             "practices": [p["id"] for p in a["practices"]]}
            for a in articles
        ],
        "practices": list(practices.values()),
    }
