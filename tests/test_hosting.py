"""The files hosts read as they are: the GitHub Pages workflow (valid by the workflow schema, `make test`
checks it too), netlify.toml, and site/hosts/_headers (Netlify and Cloudflare Pages) held to the built dist/."""
import re
import subprocess
import sys
import tomllib

import pytest

from paths import DIST, ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "pages.yml"
HEADERS = ROOT / "site" / "hosts" / "_headers"
LONG = "public, max-age=31536000, immutable"
# A bundler's chunk name: the module's name, a dash, eight characters of its content's hash.
HASHED_NAME = re.compile(r"-[A-Za-z0-9_]{8}\.js$")


def header_rules(text):
    """[(path pattern, {header: value})] of a _headers file, in order."""
    rules = []
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            rules.append((line.strip(), {}))
        else:
            name, _, value = line.strip().partition(":")
            rules[-1][1][name.strip()] = value.strip()
    return rules


def matches(pattern, url):
    """The hosts' rule: a `*` stands for any run of characters, the rest is literal."""
    return re.fullmatch(".*".join(re.escape(part) for part in pattern.split("*")), url) is not None


def served_urls():
    """Every URL of the built site: each file's path, and / for the page."""
    urls = ["/" + p.relative_to(DIST).as_posix() for p in sorted(DIST.rglob("*")) if p.is_file()]
    return ["/", *urls]


@pytest.fixture(scope="module")
def rules():
    assert (DIST / "index.html").exists(), "dist/ is not built: run `make test`, which builds it first"
    return header_rules(HEADERS.read_text(encoding="utf-8"))


def lint(path):
    """check-jsonschema with its GitHub workflow schema (vendored: offline), as `make test` runs it."""
    return subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows",
                           str(path)], capture_output=True, text=True)


def test_the_workflow_passes_the_workflow_linter():
    """The workflow linter accepts the Pages workflow."""
    done = lint(WORKFLOW)
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_linter_refuses_a_broken_workflow(tmp_path):
    """The same check fails on the workflow with a job's runs-on misspelt: the linter does look."""
    broken = tmp_path / "pages.yml"
    broken.write_text(WORKFLOW.read_text(encoding="utf-8").replace("runs-on:", "runs_on:"), encoding="utf-8")
    done = lint(broken)
    assert done.returncode == 1 and "'runs-on' is a required property" in done.stdout


def test_the_workflow_builds_with_make_and_publishes_dist_with_githubs_pages_actions():
    """The workflow runs `make build` on the project's Python and Node, and hands dist/ to GitHub's Pages actions."""
    text = WORKFLOW.read_text(encoding="utf-8")
    python = re.search(r'requires-python = ">=(\d+\.\d+)"', (ROOT / "pyproject.toml").read_text())[1]
    assert f'python-version: "{python}"' in text
    assert 'node-version: "20"' in text and "Node.js 20+" in (ROOT / "README.md").read_text(encoding="utf-8")
    assert re.search(r"run: make build\n", text)
    assert re.search(r"uses: actions/upload-pages-artifact@v\d+\n\s+with:\n\s+path: dist\n", text)
    assert "uses: actions/deploy-pages@v" in text and "pages: write" in text and "id-token: write" in text


def test_netlify_builds_with_make_publishes_dist_and_copies_the_headers():
    """netlify.toml: `make build`, then the headers file copied into the folder it publishes, dist."""
    settings = tomllib.loads((ROOT / "netlify.toml").read_text(encoding="utf-8"))["build"]
    assert settings["publish"] == "dist"
    assert settings["command"] == "make build && cp site/hosts/_headers dist/_headers"
    python = re.search(r'requires-python = ">=(\d+\.\d+)"', (ROOT / "pyproject.toml").read_text())[1]
    assert settings["environment"] == {"PYTHON_VERSION": python, "NODE_VERSION": "20"}


def test_only_files_whose_names_carry_a_hash_are_cached_long(rules):
    """Every built file with a content hash in its name is cached for a year; no other file is."""
    urls = served_urls()
    hashed = [u for u in urls if HASHED_NAME.search(u)]
    assert hashed, "the runtime's chunks should carry hashes in their names"
    for url in urls:
        long_cached = any(matches(p, url) and h.get("Cache-Control") == LONG for p, h in rules)
        assert long_cached == (url in hashed), url


def test_the_page_and_the_worker_are_never_cached_long(rules):
    """/, /index.html and /sw.js are asked again each time (no-cache)."""
    for url in ("/", "/index.html", "/sw.js"):
        assert [h["Cache-Control"] for p, h in rules if matches(p, url) and "Cache-Control" in h] == ["no-cache"]


def test_wasm_is_served_as_application_wasm(rules):
    """Every built .wasm file has its type set, and each rule names something the build makes."""
    urls = served_urls()
    for url in (u for u in urls if u.endswith(".wasm")):
        assert [h.get("Content-Type") for p, h in rules if matches(p, url)] == ["application/wasm"]
    for pattern, _ in rules:
        assert any(matches(pattern, url) for url in urls), pattern


def test_no_two_rules_set_one_header_on_one_file(rules):
    """Netlify and Cloudflare join the values of two matching rules, which would spoil a Cache-Control."""
    for url in served_urls():
        names = [name for p, h in rules if matches(p, url) for name in h]
        assert len(names) == len(set(names)), url
