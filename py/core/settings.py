"""The reader's settings, one entry each: the one place a setting is defined.

An entry says its name (the key under the document's "settings"), its default, which values it takes
and the words that say so, how two copies merge, and how it shows on <html> before first paint.
Everything else follows from the table: the model's defaults, validation and merge (py/core/model.py),
the page's controls and <html> attributes (py/web/display.py), and site/boot.js's pre-paint code, which
reads the table the build writes from boot_table() (site/builder/page.py).

Adding a setting is one entry here, its control in site/index.html (an input with data-setting="name",
a radio per choice or a checkbox for an on/off setting) and its CSS (the <html> attribute's rules).
"""
from core import dates
from core.text import SPACES, ascii_lower, strip_spaces

MAX_EXIT_URL = 500
# Characters that do not show, or turn the text around: an address holding one may not read as it goes.
INVISIBLE = "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2060\u2066\u2067\u2068\u2069\ufeff"
# The exit address rule, as data: is_exit_url() reads it, and so does site/boot.js (boot_table()).
EXIT_URL_RULE = {"max": MAX_EXIT_URL, "schemes": ["https://", "http://"], "ends_host": "/?#",
                 "host_marks": "-.:[]", "not_first": "-.:]", "forbidden": SPACES + INVISIBLE}


def is_exit_url(value):
    """Is value an address "Leave quickly" may go to: "http://" or "https://" (lower case), a host
    name (letters, digits, "-", ".", an IPv6 address in brackets, a port; no "user@"), then any path,
    with no space or control character anywhere, at most MAX_EXIT_URL characters in all?"""
    if not isinstance(value, str) or not 0 < len(value) <= MAX_EXIT_URL:
        return False
    rest = None
    for scheme in EXIT_URL_RULE["schemes"]:
        if value.startswith(scheme):
            rest = value[len(scheme):]
            break
    if rest is None:
        return False
    forbidden = EXIT_URL_RULE["forbidden"]
    for ch in value:
        if ch <= " " or "\x7f" <= ch <= "\x9f" or ch in forbidden:
            return False
    end = len(rest)
    for i in range(len(rest)):
        if rest[i] in EXIT_URL_RULE["ends_host"]:
            end = i
            break
    host = rest[:end]
    if not host or host[0] in EXIT_URL_RULE["not_first"]:
        return False
    marks = EXIT_URL_RULE["host_marks"]
    for ch in host:
        if not ("a" <= ch <= "z" or "A" <= ch <= "Z" or "0" <= ch <= "9" or ch in marks or ch > "\x7f"):
            return False
    return True


def exit_url_from(text):
    """The address a reader typed for "Leave quickly", as kept: without the spaces around it, its
    scheme in lower case, "https://" put in front of an address without one ("example.org/x").
    "" when the field is empty (the build's address again); None when it is not a web address."""
    text = strip_spaces(text)
    if not text:
        return ""
    head = ascii_lower(text[:8])
    if head.startswith("https://"):
        text = "https://" + text[8:]
    elif head.startswith("http://"):
        text = "http://" + text[7:]
    elif "://" in text:
        return None   # another scheme (ftp://, file://): not a page every browser opens
    else:
        text = "https://" + text
    return text if is_exit_url(text) else None


def same(value, known):
    """value is the known value, by type too: True is not 1, nor 1 "1"."""
    return type(value) is type(known) and value == known


class Setting:
    """One setting. default None: optional, left out of the document while off (its default).
    choices: the values it takes, or None when `check` decides (any other value is refused).
    merge: "newer" (the newer copy's settings win as a whole) or "latest" (the later value of the two
    copies: a fact about this device that no copy may forget).
    attribute, shown: the <html> attribute it sets before first paint; shown maps a value to the
    attribute's text (a value it leaves out removes the attribute), None writes the value itself."""

    def __init__(self, name, default, rule, choices=None, check=None, merge="newer", attribute=None, shown=None):
        self.name, self.default, self.rule, self.choices = name, default, rule, choices
        self.check, self.merge, self.attribute, self.shown = check, merge, attribute, shown

    def is_valid(self, value):
        if self.choices is None:
            return self.check(value)
        for choice in self.choices:
            if same(value, choice):
                return True
        return False

    def on_html(self, value):
        """The text of the <html> attribute for this value, None for no attribute."""
        if self.shown is None:
            return str(value)
        for shown, text in self.shown:
            if same(value, shown):
                return text
        return None

    def from_control(self, value, checked):
        """The setting's value from its control: a radio's value text (one of the choices), or a
        checkbox's state for an on/off setting (on: 1; off: None, left out)."""
        if self.choices == ON:
            return 1 if checked else None
        for choice in self.choices:
            if str(choice) == value:
                return choice
        raise ValueError("%s takes no value %s" % (self.name, value))


ON = (1,)   # the choices of an on/off setting: 1, or left out
DAY_RULE = "a date from %s to %s" % (dates.FIRST_DAY, dates.LAST_DAY)

TABLE = (
    Setting("theme", "system", "system, light or dark", choices=("system", "light", "dark"),
            attribute="data-theme", shown=(("light", "light"), ("dark", "dark"))),
    Setting("text_size", 1, "0, 1, 2 or 3", choices=(0, 1, 2, 3), attribute="data-text-size"),
    # "Leave quickly" shows on every view. The reader may hide it on the library and the articles, never on
    # the views that hold their notes (#/practices, #/journal) or on #/help (style.css: <html data-leave>).
    Setting("exit_hide_reading", None, "1 (hidden on the library and the articles) or left out (shown)",
            choices=ON, attribute="data-leave", shown=((1, "not-reading"),)),
    # Moving between views adds no history entry (site/boot.js), so after leaving, Back finds at most one
    # Attune entry. Its name is from before issue 37, when it also showed Leave quickly on every view: that is
    # everyone's default now, so a stored or exported 1 keeps its one remaining meaning and needs no migration.
    Setting("exit_everywhere", None, "1 (on) or left out (off)", choices=ON,
            attribute="data-traces", shown=((1, "fewer"),)),
    # Where "Leave quickly" goes instead of the build's address (site/builder/config.py).
    Setting("exit_url", None, "a web address starting http:// or https:// of up to %d characters" % MAX_EXIT_URL,
            check=is_exit_url),
    # The day the reader last saved a copy, and "Not now" to the copy reminder (py/core/copies.py).
    Setting("copied", None, DAY_RULE, check=dates.is_checkin_day, merge="latest"),
    Setting("copy_later", None, DAY_RULE, check=dates.is_checkin_day, merge="latest"),
    # 1 once the reader put away the note on Safari forgetting data.
    Setting("safari_note", None, "1 (put away) or left out", choices=ON, merge="latest"),
)
BY_NAME = dict((setting.name, setting) for setting in TABLE)
STAMP = "at"   # beside the settings: the clock (ms) when they last changed, for merging two copies


def defaults():
    """A new document's settings: every setting that has a default, and the stamp 0."""
    out = {STAMP: 0}
    for setting in TABLE:
        if setting.default is not None:
            out[setting.name] = setting.default
    return out


def boot_table():
    """What site/boot.js needs before first paint: each setting shown on <html>, with its choices."""
    return [{"name": s.name, "default": s.default, "choices": list(s.choices), "attribute": s.attribute,
             "shown": None if s.shown is None else dict((str(value), text) for value, text in s.shown)}
            for s in TABLE if s.attribute]
