"""marketorestpython's company, opportunity, opportunity role, sales person, named account and custom object
methods (records, types, and the bulk export of records) against `mkto serve`, unmodified."""


def test_companies(mc):
    assert mc.describe_company()[0]["dedupeFields"] == ["externalCompanyId"]
    made = mc.create_update_companies([{"externalCompanyId": "acme", "company": "Acme"},
                                       {"externalCompanyId": "globex", "company": "Globex"}])
    assert [r["status"] for r in made] == ["created", "created"]
    again = mc.create_update_companies([{"externalCompanyId": "acme", "company": "Acme"}], action="createOnly")
    assert again[0]["reasons"][0]["code"] == "1017"
    got = mc.get_companies("externalCompanyId", ["acme", "globex"], fields=["company"])
    assert sorted(c["company"] for c in got) == ["Acme", "Globex"]
    gone = mc.delete_companies([{"externalCompanyId": "globex"}])
    assert gone[0]["status"] == "deleted"
    assert mc.get_companies("externalCompanyId", ["globex"]) == []


def test_sales_persons_opportunities_and_roles(mc):
    assert mc.describe_sales_person()[0]["dedupeFields"] == ["externalSalesPersonId"]
    person = mc.create_update_sales_persons([{"externalSalesPersonId": "sp1", "email": "rep@example.com"}])
    assert person[0]["status"] == "created"
    deal = mc.create_update_opportunities([{"externalOpportunityId": "o1", "name": "Big deal",
                                            "externalSalesPersonId": "sp1"}])
    assert deal[0]["status"] == "created"
    assert mc.describe_opportunity()[0]["dedupeFields"] == ["externalOpportunityId"]
    assert mc.get_opportunities("externalOpportunityId", ["o1"])[0]["externalOpportunityId"] == "o1"
    lead = mc.create_update_leads([{"email": "buyer@example.com"}])[0]["id"]
    role = mc.create_update_opportunities_roles([{"externalOpportunityId": "o1", "leadId": lead,
                                                  "role": "Decision maker"}])
    assert role[0]["status"] == "created"
    assert "leadId" in [f["name"] for f in mc.describe_opportunity_role()[0]["fields"]]
    roles = mc.get_opportunity_roles("externalOpportunityId", ["o1"])
    assert roles[0]["leadId"] == lead
    in_use = mc.delete_sales_persons([{"externalSalesPersonId": "sp1"}])
    assert in_use[0]["reasons"][0]["code"] == "1022"
    assert mc.delete_opportunity_roles([{"marketoGUID": roles[0]["marketoGUID"]}], deleteBy="idField")[0][
        "status"] == "deleted"


def test_named_accounts(mc):
    assert "name" in [f["name"] for f in mc.describe_named_accounts()[0]["fields"]]
    pages = list(mc.get_named_accounts("name", ["nobody"]))
    assert pages == [[]]
    assert list(mc.get_named_account_lists("name", ["nothing"])) == [[]]


def test_custom_object_types_records_and_bulk_export(mc):
    # The docs answer a type change with an empty result.
    assert mc.create_update_custom_object_type("car_c", "Car", description="Cars") == []
    assert mc.describe_custom_object_type("car_c")[0]["state"] == "draft"
    mc.add_field_custom_object_type("car_c", [
        {"name": "vin", "displayName": "VIN", "dataType": "string", "isDedupeField": True},
        {"name": "leadId", "displayName": "Lead", "dataType": "link",
         "relatedTo": {"name": "lead", "field": "id"}},
        {"name": "make", "displayName": "Make", "dataType": "string"}])
    mc.approve_custom_object_type("car_c")
    assert mc.get_list_of_custom_objects()[0]["name"] == "car_c"
    assert mc.describe_custom_object("car_c")[0]["dedupeFields"] == ["vin"]
    lead = mc.create_update_leads([{"email": "driver@example.com"}])[0]["id"]
    cars = mc.create_update_custom_objects("car_c", [{"vin": "V1", "leadId": lead, "make": "Volvo"},
                                                     {"vin": "V2", "leadId": lead, "make": "Saab"}])
    assert [c["status"] for c in cars] == ["created", "created"]
    got = mc.get_custom_objects("car_c", [{"vin": "V1"}, {"vin": "V2"}], "dedupeFields", fields=["make"])
    assert sorted(c["make"] for c in got) == ["Saab", "Volvo"]

    job = mc.create_custom_objects_export_job(fields=["vin", "make"], filters={"updatedAt": {
        "startAt": "2000-01-01T00:00:00Z", "endAt": "2000-01-20T00:00:00Z"}}, object_name="car_c")
    assert job[0]["status"] == "Created"
    export_id = job[0]["exportId"]
    assert mc.enqueue_custom_objects_export_job(export_id, object_name="car_c")[0]["status"] == "Queued"
    assert mc.get_custom_objects_export_jobs_list("car_c")[0]["exportId"] == export_id
    assert mc.cancel_custom_objects_export_job(export_id, object_name="car_c")[0]["status"] == "Cancelled"

    gone = mc.delete_custom_objects("car_c", [{"vin": "V2"}], deleteBy="dedupeFields")
    assert gone[0]["status"] == "deleted"
