"""dist/ on a static host as it comes: a plain `cp -r` copy served by Debian's stock nginx, and the
start-up watchdog that speaks up when the runtime cannot load."""
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from browser import PHONE
from pages import today, visible_view
from paths import DIST

pytestmark = pytest.mark.browser
MIME_TYPES = Path("/etc/nginx/mime.types")
NOT_STARTED = "The interactive part of Attune could not start here. The articles can still be read"
# nginx's own default for what mime.types does not name, as in Debian's stock nginx.conf.
CONFIG = """\
{user}worker_processes 1;
pid {base}/nginx.pid;
daemon off;
events {{ worker_connections 64; }}
http {{
    include {mime_types};
    default_type application/octet-stream;
    access_log {base}/access.log;
    client_body_temp_path {base}/temp/body;
    proxy_temp_path {base}/temp/proxy;
    fastcgi_temp_path {base}/temp/fastcgi;
    uwsgi_temp_path {base}/temp/uwsgi;
    scgi_temp_path {base}/temp/scgi;
    server {{
        listen 127.0.0.1:{port};
        root {base}/www;
    }}
}}
"""


def nginx_binary():
    """Debian's nginx, or skip saying how to get it (`make test` installs it when it can)."""
    found = shutil.which("nginx") or ("/usr/sbin/nginx" if os.path.exists("/usr/sbin/nginx") else None)
    if not found or not MIME_TYPES.exists():
        pytest.skip("nginx with /etc/nginx/mime.types is not installed, so the static-host test cannot run: "
                    "`make test` installs Debian's nginx-light when run as root with apt-get "
                    "(or: apt-get install nginx-light)")
    return found


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def worker_user():
    """As root, nginx's workers run as Debian's stock unprivileged user, so file modes matter as on a real host."""
    if os.geteuid() != 0:
        return None  # nginx ignores `user` unless root; the workers are this same user
    try:
        return pwd.getpwnam("www-data").pw_name
    except KeyError:
        return "nobody"


class Nginx:
    """nginx serving `base`/www on a free loopback port, with a config and logs in `base` only."""

    def __init__(self, binary, base):
        self.base, self.port = base, free_port()
        self.user = worker_user()
        (base / "temp").mkdir()
        config = base / "nginx.conf"
        config.write_text(CONFIG.format(user=f"user {self.user};\n" if self.user else "", base=base,
                                        mime_types=MIME_TYPES, port=self.port))
        self.process = subprocess.Popen([binary, "-p", f"{base}/", "-c", str(config), "-e", f"{base}/error.log"],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.url = f"http://127.0.0.1:{self.port}/"
        self.wait_listening()

    def wait_listening(self):
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                log = (self.base / "error.log").read_text() if (self.base / "error.log").exists() else ""
                pytest.fail(f"nginx exited ({self.process.returncode}): {log}")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                    return
            except OSError:
                time.sleep(0.1)
        self.stop()
        pytest.fail("nginx did not listen within 15 s")

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)


def plain_copy(base):
    """`cp -r dist <base>/www`, as a reader publishing the site would, with the usual umask 022."""
    base.chmod(0o755)  # mkdtemp's 700 would hide everything below from the workers' user
    subprocess.run(["cp", "-r", str(DIST), str(base / "www")], check=True, preexec_fn=lambda: os.umask(0o022))


@pytest.fixture(scope="module")
def nginx():
    """Stock nginx serving a plain copy of dist/ for this module's tests."""
    binary = nginx_binary()
    if not (DIST / "index.html").exists():
        pytest.fail("dist/ is not built: run `make test`, which builds it first")
    base = Path(tempfile.mkdtemp(prefix="attune-nginx-"))
    try:
        plain_copy(base)
        server = Nginx(binary, base)
        yield server
        server.stop()
    finally:
        shutil.rmtree(base, ignore_errors=True)


def head(url):
    """(status, Content-Type) of a GET, errors included."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.headers.get("Content-Type", "")
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("Content-Type", "")


def test_stock_nginx_enforces_file_modes_here(nginx):
    """As root the workers are www-data: a folder only its owner may read answers 403 (so the next tests mean
    something)."""
    if not nginx.user:
        pytest.skip("not root: nginx's workers run as the files' owner, so file modes cannot be tested here")
    private = nginx.base / "www" / "private"
    private.mkdir()
    (private / "index.html").write_text("secret")
    private.chmod(0o700)
    try:
        assert head(nginx.url + "private/index.html")[0] == 403
    finally:
        shutil.rmtree(private)


def test_stock_nginx_serves_every_file_of_a_plain_copy_with_a_usable_type(nginx):
    """Every file of the copied dist/ answers 200, and the page, scripts and runtime come with types the browser
    accepts."""
    www = nginx.base / "www"
    files = [p.relative_to(www).as_posix() for p in sorted(www.rglob("*")) if p.is_file()]
    answers = {name: head(nginx.url + name) for name in files}
    assert {name: status for name, (status, _) in answers.items() if status != 200} == {}
    expected = {".js": "application/javascript", ".html": "text/html", ".css": "text/css",
                ".json": "application/json", ".wasm": "application/wasm", ".png": "image/png", ".svg": "image/svg+xml",
                # The app's Python (source and bytecode bundle) is fetch()ed as data: any type will do.
                ".py": "", ".bin": ""}
    wrong = {name: content_type for name, (_, content_type) in answers.items()
             if not content_type.startswith(expected.get(Path(name).suffix, "no type is right for an unknown suffix"))}
    assert wrong == {}


def test_a_plain_copy_on_stock_nginx_starts_and_keeps_a_tick(nginx, open_page):
    """Served by stock nginx, the page reaches ready, a tick is saved, and after a reload it is still ticked."""
    w = open_page(PHONE)
    page = w.open(nginx.url + "#/a/why-he-cries")
    page.get_by_label("Let yourself be comforted", exact=True).check()
    assert w.stored()["checkins"]["steady-yourself"] == [today(page)]
    page.reload()
    page.wait_for_selector("html[data-app=ready]", state="attached")
    assert page.get_by_label("Let yourself be comforted", exact=True).is_checked()
    assert w.stored()["checkins"]["steady-yourself"] == [today(page)]
    assert page.inner_text("#status") == ""


def test_each_preloaded_start_up_file_is_fetched_once(site, chromium, watch):
    """The page's preloads are the requests PyScript then makes: every runtime and Python file is fetched once, no
    warning."""
    context = chromium.new_context(viewport=PHONE, service_workers="block")  # the worker's precache would refetch
    try:
        w = watch(context)
        page, warnings = w.page, []
        page.on("console", lambda m: m.type in ("warning", "error") and "Service Worker" not in m.text
                and warnings.append(m.text))
        page.goto(site)
        page.wait_for_selector("html[data-app=ready]", state="attached")
        page.wait_for_timeout(3500)  # Chromium warns about an unused preload 3 s after load
        preloaded = page.eval_on_selector_all("link[rel=preload], link[rel=modulepreload]", "ls => ls.map(l => l.href)")
        assert len(preloaded) >= 5
        assert {url: w.requests.count(url) for url in preloaded} == {url: 1 for url in preloaded}
        assert warnings == []
    finally:
        context.close()


def refuse_as_octet_stream(route):
    """What a server without .mjs in its types did to the runtime module: the browser will not run it."""
    response = route.fetch()
    route.fulfill(response=response, headers={**response.headers, "content-type": "application/octet-stream"})


@pytest.mark.parametrize("pattern, handler", [
    ("**/runtime/micropython/micropython.wasm", lambda route: route.abort()),
    ("**/runtime/micropython/micropython.js", refuse_as_octet_stream),
    ("**/runtime/pyscript/core.js", lambda route: route.abort()),
    ("**/py/main.py", lambda route: route.fulfill(status=404, body="Not found")),
], ids=["wasm-unreachable", "module-wrong-type", "pyscript-unreachable", "main-py-missing"])
@pytest.mark.allow_console_errors("a runtime file is refused on purpose: the browser and PyScript log the failure")
def test_a_runtime_file_unavailable_says_so_and_articles_stay_readable(site, open_page, pattern, handler):
    """With a runtime file unavailable the watchdog's alert appears, data-app is "error", and the article stays
    readable."""
    w = open_page(PHONE)
    w.context.route(pattern, handler)
    page = w.page
    page.goto(site + "#/a/never-cries")
    page.wait_for_selector("html[data-app=error]", state="attached")
    alert = page.locator("#status [role=alert]")
    assert NOT_STARTED in alert.inner_text()
    assert visible_view(page) == ["a-never-cries"]
    assert page.locator("#a-never-cries p").first.is_visible()
    assert page.get_by_label("Keep a feelings journal", exact=True).is_disabled()  # and the alert says why


def test_a_start_slower_than_the_limit_says_so_then_ends_ready(site, open_page):
    """If the runtime arrives only after the watchdog's limit, the alert shows, then the app starts and the alert
    goes."""
    w = open_page(PHONE)
    held = []
    w.context.route("**/runtime/micropython/micropython.wasm", lambda route: held.append(route))
    page = w.page
    page.clock.install()
    with page.expect_request("**/runtime/micropython/micropython.wasm"):   # then held by the route
        page.goto(site)
    assert page.get_attribute("html", "data-app") == "loading"
    page.clock.fast_forward(31000)  # past the watchdog's 30 s limit (site/boot.js)
    page.wait_for_selector("html[data-app=error]", state="attached")
    assert NOT_STARTED in page.inner_text("#status [role=alert]")
    assert held, "the runtime's .wasm was never held by the route"
    held[0].continue_()
    page.wait_for_selector("html[data-app=ready]", state="attached")
    page.wait_for_function("document.querySelector('#status [data-watchdog]') === null")
    assert NOT_STARTED not in page.inner_text("#status")
    page.goto(site + "#/a/never-cries")
    page.get_by_label("Keep a feelings journal", exact=True).check()
    assert w.stored()["checkins"]["feelings-journal"] == [today(page)]
