"""JSON that reads and writes the same in CPython and MicroPython: a strict syntax check, escaped
surrogate pairs joined, and canonical text (keys sorted, UTF-8 as it is, days as ISO dates).

The tracker document (model) and its storage keys (layout) are read and written through here;
the two interpreters' own json modules differ on exactly these points.
"""
import json

from core.dayset import DaySet


class DataError(Exception):
    """The data is not a tracker document this version can read; the message says why."""


# --- JSON syntax ------------------------------------------------------------------------

# MicroPython's json.loads takes text that is not JSON ('{"a": 1,}', '[1 2]', '01', '"\x"', a raw
# tab in a string), which CPython's refuses, so an import would be judged differently in the
# browser than in the tests. check_json() refuses what JSON does not allow, before json.loads.
# It works a string at a time (split at quotes), not a character at a time: imports stay fast.
JSON_SPACE = " \t\n\r"
RAW_CONTROLS = [chr(code) for code in range(32) if chr(code) not in "\t\n\r"]
ESCAPABLE = '"\\/bfnrtu'
HEX = "0123456789abcdefABCDEF"


def check_string(body):
    """The inside of a JSON string: no raw line breaks or tabs, only JSON's escapes."""
    if "\n" in body or "\r" in body or "\t" in body:
        return False
    at = body.find("\\")
    while at >= 0:
        kind = body[at + 1:at + 2]
        if not kind or kind not in ESCAPABLE:
            return False
        if kind == "u":
            digits = body[at + 2:at + 6]
            if len(digits) != 4 or not all(d in HEX for d in digits):
                return False
        at = body.find("\\", at + 2)
    return True


def is_json_number(word):
    if word.startswith("-"):
        word = word[1:]
    whole, _, rest = word.partition(".") if "." in word else (word, "", "")
    exponent = ""
    for mark in "eE":
        target = rest if "." in word else whole
        if mark in target:
            head, _, exponent = target.partition(mark)
            if "." in word:
                rest = head
            else:
                whole = head
            if exponent[:1] in "+-":
                exponent = exponent[1:]
            if not exponent or not exponent.isdigit():
                return False
    if not whole or not whole.isdigit() or (len(whole) > 1 and whole[0] == "0"):
        return False
    return "." not in word or (rest.isdigit() and all("0" <= c <= "9" for c in rest))


def json_tokens(text):
    """The tokens of JSON text: '{', '}', '[', ']', ',', ':', '"' for a string, 'v' for a literal."""
    for control in RAW_CONTROLS:
        if control in text:
            raise DataError("it is not valid JSON")
    pieces = text.split('"')
    outside, body = True, []
    for index, piece in enumerate(pieces):
        last = index == len(pieces) - 1
        if outside:
            word = ""
            for ch in piece + " ":
                if ch in "{}[],:" or ch in JSON_SPACE:
                    if word:
                        if not (word in ("true", "false", "null") or (all(c in "0123456789+-.eE" for c in word)
                                                                      and is_json_number(word))):
                            raise DataError("it is not valid JSON")
                        yield "v"
                        word = ""
                    if ch not in JSON_SPACE:
                        yield ch
                else:
                    word += ch
            outside, body = last, []   # the quote after this piece opens a string
        elif last:
            raise DataError("it is not valid JSON")   # a string that never ends
        else:
            body.append(piece)
            backslashes = len(piece) - len(piece.rstrip("\\"))
            if backslashes % 2 == 0:  # the quote after this piece ends the string
                if not check_string('"'.join(body)):
                    raise DataError("it is not valid JSON")
                yield '"'
                outside = True


def check_json(text):
    """DataError unless text is one JSON value, written as JSON allows (RFC 8259)."""
    stack, expect = [], "value"   # expect: value, key, colon, after (a value or key was just read)
    for token in json_tokens(text):
        if expect == "colon":
            ok, expect = token == ":", "value"
        elif expect in ("value", "key"):
            if token in "{[":
                stack.append(token)
                expect = "first-key" if token == "{" else "first-value"
                continue
            ok = token == '"' if expect == "key" else token in '"v'
            expect = "colon" if expect == "key" else "after"
        elif expect in ("first-key", "first-value"):
            if token in "}]":
                ok = (token == "}") == (expect == "first-key")
                stack.pop()
                expect = "after"
            elif expect == "first-key":
                ok, expect = token == '"', "colon"
            else:
                if token in "{[":
                    stack.append(token)
                    expect = "first-key" if token == "{" else "first-value"
                    continue
                ok, expect = token in '"v', "after"
        else:  # after a value
            if not stack:
                ok = False
            elif token == ",":
                ok, expect = True, "key" if stack[-1] == "{" else "value"
            else:
                ok = token == ("}" if stack[-1] == "{" else "]")
                stack.pop()
        if not ok:
            raise DataError("it is not valid JSON")
    if stack or expect != "after":
        raise DataError("it is not valid JSON")

def join_surrogates(text):
    """text with each escaped surrogate pair ("\\ud83d\\ude00") as the one character it stands for.

    MicroPython's json.loads decodes the two halves as two characters (CPython joins them), so a
    file that escapes emoji would import as different, longer text. A half alone is not text.
    """
    out, high = [], None
    for ch in text:
        code = ord(ch)
        if high is not None:
            if not 0xDC00 <= code < 0xE000:
                break
            out.append(chr(0x10000 + ((high - 0xD800) << 10) + (code - 0xDC00)))
            high = None
        elif 0xD800 <= code < 0xDC00:
            high = code
        elif 0xDC00 <= code < 0xE000:
            break
        else:
            out.append(ch)
    else:
        if high is None:
            return "".join(out)
    raise DataError("it holds text that is not valid Unicode (half of an escaped character pair)")


def join_all_surrogates(value):
    if isinstance(value, str):
        return join_surrogates(value)
    if isinstance(value, list):
        return [join_all_surrogates(v) for v in value]
    if isinstance(value, dict):
        out = {}
        for key in value:
            out[join_surrogates(key)] = join_all_surrogates(value[key])
        return out
    return value


# --- serialising ------------------------------------------------------------------------


# JSON's escapes for the characters it does not allow raw in a string; the rest stays as it is.
CONTROL_ESCAPES = [("\\", "\\\\"), ('"', '\\"'), ("\n", "\\n"), ("\r", "\\r"), ("\t", "\\t"),
                   ("\b", "\\b"), ("\f", "\\f")] + [
    (chr(c), "\\u%04x" % c) for c in range(32) if chr(c) not in "\n\r\t\b\f"]


SHORT_TEXT = 40   # see quote()


def quote(text):
    """A JSON string, the same in CPython and MicroPython: their json.dumps differ on non-ASCII
    (escaped by one, raw in the other), so text other than quotes, backslashes and control
    characters is written as it is (UTF-8), which is also shorter."""
    if 0 < len(text) <= SHORT_TEXT and min(text) >= " " and '"' not in text and "\\" not in text:
        # A short text with nothing to escape (an id, a date, a slug): three passes instead of the 34
        # searches below (MicroPython encodes the settings key in 0.55 ms instead of 1.4, unthrottled).
        # Longer texts (bitmaps, notes) keep the searches: min() makes a string of each character.
        return '"' + text + '"'
    for ch, escaped in CONTROL_ESCAPES:
        if ch in text:
            text = text.replace(ch, escaped)
    return '"' + text + '"'


def encode(value):
    """Canonical JSON: keys sorted (MicroPython's dicts keep no order), no spaces; days as ISO dates."""
    if isinstance(value, str):
        return quote(value)
    if isinstance(value, DaySet):
        return encode(value.isos())
    if isinstance(value, dict):
        return "{" + ",".join(quote(k) + ":" + encode(value[k]) for k in sorted(value)) + "}"
    if isinstance(value, list):
        return "[" + ",".join(encode(v) for v in value) + "]"
    return json.dumps(value)
