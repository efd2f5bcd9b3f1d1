"""The built site's offline files: the precache list, the cache name and the manifest."""
import json
import re

import pytest

from paths import DIST


def worker():
    if not (DIST / "sw.js").exists():
        pytest.skip("dist/ is not built")
    text = (DIST / "sw.js").read_text()
    entries = json.loads(re.search(r"const PRECACHE = (\[.*?\]);", text, re.S).group(1))
    return text, entries


def test_every_precached_url_exists_once():
    """Every URL the worker precaches is a built file, none is listed twice, and every built file is listed."""
    _, entries = worker()
    urls = [e["url"] for e in entries]
    assert len(urls) == len(set(urls))
    for url in urls:
        path = DIST / ("index.html" if url == "./" else url[2:])
        assert path.is_file(), url
    built = {p.relative_to(DIST).as_posix() for p in DIST.rglob("*") if p.is_file()} - {"sw.js"}
    assert {("index.html" if u == "./" else u[2:]) for u in urls} == built


def test_urls_are_relative_and_same_origin():
    """The page and the worker use only relative URLs, so dist/ works under any sub-path; the one address
    elsewhere is Leave quickly's link to the exit address, which is gone to when asked, never loaded."""
    from html import escape

    from builder import config
    html = (DIST / "index.html").read_text()
    exit_link = '<a class="leave" href="%s" rel="noreferrer">' % escape(config.EXIT_URL)
    assert html.count(exit_link) == 1
    for url in re.findall(r'(?:src|href)="([^"#]+)"', html.replace(exit_link, "")):
        assert url.startswith("./"), url
    _, entries = worker()
    assert all(e["url"].startswith("./") for e in entries)


def test_manifest_offers_installation():
    """The manifest names the app, starts at ./ standalone, and has 192, 512 and maskable icons that exist."""
    manifest = json.loads((DIST / "manifest.json").read_text())
    assert manifest["start_url"] == "./" and manifest["display"] == "standalone"
    assert manifest["short_name"] == "Attune"
    sizes = {(i["sizes"], i["purpose"]) for i in manifest["icons"]}
    assert {("192x192", "any"), ("512x512", "any"), ("512x512", "maskable")} <= sizes
    for icon in manifest["icons"]:
        data = (DIST / icon["src"]).read_bytes()
        if icon["type"] == "image/png":
            width = int.from_bytes(data[16:20], "big")
            assert f"{width}x{width}" == icon["sizes"]
