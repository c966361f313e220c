"""The everyday calls of marketorestpython (the most used Python Marketo client) against `mkto serve`, as an
integration would make them. A habit of the client that the emulator refuses fails here."""

import csv
import io
import time


def leads(prefix, n):
    return [{"email": f"{prefix}{i}@example.com", "firstName": f"F{i}"} for i in range(n)]


def test_authenticate(mc):
    mc.authenticate()
    assert mc.token
    assert mc.expires_in > 0


def test_create_update_and_get_leads(mc):
    created = mc.create_update_leads(leads("a", 3), action="createOrUpdate", lookupField="email")
    assert [r["status"] for r in created] == ["created"] * 3
    again = mc.create_update_leads(leads("a", 1))
    assert again[0]["status"] == "updated"
    found = mc.get_multiple_leads_by_filter_type("email", ["a0@example.com", "a1@example.com"], fields=["email", "firstName"])
    assert sorted(r["email"] for r in found) == ["a0@example.com", "a1@example.com"]
    one = mc.get_lead_by_id(created[2]["id"], fields=["email"])
    assert one[0]["email"] == "a2@example.com"


def test_create_only_reports_1005(mc):
    mc.create_update_leads(leads("dup", 1))
    result = mc.create_update_leads(leads("dup", 1), action="createOnly")
    assert result[0]["status"] == "skipped"
    assert result[0]["reasons"][0]["code"] == "1005"


def test_describe(mc):
    fields = mc.describe()
    names = {f["rest"]["name"] for f in fields}
    assert {"email", "firstName", "lastName"} <= names
    assert mc.describe2()[0]["fields"]


def test_static_list_membership(mc, mkto):
    mkto.seed({"lists": [{"id": 1001, "name": "Newsletter"}]})
    ids = [r["id"] for r in mc.create_update_leads(leads("l", 3))]
    added = mc.add_leads_to_list(1001, ids[:2])
    assert [r["status"] for r in added] == ["added", "added"]
    member = mc.member_of_list(1001, ids)  # POST ...ismember.json?_method=GET with a JSON body
    assert [r["status"] for r in member] == ["memberof", "memberof", "notmemberof"]
    in_list = mc.get_multiple_leads_by_list_id(1001, fields=["email"])
    assert sorted(r["email"] for r in in_list) == ["l0@example.com", "l1@example.com"]
    removed = mc.remove_leads_from_list(1001, ids[:1])
    assert removed[0]["status"] == "removed"


def test_delete_lead(mc):
    ids = [r["id"] for r in mc.create_update_leads(leads("d", 2))]
    result = mc.delete_lead(ids)  # DELETE /rest/v1/leads.json with a JSON body
    assert [r["status"] for r in result] == ["deleted", "deleted"]
    assert mc.get_lead_by_id(ids[0]) == []


def test_usage_and_errors(mc):
    mc.create_update_leads(leads("u", 1))
    usage = mc.get_daily_usage()
    assert usage[0]["total"] >= 1
    assert len(mc.get_last_7_days_usage()) == 7
    assert isinstance(mc.get_daily_errors(), list)


def test_activities(mc):
    mc.create_update_leads(leads("act", 2))
    types = mc.get_activity_types()
    assert any(t["id"] == 12 for t in types)
    token = mc.get_paging_token(sinceDatetime="2000-01-01")
    assert token
    activities = mc.get_lead_activities(activityTypeIds=["12"], sinceDatetime="2000-01-01")
    assert len(activities) >= 2
    changes = mc.get_lead_changes(fields=["firstName"], sinceDatetime="2000-01-01")
    assert isinstance(changes, list)


def test_bulk_import(mc, tmp_path):
    path = tmp_path / "leads.csv"
    with open(path, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["email", "firstName"])
        w.writerow(["bulk1@example.com", "B"])
        w.writerow(["not-an-email", "X"])
    batch = mc.import_lead("csv", str(path), lookupField="email")
    batch_id = batch[0]["batchId"]
    status = mc.get_import_lead_status(batch_id)
    assert status[0]["status"] in ("Queued", "Importing", "Complete")
