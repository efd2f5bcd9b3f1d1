"""The MicroPython process of the differential harness, started once per test session."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from differential import Both, HarnessError, MicroPython  # noqa: E402


@pytest.fixture(scope="session")
def micropython():
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
