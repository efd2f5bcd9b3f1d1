"""The preview's web server: the newest good build, as `builder.serve` serves dist/, and three changes.

- The page gets the reload script and its stylesheet, both from this origin, so the page's own CSP
  (script-src, style-src and connect-src 'self') lets them run unchanged.
- /__preview/events streams the state (which build serves, the last build's error) as Server-Sent Events;
  /__preview/state answers it once, as JSON, with whether a build is under way (the tests wait on it).
- /sw.js is a worker that caches nothing: the site's own worker would answer a reload from its cache.
"""
import json
import threading
from pathlib import Path
from urllib.parse import urlsplit

from ..serve import Handler, QuietServer

ASSETS = Path(__file__).resolve().parent
PREFIX = "/__preview/"
FILES = {"preview.js": "text/javascript", "preview.css": "text/css"}
KEEP_ALIVE = 15   # seconds between comments on an idle event stream
NO_BUILD_PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Attune preview: no build yet</title>
<link rel="icon" href="data:,">
</head>
<body class="attune-preview-empty">
<main><h1>Attune preview</h1><p>No build has succeeded yet. The message above says what stopped the build;
this page reloads by itself when the build works.</p></main>
</body>
</html>
"""


def with_reload_script(html, build):
    """The page with the preview's stylesheet and script added at the end of its head."""
    tags = ('<link rel="stylesheet" href="%spreview.css">\n<script src="%spreview.js" data-build="%s" defer></script>\n'
            % (PREFIX, PREFIX, build or ""))
    at = html.find("</head>")
    return html[:at] + tags + html[at:] if at >= 0 else tags + html


class State:
    """What the preview serves, shared between the build loop and the request threads."""

    def __init__(self, empty_folder):
        self.changed = threading.Condition()
        self.folder, self.build, self.error, self.busy = None, None, None, True
        self.generation = 0
        self.closed = False
        self.empty_folder = empty_folder

    def publish(self, **values):
        with self.changed:
            for name, value in values.items():
                setattr(self, name, value)
            self.generation += 1
            self.changed.notify_all()

    def close(self):
        self.publish(closed=True)

    def served(self):
        """(folder, build) to answer a request from; a request keeps its folder even if a build lands."""
        with self.changed:
            return self.folder, self.build

    def as_json(self):
        with self.changed:
            return json.dumps({"build": self.build, "error": self.error, "busy": self.busy})

    def wait(self, generation, timeout):
        """The generation after `generation`, or `generation` again after `timeout` seconds without one."""
        with self.changed:
            self.changed.wait_for(lambda: self.generation != generation or self.closed, timeout)
            return self.generation


class PreviewHandler(Handler):
    def __init__(self, *args, state, **kwargs):
        self.state = state
        self.folder, self.build = state.served()
        super().__init__(*args, directory=str(self.folder or state.empty_folder), **kwargs)

    def do_GET(self):
        self.answer(body=True)

    def do_HEAD(self):
        self.answer(body=False)

    def answer(self, body):
        # Every answer is whole: a build swapped in within the same second must not be taken for
        # the file the browser already has.
        del self.headers["If-Modified-Since"]
        self.with_body = body
        path = urlsplit(self.path).path
        if path == PREFIX + "events" and body:
            return self.send_events()
        if path == PREFIX + "state":
            return self.send_bytes(self.state.as_json().encode(), "application/json")
        if path.startswith(PREFIX) and path[len(PREFIX):] in FILES:
            name = path[len(PREFIX):]
            return self.send_bytes((ASSETS / name).read_bytes(), FILES[name])
        if path == "/sw.js":
            return self.send_bytes((ASSETS / "sw.js").read_bytes(), "text/javascript")
        if path in ("/", "/index.html"):
            page = NO_BUILD_PAGE if self.folder is None else (self.folder / "index.html").read_text(encoding="utf-8")
            return self.send_bytes(with_reload_script(page, self.build).encode(), "text/html; charset=utf-8")
        return super().do_GET() if body else super().do_HEAD()

    def send_bytes(self, body, content_type):
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.with_body:
            self.wfile.write(body)

    def send_events(self):
        """The state now, then again at every change, until the browser leaves or the preview stops."""
        self.close_connection = True
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.end_headers()
        sent = None
        try:
            while not self.state.closed:
                generation = self.state.wait(sent, KEEP_ALIVE) if sent is not None else self.state.generation
                if generation == sent:
                    self.wfile.write(b": waiting\n\n")
                else:
                    self.wfile.write(b"event: state\ndata: " + self.state.as_json().encode() + b"\n\n")
                    sent = generation
                self.wfile.flush()
        except OSError:
            pass   # the page was closed or reloaded


class PreviewServer:
    """The preview's server on 127.0.0.1 (port 0 picks a free one), in a thread of its own."""

    def __init__(self, state, port=0):
        def handler(*args, **kwargs):
            return PreviewHandler(*args, state=state, **kwargs)
        self.state = state
        self.httpd = QuietServer(("127.0.0.1", port), handler)
        self.port = self.httpd.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}/"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def start(self):
        self.thread.start()
        return self

    def stop(self):
        self.state.close()
        self.httpd.shutdown()
        self.httpd.server_close()
