"""The live preview (`make preview`, site/builder/preview): rebuilds on save, reloads the open page, shows
a failed build's `file:line` in the page while the last good build serves, and leaves dist/ alone."""
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest

from builder import __main__ as builder_main
from builder.preview import builds
from builder.serve import Server
from builder.preview.server import PREFIX, with_reload_script
from paths import DIST, ROOT
from sample_site import NODE_MODULES

ARTICLE = "never-cries.md"
# A paragraph the tests put at the top of the copied article, so that they do not depend on its wording.
OLD_LINE = "This paragraph is the preview test's first version."
NEW_LINE = "This paragraph is the preview test's saved version."


def copy_content(content):
    """content/ copied to `content`, ARTICLE opening with OLD_LINE as a paragraph of its own."""
    shutil.copytree(ROOT / "content", content)
    article = content / ARTICLE
    head, _, body = article.read_text(encoding="utf-8").partition("\n---\n")
    article.write_text(head + "\n---\n\n" + OLD_LINE + "\n" + body, encoding="utf-8")
CSP = re.compile(r'<meta http-equiv="Content-Security-Policy" content="[^"]*">')


def get(url):
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read()


def state(url):
    return json.loads(get(url + PREFIX.lstrip("/") + "state"))


def wait_for(check, what, timeout=30):
    """Poll `check` until it returns something true; fail naming `what` after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = check()
        if found:
            return found
        time.sleep(0.05)
    pytest.fail(f"timed out after {timeout} s waiting for {what}")


def descendants(pid):
    """The ids of every process under `pid`, from /proc."""
    parents = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                fields = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            parents.setdefault(int(fields[1]), []).append(int(entry))
    found, todo = [], [pid]
    while todo:
        for child in parents.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def running(pid):
    """Whether process `pid` exists and is not a zombie waiting to be reaped."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@contextmanager
def preview(tmp_path, port=0, **popen_args):
    """`python -m builder.preview` on `port` (0: a free one) over a copy of content/ (tmp_path/content), its
    temporary folders in tmp_path/tmp; yields (url, process, content folder) once the first build ended,
    and is stopped with Ctrl+C's signal."""
    content = tmp_path / "content"
    if not content.exists():
        copy_content(content)
    (tmp_path / "tmp").mkdir(exist_ok=True)
    command = [sys.executable, "-m", "builder.preview", "--content", str(content), "--port", str(port)]
    process = subprocess.Popen(command, cwd=ROOT / "site", stdout=subprocess.PIPE, text=True, start_new_session=True,
                               env=dict(os.environ, TMPDIR=str(tmp_path / "tmp")), **popen_args)
    try:
        first = process.stdout.readline()
        found = re.search(r"http://127\.0\.0\.1:\d+/", first)
        assert found, f"the preview did not say where it serves: {first!r}"
        url = found[0]
        wait_for(lambda: not state(url)["busy"], "the first build")
        yield url, process, content
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGINT)
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
        process.stdout.close()


def built_fingerprint(content, out):
    """What the preview's state calls the build of `content`: the same build, made the ordinary way."""
    builder_main.build(content, out, node_modules=NODE_MODULES)
    return builds.fingerprint(out)


@pytest.mark.browser
def test_saving_reloads_the_page_and_a_broken_article_shows_its_line(tmp_path, open_page):
    """A save reloads the page, changed; a broken one shows file:line while the last good serves; a fix clears it."""
    with preview(tmp_path) as (url, _, content):
        watched = open_page()
        page = watched.open(url + "#/a/never-cries")
        assert page.is_visible(f"text={OLD_LINE}")
        page.evaluate("window.previewMarker = 'before the save'")
        article = content / ARTICLE
        good = article.read_text(encoding="utf-8").replace(OLD_LINE, NEW_LINE)
        article.write_text(good, encoding="utf-8")

        page.wait_for_selector(f"text={NEW_LINE}", timeout=30_000)
        assert page.evaluate("window.previewMarker") is None, "the page changed without a reload"
        page.wait_for_selector("html[data-app=ready]", state="attached")
        assert page.evaluate("navigator.serviceWorker.controller !== null"), "no worker had the chance to serve it"
        page.evaluate("window.previewMarker = 'before the break'")

        lines = good.split("\n")
        article.write_text("\n".join(lines[:2] + ["colour: blue"] + lines[2:]), encoding="utf-8")
        banner = page.wait_for_selector(".attune-preview-banner", timeout=30_000)
        assert f"{article}:3: " in banner.inner_text()
        assert NEW_LINE in get(url).decode(), "the last good build no longer serves"
        assert page.is_visible(f"text={NEW_LINE}")
        assert page.evaluate("window.previewMarker") == "before the break"

        article.write_text(good, encoding="utf-8")
        page.wait_for_selector(".attune-preview-banner", state="detached", timeout=30_000)
        assert page.is_visible(f"text={NEW_LINE}")
        page.screenshot(path=str(tmp_path / "fixed.png"))


@pytest.mark.browser
def test_a_page_the_sites_own_worker_kept_gives_way_to_the_preview(tmp_path, open_page):
    """`make serve` then `make preview` on one port: the site's worker gives way; a hidden tab catches up when shown."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    served = Server(DIST, port).start()
    try:
        watched = open_page()
        page = watched.open(served.url)
        page.wait_for_function("navigator.serviceWorker.controller !== null")
        page.wait_for_function("caches.keys().then((names) => names.some((n) => n.startsWith('attune-')))")
        assert [n for n in page.evaluate("caches.keys()") if n.startswith("attune-")], "no cache from the site's worker"
    finally:
        served.stop()
    with preview(tmp_path, port) as (url, _, content):
        assert url == served.url
        page.reload()   # as the author would: the site's worker answers it from its cache
        page.wait_for_selector(f"script[src='{PREFIX}preview.js']", state="attached", timeout=30_000)
        page.wait_for_selector("html[data-app=ready]", state="attached")
        assert page.evaluate("caches.keys()") == []
        page.goto(url + "#/a/never-cries")
        article = content / ARTICLE
        article.write_text(article.read_text(encoding="utf-8").replace(OLD_LINE, NEW_LINE), encoding="utf-8")
        page.wait_for_selector(f"text={NEW_LINE}", timeout=30_000)

        # A hidden tab lets its event stream go (a browser holds six connections to a server at most), and
        # catches up when shown: Playwright's pages are always visible, so the page is told it is hidden.
        page.evaluate("""() => {
            Object.defineProperty(document, "visibilityState", {value: "hidden", configurable: true});
            document.dispatchEvent(new Event("visibilitychange"));
            window.previewMarker = "hidden";
        }""")
        hidden_build = state(url)["build"]
        article.write_text(article.read_text(encoding="utf-8").replace(NEW_LINE, OLD_LINE), encoding="utf-8")
        wait_for(lambda: state(url)["build"] not in (hidden_build, None) and not state(url)["busy"], "the next build")
        page.wait_for_timeout(500)
        assert page.evaluate("window.previewMarker") == "hidden", "a hidden tab reloaded"
        page.evaluate("""() => {
            Object.defineProperty(document, "visibilityState", {value: "visible", configurable: true});
            document.dispatchEvent(new Event("visibilitychange"));
        }""")
        page.wait_for_selector(f"text={OLD_LINE}", timeout=30_000)
        assert page.evaluate("window.previewMarker") is None


@pytest.mark.browser
def test_when_the_first_build_fails_the_page_says_why_and_reloads_once_it_works(tmp_path, open_page):
    """No good build yet: a short page with the build's file:line in the banner, then the app once it builds."""
    content = tmp_path / "content"
    copy_content(content)
    article = content / ARTICLE
    good = article.read_text(encoding="utf-8")
    article.write_text(good.replace("order: 3", "order: three"), encoding="utf-8")
    with preview(tmp_path) as (url, _, _):
        assert state(url)["build"] is None
        page = open_page().page
        page.goto(url)
        banner = page.wait_for_selector(".attune-preview-banner")
        line = good.split("\n").index("order: 3") + 1
        assert f"{article}:{line}: " in banner.inner_text()
        article.write_text(good, encoding="utf-8")
        page.wait_for_selector("html[data-app=ready]", state="attached", timeout=30_000)
        assert page.query_selector(".attune-preview-banner") is None
        assert page.title().startswith("Attune — "), page.title()


def test_the_preview_serves_the_ordinary_build_with_only_its_script_added(tmp_path):
    """Every file served is the ordinary build's, byte for byte, but the page (script added, same CSP) and sw.js."""
    with preview(tmp_path) as (url, _, content):
        out = tmp_path / "ordinary"
        fingerprint = built_fingerprint(content, out)
        assert state(url) == {"build": fingerprint, "error": None, "busy": False}
        served_page = get(url).decode()
        page = (out / "index.html").read_text(encoding="utf-8")
        assert served_page == with_reload_script(page, fingerprint)
        assert CSP.findall(served_page) == CSP.findall(page) and len(CSP.findall(page)) == 1
        assert get(url + "sw.js") == (ROOT / "site" / "builder" / "preview" / "sw.js").read_bytes()
        for path in sorted(out.rglob("*")):
            name = path.relative_to(out).as_posix()
            if path.is_file() and name not in ("index.html", "sw.js"):
                assert get(url + name) == path.read_bytes(), name


def test_make_builds_dist_without_the_reload_script():
    """dist/ as `make build` makes it has no trace of the preview: no reload script, no event stream."""
    assert (DIST / "index.html").exists(), "dist/ is not built: run `make test`, which builds it first"
    for path in DIST.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            assert b"__preview" not in data and b"EventSource" not in data, path


def test_a_burst_of_saves_ends_on_a_build_of_what_is_on_disk(tmp_path):
    """Deleted and restored, half-written then whole, saved during a build: the preview ends on what is on disk."""
    with preview(tmp_path) as (url, _, content):
        deleted, halved = content / "why-he-cries.md", content / ARTICLE
        kept, whole = deleted.read_text(encoding="utf-8"), halved.read_text(encoding="utf-8").replace(OLD_LINE,
                                                                                                       NEW_LINE)
        deleted.unlink()
        halved.write_text(whole[:len(whole) // 2], encoding="utf-8")
        time.sleep(0.15)
        deleted.write_text(kept, encoding="utf-8")
        time.sleep(0.15)
        halved.write_text(whole, encoding="utf-8")
        fingerprint = built_fingerprint(content, tmp_path / "ordinary")
        wait_for(lambda: state(url) == {"build": fingerprint, "error": None, "busy": False}, "the final build")
        assert NEW_LINE in get(url).decode()
        # A save while a build runs: that build may have read a mix, so it is done again.
        halved.write_text(whole[:len(whole) // 3], encoding="utf-8")
        wait_for(lambda: state(url)["busy"], "a build to start", timeout=10)
        halved.write_text(whole, encoding="utf-8")
        time.sleep(1)
        wait_for(lambda: state(url) == {"build": fingerprint, "error": None, "busy": False}, "the whole file's build")


def test_stopping_the_preview_leaves_nothing_running(tmp_path):
    """Ctrl+C during a build ends the preview, the build and its children, and removes the temporary builds."""
    # Started as a script's background job is (SIGINT ignored, which a child inherits): Ctrl+C must still stop it.
    with preview(tmp_path, preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_IGN)) as (url, process, content):
        article = content / ARTICLE
        article.write_text(article.read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")
        started = wait_for(lambda: state(url)["busy"] and descendants(process.pid), "a build to start", timeout=10)
        assert os.listdir(tmp_path / "tmp"), "the preview keeps its builds in the temporary folder"
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=15) == 0
        assert [pid for pid in started + descendants(process.pid) if running(pid)] == []
        assert os.listdir(tmp_path / "tmp") == []
