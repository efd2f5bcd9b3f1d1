"""`python -m builder.serve [--port 8000] [--root dist]`: serve the built site on 127.0.0.1.

Used by `make serve`, the browser tests and the benchmark. Like a static host, it sends the right
types (.wasm as application/wasm) and gzips text when the browser accepts it.
"""
import argparse
import contextlib
import gzip
import http.server
import os
import threading
from functools import partial

TYPES = {".js": "text/javascript", ".wasm": "application/wasm", ".json": "application/json",
         ".css": "text/css", ".html": "text/html; charset=utf-8", ".py": "text/x-python",
         ".svg": "image/svg+xml", ".png": "image/png"}
COMPRESSIBLE = (".html", ".css", ".js", ".json", ".py", ".wasm", ".svg")


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = dict(http.server.SimpleHTTPRequestHandler.extensions_map, **TYPES)

    def log_message(self, *args):
        pass

    def send_head(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            path = os.path.join(path, "index.html")
        if (os.path.isfile(path) and path.endswith(COMPRESSIBLE)
                and "gzip" in self.headers.get("Accept-Encoding", "")):
            modified = self.date_time_string(int(os.stat(path).st_mtime))
            if self.headers.get("If-Modified-Since") == modified:
                self.send_response(304)
                self.end_headers()
                return None
            with open(path, "rb") as f:
                body = gzip.compress(f.read(), 6)
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(path))
            self.send_header("Last-Modified", modified)
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-cache")
            self.end_headers()
            from io import BytesIO
            return BytesIO(body)
        return super().send_head()

    def end_headers(self):
        if not any(h.startswith(b"Cache-Control") for h in getattr(self, "_headers_buffer", [])):
            self.send_header("Cache-Control", "no-cache")
        super().end_headers()


class QuietServer(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        # A browser closing a connection early (a reload, a closed tab) is normal, not an error.
        pass


class Server:
    """A threaded server for `root` on 127.0.0.1; port 0 picks a free one."""

    def __init__(self, root, port=0):
        self.httpd = QuietServer(("127.0.0.1", port), partial(Handler, directory=str(root)))
        self.port = self.httpd.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}/"
        self.thread = None

    def start(self):
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()
        return self

    def stop(self):
        self.httpd.shutdown()
        self.httpd.server_close()


def main():
    parser = argparse.ArgumentParser(description="Serve the built site on 127.0.0.1.")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--root", default="dist")
    args = parser.parse_args()
    server = Server(args.root, args.port)
    print(f"Attune is served at http://127.0.0.1:{server.port}/ (Ctrl+C stops it)", flush=True)
    with contextlib.suppress(KeyboardInterrupt):
        server.httpd.serve_forever()


if __name__ == "__main__":
    main()
