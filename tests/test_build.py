"""site/builder: Markdown articles in, one static page out; broken articles fail with path:line."""
import json
import os
import re
import shutil
import stat
import subprocess
from pathlib import Path

import pytest

from builder import __main__ as builder_main
from builder import articles, bytecode, page, runtime
from builder.errors import BuildError
from sample_site import ALPHA, BETA, NODE_MODULES, PRACTICES, Page, write

ROOT = Path(__file__).resolve().parents[1]
def line_of(path, needle, occurrence=1):
    """The 1-based line of the n-th occurrence of needle in the file, computed here for the assertion."""
    text = Path(path).read_text(encoding="utf-8")
    at = -1
    for _ in range(occurrence):
        at = text.index(needle, at + 1)
    return text[:at].count("\n") + 1


def build(content, out):
    return builder_main.build(content, out, node_modules=NODE_MODULES)


def main_config(html):
    """The PyScript config of the page's <script type="mpy" src="./py/main.py">, as a dict."""
    found = re.search(r'<script type="mpy" src="./py/main.py" config="([^"]+)"', html)
    return json.loads(found[1].replace("&quot;", '"'))


def snapshot(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(Path(folder).rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """Two small articles built once into a temporary dist folder."""
    base = tmp_path_factory.mktemp("site")
    write(base / "content", "alpha", ALPHA, order=1, title="Alpha & friends")
    write(base / "content", "beta", BETA, order=2, title="Beta")
    (base / "content" / "README.md").write_text("# Not an article\n\nIgnored by the build.\n")
    result = build(base / "content", base / "dist")
    html = (base / "dist" / "index.html").read_text(encoding="utf-8")
    return {"result": result, "dist": base / "dist", "html": html, "page": Page(html)}


# --- a valid build ---------------------------------------------------------------------------


def test_valid_articles_build(built):
    """Two valid articles build; README.md is not an article; shared practices count once."""
    assert built["result"]["articles"] == 2
    assert built["result"]["practices"] == 4
    assert (built["dist"] / "index.html").is_file()


def test_page_holds_prerendered_article_text(built):
    """The article text is in index.html itself (readable without scripts), and titles are escaped."""
    html = built["html"]
    assert "<p>Alpha's first paragraph says that feelings spread between close people.</p>" in html
    assert "<p>Beta's opening paragraph is about a partner who rarely shows tears.</p>" in html
    assert "Alpha &amp; friends" in html
    assert 'id="a-alpha"' in html and 'id="a-beta"' in html


def test_practice_checkboxes_are_labelled_with_their_names(built):
    """Every practice is a checkbox whose label is the practice's name (without the final period)."""
    page = built["page"]
    boxes = [a for name, a in page.tags if name == "input" and "practice-box" in (a.get("class") or "")]
    found = {(b["id"], b["data-practice"]) for b in boxes}
    assert found == {("alpha--do-active-listening", "active-listening"), ("alpha--do-pause-first", "pause-first"),
                     ("beta--do-active-listening", "active-listening"),
                     ("beta--do-feelings-journal", "feelings-journal"),
                     ("beta--do-name-feelings", "name-feelings")}
    assert all(b["type"] == "checkbox" for b in boxes)
    names = {"active-listening": "Listen actively", "pause-first": "Pause first",
             "feelings-journal": "Keep a feelings journal", "name-feelings": "Name your feelings"}
    for b in boxes:
        assert page.labels[b["id"]] == names[b["data-practice"]]


def test_catalogue_json_is_embedded(built):
    """<script type="application/json" id="catalogue"> holds the articles and each practice once with its articles."""
    page = built["page"]
    scripts = [a for name, a in page.tags if name == "script" and a.get("id") == "catalogue"]
    assert scripts == [{"type": "application/json", "id": "catalogue"}]
    catalogue = json.loads(page.catalogue_text)
    assert [a["slug"] for a in catalogue["articles"]] == ["alpha", "beta"]
    assert catalogue["articles"][1]["practices"] == ["active-listening", "feelings-journal", "name-feelings"]
    by_id = {p["id"]: p for p in catalogue["practices"]}
    assert len(by_id) == len(catalogue["practices"]) == 4
    assert by_id["active-listening"]["articles"] == ["alpha", "beta"]
    assert by_id["pause-first"]["articles"] == ["alpha"]
    assert by_id["active-listening"]["name"] == "Listen actively"
    # A '</script>' in a practice's text cannot end the JSON early: it parses back as the same text.
    assert by_id["feelings-journal"]["text"].endswith("Watch out: </script><script>alert(3)</script>")


def test_raw_html_in_articles_is_escaped(built):
    """<script>, <b>, <img> and <div> written in an article appear as text, never as elements."""
    html, page = built["html"], built["page"]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;b&gt;x&lt;/b&gt;" in html
    assert "<b>x</b>" not in html and "<script>alert(1)" not in html
    tag_names = [name for name, _ in page.tags]
    assert "b" not in tag_names and "img" not in tag_names
    assert not [a for name, a in page.tags if name == "div" and a.get("class") == "boxed"]
    assert not [a for _, a in page.tags if "onerror" in a]
    # Every script element is one the template put there on purpose.
    for name, attrs in page.tags:
        if name == "script":
            assert attrs.get("src") or attrs.get("id") == "catalogue"


def test_faq_section_becomes_details(built):
    """A '## ... {.faq}' section turns each '###' question into <details class="faq"><summary>."""
    html = built["html"]
    faqs = re.findall(r'<details class="faq">\s*<summary>\s*<h3 id="([^"]+)"[^>]*>(.*?)</h3>\s*</summary>'
                      r'(.*?)</details>',
                      html, re.S)
    assert [(q[0], q[1]) for q in faqs] == [("alpha--is-crying-together-normal", "Is crying together normal?"),
                                            ("alpha--should-we-see-someone", "Should we see someone?")]
    assert "Yes, for many couples it is." in faqs[0][2]
    assert "<em>talk to a counsellor</em>" in faqs[1][2]
    assert "{.faq}" not in html


def test_tables_render(built):
    """A Markdown table becomes a <table> with header and body cells."""
    assert re.search(r"<table>\s*<thead>\s*<tr>\s*<th>Part</th>\s*<th>Effect</th>.*?<td>Trust</td>\s*<td>grows</td>",
                     built["html"], re.S)


def test_runtime_copy(built):
    """The runtime holds core.js, the error plugin and micropython.wasm, and no editor or terminal modules."""
    names = {p.relative_to(built["dist"]).as_posix() for p in built["dist"].rglob("*") if p.is_file()}
    assert "runtime/pyscript/core.js" in names
    assert any(re.fullmatch(r"runtime/pyscript/error-[^/]+\.js", n) for n in names)
    assert "runtime/micropython/micropython.wasm" in names and "runtime/micropython/micropython.js" in names
    assert not [n for n in names if "py-editor" in n or "py-terminal" in n or "codemirror" in n or "xterm" in n]
    listed = {target for _, target in runtime.files(NODE_MODULES)}
    assert {n for n in names if n.startswith("runtime/")} == listed


# What a server as installed maps (Debian's nginx knows no .mjs or .webmanifest): the page must need no other.
STOCK_TYPES = {".html", ".css", ".js", ".json", ".wasm", ".png", ".svg"}
# PyScript fetch()es the app's Python as data, so whatever type a server sends for these will do.
FETCHED_AS_DATA = {".py", ".bin"}


def test_every_file_has_a_type_any_server_knows(built):
    """Every built file ends in a suffix stock servers map correctly (or is Python fetched as data); the interpreter is
    a .js."""
    suffixes = {p.suffix for p in built["dist"].rglob("*") if p.is_file()}
    assert suffixes - FETCHED_AS_DATA <= STOCK_TYPES
    config = main_config(built["html"])
    assert config["interpreter"] == "./runtime/micropython/micropython.js"
    assert (built["dist"] / config["interpreter"]).is_file()
    assert (built["dist"] / "runtime/micropython/micropython.wasm").is_file()  # PyScript swaps .js for .wasm
    assert '<link rel="manifest" href="./manifest.json">' in built["html"]


def test_start_up_chain_is_preloaded(built):
    """Every file PyScript fetches in a chain before main.py runs is preloaded from the page's head, each as what it
    is."""
    page = built["page"]
    links = {a["href"]: a for name, a in page.tags if name == "link" and a.get("rel") in ("preload", "modulepreload")}
    config = main_config(built["html"])
    chunk = next(p.name for p in (built["dist"] / "runtime/pyscript").glob("core-*.js"))
    wanted = [f"./runtime/pyscript/{chunk}", config["interpreter"], "./runtime/micropython/micropython.wasm",
              "./py/main.py", *config["files"]]
    assert set(wanted) <= set(links)
    for href, attrs in links.items():
        assert (built["dist"] / href).is_file(), href
        if href.endswith(".js"):
            assert attrs["rel"] == "modulepreload"
        else:  # matched by PyScript's fetch(): same-origin, CORS mode
            assert attrs["rel"] == "preload" and attrs["as"] == "fetch" and "crossorigin" in attrs
    head = built["html"].split("</head>")[0]
    assert all(f'href="{href}"' in head for href in links)


def test_dist_is_readable_by_others_whatever_the_umask(tmp_path):
    """Built under umask 077, dist/ and every folder in it are 755 and every file 644, so a web server's user can read a
    copy."""
    write(tmp_path / "content", "alpha", ALPHA)
    before = os.umask(0o077)
    try:
        build(tmp_path / "content", tmp_path / "dist")
    finally:
        os.umask(before)
    dist = tmp_path / "dist"
    paths = [dist, *dist.rglob("*")]
    modes = {p.relative_to(tmp_path).as_posix(): (p.is_dir(), stat.S_IMODE(p.stat().st_mode)) for p in paths}
    assert sum(is_dir for is_dir, _ in modes.values()) >= 4 and len(modes) > 20
    wrong = {name: oct(mode) for name, (is_dir, mode) in modes.items() if mode != (0o755 if is_dir else 0o644)}
    assert wrong == {}


def test_modules_ship_as_bytecode_and_main_as_source(built):
    """main.py ships as source; every other module only as .mpy bytecode, all in one bundle, the one
    file PyScript's config fetches (and the page preloads)."""
    py = built["dist"] / "py"
    py_root = ROOT / "py"
    modules = sorted(p.relative_to(py_root).with_suffix("").as_posix() for p in py_root.rglob("*.py")
                     if p.name != "main.py")
    assert (py / "main.py").read_text(encoding="utf-8") == (ROOT / "py" / "main.py").read_text(encoding="utf-8")
    assert sorted(p.name for p in py.iterdir()) == ["main.py", "modules.bin"]
    shipped = bytecode.unbundle((py / "modules.bin").read_bytes())
    assert sorted(shipped) == [f"{name}.mpy" for name in modules]
    for name in modules:
        assert shipped[f"{name}.mpy"][:2] == b"M\x06"  # .mpy magic, format version 6
    html = (built["dist"] / "index.html").read_text(encoding="utf-8")
    config = main_config(html)
    assert config["files"] == {"./py/modules.bin": "./modules.bin"}
    assert '<link rel="preload" href="./py/modules.bin" as="fetch" crossorigin>' in html


def test_a_bundle_reads_back_as_its_files(tmp_path):
    """bundle() joins files into one gzip file, the same bytes for the same files, that unbundle() splits
    into the same bytes; a bundle cut short, or with bytes after its end, is refused."""
    files = {"a.mpy": b"M\x06\n\x00first", "b.mpy": b"", "c.mpy": bytes(range(256)) * 8}
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    assert bytecode.bundle(tmp_path, sorted(files)) == "modules.bin"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["modules.bin"]
    data = (tmp_path / "modules.bin").read_bytes()
    assert data[:2] == b"\x1f\x8b" and len(data) < sum(map(len, files.values()))   # gzip, and smaller
    assert bytecode.unbundle(data) == files
    for name, content in files.items():
        (tmp_path / name).write_bytes(content)
    bytecode.bundle(tmp_path, sorted(files))
    assert (tmp_path / "modules.bin").read_bytes() == data   # no time stamp inside: a build is repeatable
    for broken in (data + b"x", data[:-20]):
        with pytest.raises(bytecode.BytecodeError):
            bytecode.unbundle(broken)


def test_help_page_is_its_own_view(built):
    """pages/help.md becomes <section id="help" class="view">, titled by its '#' line, its HTML escaped."""
    html = built["html"]
    section = re.search(r'<section id="help" class="view help"[^>]*>(.*?)</section>', html, re.S)
    assert section, "no help section"
    assert '<h1 id="help-title" tabindex="-1">If you are worried or unsafe</h1>' in section[1]
    assert "<p>In danger, call your local emergency number." in section[1]
    assert "&lt;b&gt;bold?&lt;/b&gt;" in section[1] and "<b>bold?</b>" not in html
    assert '<h2 id="help--when-to-see-a-counsellor">When to see a counsellor</h2>' in section[1]
    assert 'html.js[data-route="help"] #help' in (built["dist"] / "style.css").read_text(encoding="utf-8")


def test_every_article_ends_with_the_help_link(built):
    """Each article's last words, after its Sources line and before the pager, link to #/help."""
    html = built["html"]
    for slug in ("alpha", "beta"):
        article = re.search(rf'<article id="a-{slug}".*?</article>', html, re.S)[0]
        end = article[article.index('<p class="sources">'):]
        assert re.fullmatch(r'<p class="sources">[^\n]*</p>\n<aside class="help-link"[^>]*><p><a href="#/help">'
                            r'If you are worried or unsafe</a>[^<]*</p></aside>\n'
                            r'<nav class="pager".*</nav>\n</article>',
                            end, re.S), end


def test_missing_help_page_fails(tmp_path):
    """Without pages/help.md the build fails, naming the missing file, and writes no dist."""
    write(tmp_path / "content", "alpha", "Text.\n\n" + PRACTICES)
    help_page = tmp_path / "content" / "pages" / "help.md"
    help_page.unlink()
    assert "help page is missing" in expect_error(tmp_path, help_page, 0).message


def test_help_page_without_a_title_fails_at_line_1(tmp_path):
    """A help page whose first line is not a '# ' title fails at line 1."""
    write(tmp_path / "content", "alpha", "Text.\n\n" + PRACTICES)
    help_page = tmp_path / "content" / "pages" / "help.md"
    help_page.write_text("Just text, no title.\n", encoding="utf-8")
    assert "title" in expect_error(tmp_path, help_page, 1).message


def fake_runtime(folder, version):
    package = folder / runtime.MICROPYTHON
    package.mkdir(parents=True)
    (package / "package.json").write_text(json.dumps({"version": version}), encoding="utf-8")
    return folder


def test_bytecode_for_another_micropython_version_fails(tmp_path):
    """mpy-cross that does not match the runtime's MicroPython version stops the build, naming both."""
    module = tmp_path / "m.py"
    module.write_text("x = 1\n", encoding="utf-8")
    with pytest.raises(bytecode.BytecodeError, match=r"MicroPython \d+\.\d+ but the runtime is 1\.7"):
        bytecode.compile_modules([module], tmp_path, tmp_path / "out", fake_runtime(tmp_path / "nm", "1.7.0-1"))


def test_syntax_error_in_a_module_fails_naming_it(tmp_path):
    """A module mpy-cross cannot compile stops the build with path:line and the compiler's message."""
    module = tmp_path / "broken.py"
    module.write_text("def f(:\n", encoding="utf-8")
    with pytest.raises(bytecode.BytecodeError, match=r"broken\.py:1: SyntaxError: invalid syntax"):
        bytecode.compile_modules([module], tmp_path, tmp_path / "out", NODE_MODULES)


# --- broken articles -------------------------------------------------------------------------


def expect_error(tmp_path, path, line):
    """Building tmp_path/content fails with a BuildError at path:line, and writes no dist."""
    with pytest.raises(BuildError) as caught:
        build(tmp_path / "content", tmp_path / "dist")
    assert str(caught.value).startswith(f"{path}:{line}: "), str(caught.value)
    assert caught.value.line == line
    assert not (tmp_path / "dist").exists()
    assert not list(tmp_path.glob("dist.building-*"))
    return caught.value


def test_no_front_matter_fails_at_line_1(tmp_path):
    """A file not starting with '---' fails at line 1."""
    path = write(tmp_path / "content", "alpha", "Just text.\n\n" + PRACTICES, front=["title: Alpha"])
    expect_error(tmp_path, path, 1)


def test_unknown_front_matter_field_fails_at_its_line(tmp_path):
    """An unknown front matter field fails at the line it is on."""
    front = ["---", "title: Alpha", "slug: alpha", "summary: S.", "author: Someone", "sources: Src", "order: 1", "---"]
    path = write(tmp_path / "content", "alpha", "Text.\n\n" + PRACTICES, front=front)
    error = expect_error(tmp_path, path, 5)
    assert "author" in error.message


def test_missing_front_matter_field_fails(tmp_path):
    """A front matter block without 'sources' fails, naming the field."""
    front = ["---", "title: Alpha", "slug: alpha", "summary: S.", "order: 1", "---"]
    path = write(tmp_path / "content", "alpha", "Text.\n\n" + PRACTICES, front=front)
    assert "sources" in expect_error(tmp_path, path, 1).message


def test_duplicate_practice_id_fails_at_second_occurrence(tmp_path):
    """An id used twice in one article fails at the line of its second use."""
    body = "Text.\n\n" + PRACTICES + "- {#active-listening} **Listen again.** Twice.\n"
    path = write(tmp_path / "content", "alpha", body)
    line = line_of(path, "{#active-listening}", occurrence=2)
    assert line > line_of(path, "{#active-listening}")
    expect_error(tmp_path, path, line)


def test_no_practices_section_fails(tmp_path):
    """An article without '## Practices' fails (at line 1: the whole file lacks it)."""
    path = write(tmp_path / "content", "alpha", "Text.\n\n## Other\n\n- a list\n")
    assert "Practices" in expect_error(tmp_path, path, 1).message


def test_practice_without_id_fails_at_its_line(tmp_path):
    """A practice item that does not start with {#id} fails at that item's line."""
    body = "Text.\n\n" + PRACTICES + "- Say thank you, often and out loud.\n"
    path = write(tmp_path / "content", "alpha", body)
    expect_error(tmp_path, path, line_of(path, "- Say thank you"))


def test_practice_without_id_but_with_bold_name_fails_at_its_line(tmp_path):
    """A practice that forgot only its {#id} (starts with its **name**) fails at that item's line."""
    body = "Text.\n\n" + PRACTICES + "- **Say thanks.** Often and out loud.\n"
    path = write(tmp_path / "content", "alpha", body)
    expect_error(tmp_path, path, line_of(path, "- **Say thanks.**"))


@pytest.mark.parametrize("body,needle", [
    ("Text.\n\n## Practices\n\nNo list here.\n", "## Practices"),
    ("Text.\n\n# A big heading\n\n" + PRACTICES, "# A big heading"),
])
def test_heading_errors_point_at_the_heading(tmp_path, body, needle):
    """'## Practices' without a list, or a '#' heading, fails at the heading's own line."""
    path = write(tmp_path / "content", "alpha", body)
    expect_error(tmp_path, path, line_of(path, needle))


def test_one_id_with_two_names_fails_in_the_second_article(tmp_path):
    """One id named differently in two articles fails at the id's line in the second article."""
    write(tmp_path / "content", "alpha", "Text.\n\n" + PRACTICES, order=1)
    other = PRACTICES.replace("**Listen actively.**", "**Listen well.**")
    path = write(tmp_path / "content", "beta", "More text.\n\nAnd more.\n\n" + other, order=2)
    error = expect_error(tmp_path, path, line_of(path, "{#active-listening}"))
    assert "Listen well" in error.message and "Listen actively" in error.message


def test_one_id_with_two_texts_fails_in_the_second_article(tmp_path):
    """One id with the same name but another text in a second article fails at the id's line there, with the
    exact message naming the first article."""
    first = write(tmp_path / "content", "alpha", "Text.\n\n" + PRACTICES, order=1)
    other = PRACTICES.replace("Say back what you heard.", "Let them finish first.")
    path = write(tmp_path / "content", "beta", "More text.\n\n" + other, order=2)
    error = expect_error(tmp_path, path, line_of(path, "{#active-listening}"))
    assert str(error) == (f"{path}:{line_of(path, '{#active-listening}')}: practice 'active-listening' has a "
                          f"different text here than in {first}: one id, one text (write it once to stand alone "
                          "in the tracker; the article's own context goes in its body)")


def test_one_id_with_the_same_name_and_text_builds_once(tmp_path):
    """The same practice, word for word, in two articles builds, and the catalogue lists it once with both."""
    write(tmp_path / "content", "alpha", "Text.\n\n" + PRACTICES, order=1)
    write(tmp_path / "content", "beta", "Other text.\n\n" + PRACTICES, order=2)
    assert build(tmp_path / "content", tmp_path / "dist")["practices"] == 2


def test_include_line_is_replaced_by_the_file(tmp_path):
    """`{include shared/note.md}` in an article and the help page puts the file's text in both, and counts its words."""
    write(tmp_path / "content", "alpha", "Text.\n\n{include shared/note.md}\n\n" + PRACTICES)
    (tmp_path / "content" / "shared").mkdir()
    (tmp_path / "content" / "shared" / "note.md").write_text("In danger, call *now*.\n")
    (tmp_path / "content" / "pages" / "help.md").write_text("# Help\n\n{include shared/note.md}\n")
    build(tmp_path / "content", tmp_path / "dist")
    html = (tmp_path / "dist" / "index.html").read_text(encoding="utf-8")
    assert html.count("<p>In danger, call <em>now</em>.</p>") == 2
    assert "{include" not in html
    alpha = articles.read_article(tmp_path / "content" / "alpha.md")
    assert alpha["words"] == articles.count_words("Text. In danger, call now. " + PRACTICES)


def test_missing_include_fails_at_its_line(tmp_path):
    """An include naming a file that does not exist fails at the marker's line, naming the file."""
    path = write(tmp_path / "content", "alpha", "Text.\n\n{include shared/gone.md}\n\n" + PRACTICES)
    error = expect_error(tmp_path, path, line_of(path, "{include"))
    assert error.message == f"include 'shared/gone.md': there is no such file in {tmp_path / 'content'}"


def test_missing_include_on_the_help_page_fails_at_its_line(tmp_path):
    """The help page's includes are checked the same way, at the help page's own line."""
    write(tmp_path / "content", "alpha", "Text.\n\n" + PRACTICES)
    help_page = tmp_path / "content" / "pages" / "help.md"
    help_page.write_text("# Help\n\nFirst.\n\n{include shared/gone.md}\n")
    error = expect_error(tmp_path, help_page, 5)
    assert "include 'shared/gone.md'" in error.message


def test_include_outside_the_content_folder_fails(tmp_path):
    """An include may not reach outside content/ (or name anything but a .md file)."""
    (tmp_path / "secret.md").write_text("Not content.\n")
    path = write(tmp_path / "content", "alpha", "Text.\n\n{include ../secret.md}\n\n" + PRACTICES)
    error = expect_error(tmp_path, path, line_of(path, "{include"))
    assert "inside the content folder" in error.message


def test_slug_differing_from_file_name_fails_at_slug_line(tmp_path):
    """A slug that is not the file name fails at the slug's line."""
    front = ["---", "title: Alpha", "summary: S.", "slug: alpha-two", "sources: Src", "order: 1", "---"]
    path = write(tmp_path / "content", "alpha", "Text.\n\n" + PRACTICES, front=front)
    expect_error(tmp_path, path, 4)


def test_image_fails_at_its_line(tmp_path):
    """An image (a request to another host) fails at its line."""
    body = "Text.\n\nMore text.\n\n![a photo](https://example.com/a.png)\n\n" + PRACTICES
    path = write(tmp_path / "content", "alpha", body)
    expect_error(tmp_path, path, line_of(path, "![a photo]"))


def test_same_order_twice_fails(tmp_path):
    """Two articles with the same order number fail."""
    write(tmp_path / "content", "alpha", "Text.\n\n" + PRACTICES, order=1)
    path = write(tmp_path / "content", "beta", "Text.\n\n" + PRACTICES, order=1)
    assert "order 1" in expect_error(tmp_path, path, 1).message


def test_empty_content_folder_fails(tmp_path):
    """A content folder without articles fails."""
    (tmp_path / "content").mkdir()
    with pytest.raises(BuildError):
        build(tmp_path / "content", tmp_path / "dist")


def test_double_braces_in_an_article_do_not_crash_the_build(tmp_path):
    """An article whose prose contains '{{' builds, and shows the braces as text."""
    write(tmp_path / "content", "alpha", "Templates write {{name}} for a blank.\n\n" + PRACTICES)
    build(tmp_path / "content", tmp_path / "dist")
    assert "{{name}}" in (tmp_path / "dist" / "index.html").read_text(encoding="utf-8")


def test_catalogue_json_cannot_change_the_script_parser_state(tmp_path):
    """A practice text holding '<!-- <script>' reaches the embedded catalogue without those sequences raw."""
    body = "Text.\n\n" + PRACTICES.replace("Take one slow breath",
                                          "In HTML a comment <!-- <script> starts; take one slow breath")
    write(tmp_path / "content", "alpha", body)
    catalogue = articles.catalogue(articles.read_collection(tmp_path / "content"))
    assert "<!-- <script>" in json.dumps(catalogue)   # the text really is in the catalogue
    text = page.catalogue_json(catalogue)
    assert json.loads(text) == catalogue
    assert "<!--" not in text and "<script" not in text.lower()


# --- a failed build leaves the previous output alone ---------------------------------------


def test_failed_build_leaves_previous_dist_intact(tmp_path):
    """Build OK, break an article, build again: BuildError, the first dist byte-for-byte unchanged, no staging left."""
    path = write(tmp_path / "content", "alpha", "Text.\n\n" + PRACTICES)
    build(tmp_path / "content", tmp_path / "dist")
    before = snapshot(tmp_path / "dist")
    assert "index.html" in before
    path.write_text(path.read_text().replace("{#pause-first}", "{#active-listening}"), encoding="utf-8")
    with pytest.raises(BuildError):
        build(tmp_path / "content", tmp_path / "dist")
    assert snapshot(tmp_path / "dist") == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["content", "dist"]


def test_failed_build_in_staging_leaves_previous_dist_intact(tmp_path):
    """A failure after staging began (runtime missing) also leaves dist unchanged and removes the staging folder."""
    write(tmp_path / "content", "alpha", "Text.\n\n" + PRACTICES)
    build(tmp_path / "content", tmp_path / "dist")
    before = snapshot(tmp_path / "dist")
    with pytest.raises(runtime.RuntimeMissing):
        builder_main.build(tmp_path / "content", tmp_path / "dist", node_modules=tmp_path / "no-node-modules")
    assert snapshot(tmp_path / "dist") == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["content", "dist"]


# --- the command line ------------------------------------------------------------------------


def test_main_reports_a_broken_article(tmp_path, capsys):
    """`python -m builder` returns 1 and prints 'build failed: <path>:<line>:' to stderr."""
    path = write(tmp_path / "content", "alpha", "Text.\n\n" + PRACTICES, front=["title: Alpha"])
    code = builder_main.main(["--content", str(tmp_path / "content"), "--out", str(tmp_path / "dist")])
    captured = capsys.readouterr()
    assert code == 1
    assert captured.err.startswith(f"build failed: {path}:1: ")
    assert captured.out == ""
    assert not (tmp_path / "dist").exists()


def test_make_rebuilds_after_an_article_is_added_or_deleted(tmp_path):
    """`make build` sees a new file and a deleted one: dist/ is out of date after either, not 'Nothing to be done'."""
    for name in ("Makefile", "pyproject.toml", "package.json", "package-lock.json"):
        shutil.copyfile(ROOT / name, tmp_path / name)
    for folder in ("content", "site", "py"):
        shutil.copytree(ROOT / folder, tmp_path / folder, ignore=shutil.ignore_patterns("__pycache__"))
    for stamp in (".venv/.stamp", "node_modules/.stamp", "dist/index.html"):
        (tmp_path / stamp).parent.mkdir(exist_ok=True)

    def up_to_date():
        """make -q: only whether anything is to be done (exit 0: nothing)."""
        return subprocess.run(["make", "-q", "dist/index.html"], cwd=tmp_path).returncode == 0

    def built_now():
        """Stamps and dist/ as if just set up and built."""
        for stamp in (".venv/.stamp", "node_modules/.stamp", "dist/index.html"):
            (tmp_path / stamp).touch()

    subprocess.run(["make", "-q", "dist/index.html"], cwd=tmp_path)   # the first run writes the list of sources
    built_now()
    assert up_to_date()
    (tmp_path / "content" / "why-he-cries.md").unlink()
    assert not up_to_date()
    built_now()
    assert up_to_date()
    shutil.copyfile(ROOT / "content" / "never-cries.md", tmp_path / "content" / "new-article.md")
    built_now()   # a new file older than dist/ (copied with an old date, or from an archive) still counts
    os.utime(tmp_path / "content" / "new-article.md", (0, 0))
    assert not up_to_date()
