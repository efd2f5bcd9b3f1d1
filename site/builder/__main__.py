"""`python -m builder [--content content] [--out dist]`: build the static site.

Builds into a fresh folder beside the output and swaps it in only when everything succeeded,
so a broken article leaves the previous dist/ exactly as it was.
"""
import argparse
import hashlib
import re
import shutil
import sys
import tempfile
from pathlib import Path

from . import articles as articles_mod
from . import bytecode, config, icons, offline, page, pages, runtime
from .errors import BuildError

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "py"))
# py/core: an exit address is checked by the rule a reader's own meets (settings); the one list of views,
# which the page's CSS and boot.js follow (routes); what boot.js reads before Python (layout, settings).
from core import layout, routes, settings  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
SITE = ROOT / "site"
STATIC = ("style.css", "boot.js", "storage.js", "lock.js", "manifest.json")
# PyScript plugins Attune does not use: each would be one more module to fetch.
PLUGINS_OFF = ["!deprecations-manager", "!donkey", "!error", "!py-editor", "!py-game", "!py-terminal"]


def digest(data):
    return hashlib.sha256(data).hexdigest()[:12]


def app_modules(py_folder):
    """The app's Python files: main.py, the entry point, and every module of py/'s packages (core,
    render, web: `from core import model`), their __init__.py included."""
    return sorted(Path(py_folder).rglob("*.py"))


def make_readable(folder):
    """Folders 755, files 644 throughout `folder`. The stage is made private (mkdtemp: 700) and the
    builder's umask may be strict, but a web server's own user must read a plain copy of dist/."""
    folder = Path(folder)
    for path in [folder, *folder.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)


def start_up_files(runtime_written, pyconfig):
    """What PyScript fetches one after another before main.py runs, in the order it asks: its chunks
    (core.js itself is the page's script), MicroPython and its .wasm, main.py, the app's bytecode."""
    chunks = [f"./{name}" for name in runtime_written
              if name.startswith("runtime/pyscript/") and name != "runtime/pyscript/core.js"]
    return [*chunks, "./" + runtime.MICROPYTHON_MODULE, "./" + runtime.MICROPYTHON_WASM, "./py/main.py",
            *pyconfig["files"]]


def check_view_ids(html, views):
    """BuildError at site/index.html's line when a view's <section id> is not on the page once: missing, or
    taken by another element (a footer id="about" beside a view "about")."""
    for view in views:
        found = [m.start() for m in re.finditer(r'\sid="%s"' % re.escape(view.name), html)]
        if len(found) != 1:
            template = (SITE / "index.html").read_text(encoding="utf-8")
            where = [m.start() for m in re.finditer(r'\sid="%s"' % re.escape(view.name), template)]
            line = template.count("\n", 0, where[-1]) + 1 if where else 0
            raise BuildError(SITE / "index.html", line, f'the view {view.name} (py/core/routes.py) needs one element '
                             f'id="{view.name}", its section; the page has {len(found)}')


def check_exit_url(url):
    """The exit address, or BuildError naming where it is set and what it must be."""
    if not settings.is_exit_url(url):
        raise BuildError(Path(config.__file__), 0, "EXIT_URL %r is not a web address starting http:// or https:// "
                         "of up to %d characters (see the rule in py/core/settings.py: is_exit_url)"
                         % (url, settings.MAX_EXIT_URL))
    return url


def build(content, out, py_folder=ROOT / "py", node_modules=ROOT / "node_modules", version_base="0.1.0",
          exit_url=None):
    exit_url = check_exit_url(config.EXIT_URL if exit_url is None else exit_url)
    articles = articles_mod.read_collection(content)
    catalogue = articles_mod.catalogue(articles)
    markdown_pages = pages.read_all(content, routes.TABLE)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    stage = Path(tempfile.mkdtemp(prefix=out.name + ".building-", dir=out.parent))
    try:
        written = runtime.copy(node_modules, stage)
        written += icons.write(stage)
        hashes = {}
        for name in STATIC:
            data = (SITE / name).read_bytes()
            if name == "style.css":
                data += page.route_css(articles, routes.TABLE).encode()
            elif name == "boot.js":
                data = page.boot_tables(articles, routes, layout, settings).encode() + data
            (stage / name).write_bytes(data)
            hashes[name] = digest(data)
        (stage / "py").mkdir()
        modules = app_modules(py_folder)
        shutil.copyfile(Path(py_folder) / "main.py", stage / "py" / "main.py")
        imported = bytecode.compile_modules([m for m in modules if m.name != "main.py"], Path(py_folder),
                                            stage / "py", node_modules)
        joined = bytecode.bundle(stage / "py", imported)
        pyconfig = {
            "interpreter": "./" + runtime.MICROPYTHON_MODULE,
            "plugins": PLUGINS_OFF,
            "files": {f"./py/{joined}": f"./{joined}"},
        }
        inputs = hashlib.sha256()
        for path in sorted(stage.rglob("*")):
            if path.is_file():
                inputs.update(path.relative_to(stage).as_posix().encode() + path.read_bytes())
        inputs.update(repr(catalogue).encode() + "".join(a["html"] for a in articles).encode()
                      + "".join(p["html"] for p in markdown_pages).encode())
        inputs.update((SITE / "index.html").read_bytes() + (SITE / "sw.js").read_bytes() + exit_url.encode())
        version = f"{version_base}+{inputs.hexdigest()[:8]}"
        html = page.render((SITE / "index.html").read_text(encoding="utf-8"), articles, catalogue,
                           version, pyconfig, hashes, markdown_pages, start_up_files(written, pyconfig), exit_url)
        check_view_ids(html, routes.TABLE)
        (stage / "index.html").write_text(html, encoding="utf-8")
        offline.write_worker(SITE / "sw.js", stage)
        make_readable(stage)
        # Swap: the old dist/ goes only after the new one is complete.
        old = None
        if out.exists():
            old = out.with_name(out.name + ".old")
            shutil.rmtree(old, ignore_errors=True)
            out.rename(old)
        stage.rename(out)
        if old:
            shutil.rmtree(old, ignore_errors=True)
    except BaseException:
        shutil.rmtree(stage, ignore_errors=True)
        raise
    return {"articles": len(articles), "practices": len(catalogue["practices"]), "version": version}


def main(argv=None):
    parser = argparse.ArgumentParser(prog="builder", description=__doc__.splitlines()[0])
    parser.add_argument("--content", default=str(ROOT / "content"))
    parser.add_argument("--out", default=str(ROOT / "dist"))
    parser.add_argument("--exit-url", default=None,
                        help="where Leave quickly goes (default: EXIT_URL in site/builder/config.py)")
    args = parser.parse_args(argv)
    try:
        result = build(args.content, args.out, exit_url=args.exit_url)
    except BuildError as error:
        print(f"build failed: {error}", file=sys.stderr)
        return 1
    except (runtime.RuntimeMissing, bytecode.BytecodeError) as error:
        print(f"build failed: {error}", file=sys.stderr)
        return 1
    print(f"built {args.out}: {result['articles']} articles, {result['practices']} practices, "
          f"version {result['version']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
