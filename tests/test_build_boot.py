"""What site/boot.js knows before Python starts comes from py/core, written by the build at its top: the
storage keys (layout.py), the settings shown on <html> (settings.py) and the exit address rule."""
import json
import re

from core import layout, settings
from builder import __main__ as builder_main
from sample_site import ALPHA, NODE_MODULES, write

REDUCE_MOTION = settings.Setting("reduce_motion", None, "1 (on) or left out", choices=settings.ON,
                                 attribute="data-motion", shown=((1, "reduce"),))


def built_boot(tmp_path):
    """boot.js of a sample site built into tmp_path/dist: (its text, the CORE table at its top)."""
    write(tmp_path / "content", "alpha", ALPHA)
    builder_main.build(tmp_path / "content", tmp_path / "dist", node_modules=NODE_MODULES)
    text = (tmp_path / "dist" / "boot.js").read_text(encoding="utf-8")
    return text, json.loads(re.search(r"^var CORE = (.*);$", text, re.M)[1])


def test_boot_js_takes_its_keys_settings_and_exit_rule_from_core(tmp_path, monkeypatch):
    """Changed in core (a storage key, a new setting, the exit address's length), the built boot.js follows; its
    own code names no storage key, setting or attribute of one."""
    monkeypatch.setattr(layout, "HEAD", "attune:head-test")
    monkeypatch.setattr(layout, "DAYS", "attune:days-test:")
    monkeypatch.setattr(settings, "TABLE", settings.TABLE + (REDUCE_MOTION,))
    monkeypatch.setattr(settings, "EXIT_URL_RULE", dict(settings.EXIT_URL_RULE, max=123))
    text, core = built_boot(tmp_path)
    assert core["keys"] == {"head": "attune:head-test", "days": "attune:days-test:"}
    assert core["exitUrl"]["max"] == 123
    assert core["settings"][-1] == {"name": "reduce_motion", "default": None, "choices": [1],
                                    "attribute": "data-motion", "shown": {"1": "reduce"}}
    code = text.split("\n", 3)[3]   # below the generated lines
    for name in ["attune:data", "attune:days:", "data-theme", "data-text-size", "text_size", "theme"]:
        assert name not in code, name
    assert not re.search(r"\b500\b", code)


def test_the_table_holds_each_setting_shown_on_html(tmp_path):
    """As built from the real table: the theme, the text size, Leave quickly hidden on reading views and fewer
    history entries, with their values."""
    _, core = built_boot(tmp_path)
    assert core["keys"] == {"head": "attune:data", "days": "attune:days:"}
    assert [(s["name"], s["attribute"], s["choices"]) for s in core["settings"]] == [
        ("theme", "data-theme", ["system", "light", "dark"]), ("text_size", "data-text-size", [0, 1, 2, 3]),
        ("exit_hide_reading", "data-leave", [1]), ("exit_everywhere", "data-traces", [1])]
