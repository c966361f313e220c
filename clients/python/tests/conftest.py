"""Start `mkto serve` for the tests: one emulator per session, reset before every test."""

import json
import os
import subprocess
import urllib.request

import pytest


def _admin(url, path, body=None):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(url + path, data=data, method="POST" if data is not None or path == "/reset" else "GET")
    with urllib.request.urlopen(req, timeout=10) as resp:
        return json.loads(resp.read())


@pytest.fixture(scope="session")
def emulator():
    """A running `mkto serve` on a free loopback port: its start line (url, admin_url, credentials)."""
    binary = os.environ.get("MKTO_BIN", "mkto")
    proc = subprocess.Popen(
        [binary, "serve", "--addr", "127.0.0.1:0", "--in-memory", "--print-json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        line = proc.stdout.readline()
        if not line:
            raise RuntimeError(f"mkto serve exited with {proc.wait()} before it listened")
        info = json.loads(line)
        yield info
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@pytest.fixture()
def emu(emulator):
    """The session's emulator, back to a fresh start."""
    _admin(emulator["admin_url"], "/reset", {})
    emulator["seed"] = lambda doc: _admin(emulator["admin_url"], "/seed", doc)
    emulator["calls"] = lambda: _admin(emulator["admin_url"], "/calls")
    return emulator


@pytest.fixture()
def mc(emu):
    """marketorestpython's client, unmodified, pointed at the emulator (its host is the only thing set)."""
    from marketorestpython.client import MarketoClient

    client = MarketoClient("000-AAA-000", emu["client_id"], emu["client_secret"], max_retry_time=5)
    client.host = emu["url"]
    return client
