"""The check every browser test ends with (tests/conftest.py's `watch`), run on sample tests in a pytest of
their own: a console error or a request to another host fails the test at teardown, and the opt-out lets
errors through only with a reason, never another host."""
import pytest

from paths import ROOT

pytestmark = pytest.mark.browser
SAMPLES = '''
import pytest


def test_clean(site, open_page):
    open_page().open(site)


def test_console_error(site, open_page):
    open_page().open(site).evaluate("console.error('logged on purpose')")


@pytest.mark.allow_console_errors("the sample logs an error on purpose")
def test_console_error_allowed(site, open_page):
    open_page().open(site).evaluate("console.error('logged on purpose')")


@pytest.mark.allow_console_errors("the sample logs an error on purpose")
def test_other_host_with_errors_allowed(open_page):
    w = open_page()
    w.context.route("http://example.com/**", lambda route: route.fulfill(body="<p>x</p>", content_type="text/html"))
    w.page.goto("http://example.com/")   # answered by the route: nothing leaves the machine


@pytest.mark.allow_console_errors
def test_opt_out_without_a_reason(open_page):
    open_page()
'''


def test_console_errors_and_other_hosts_fail_at_teardown_unless_allowed_with_a_reason(pytester):
    """A console error fails its test at teardown unless marked allow_console_errors(reason); another host always
    does."""
    pytester.makeconftest((ROOT / "tests" / "conftest.py").read_text(encoding="utf-8"))
    path = " ".join(str(ROOT / folder) for folder in ("site", "py", "tests/support"))
    pytester.makeini("[pytest]\npythonpath = %s\n"
                     "markers =\n    allow_console_errors(reason): errors on purpose\n" % path)
    pytester.makepyfile(test_samples=SAMPLES)
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider")
    # A test whose teardown fails counts as passed (its call) and as an error: the run fails.
    result.assert_outcomes(passed=4, errors=3)
    assert result.ret == pytest.ExitCode.TESTS_FAILED
    result.stdout.fnmatch_lines_random([
        "*ERROR at teardown of test_console_error *",
        "*console or page errors*logged on purpose*",
        "*ERROR at teardown of test_other_host_with_errors_allowed*",
        "*requests to another host*http://example.com/*",
        "*ERROR at setup of test_opt_out_without_a_reason*",
        "*allow_console_errors needs its reason*",
    ])
