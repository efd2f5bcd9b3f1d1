"""`python -m builder.preview [--content content] [--port 8000]`: the live preview (`make preview`).

Builds, serves the build on 127.0.0.1, and on every change under content/, site/ and py/ builds again
and reloads the open pages. A failed build leaves the last good one serving and shows its message in
the page. Ctrl+C (or SIGTERM) stops the build that is running, the server and removes the builds.
"""
import argparse
import shutil
import signal
import sys
import tempfile
import time
from pathlib import Path

from .builds import Builder
from .server import PreviewServer, State
from .watch import Watcher

ROOT = Path(__file__).resolve().parents[3]


def stop_on_signals():
    """Ctrl+C (SIGINT) and SIGTERM end the preview through the same clean-up. SIGINT is set here too: a
    process started in the background of a script inherits it ignored, and would not stop on it."""
    def interrupt(signum, frame):
        raise KeyboardInterrupt
    signal.signal(signal.SIGINT, interrupt)
    signal.signal(signal.SIGTERM, interrupt)


def keep(work, served):
    """Remove the builds older than the one serving and the one before it (a page may still be
    loading from that one)."""
    number = int(served.name.split("-")[1])
    for folder in work.glob("build-*"):
        if int(folder.name.split("-")[1]) < number - 1:
            shutil.rmtree(folder, ignore_errors=True)


def build_and_publish(builder, watcher, state, work):
    """One build from the files as they are; published only if no file changed while it ran (else it
    could mix old and new files, and the next round builds again)."""
    before = watcher.current()
    started = time.monotonic()
    state.publish(busy=True)
    outcome = builder.run()
    if watcher.current() != before:
        if outcome.folder:
            shutil.rmtree(outcome.folder, ignore_errors=True)
        return before
    took = time.monotonic() - started
    if outcome.folder:
        print(f"built in {took:.1f} s: {outcome.summary.partition(': ')[2]}", flush=True)
        state.publish(folder=outcome.folder, build=outcome.fingerprint, error=None, busy=False)
        keep(work, outcome.folder)
    else:
        print(f"build failed ({took:.1f} s), still serving the last good build: {outcome.error}", flush=True)
        state.publish(error=outcome.error, busy=False)
    return before


def main(argv=None):
    parser = argparse.ArgumentParser(prog="builder.preview", description=__doc__.splitlines()[0])
    parser.add_argument("--content", default=str(ROOT / "content"))
    parser.add_argument("--port", type=int, default=8000, help="0 picks a free port")
    parser.add_argument("--exit-url", default=None, help="as the build's --exit-url")
    args = parser.parse_args(argv)
    stop_on_signals()
    content = Path(args.content).resolve()
    work = Path(tempfile.mkdtemp(prefix="attune-preview-"))
    (work / "empty").mkdir()
    state = State(work / "empty")
    builder = Builder(content, work, args.exit_url)
    server = None
    try:
        try:
            server = PreviewServer(state, args.port).start()
        except OSError as error:
            print(f"cannot serve on 127.0.0.1:{args.port} ({error.strerror}): stop what uses it, or choose another "
                  "port (make preview PORT=8001)", file=sys.stderr)
            return 1
        watcher = Watcher([content, ROOT / "site", ROOT / "py"])
        print(f"Attune's preview is at {server.url} (it rebuilds when {content.name}/, site/ or py/ change; "
              "Ctrl+C stops it)", flush=True)
        watcher.seen = build_and_publish(builder, watcher, state, work)
        while True:
            watcher.wait_for_change()
            watcher.seen = build_and_publish(builder, watcher, state, work)
    except KeyboardInterrupt:
        pass
    finally:
        builder.stop()
        if server:
            server.stop()
        shutil.rmtree(work, ignore_errors=True)
        print("preview stopped", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
