"""Small helpers to build HTML text safely: every piece of text goes through escape()."""


SPECIAL = "&<>\"'"


def escape(text):
    """Text made safe for HTML content and quoted attribute values."""
    text = str(text)
    for ch in SPECIAL:
        if ch in text:  # most text has none of them: five searches cost less than five copies
            return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                    .replace('"', "&quot;").replace("'", "&#39;"))
    return text


def tag(name, content="", **attrs):
    """<name attrs>content</name>; content is HTML already built here, attrs are escaped.

    A trailing '_' in a keyword is dropped (class_=...), and '_' inside becomes '-' (aria_label).
    """
    parts = [name]
    for key in sorted(attrs):
        value = attrs[key]
        if value is None or value is False:
            continue
        attr = key.rstrip("_").replace("_", "-")
        parts.append(attr if value is True else '%s="%s"' % (attr, escape(value)))
    return "<%s>%s</%s>" % (" ".join(parts), content, name)


def plural(n, one, many=None):
    return "%d %s" % (n, one if n == 1 else (many or one + "s"))


def cap(text):
    """First letter upper-cased if it is a-z (MicroPython's str has no capitalize(), and its upper()
    changes only ASCII letters: CPython's would also turn "é" into "É", so the page would differ)."""
    first = text[:1]
    if "a" <= first <= "z":
        first = chr(ord(first) - 32)
    return first + text[1:]
