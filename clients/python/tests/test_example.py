"""An example of testing an integration against the emulator with the `mkto` fixture: marketorestpython (the
most used Python Marketo client) meets an injected fault, seeded data and the request log."""

import pytest


def test_the_request_log_shows_what_a_retry_sent(mc, mkto):
    """marketorestpython retries a 604, but its retry goes out without the access token (the first attempt
    pops the token from the call's arguments), so Marketo answers 600. The request log shows it."""
    rule = mkto.admin.add_fault({"method": "POST", "path": "/rest/v1/leads.json", "error": "604", "times": 1})

    with pytest.raises(Exception) as failed:
        mc.create_update_leads([{"email": "retry@example.com"}])

    assert "600" in str(failed.value)
    syncs = mkto.calls(path="/rest/v1/leads.json")
    assert [c["code"] for c in syncs] == [604, 600]
    assert syncs[0]["fault"] == rule
    assert syncs[0]["request_headers"]["authorization"] == "Bearer [redacted]"
    assert "authorization" not in syncs[1]["request_headers"]
    assert "retry@example.com" in syncs[1]["request_body"]["text"]
    assert mkto.admin.fault(rule)["fired"] == 1


def test_list_membership_shows_in_the_data_view(mc, mkto):
    mkto.seed({"lists": [{"id": 1001, "name": "Newsletter"}]})
    ids = [r["id"] for r in mc.create_update_leads([{"email": "a@example.com"}, {"email": "b@example.com"}])]

    mc.add_leads_to_list(1001, ids[1:])

    members = mkto.admin.data("memberships", list_id=1001)
    assert members["items"] == [{"listId": 1001, "leadId": ids[1]}]
    assert mkto.admin.data()["activities"] == 3  # two New Lead, one Add to List
    assert mkto.admin.usage()["today"] == len(mkto.calls(path="/rest/"))  # the data view counted nothing
