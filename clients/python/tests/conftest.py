"""marketorestpython, unmodified, pointed at the emulator of the `mkto` fixture (mkto_emulator.pytest_plugin)."""

import pytest


@pytest.fixture()
def mc(mkto):
    """marketorestpython's client pointed at the emulator (its host is the only thing set), after a reset."""
    from marketorestpython.client import MarketoClient

    client = MarketoClient("000-AAA-000", mkto.client_id, mkto.client_secret, max_retry_time=5)
    client.host = mkto.url
    return client
