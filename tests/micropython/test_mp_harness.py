"""The differential harness itself: it runs the shipped bytecode and notices a difference."""
import pytest

from differential import APP_MODULES


def test_runs_the_bytecode_the_build_ships(micropython, both):
    """Every pure module is imported in MicroPython from dist/py/PACKAGE/NAME.mpy, never from a source file."""
    assert micropython.loaded[:len(APP_MODULES)] == [name + ".mpy" for name in APP_MODULES]
    assert "main.py" not in micropython.loaded and "web/app.mpy" not in micropython.loaded
    for name in APP_MODULES:
        dotted = name.replace("/__init__", "").replace("/", ".")
        answer = micropython.ask('{"call": ["harness_calls", "module_file"], "args": ["%s"]}' % dotted)
        assert answer == '{"ok":"/modules/%s.mpy"}' % name


def test_a_difference_between_the_interpreters_fails(both):
    """json.dumps of 'À' differs (CPython escapes it, MicroPython does not): both() must fail on it."""
    with pytest.raises(AssertionError, match="MicroPython differs"):
        both("json", "dumps", "À")


def test_exceptions_compare_by_type_and_message(both):
    """A raised exception is an answer: its type and message are the same in both."""
    assert both("dates", "ordinal", "2023-02-29") == {"error": ["ValueError", "not a date: 2023-02-29"]}


def test_one_process_answers_many_requests(micropython, both):
    """The process is long-lived: a thousand requests go through the one Node process."""
    pid = micropython.process.pid
    for n in range(1000):
        assert both("dates", "weekday", n) == {"ok": (n + 6) % 7}
    assert micropython.process.pid == pid and micropython.process.poll() is None
