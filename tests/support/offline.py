"""A copy of dist/ on a server of its own, visited once and then gone: the start of every offline test."""
import shutil

from builder.serve import Server
from paths import DIST

WAIT_CONTROLLED = "navigator.serviceWorker.controller !== null"


def serve_copy(tmp_path, subpath):
    """dist/ copied under tmp_path/<subpath>, served from tmp_path: (server, page URL)."""
    target = tmp_path / subpath if subpath else tmp_path / "root"
    shutil.copytree(DIST, target)
    server = Server(tmp_path if subpath else target).start()
    return server, server.url + (subpath + "/" if subpath else "")


def visit_then_go_offline(w, server, url):
    """The page of `w` (a Watched) after one online visit that ends with the service worker controlling it,
    then the server stopped and the context offline (set_offline alone leaves the worker's update check online)."""
    page = w.open(url)
    page.wait_for_function(WAIT_CONTROLLED, timeout=15000)
    server.stop()
    w.context.set_offline(True)
    return page
