"""pytest fixtures for the emulator. Enable with `pytest -p mkto_emulator.pytest_plugin`, or
`pytest_plugins = ["mkto_emulator.pytest_plugin"]` in a conftest.py (installing the package registers it too).

- `mkto_emulator` (session): one `mkto serve` for the whole run, with a random admin token.
- `mkto` (function): the same emulator, reset to its baseline before the test.
- `mkto_emulator_options` (session): override it to pass `Emulator.start` arguments (`scenario=`, `config=`,
  `args=`...).

The binary is `--mkto-bin`, else `$MKTO_BIN`, else `mkto` on PATH.
"""

import pytest

from .server import Emulator


def pytest_addoption(parser):
    parser.addoption("--mkto-bin", default=None, help="the mkto binary the emulator fixtures start")


@pytest.fixture(scope="session")
def mkto_emulator_options():
    """Arguments for `Emulator.start` (override in a conftest.py)."""
    return {}


@pytest.fixture(scope="session")
def mkto_emulator(request, mkto_emulator_options):
    """A running `mkto serve` for the session."""
    options = dict(mkto_emulator_options)
    options.setdefault("binary", request.config.getoption("--mkto-bin"))
    emu = Emulator.start(**options)
    try:
        yield emu
    finally:
        emu.stop()


@pytest.fixture()
def mkto(mkto_emulator):
    """The session's emulator, back to its baseline."""
    mkto_emulator.reset()
    return mkto_emulator
