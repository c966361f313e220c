"""marketorestpython's program member and campaign calls (Describe Program Member, Change Lead Program Status,
Sync Program Member Data, Get Leads by Program Id, Get Campaigns, Get Campaign by Id, Request Campaign, Schedule
Campaign) against `mkto serve`, unmodified: reads go as POST with `_method=GET` and a form body, writes as
JSON."""

import pytest
from marketorestpython.client import MarketoException

SEED = {
    "programs": [{"name": "Py Summit", "folder": "/Marketing Activities/Default", "type": "Event",
                  "channel": "Tradeshow"}],
    "smartCampaigns": [
        {"name": "Py Welcome", "folder": "/Marketing Activities/Default/Py Summit",
         "triggers": ["Campaign is Requested"], "flow": ["Send Email"], "isRequestable": True},
        {"name": "Py Reminder", "folder": "/Marketing Activities/Default/Py Summit", "flow": ["Send Email"]},
    ],
}


@pytest.fixture()
def summit(mc, mkto):
    mkto.seed(SEED)
    program = mc.get_program_by_name("Py Summit")[0]["id"]
    leads = [r["id"] for r in mc.create_update_leads([{"email": "pm1@example.com"}, {"email": "pm2@example.com"}])]
    return program, leads


def test_program_members(mc, summit):
    program, leads = summit
    fields = mc.describe_program_member()[0]["fields"]
    assert "registrationCode" in [f["name"] for f in fields]
    changed = mc.change_lead_program_status(program, leads, "Registered")
    assert changed == [{"id": leads[0], "status": "updated"}, {"id": leads[1], "status": "updated"}]
    again = mc.change_lead_program_status(program, leads[:1], "Invited")
    assert again[0]["status"] == "skipped" and again[0]["reasons"][0]["code"] == "1037"
    data = mc.sync_program_member_data(program, [{"leadId": leads[0], "registrationCode": "abc"}])
    assert data == [{"seq": 0, "status": "updated", "leadId": leads[0]}]
    members = mc.get_multiple_leads_by_program_id(program, fields="email,firstName", batchSize=1)
    assert [m["email"] for m in members] == ["pm1@example.com", "pm2@example.com"]
    assert members[0]["membership"]["progressionStatus"] == "Registered"
    with pytest.raises(MarketoException) as refused:
        mc.change_lead_program_status(program, leads, "Engaged")
    assert refused.value.code == "1025"


def test_campaigns(mc, summit):
    program, leads = summit
    campaigns = mc.get_multiple_campaigns(programName="Py Summit")
    assert sorted(c["name"] for c in campaigns) == ["Py Reminder", "Py Welcome"]
    by_name = {c["name"]: c["id"] for c in campaigns}
    welcome, reminder = by_name["Py Welcome"], by_name["Py Reminder"]
    assert mc.get_multiple_campaigns(id=[reminder])[0]["type"] == "batch"
    assert mc.get_campaign_by_id(welcome)[0]["programId"] == program
    assert mc.activate_smart_campaign(welcome) == [{"id": welcome}]
    assert mc.request_campaign(welcome, leads, tokens={"my.message": "hello"}) is True
    assert mc.schedule_campaign(reminder) is True
    assert mc.schedule_campaign(reminder, runAt="2026-01-01T00:00:00Z", cloneToProgramName="Py Summit 2",
                                tokens={"my.message": "later"}) is True
    with pytest.raises(MarketoException) as refused:
        mc.request_campaign(reminder, leads)
    assert refused.value.code == "1003"


def test_program_member_export(mc, mkto, summit):
    program, leads = summit
    mc.change_lead_program_status(program, leads, "Registered")
    job = mc.create_program_members_export_job(fields=["leadId", "statusName"],
                                               filters={"programId": program})[0]
    assert job["status"] == "Created"
    assert mc.enqueue_program_members_export_job(job["exportId"])[0]["status"] == "Queued"
    mkto.admin.advance_clock(60)
    assert mc.get_program_members_export_job_status(job["exportId"])[0]["status"] == "Completed"
    text = mc.get_program_members_export_job_file(job["exportId"]).decode()
    assert text.splitlines() == ["leadId,statusName", f"{leads[0]},Registered", f"{leads[1]},Registered"]
    assert [j["exportId"] for j in mc.get_program_members_export_jobs_list()] == [job["exportId"]]
