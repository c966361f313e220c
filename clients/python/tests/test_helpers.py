"""The helpers themselves (mkto_emulator), against the real `mkto serve`: start on a free port with an admin
token, reset between tests, and every admin call they wrap."""

import json
import os
import urllib.error
import urllib.request

import pytest

from mkto_emulator import AdminError, Emulator, EmulatorNotStarted


def test_the_fixture_starts_on_loopback_with_an_admin_token(mkto):
    assert mkto.url.startswith("http://127.0.0.1:")
    assert mkto.admin_token
    assert mkto.admin_token not in repr(mkto.admin)
    assert mkto.admin.health() == {"status": "ok"}
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(mkto.admin_url + "/health", timeout=10)
    assert refused.value.code == 401
    # The inspector's page is served without the token and never contains it.
    with urllib.request.urlopen(mkto.ui_url, timeout=10) as page:
        assert mkto.admin_token not in page.read().decode()


def test_each_test_starts_from_the_baseline_part_one(mkto):
    mkto.seed({"leads": [{"email": "left@example.com"}]})
    assert mkto.admin.data("leads")["total"] == 1


def test_each_test_starts_from_the_baseline_part_two(mkto):
    assert mkto.admin.data("leads")["total"] == 0
    assert mkto.calls() == []


def test_faults_by_id_and_unknown_codes(mkto):
    first, second = mkto.admin.add_faults([
        {"path": "/rest/v1/lead/*", "error": "608"},
        {"path": "/rest/v1/leads.json", "http_status": 502, "times": 2},
    ])
    assert [f["id"] for f in mkto.admin.faults()] == [first, second]
    assert mkto.admin.remove_fault(first)["id"] == first
    assert [f["id"] for f in mkto.admin.faults()] == [second]
    with pytest.raises(AdminError) as e:
        mkto.admin.fault(first)
    assert e.value.status == 404
    with pytest.raises(AdminError) as e:
        mkto.admin.add_fault({"path": "*", "error": "9999"})
    assert e.value.status == 400 and "catalogue" in e.value.message
    mkto.admin.clear_faults()
    assert mkto.admin.faults() == []


def _token(emu):
    url = f"{emu.identity_url}/oauth/token?grant_type=client_credentials&client_id={emu.client_id}&client_secret={emu.client_secret}"
    with urllib.request.urlopen(url, timeout=10) as resp:
        return json.loads(resp.read())["access_token"]


def _get(emu, path, token):
    req = urllib.request.Request(emu.url + path, headers={"Authorization": f"Bearer {token}"})
    with urllib.request.urlopen(req, timeout=10) as resp:
        return json.loads(resp.read())


def test_clock_usage_calls_and_the_tail(mkto):
    token = _token(mkto)
    assert _get(mkto, "/rest/v1/leads/describe.json", token)["success"]
    assert mkto.admin.usage()["today"] == 1
    described = mkto.admin.wait_for_call(path="describe")
    assert described["status"] == 200
    assert token not in json.dumps(mkto.calls())
    assert mkto.admin.last_call(path="describe")["id"] == described["id"]
    assert mkto.admin.get_call(described["id"])["request_id"] == described["request_id"]

    before = mkto.admin.now()
    after = mkto.admin.advance_clock(3600)
    assert after > before
    expired = _get(mkto, "/rest/v1/leads/describe.json", token)
    assert expired["errors"][0]["code"] == "602"
    assert [c["code"] for c in mkto.calls(code=602)] == [602]

    # A tail opened now sees the next call, and only matching ones.
    stream = mkto.admin.tail(path="/rest/", timeout=10)
    token = _token(mkto)  # /identity: filtered out
    _get(mkto, "/rest/v1/leads/describe.json", token)
    seen = next(stream)
    stream.close()
    assert seen["path"] == "/rest/v1/leads/describe.json"
    mkto.admin.clear_calls()
    assert mkto.calls() == []


def test_scenarios_through_the_api_and_reset_to_empty(mkto):
    report = mkto.admin.load_scenario({
        "seed": {"lists": [{"id": 7, "name": "Seven"}]},
        "faults": [{"path": "/rest/v1/lists/*", "error": "608", "times": 1}],
    })
    assert report["lists"] == [7]
    assert mkto.admin.scenario()["seed"]["lists"][0]["name"] == "Seven"
    try:
        assert mkto.reset()["lists"] == [7]
        assert len(mkto.admin.faults()) == 1
        mkto.reset(to="empty")
        assert mkto.admin.data("lists")["total"] == 0
        assert mkto.admin.faults() == []
    finally:
        mkto.admin.forget_scenario()


def test_a_second_emulator_from_a_scenario_file_without_admin_token(tmp_path):
    scenario = tmp_path / "scenario.toml"
    scenario.write_text('[seed]\nleads = [{ email = "s@example.com" }]\n')
    with Emulator.start(scenario=scenario, admin_token=False) as emu:
        assert emu.admin_token is None
        assert emu.admin.data("leads")["items"][0]["email"] == "s@example.com"
        emu.seed({"leads": [{"email": "t@example.com"}]})
        assert emu.reset()["leads"] == [1]


def test_a_binary_that_does_not_start_is_reported(tmp_path):
    bad = tmp_path / "scenario.toml"
    bad.write_text('[[faults]]\npath = "*"\nerror = "9999"\n')
    with pytest.raises(EmulatorNotStarted) as e:
        Emulator.start(binary=os.environ.get("MKTO_BIN", "mkto"), scenario=bad)
    assert "9999" in str(e.value)
