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
# Every practice id readers' histories are kept under. Removing or renaming one loses history:
# change this list only on purpose.
PRACTICE_IDS = sorted(FIRST_EDITION_IDS + SECOND_EDITION_IDS + THIRD_EDITION_IDS)


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
    """Each article's body is between 800 and 1600 words."""
    article = collection[index]
    assert 800 <= article["words"] <= 1600, (article["slug"], article["words"])


@pytest.mark.parametrize("index", range(4))
def test_article_has_at_least_four_practices(collection, index):
    """Each article suggests at least 4 practices."""
    assert len(collection[index]["practices"]) >= 4, collection[index]["slug"]


def test_practice_ids_are_exactly_the_known_ones(collection):
    """The collection's practice ids are exactly the 28 listed here: none lost, none renamed, none added unnoticed."""
    assert len(PRACTICE_IDS) == 28 and sorted(set(PRACTICE_IDS)) == PRACTICE_IDS
    ids = sorted({p["id"] for a in collection for p in a["practices"]})
    assert ids == PRACTICE_IDS


def test_every_first_edition_id_is_kept_and_the_catalogue_has_25(collection):
    """The catalogue holds at least 25 distinct practices, and every id of the first edition is still in it."""
    catalogue = articles_mod.catalogue(collection)
    ids = [p["id"] for p in catalogue["practices"]]
    assert len(ids) == len(set(ids)) >= 25
    assert [pid for pid in FIRST_EDITION_IDS if pid not in ids] == []


@pytest.mark.parametrize("pid,slugs", [
    ("acknowledge-care", {"crying-together", "why-he-cries"}),
    ("emotional-safety", {"crying-together", "deepening-connection"}),
])
def test_shared_practices_reuse_their_ids(collection, pid, slugs):
    """Practices the second edition added to more articles reuse the existing id rather than a new one."""
    entry = [p for p in articles_mod.catalogue(collection)["practices"] if p["id"] == pid][0]
    assert slugs <= set(entry["articles"])


def test_couples_counselling_warns_when_a_partner_is_afraid(collection):
    """Each couples-therapy text says it is not the first step when one partner is afraid, and points to support
    alone."""
    texts = [p["text"] for a in collection for p in a["practices"] if p["id"] == "couples-therapy"]
    assert len(texts) >= 2
    for text in texts:
        assert "afraid" in text and "not the" in text and "domestic abuse" in text, text


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
    """A source line credits a title by naming it; an untitled text by its description's opening words."""
    if title.startswith("(") and title.endswith(")"):
        description = title[1:-1].split(";")[0]
        opening = " ".join(description.split()[:4]).lower()
        return source.lower().startswith(opening)
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
