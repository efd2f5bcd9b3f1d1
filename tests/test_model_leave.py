"""The "Leave quickly" settings (py/core/settings.py): the exit address a reader may set, hiding it on the library
and the articles, and fewer history entries (exit_everywhere, named when it also meant "on every page")."""
import json

import pytest

from core import model
from core import settings
from exit_urls import BAD_URLS, GOOD_URLS



@pytest.mark.parametrize("url", GOOD_URLS)
def test_web_addresses_are_exit_addresses(url):
    """An http(s) address with a plain host (a name, an IP, a port, any path) of up to 500 characters is accepted."""
    assert len(url) <= settings.MAX_EXIT_URL
    assert settings.is_exit_url(url)


@pytest.mark.parametrize("url", BAD_URLS, ids=repr)
def test_anything_else_is_not_an_exit_address(url):
    """Other schemes, no host, user@host, spaces, controls, invisible or turning characters, too long, not text:
    refused."""
    assert not settings.is_exit_url(url)


@pytest.mark.parametrize("typed,kept", [
    ("https://example.org/x", "https://example.org/x"),
    ("  example.org/weather \n", "https://example.org/weather"),
    ("HTTPS://Example.org/X", "https://Example.org/X"),
    ("Http://example.org", "http://example.org"),
    ("\u00a0www.bbc.co.uk/weather\u3000", "https://www.bbc.co.uk/weather"),
    ("", ""),
    ("   ", ""),
    ("javascript:alert(1)", None),
    ("ftp://example.org", None),
    ("file:///etc/passwd", None),
    ("not an address", None),
    ("mailto:a@b.org", None),
    ("x" * 500, None),   # "https://" makes it 508
])
def test_what_a_reader_types_becomes_an_address_or_none(typed, kept):
    """exit_url_from: spaces trimmed, scheme lower-cased, https:// added when missing; "" when empty, None when
    unusable."""
    assert settings.exit_url_from(typed) == kept
    if kept:
        assert settings.is_exit_url(kept)


def settings_with(**more):
    return dict({"theme": "dark", "text_size": 2, "at": 5}, **more)


def test_optional_settings_are_kept_when_valid_and_absent_by_default():
    """exit_everywhere (1: as an export from before issue 37 holds it), exit_hide_reading (1) and exit_url import and
    load as they are; a fresh document has none of them."""
    assert not {"exit_everywhere", "exit_hide_reading", "exit_url"} & set(settings.defaults())
    data = {"schema": 2, "settings": settings_with(exit_everywhere=1, exit_hide_reading=1,
                                                   exit_url="https://example.org/news")}
    for strict in (True, False):
        doc, problems = model.validate(data, strict)
        assert problems == [] and doc["settings"] == data["settings"]
    assert json.loads(model.dumps(doc))["settings"] == data["settings"]


@pytest.mark.parametrize("name,value", [
    ("exit_everywhere", 0), ("exit_everywhere", True), ("exit_everywhere", "1"), ("exit_everywhere", 2),
    ("exit_everywhere", None), ("exit_hide_reading", 0), ("exit_hide_reading", True), ("exit_hide_reading", "1"),
    ("exit_url", "javascript:alert(1)"), ("exit_url", ""), ("exit_url", 5),
    ("exit_url", "https://xy" + "/a" * 245 + "b"),
])
def test_a_bad_optional_setting_is_refused_on_import_and_dropped_from_storage(name, value):
    """Strict (an import): refused with a message naming the setting and what it must be. Lenient (storage): that
    setting alone is dropped, the theme and text size stay, and the problem is listed."""
    data = {"schema": 2, "settings": settings_with(**{name: value})}
    with pytest.raises(model.DataError) as caught:
        model.validate(data, True)
    assert str(caught.value) == "the setting %s is not valid: it must be %s" % (
        json.dumps(name), settings.BY_NAME[name].rule)
    doc, problems = model.validate(data, False)
    assert doc["settings"] == settings_with() and problems == [str(caught.value)]


def test_an_unknown_setting_still_makes_the_settings_invalid():
    """Only the named optional settings may be added: another key refuses the settings as before."""
    with pytest.raises(model.DataError) as caught:
        model.validate({"schema": 2, "settings": settings_with(exit_url="https://example.org", colour=1)}, True)
    assert "display settings are not valid" in str(caught.value)


def test_set_setting_none_puts_an_optional_setting_back_to_its_default():
    """set_setting(..., None) removes the key (absent = default) and stamps the settings; removing twice is harmless."""
    doc = model.empty()
    model.set_setting(doc, "exit_everywhere", 1, 10)
    model.set_setting(doc, "exit_url", "https://example.org", 11)
    assert doc["settings"] == {"theme": "system", "text_size": 1, "at": 11, "exit_everywhere": 1,
                               "exit_url": "https://example.org"}
    model.set_setting(doc, "exit_everywhere", None, 12)
    model.set_setting(doc, "exit_url", None, 13)
    model.set_setting(doc, "exit_url", None, 14)
    assert doc["settings"] == {"theme": "system", "text_size": 1, "at": 14}


def test_merge_takes_the_newer_settings_with_their_optional_keys():
    """Two tabs or an import: the newer settings win whole, so turning "every page" off in the newer one sticks."""
    older, newer = model.empty(), model.empty()
    model.set_setting(older, "exit_everywhere", 1, 10)
    model.set_setting(newer, "theme", "dark", 20)
    assert model.merge(older, newer)["settings"] == {"theme": "dark", "text_size": 1, "at": 20}
    assert model.merge(newer, older)["settings"] == {"theme": "dark", "text_size": 1, "at": 20}
