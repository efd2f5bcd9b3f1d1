"""hypothesis strategies for the harness: text readers type, dates, edits and data that is not Attune's."""
import datetime
import json

from hypothesis import strategies as st

from core import model
from core import settings

# Characters that have broken text handling somewhere: markup, quotes, astral (emoji, maths),
# right-to-left text and its controls, non-ASCII letters and spaces, line breaks, NUL.
TRICKY = ["<", ">", "&", '"', "'", "\\", "/", "😀", "👩‍❤️‍👨", "𝔸", "𐍈", "À", "é", "ß", "ǅ", "İ", "Ω",
          "שלום", "مرحبا", "\u202e", "\u200f", "\u200d", "\n", "\r", "\t", "\r\n", "\u2028", "\u2029",
          "\u00a0", "\u2003", "\u3000", "\x00", "\x1f", "\x7f", "\ufeff", "<b>", "</p>", "<!--", "&amp;"]
CHARACTERS = st.characters(blacklist_categories=("Cs",))   # no lone surrogates: not text in either
texts = st.lists(st.one_of(st.sampled_from(TRICKY), st.text(CHARACTERS, max_size=8)), max_size=12).map("".join)
# Notes at and around the longest the app keeps.
long_texts = st.tuples(texts.filter(bool), st.integers(model.MAX_NOTE - 3, model.MAX_NOTE + 3)).map(
    lambda t: (t[0] * model.MAX_NOTE)[:t[1]])
note_texts = st.one_of(texts, long_texts)

PRACTICES = ["offer-context", "active-listening", "slow-breathing", "name-feelings", "a", "x-1"]
practice_ids = st.one_of(st.sampled_from(PRACTICES), st.from_regex(r"\A[a-z0-9]{1,6}(-[a-z0-9]{1,6}){0,3}\Z"))
ordinals = st.integers(datetime.date(1999, 12, 1).toordinal(), datetime.date(2031, 3, 1).toordinal())
days = ordinals.map(lambda n: datetime.date.fromordinal(n).isoformat())
stamps = st.integers(1, 2 ** 53)   # the clock: an empty profile's settings are stamped 0

edits = st.lists(st.one_of(
    st.tuples(st.just("done"), practice_ids, days, st.booleans()),
    st.tuples(st.just("note"), days, note_texts),
    st.tuples(st.just("unnote"), days, st.integers(0, 5)),
    st.tuples(st.just("focus"), practice_ids, st.one_of(st.none(), st.integers(-2, 9))),
    st.tuples(st.just("setting"), st.just("theme"), st.sampled_from(settings.BY_NAME["theme"].choices), stamps),
    st.tuples(st.just("setting"), st.just("text_size"), st.sampled_from(settings.BY_NAME["text_size"].choices), stamps),
    st.tuples(st.just("reading"), practice_ids, st.integers(-5, 1005), stamps),
    st.tuples(st.just("setting"), st.sampled_from(["copied", "copy_later"]), days, stamps),   # py/core/copies.py
).map(list), max_size=15)

# Decoded JSON of any shape, with keys that are sometimes Attune's own.
KEYS = (list(model.TOP_KEYS) + ["theme", "text_size", "at", *model.OPTIONAL, "slug", "position", "2024-02-29",
                                "2023-02-29"] + PRACTICES)
json_values = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(-2 ** 40, 2 ** 40),
              st.floats(allow_nan=False, allow_infinity=False), texts, days, practice_ids),
    lambda inner: st.one_of(st.lists(inner, max_size=4),
                            st.dictionaries(st.one_of(st.sampled_from(KEYS), texts), inner, max_size=4)),
    max_leaves=12)


@st.composite
def foreign_documents(draw):
    """Something like a tracker document, with a part replaced by anything at all."""
    doc = {"schema": draw(st.sampled_from([2, 2, 2, 1, 3, 0, "2", None]))}
    for key in model.TOP_KEYS[1:]:
        if draw(st.booleans()):
            doc[key] = draw(json_values)
    return doc


def export_texts(doc_json):
    """The ways a file can spell the same JSON: compact, indented, and with non-ASCII escaped as \\u."""
    return [json.dumps(doc_json, ensure_ascii=False), json.dumps(doc_json, indent=2), json.dumps(doc_json)]
