"""Read content/*.md into articles and a catalogue of their practices."""
import re
from pathlib import Path

import markdown

from . import frontmatter
from .errors import BuildError, line_of
from .practices_ext import ArticleExtension

WORDS_PER_MINUTE = 200


def count_words(markdown_text):
    """Words a reader reads: Markdown punctuation and the practice ids are not words."""
    text = re.sub(r"\{[#.][a-z0-9-]+\}", " ", markdown_text)
    return len(re.findall(r"[A-Za-z0-9]+(?:['\u2019][A-Za-z]+)*", text))


def article_markdown(path, source, slug):
    """The converter for one article's body (`source`, as in `path`): after convert(), md.practices and md.headings."""
    return markdown.Markdown(extensions=["tables", "sane_lists", ArticleExtension(path=path, source=source, slug=slug)],
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
    words = count_words(body)
    return dict(fields, html=html, practices=md.practices, headings=md.headings,
                words=words, minutes=max(1, round(words / WORDS_PER_MINUTE)), path=str(path))


def read_collection(folder):
    """All articles in `folder`, in their `order`, with collection-wide checks."""
    paths = sorted(p for p in Path(folder).glob("*.md") if p.name != "README.md")
    if not paths:
        raise BuildError(folder, 0, "no articles (*.md) in this folder")
    articles = [read_article(p) for p in paths]
    names, seen_orders = {}, {}
    for article in articles:
        if article["order"] in seen_orders:
            raise BuildError(article["path"], 1,
                             f"order {article['order']} is also used by {seen_orders[article['order']]}")
        seen_orders[article["order"]] = article["path"]
        for practice in article["practices"]:
            known = names.setdefault(practice["id"], (practice["name"], article["path"]))
            if known[0] != practice["name"]:
                source = Path(article["path"]).read_text(encoding="utf-8")
                raise BuildError(article["path"], line_of(source, "{#%s}" % practice["id"]),
                                 f"practice {practice['id']!r} is named {practice['name']!r} here "
                                 f"but {known[0]!r} in {known[1]}: one id, one name")
    return sorted(articles, key=lambda a: a["order"])


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
