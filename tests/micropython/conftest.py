"""The differential harness's fixtures: one MicroPython process serves the whole session, whichever
test modules ask for it."""
import pytest

from differential import Both, HarnessError, MicroPython


@pytest.fixture(scope="session")
def micropython():
    """The one MicroPython process of the session."""
    try:
        process = MicroPython()
    except HarnessError as error:
        pytest.fail(str(error))
    yield process
    process.close()


@pytest.fixture(scope="session")
def both(micropython):
    """both(module, function, *args): the answer, asserted identical in CPython and MicroPython."""
    return Both(micropython)
