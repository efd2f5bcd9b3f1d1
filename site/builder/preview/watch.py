"""What the preview watches: the files a build reads, compared by polling their stat.

Polling, not a notification library: the 70 or so files take about 3 ms to list and stat, it sees
editors' save-by-rename and files on mounted folders alike, and it needs nothing installed.
"""
import os
import time
from pathlib import Path

# The kinds of file the build reads: articles, the app's Python, the page's template, scripts and styles.
SUFFIXES = (".md", ".py", ".js", ".css", ".html", ".json")
SKIPPED_FOLDERS = {"__pycache__", "node_modules"}


def watched(name):
    """Whether a file of this name can change a build: editors' swap, lock and backup files cannot."""
    return name.endswith(SUFFIXES) and not name.startswith((".", "#")) and not name.endswith("~")


def snapshot(folders):
    """{path: (modified ns, size, inode)} of every watched file under `folders`: two snapshots differ
    when a file was written, replaced, added or removed."""
    found = {}
    for folder in folders:
        for parent, folder_names, names in os.walk(folder):
            folder_names[:] = [n for n in folder_names if n not in SKIPPED_FOLDERS and not n.startswith(".")]
            for name in names:
                if watched(name):
                    path = os.path.join(parent, name)
                    try:
                        stat = os.stat(path)
                    except FileNotFoundError:
                        continue   # removed between the listing and the stat: the next snapshot says so
                    found[path] = (stat.st_mtime_ns, stat.st_size, stat.st_ino)
    return found


class Watcher:
    """Waits for a change to the files under `folders`, then for the writing to stop."""

    def __init__(self, folders, poll=0.25, quiet=0.3):
        self.folders = [Path(f) for f in folders]
        self.poll, self.quiet = poll, quiet
        self.seen = snapshot(self.folders)

    def wait_for_change(self):
        """Block until the files differ from what was last seen and have stayed the same for `quiet`
        seconds (an editor saving several files, or one in pieces, is one change); returns the snapshot."""
        now = self.seen
        while now == self.seen:
            time.sleep(self.poll)
            now = snapshot(self.folders)
        while True:
            time.sleep(self.quiet)
            later = snapshot(self.folders)
            if later == now:
                return now
            now = later

    def current(self):
        return snapshot(self.folders)
