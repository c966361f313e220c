"""Test helpers for the marketo-rs emulator (`mkto serve`): start it on a free loopback port, point a Marketo
client at it, and drive its admin API (reset, seed, fault rules, clock, request log, data, scenarios).

    from mkto_emulator import Emulator

    with Emulator.start() as emu:
        emu.admin.seed({"lists": [{"id": 1001, "name": "Newsletter"}]})
        emu.admin.add_fault({"method": "POST", "path": "/rest/v1/leads.json", "error": "604", "times": 1})
        ...  # point a client at emu.url with emu.client_id / emu.client_secret
        assert emu.admin.calls(code=604)

With pytest, the plugin (`mkto_emulator.pytest_plugin`) gives the fixtures `mkto_emulator` (one emulator per
session) and `mkto` (the same, reset to its baseline before each test). Only the standard library is used.
"""

from .admin import AdminClient, AdminError
from .server import Emulator, EmulatorNotStarted

__all__ = ["AdminClient", "AdminError", "Emulator", "EmulatorNotStarted"]
