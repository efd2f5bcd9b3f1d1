"""Text handled alike in CPython and MicroPython: spaces around a text, and ASCII lower case.

MicroPython's str.strip() removes only ASCII spaces (and strip(chars) refuses non-ASCII chars), and its
str.lower() differs from CPython's beyond ASCII, so notes and addresses go through these instead.
"""

# What str.strip() removes in CPython.
SPACES = ("\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
          "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000")


def strip_spaces(text):
    """text without the SPACES around it: a note of no-break spaces is empty in both interpreters."""
    start, end = 0, len(text)
    while start < end and text[start] in SPACES:
        start += 1
    while end > start and text[end - 1] in SPACES:
        end -= 1
    return text[start:end]


def ascii_lower(text):
    """text with A-Z in lower case and nothing else changed (CPython's str.lower() turns the Kelvin sign
    into "k", MicroPython's does not)."""
    return "".join(chr(ord(ch) + 32) if "A" <= ch <= "Z" else ch for ch in text)
