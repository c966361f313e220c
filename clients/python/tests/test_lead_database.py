"""marketorestpython's Lead Database calls beyond sync and get (lists, merge, associate, push, partitions,
deleted leads, submit form, custom activities) against `mkto serve`, unmodified."""

COOKIE = "id:287-GTJ-838&token:_mch-marketo.com-1396310362214-46169"


def leads(prefix, n):
    return [{"email": f"{prefix}{i}@example.com", "firstName": f"F{i}"} for i in range(n)]


def test_lists(mc, mkto):
    mkto.seed({"lists": [{"id": 1001, "name": "Newsletter", "programName": "Q1"},
                           {"id": 1002, "name": "Webinar"}]})
    lists = mc.get_multiple_lists()
    assert [l["id"] for l in lists] == [1001, 1002]
    assert mc.get_multiple_lists(name=["Webinar"])[0]["id"] == 1002
    assert mc.get_multiple_lists(id=[1001])[0]["programName"] == "Q1"


def test_merge_and_associate(mc):
    ids = [r["id"] for r in mc.create_update_leads(leads("m", 3))]
    mc.merge_lead(ids[0], ids[1:])
    assert mc.get_lead_by_id(ids[1]) == []
    mc.associate_lead(ids[0], COOKIE)
    found = mc.get_multiple_leads_by_filter_type("cookies", [COOKIE])
    assert found[0]["id"] == ids[0]


def test_push_and_submit_form(mc):
    pushed = mc.push_lead(leads("p", 2), "Big Launch", source="Site", reason="Pricing")
    assert [r["status"] for r in pushed] == ["created", "created"]
    submitted = mc.submit_form(1029, {"leadFormFields": {"email": "form@example.com", "firstName": "F"}})
    assert submitted[0]["status"] == "created"


def test_partitions_and_deleted_leads(mc):
    partitions = mc.get_lead_partitions()
    assert partitions[0]["name"] == "Default"
    ids = [r["id"] for r in mc.create_update_leads(leads("d", 2))]
    moved = mc.update_leads_partition([{"id": ids[0], "partitionName": "Default"}])
    assert moved[0]["status"] == "updated"
    mc.delete_lead(ids)
    deleted = mc.get_deleted_leads(sinceDatetime="2000-01-01")
    assert sorted(a["leadId"] for a in deleted) == sorted(ids)


def test_custom_activities(mc):
    ids = [r["id"] for r in mc.create_update_leads(leads("c", 1))]
    created = mc.create_custom_activity_type("attendConference", "Attend Conference", "Attends",
                                             "Attended", "conferenceName", "Conference Name")
    assert created[0]["status"] == "draft"
    mc.create_custom_activity_type_attribute("attendConference",
                                             [{"apiName": "room", "name": "Room", "dataType": "string"}])
    approved = mc.approve_custom_activity_type("attendConference")
    assert approved[0]["status"] == "approved"
    type_id = approved[0]["id"]
    assert mc.describe_custom_activity_type("attendConference", draft=True)[0]["apiName"] == "attendConference"
    assert mc.get_custom_activity_types()[0]["id"] == type_id
    added = mc.add_custom_activities([{"leadId": ids[0], "activityDate": "2026-03-09T10:00:00Z",
                                       "activityTypeId": type_id, "primaryAttributeValue": "RustConf",
                                       "attributes": [{"apiName": "room", "value": "A1"}]}])
    assert added[0]["status"] == "added"
    activities = mc.get_lead_activities(activityTypeIds=[str(type_id)], sinceDatetime="2000-01-01")
    assert activities[0]["primaryAttributeValue"] == "RustConf"
    mc.delete_custom_activity_type("attendConference")
    assert mc.get_custom_activity_types() == []
