"""The build's exit address for "Leave quickly": from site/builder/config.py (or --exit-url), checked, and
written into the page where the link and boot.js read it."""
import re

import pytest

from core import settings
from builder import __main__ as builder_main
from builder import config
from builder.errors import BuildError
from sample_site import ALPHA, NODE_MODULES, Page, write


def build(tmp_path, name, **options):
    """The content of test_build's first article, built into tmp_path/name; (result, index.html's text)."""
    if not (tmp_path / "content").exists():
        write(tmp_path / "content", "alpha", ALPHA)
    result = builder_main.build(tmp_path / "content", tmp_path / name, node_modules=NODE_MODULES, **options)
    return result, (tmp_path / name / "index.html").read_text(encoding="utf-8")


def exit_places(html):
    """(<html data-exit>, the Leave quickly link's attributes) of a built page."""
    tags = Page(html).tags
    root = [attrs for name, attrs in tags if name == "html"][0]
    links = [attrs for name, attrs in tags if name == "a" and attrs.get("class") == "leave"]
    assert len(links) == 1
    return root["data-exit"], links[0]


def test_the_configured_address_is_the_default_and_a_neutral_web_page():
    """config.EXIT_URL is an address the reader's own would have to be too (http(s), a host, no spaces)."""
    assert config.EXIT_URL == "https://www.bbc.co.uk/weather"
    assert settings.is_exit_url(config.EXIT_URL)


def test_the_page_takes_its_exit_address_from_the_configuration(tmp_path):
    """Built with no option, the link's href, <html data-exit> (boot.js) and the settings' hint are config.EXIT_URL;
    the link is the header's first element, after the skip link, and sends no Referer."""
    _, html = build(tmp_path, "dist")
    data_exit, link = exit_places(html)
    assert data_exit == link["href"] == config.EXIT_URL
    assert link["rel"] == "noreferrer"
    assert re.search(r'<a class="skip" href="#main">Skip to content</a>\n<header class="bar">\n  <a class="leave"',
                     html)
    assert "Left empty: %s</p>" % config.EXIT_URL in html
    assert '<meta name="referrer" content="no-referrer">' in html


def test_another_address_for_one_build_is_escaped_and_changes_the_version(tmp_path):
    """build(exit_url=…) (python -m builder --exit-url) puts that address everywhere instead, escaped as HTML,
    and the version (and so the service worker's cache) changes with it."""
    default, _ = build(tmp_path, "dist")
    own = "https://news.example/today?a=1&b=<2>"
    other, html = build(tmp_path, "other", exit_url=own)
    assert exit_places(html) == (own, {"class": "leave", "href": own, "rel": "noreferrer"})
    assert "&amp;b=&lt;2&gt;" in html and own not in html
    assert other["version"] != default["version"]
    assert builder_main.main(["--content", str(tmp_path / "content"), "--out", str(tmp_path / "cli"),
                              "--exit-url", "https://example.org/"]) == 0
    assert exit_places((tmp_path / "cli" / "index.html").read_text(encoding="utf-8"))[0] == "https://example.org/"


@pytest.mark.parametrize("bad", ["javascript:alert(1)", "www.bbc.co.uk/weather", "https://exa mple.org", ""])
def test_an_exit_address_that_is_not_a_web_address_fails_the_build(tmp_path, bad):
    """A configured address that a reader could not set either stops the build, naming config.py, and writes no dist."""
    with pytest.raises(BuildError) as caught:
        build(tmp_path, "dist", exit_url=bad)
    assert caught.value.path.name == "config.py" and "EXIT_URL" in caught.value.message
    assert not (tmp_path / "dist").exists()
