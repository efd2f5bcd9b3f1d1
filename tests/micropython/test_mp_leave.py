"""py/core/model.py's "Leave quickly" settings give the same answers in MicroPython as in CPython."""
from hypothesis import given, settings
from hypothesis import strategies as st

from inputs import json_values, stamps, texts

EXAMPLES = settings(max_examples=80, deadline=None)
# Addresses near the edge of what is accepted: schemes in any case, hosts with odd characters, spaces
# of every kind around them, invisible and right-to-left characters, and around the longest allowed.
PIECES = ["https://", "http://", "HTTPS://", "Http://", "ftp://", "javascript:", "//", "www.", "example.org",
          "bücher.de", "[::1]", ":8000", "user@", "/", "?q=1", "#x", " ", "\u00a0", "\u3000", "\t", "\n",
          "\u202e", "\u200b", "\ufeff", "\x7f", "\x85", "K", "\u212a", "İ", "(", "\\", "-", "."]
addresses = st.one_of(texts, st.lists(st.sampled_from(PIECES), max_size=8).map("".join),
                      st.integers(490, 510).map(lambda n: ("https://example.org/" + "a" * n)[:n]))
exit_settings = st.one_of(
    st.tuples(st.just("setting"), st.just("exit_everywhere"), st.sampled_from([1, None]), stamps),
    st.tuples(st.just("setting"), st.just("exit_url"),
              st.one_of(st.none(), st.sampled_from(["https://www.bbc.co.uk/weather", "http://127.0.0.1:8000/?left"])),
              stamps),
).map(list)


@EXAMPLES
@given(addresses)
def test_exit_addresses_are_judged_alike(both, text):
    """is_exit_url and exit_url_from (what a reader types in the settings) agree in both interpreters."""
    both("settings", "is_exit_url", text)
    both("settings", "exit_url_from", text)


@EXAMPLES
@given(st.lists(exit_settings, max_size=6))
def test_leave_settings_export_and_import_back(both, edit_list):
    """Turning "every page" on and off and setting or clearing the address: the same export, which imports back."""
    trip = both.ok("harness_scenarios", "round_trip", edit_list)
    assert trip["replaced"] == trip["export"] and trip["merged"] == trip["export"]


@EXAMPLES
@given(st.one_of(st.sampled_from([0, 1, 2, True, "1", None, 1.0]), json_values), st.one_of(addresses, json_values))
def test_any_stored_leave_settings_validate_alike(both, everywhere, url):
    """validate, strict and lenient, of settings holding any value for the two settings: the same document or
    message."""
    data = {"schema": 2, "settings": {"theme": "system", "text_size": 1, "at": 3,
                                      "exit_everywhere": everywhere, "exit_url": url}}
    both("model", "validate", data, True, then="harness_scenarios.exported")
    both("model", "validate", data, False, then="harness_scenarios.exported")
