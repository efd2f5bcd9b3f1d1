"""The preview's builds: the ordinary build (`python -m builder`), each into a fresh folder.

A build runs as a process of its own, so every build uses the builder and py/ as they are on disk now,
and stopping the preview can end it with everything it started (mpy-cross) at once.
"""
import contextlib
import hashlib
import os
import shutil
import signal
import subprocess
import sys
import threading
from pathlib import Path

SITE = Path(__file__).resolve().parents[2]
TIME_LIMIT = 300   # seconds: a build takes about one; one that hangs is ended and reported


class Outcome:
    """A finished build: `folder` and `fingerprint` when it succeeded, else the build's `error`."""

    def __init__(self, folder=None, fingerprint=None, error=None, summary=""):
        self.folder, self.fingerprint, self.error, self.summary = folder, fingerprint, error, summary


def fingerprint(folder):
    """Names the built site: sw.js lists every other file with its content hash, so it changes exactly
    when some file of the site does."""
    return hashlib.sha256((Path(folder) / "sw.js").read_bytes()).hexdigest()[:16]


def error_message(stderr):
    """The build's own `file:line: message`, or the last line of what it printed when it crashed."""
    lines = [line.strip() for line in stderr.splitlines() if line.strip()]
    for line in lines:
        if line.startswith("build failed: "):
            return line[len("build failed: "):]
    return "the build stopped: " + (lines[-1] if lines else "no message")


class Builder:
    """Runs builds one at a time into `work`/build-N; stop() ends the one running."""

    def __init__(self, content, work, exit_url=None):
        self.content, self.work, self.exit_url = Path(content).resolve(), Path(work), exit_url
        self.count = 0
        self.process = None
        self.lock = threading.RLock()
        self.stopped = False

    def run(self):
        """Build once; returns an Outcome."""
        self.count += 1
        out = self.work / f"build-{self.count}"
        command = [sys.executable, "-m", "builder", "--content", str(self.content), "--out", str(out)]
        if self.exit_url:
            command += ["--exit-url", self.exit_url]
        with self.lock:
            if self.stopped:
                return Outcome(error="the preview is stopping")
            # A session of its own: stop() ends the build and whatever it started, and a Ctrl+C in the
            # terminal reaches the preview, which ends the build itself.
            self.process = subprocess.Popen(command, cwd=SITE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                            text=True, start_new_session=True)
        try:
            stdout, stderr = self.process.communicate(timeout=TIME_LIMIT)
        except subprocess.TimeoutExpired:
            self.stop_process()
            shutil.rmtree(out, ignore_errors=True)
            return Outcome(error=f"the build took more than {TIME_LIMIT} s and was stopped")
        except BaseException:   # Ctrl+C or SIGTERM while building: the build goes too
            self.stop_process()
            raise
        with self.lock:
            code, self.process = self.process.returncode, None
        if code != 0 or not (out / "sw.js").exists():
            shutil.rmtree(out, ignore_errors=True)
            return Outcome(error=error_message(stderr))
        return Outcome(folder=out, fingerprint=fingerprint(out), summary=stdout.strip())

    def stop_process(self):
        with self.lock:
            process = self.process
            if process is None:
                return
            # The whole group: the build and the mpy-cross it may be running. The group outlives the
            # build's own exit only while one of its children still runs, hence no poll() first.
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
        process.wait()

    def stop(self):
        """End the build that is running, if any, and refuse new ones."""
        with self.lock:
            self.stopped = True
        self.stop_process()
