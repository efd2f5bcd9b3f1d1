"""The service worker's precache list: every built file once, each with its content hash."""
import hashlib
import json
from pathlib import Path

WORKER = "sw.js"


def precache_entries(dist):
    """[{"url", "hash"}] for every file in dist/ but the worker itself; the page is "./"."""
    entries = []
    for path in sorted(Path(dist).rglob("*")):
        if not path.is_file():
            continue
        name = path.relative_to(dist).as_posix()
        if name == WORKER:
            continue
        url = "./" if name == "index.html" else "./" + name
        entries.append({"url": url, "hash": hashlib.sha256(path.read_bytes()).hexdigest()[:16]})
    return entries


def cache_name(entries):
    digest = hashlib.sha256(json.dumps(entries, sort_keys=True).encode()).hexdigest()[:16]
    return "attune-" + digest


def write_worker(template, dist):
    """dist/sw.js from the template, with the precache list and the cache name filled in."""
    entries = precache_entries(dist)
    text = (Path(template).read_text(encoding="utf-8")
            .replace("{{cache}}", cache_name(entries))
            .replace("{{precache}}", json.dumps(entries, indent=1)))
    (Path(dist) / WORKER).write_text(text, encoding="utf-8")
    return entries
