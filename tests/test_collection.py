"""The real article collection in content/: its size, its practices and its credits."""
import re
from pathlib import Path

import pytest

from builder import articles as articles_mod

ROOT = Path(__file__).resolve().parents[1]
CONTENT = ROOT / "content"
SOURCES_README = ROOT.parent / "shared" / "sources" / "README.md"

HELP_PAGE = CONTENT / "pages" / "help.md"

# The ids of the first edition (23). Readers' histories hang on them: every one must stay.
FIRST_EDITION_IDS = [
    "acknowledge-care", "active-listening", "ask-questions", "balanced-empathy", "check-in-on-them",
    "closeness-as-process", "couples-therapy", "emotional-safety", "feelings-journal", "hold-and-reassure",
    "i-statements", "name-feelings", "needs-check", "offer-context", "open-communication", "practise-patience",
    "reflect-on-yourself", "share-joy", "slow-breathing", "steady-yourself", "talk-without-judging",
    "time-to-talk", "validate-emotions",
]
# Added in the second edition.
SECOND_EDITION_IDS = ["look-after-yourself", "mindful-pause", "understand-not-win"]
# Added in the third edition.
THIRD_EDITION_IDS = ["accept-your-partner", "let-yourself-be-seen"]
# Added in the fourth edition.
FOURTH_EDITION_IDS = ["turn-towards"]
# Every practice id readers' histories are kept under. Removing or renaming one loses history:
# change this list only on purpose.
PRACTICE_IDS = sorted(FIRST_EDITION_IDS + SECOND_EDITION_IDS + THIRD_EDITION_IDS + FOURTH_EDITION_IDS)
# Ids no article suggests any more (fourth edition: at most 7 practices an article). Readers' days under
# them stay readable in the tracker and in exports (content/README.md; tests/test_browser_tracker.py).
RETIRED_IDS = sorted([
    "balanced-empathy", "closeness-as-process", "let-yourself-be-seen", "open-communication",
    "reflect-on-yourself", "slow-breathing", "talk-without-judging", "validate-emotions",
])
SITUATION_ARTICLES = ["crying-together", "why-he-cries", "never-cries"]
MAX_PRACTICES, MAX_WORDS, MAX_PARAGRAPH_WORDS = 7, 1100, 70
SAFETY_INCLUDE = "{include shared/safety.md}"


@pytest.fixture(scope="module")
def collection():
    return articles_mod.read_collection(CONTENT)


def test_exactly_four_articles(collection):
    """content/ holds exactly 4 articles, one per *.md file besides README.md."""
    assert len(collection) == 4
    files = sorted(p.stem for p in CONTENT.glob("*.md") if p.name != "README.md")
    assert sorted(a["slug"] for a in collection) == files


@pytest.mark.parametrize("index", range(4))
def test_article_length(collection, index):
    """Each article's body, included text and practices counted, is between 800 and 1,100 words."""
    article = collection[index]
    assert 800 <= article["words"] <= MAX_WORDS, (article["slug"], article["words"])


@pytest.mark.parametrize("index", range(4))
def test_article_suggests_four_to_seven_practices(collection, index):
    """Each article suggests at least 4 practices and at most 7."""
    assert 4 <= len(collection[index]["practices"]) <= MAX_PRACTICES, collection[index]["slug"]


def paragraphs(html):
    """The text of each paragraph and list item of an article's HTML (an item's own text, not its nested list)."""
    blocks = re.findall(r"<(p|li)\b[^>]*>(.*?)</\1>", html, flags=re.S)
    return [" ".join(re.sub(r"<[^>]+>", " ", text).split()) for _, text in blocks]


@pytest.mark.parametrize("index", range(4))
def test_no_paragraph_is_longer_than_70_words(collection, index):
    """No paragraph or list item (a practice included) of an article runs over 70 words: short blocks for a phone."""
    article = collection[index]
    long = [(articles_mod.count_words(p), p[:60]) for p in paragraphs(article["html"])
            if articles_mod.count_words(p) > MAX_PARAGRAPH_WORDS]
    assert long == [], article["slug"]


def test_paragraphs_finds_each_block():
    """The paragraph splitter the length test relies on sees every <p> and <li>, tags dropped."""
    assert paragraphs('<p>One <em>two</em>.</p>\n<ul>\n<li class="practice">Three.</li>\n</ul>') == [
        "One two .", "Three."]


@pytest.mark.parametrize("slug", SITUATION_ARTICLES)
def test_situation_articles_open_with_what_to_do_now(collection, slug):
    """The three situation articles' first section is "If it is happening now": three short steps after an opening
    of at most 60 words, so the steps reach a phone's first screen."""
    article = [a for a in collection if a["slug"] == slug][0]
    assert article["headings"][0][2] == "If it is happening now"
    opening, _, rest = article["html"].partition('<div class="section-head">')
    assert articles_mod.count_words(re.sub(r"<[^>]+>", " ", opening)) <= 60
    steps = re.search(r"<ol>(.*?)</ol>", rest, flags=re.S)
    assert steps and rest.index("<ol>") < rest.index("<h2", rest.index("</h2>"))
    assert len(re.findall(r"<li>", steps[1])) == 3


def safety_text():
    return (CONTENT / "shared" / "safety.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("path", [CONTENT / f"{slug}.md" for slug in SITUATION_ARTICLES] + [HELP_PAGE],
                         ids=lambda p: p.stem)
def test_safety_rule_comes_from_its_one_file(path):
    """The safety rule is written once, in content/shared/safety.md: each situation article and the help page
    include it on a line of its own and never restate it in other words."""
    text = path.read_text(encoding="utf-8")
    assert text.count(SAFETY_INCLUDE + "\n") == 1
    outside = text.replace(SAFETY_INCLUDE, "")
    for words in ("self-harm", "crisis line straight away", "a good first call", "emergency services or a"):
        assert words not in outside, words
    assert "self-harm or suicide" in safety_text() and "local emergency number" in safety_text()


def test_built_pages_say_the_safety_rule_in_the_same_words(collection):
    """The rendered rule is the same paragraph, word for word, in every situation article and on the help page."""
    from builder import pages
    from core import routes
    help_page = pages.read(CONTENT, next(view for view in routes.TABLE if view.name == "help"))
    rules = [p for p in paragraphs(help_page["html"]) if "self-harm or suicide" in p]
    assert len(rules) == 1
    for article in collection:
        if article["slug"] in SITUATION_ARTICLES:
            assert [p for p in paragraphs(article["html"]) if "self-harm or suicide" in p] == rules, article["slug"]


def test_practice_ids_are_exactly_the_known_ones(collection):
    """The collection's practice ids are the known ones less the retired: none lost, none renamed, none added
    unnoticed, and a retired id is not quietly suggested again."""
    assert len(PRACTICE_IDS) == 29 and sorted(set(PRACTICE_IDS)) == PRACTICE_IDS
    assert set(RETIRED_IDS) <= set(PRACTICE_IDS)
    ids = sorted({p["id"] for a in collection for p in a["practices"]})
    assert ids == sorted(set(PRACTICE_IDS) - set(RETIRED_IDS))


def test_every_first_edition_id_is_kept_or_retired_and_the_catalogue_lists_each_once(collection):
    """Every id of the first edition is in the catalogue or listed as retired (kept readable), and the catalogue
    lists each practice once."""
    catalogue = articles_mod.catalogue(collection)
    ids = [p["id"] for p in catalogue["practices"]]
    assert len(ids) == len(set(ids)) == len(PRACTICE_IDS) - len(RETIRED_IDS)
    assert [pid for pid in FIRST_EDITION_IDS if pid not in ids and pid not in RETIRED_IDS] == []


def test_readme_names_every_retired_id():
    """content/README.md lists the retired ids, so a writer knows they are taken and readers' days are under them."""
    readme = (CONTENT / "README.md").read_text(encoding="utf-8")
    assert [pid for pid in RETIRED_IDS if f"`{pid}`" not in readme] == []


@pytest.mark.parametrize("pid,slugs", [
    ("acknowledge-care", {"crying-together", "why-he-cries"}),
    ("time-to-talk", {"crying-together", "never-cries"}),
])
def test_shared_practices_reuse_their_ids(collection, pid, slugs):
    """Practices added to more articles (acknowledge-care in the second edition, time-to-talk in the fourth) reuse
    the existing id rather than a new one."""
    entry = [p for p in articles_mod.catalogue(collection)["practices"] if p["id"] == pid][0]
    assert slugs <= set(entry["articles"])


def test_couples_counselling_warns_when_a_partner_is_afraid(collection):
    """The couples-therapy text (one, wherever it is suggested) says it is not the first step when one partner is
    afraid, and points to support alone."""
    texts = {p["text"] for a in collection for p in a["practices"] if p["id"] == "couples-therapy"}
    assert len(texts) == 1
    text = texts.pop()
    assert "afraid" in text and "not the" in text and "domestic abuse" in text, text


def test_accepting_your_partner_never_reads_as_putting_up_with_anger(collection):
    """accept-your-partner asks the reader to notice the care their partner already shows, and its text, which the
    tracker shows away from the article, says it is never about putting up with anger or fear."""
    entry = [p for p in articles_mod.catalogue(collection)["practices"] if p["id"] == "accept-your-partner"][0]
    assert "already shows care" in entry["text"] and "never about putting up with anger" in entry["text"]


def test_every_practice_has_one_text(collection):
    """A practice suggested by several articles has the same text in each (the build refuses otherwise)."""
    texts = {}
    for article in collection:
        for p in article["practices"]:
            texts.setdefault(p["id"], set()).add(p["text"])
    assert {pid: t for pid, t in texts.items() if len(t) != 1} == {}


def test_help_page_promises_nothing_it_cannot_keep(collection):
    """The help page names the local emergency number, says the app is no substitute, and lists no phone numbers."""
    text = HELP_PAGE.read_text(encoding="utf-8")
    assert text.startswith("# If you are worried or unsafe\n")
    assert "local emergency number" in text and "substitute" in text and "counsellor" in text
    assert not re.search(r"\d{3}", text), "no phone numbers or other figures that vary by country"


def test_practice_names_are_the_same_in_every_article(collection):
    """A practice suggested by several articles has the same name in each."""
    names = {}
    for article in collection:
        for p in article["practices"]:
            names.setdefault(p["id"], set()).add(p["name"])
    assert {pid: n for pid, n in names.items() if len(n) != 1} == {}
    assert all(n and next(iter(n)).strip() for n in names.values())


def test_active_listening_is_shared(collection):
    """active-listening is suggested by crying-together, never-cries and deepening-connection, and listed once."""
    catalogue = articles_mod.catalogue(collection)
    entries = [p for p in catalogue["practices"] if p["id"] == "active-listening"]
    assert len(entries) == 1
    assert {"crying-together", "never-cries", "deepening-connection"} <= set(entries[0]["articles"])
    for article in catalogue["articles"]:
        if article["slug"] in ("crying-together", "never-cries", "deepening-connection"):
            assert "active-listening" in article["practices"]


def source_titles():
    """The titles in the sources README's table; an untitled text's '(description; no title)' as its description."""
    titles = []
    for line in SOURCES_README.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) < 3 or not cells[0].endswith(".txt"):
            continue
        titles.append(cells[1])
    return titles


def credits(source, title):
    """A source line credits a title by naming it; an untitled text by what its description says it is, less who
    wrote it, which the text itself does not say ("a counsellor's answer to a reader's question" is credited by
    "answer to a reader's question")."""
    if title.startswith("(") and title.endswith(")"):
        description = title[1:-1].split(";")[0]
        what = " ".join(description.split()[2:]).lower()
        return len(what.split()) >= 4 and what in source.lower()
    return title in source


@pytest.mark.parametrize("index", range(4))
def test_sources_credit_a_listed_text(collection, index):
    """Every article's sources field is non-empty and credits one of the texts listed in shared/sources/README.md."""
    article = collection[index]
    assert article["sources"] and all(s.strip() for s in article["sources"])
    if not SOURCES_README.exists():
        pytest.skip("../shared/sources is not present")
    titles = source_titles()
    assert len(titles) == 4
    assert any(credits(s, t) for s in article["sources"] for t in titles), article["sources"]


def test_every_listed_text_is_credited(collection):
    """Each of the four source texts is credited by at least one article."""
    if not SOURCES_README.exists():
        pytest.skip("../shared/sources is not present")
    sources = [s for a in collection for s in a["sources"]]
    for title in source_titles():
        assert any(credits(s, title) for s in sources), title


def test_word_count_ignores_markup():
    """count_words counts words, not Markdown punctuation or {#ids}, so the length bounds mean real words."""
    assert articles_mod.count_words("- {#active-listening} **Listen actively.** Don't | --- | rush.") == 4
