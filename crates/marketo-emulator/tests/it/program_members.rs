//! Program members over HTTP: describe, the member field schema, status sync with the channel's progression
//! (1025, 1037 from their causes), member data, reads, deletes, and the membership calls of the Leads tag.

use crate::support::*;
use serde_json::{json, Value};

/// An Event program (Tradeshow channel: Invited 10, Registered 20, No Show 30, Attended 40 success) and a
/// Default one (Content channel), both ids known (1001, 1002).
pub const PROGRAMS: &str = r#"
[[seed.programs]]
name = "Summit"
folder = "/Marketing Activities/Default"
type = "Event"
channel = "Tradeshow"

[[seed.programs]]
name = "Guide"
folder = "/Marketing Activities/Default"
channel = "Content"
"#;

pub const SUMMIT: i64 = 1001;
pub const GUIDE: i64 = 1002;

/// An emulator with [`PROGRAMS`] and leads 1, 2, 3.
pub async fn with_programs() -> Env {
    with_programs_and(PROGRAMS).await
}

/// An emulator seeded with `toml` and leads 1, 2, 3.
pub async fn with_programs_and(toml: &str) -> Env {
    let env = start_with_toml(toml).await;
    let r = env
        .post_json(
            "/rest/v1/leads.json",
            &json!({"input": [{"email": "a@example.com"}, {"email": "b@example.com"},
                              {"email": "c@example.com"}]}),
        )
        .await;
    assert_success(&r);
    env
}

pub async fn set_status(env: &Env, program: i64, status: &str, leads: &[i64]) -> Vec<Value> {
    let input: Vec<Value> = leads.iter().map(|l| json!({"leadId": l})).collect();
    let r = env
        .post_json(
            &format!("/rest/v1/programs/{program}/members/status.json"),
            &json!({"statusName": status, "input": input}),
        )
        .await;
    assert_success(&r)
}

/// The activities of `type_id` since the start.
pub async fn activities_of(env: &Env, type_id: i64) -> Vec<Value> {
    let r = env
        .get("/rest/v1/activities/pagingtoken.json?sinceDatetime=2000-01-01")
        .await;
    let token = r.json["nextPageToken"].as_str().unwrap().to_owned();
    let r = env
        .get(&format!(
            "/rest/v1/activities.json?activityTypeIds={type_id}&nextPageToken={token}"
        ))
        .await;
    assert_success(&r)
}

#[tokio::test]
async fn describe_program_member_lists_standard_and_searchable_fields() {
    let env = with_programs().await;
    let r = env.get("/rest/v1/programs/members/describe.json").await;
    let d = &assert_success(&r)[0];
    assert_eq!(d["name"], "API Program Membership");
    assert_eq!(d["dedupeFields"], json!(["leadId", "programId"]));
    assert_eq!(
        d["searchableFields"],
        json!([["leadId"], ["reachedSuccess"], ["statusName"]])
    );
    let fields = d["fields"].as_array().unwrap();
    assert_eq!(fields.len(), 19);
    assert_eq!(
        fields[12],
        json!({"name": "statusName", "displayName": "statusName", "dataType": "string", "length": 255,
               "updateable": false, "crmManaged": false})
    );
    let legacy = env.get("/rest/v1/program/members/describe.json").await;
    assert_eq!(assert_success(&legacy)[0]["fields"], d["fields"]);
}

#[tokio::test]
async fn create_get_and_browse_program_member_fields() {
    let env = with_programs().await;
    let r = env
        .post_json(
            "/rest/v1/programs/members/schema/fields.json",
            &json!({"input": [
                {"displayName": "Lunch Choice", "name": "lunchChoice", "dataType": "string"},
                {"displayName": "Status", "name": "statusName", "dataType": "string"},
                {"displayName": "Bad", "name": "1bad", "dataType": "string"}
            ]}),
        )
        .await;
    assert_eq!(
        Value::Array(assert_success(&r)),
        json!([
            {"name": "lunchChoice", "status": "created"},
            {"name": "statusName", "status": "skipped",
             "reasons": [{"code": "1017", "message": "Object already exists"}]},
            {"name": "1bad", "status": "skipped",
             "reasons": [{"code": "1003", "message": "Invalid value for field 'name'"}]}
        ])
    );
    let r = env
        .get("/rest/v1/programs/members/schema/fields/lunchChoice.json")
        .await;
    let f = &assert_success(&r)[0];
    assert_eq!(f["isCustom"], true);
    assert_eq!(f["displayName"], "Lunch Choice");
    let r = env
        .get("/rest/v1/programs/members/schema/fields.json?batchSize=15")
        .await;
    assert_eq!(assert_success(&r).len(), 15);
    assert_eq!(r.json["moreResult"], true);
    let token = r.json["nextPageToken"].as_str().unwrap();
    let r = env
        .get(&format!(
            "/rest/v1/programs/members/schema/fields.json?nextPageToken={token}"
        ))
        .await;
    let rest = assert_success(&r);
    assert_eq!(rest.len(), 5);
    assert_eq!(rest[4]["name"], "lunchChoice");
    let r = env
        .get("/rest/v1/programs/members/schema/fields/nope.json")
        .await;
    assert_marketo_error(&r, 1006, "Field 'nope' not found");
}

#[tokio::test]
async fn update_program_member_field_changes_a_custom_field_only() {
    let env = with_programs().await;
    env.post_json(
        "/rest/v1/programs/members/schema/fields.json",
        &json!({"input": [{"displayName": "Lunch", "name": "lunch", "dataType": "string"}]}),
    )
    .await;
    let r = env
        .post_json(
            "/rest/v1/programs/members/schema/fields/lunch.json",
            &json!({"input": [{"displayName": "Lunch Preference", "description": "food"}]}),
        )
        .await;
    assert_eq!(
        Value::Array(assert_success(&r)),
        json!([{"name": "lunch", "status": "updated"}])
    );
    let r = env
        .get("/rest/v1/programs/members/schema/fields/lunch.json")
        .await;
    assert_eq!(assert_success(&r)[0]["displayName"], "Lunch Preference");
    let r = env
        .post_json(
            "/rest/v1/programs/members/schema/fields/statusName.json",
            &json!({"input": [{"displayName": "State"}]}),
        )
        .await;
    assert_eq!(assert_success(&r)[0]["status"], "skipped");
}

#[tokio::test]
async fn sync_program_member_status_creates_updates_and_records_change_status() {
    let env = with_programs().await;
    let r = set_status(&env, SUMMIT, "Registered", &[1, 999]).await;
    assert_eq!(
        Value::Array(r),
        json!([
            {"seq": 0, "status": "created", "leadId": 1},
            {"seq": 1, "status": "skipped", "reasons": [{"code": "1004", "message": "Lead not found"}]}
        ])
    );
    let r = set_status(&env, SUMMIT, "Attended", &[1]).await;
    assert_eq!(r[0], json!({"seq": 0, "status": "updated", "leadId": 1}));
    let acts = activities_of(&env, 104).await;
    assert_eq!(acts.len(), 2);
    assert_eq!(acts[1]["primaryAttributeValueId"], SUMMIT);
    assert_eq!(acts[1]["primaryAttributeValue"], "Summit");
    let attrs: Vec<(String, Value)> = acts[1]["attributes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| (a["name"].as_str().unwrap().to_owned(), a["value"].clone()))
        .collect();
    assert!(attrs.contains(&("New Status".into(), json!("Attended"))));
    assert!(attrs.contains(&("Old Status".into(), json!("Registered"))));
    assert!(attrs.contains(&("Success".into(), json!(true))));
}

#[tokio::test]
async fn code_1025_status_not_in_the_programs_channel() {
    let env = with_programs().await;
    let r = env
        .post_json(
            &format!("/rest/v1/programs/{GUIDE}/members/status.json"),
            &json!({"statusName": "Attended", "input": [{"leadId": 1}]}),
        )
        .await;
    assert_marketo_error(&r, 1025, "Program status not found");
    let r = env
        .post_json(
            &format!("/rest/v1/leads/programs/{GUIDE}/status.json"),
            &json!({"status": "Not in Program", "input": [{"id": 1}]}),
        )
        .await;
    assert_marketo_error(&r, 1025, "Program status not found");
}

#[tokio::test]
async fn code_1037_lead_already_in_or_past_the_status() {
    let env = with_programs().await;
    set_status(&env, SUMMIT, "Attended", &[1]).await;
    set_status(&env, SUMMIT, "Registered", &[2]).await;
    let r = set_status(&env, SUMMIT, "No Show", &[1, 2]).await;
    assert_eq!(
        Value::Array(r),
        json!([
            {"seq": 0, "status": "skipped", "reasons": [{"code": "1037",
              "message": "Lead skipped because it is already in or past this status"}]},
            {"seq": 1, "status": "updated", "leadId": 2}
        ])
    );
    let r = set_status(&env, SUMMIT, "No Show", &[2]).await;
    assert_eq!(r[0]["reasons"][0]["code"], "1037");
}

#[tokio::test]
async fn sync_program_member_data_updates_members_only() {
    let env = with_programs().await;
    env.post_json(
        "/rest/v1/programs/members/schema/fields.json",
        &json!({"input": [{"displayName": "Lunch", "name": "lunch", "dataType": "string"}]}),
    )
    .await;
    set_status(&env, SUMMIT, "Registered", &[1]).await;
    let r = env
        .post_json(
            &format!("/rest/v1/programs/{SUMMIT}/members.json"),
            &json!({"input": [
                {"leadId": 1, "registrationCode": "abc", "lunch": "fish"},
                {"leadId": 2, "registrationCode": "def"},
                {"leadId": 1, "statusName": "Attended"}
            ]}),
        )
        .await;
    assert_eq!(
        Value::Array(assert_success(&r)),
        json!([
            {"seq": 0, "status": "updated", "leadId": 1},
            {"seq": 1, "status": "skipped", "reasons": [{"code": "1013", "message": "Membership not found"}]},
            {"seq": 2, "status": "skipped", "reasons": [{"code": "1003", "message": "Invalid data"}]}
        ])
    );
    let r = env
        .get(&format!(
            "/rest/v1/programs/{SUMMIT}/members.json?filterType=leadId&filterValues=1&fields=registrationCode,lunch,statusName"
        ))
        .await;
    assert_eq!(
        assert_success(&r)[0],
        json!({"seq": 0, "registrationCode": "abc", "lunch": "fish", "statusName": "Registered"})
    );
}

#[tokio::test]
async fn get_program_members_filters_and_pages() {
    let env = with_programs().await;
    set_status(&env, SUMMIT, "Registered", &[1, 2, 3]).await;
    set_status(&env, SUMMIT, "Attended", &[3]).await;
    let path = format!("/rest/v1/programs/{SUMMIT}/members.json");
    let r = env
        .get(&format!(
            "{path}?filterType=statusName&filterValues=Registered&batchSize=1"
        ))
        .await;
    assert_eq!(
        Value::Array(assert_success(&r)),
        json!([{"seq": 0, "leadId": 1, "reachedSuccess": false, "programId": SUMMIT,
                "acquiredBy": false, "membershipDate": "2026-03-10T15:00:00Z"}])
    );
    assert_eq!(r.json["moreResult"], true);
    let token = r.json["nextPageToken"].as_str().unwrap();
    let r = env
        .get(&format!(
            "{path}?filterType=statusName&filterValues=Registered&batchSize=1&nextPageToken={token}"
        ))
        .await;
    assert_eq!(assert_success(&r)[0]["leadId"], 2);
    assert_eq!(r.json["moreResult"], false);
    let r = env
        .get(&format!(
            "{path}?filterType=reachedSuccess&filterValues=true"
        ))
        .await;
    assert_eq!(assert_success(&r).len(), 1);
    let r = env
        .get(&format!(
            "{path}?filterType=updatedAt&startAt=2026-03-10T00:00:00Z&endAt=2026-03-11T00:00:00Z"
        ))
        .await;
    assert_eq!(assert_success(&r).len(), 3);
    let r = env
        .get(&format!(
            "{path}?filterType=updatedAt&startAt=2026-03-01T00:00:00Z&endAt=2026-03-11T00:00:00Z"
        ))
        .await;
    assert_marketo_error(&r, 1003, "Invalid data");
    let r = env
        .get(&format!("{path}?filterType=program&filterValues=x"))
        .await;
    assert_marketo_error(&r, 1011, "Field 'program' not supported");
}

#[tokio::test]
async fn delete_program_members_deletes_and_skips_leads_not_in_program() {
    let env = with_programs().await;
    set_status(&env, SUMMIT, "Registered", &[1]).await;
    let r = env
        .post_json(
            &format!("/rest/v1/programs/{SUMMIT}/members/delete.json"),
            &json!({"input": [{"leadId": 1}, {"leadId": 2}]}),
        )
        .await;
    assert_eq!(
        Value::Array(assert_success(&r)),
        json!([
            {"seq": 0, "status": "deleted", "leadId": 1},
            {"seq": 1, "status": "skipped", "reasons": [{"code": "1037", "message": "Lead not in program"}]}
        ])
    );
    let r = env
        .get(&format!(
            "/rest/v1/programs/{SUMMIT}/members.json?filterType=leadId&filterValues=1,2"
        ))
        .await;
    assert!(assert_success(&r).is_empty());
}

#[tokio::test]
async fn get_leads_by_program_id_includes_each_membership() {
    let env = with_programs().await;
    set_status(&env, SUMMIT, "Attended", &[2]).await;
    let r = env
        .get(&format!(
            "/rest/v1/leads/programs/{SUMMIT}.json?fields=email,membership"
        ))
        .await;
    let leads = assert_success(&r);
    assert_eq!(leads.len(), 1);
    assert_eq!(leads[0]["id"], 2);
    assert_eq!(leads[0]["email"], "b@example.com");
    let m = &leads[0]["membership"];
    assert_eq!(m["progressionStatus"], "Attended");
    assert_eq!(m["reachedSuccess"], true);
    assert_eq!(m["membershipDate"], "2026-03-10T15:00:00Z");
    let r = env.get("/rest/v1/leads/programs/4242.json").await;
    assert_marketo_error(&r, 1013, "Object not found");
}

#[tokio::test]
async fn change_lead_program_status_updates_and_skips_with_ids() {
    let env = with_programs().await;
    set_status(&env, SUMMIT, "Attended", &[1]).await;
    let r = env
        .post_json(
            &format!("/rest/v1/leads/programs/{SUMMIT}/status.json"),
            &json!({"status": "Registered", "input": [{"id": 1}, {"id": 2}]}),
        )
        .await;
    assert_eq!(
        Value::Array(assert_success(&r)),
        json!([
            {"id": 1, "status": "skipped", "reasons": [{"code": "1037",
              "message": "Lead skipped because it is already in or past this status"}]},
            {"id": 2, "status": "updated"}
        ])
    );
}

#[tokio::test]
async fn get_programs_by_lead_id_lists_the_leads_memberships() {
    let env = with_programs().await;
    set_status(&env, SUMMIT, "Registered", &[1]).await;
    set_status(&env, GUIDE, "Engaged", &[1]).await;
    let r = env.get("/rest/v1/leads/1/programMembership.json").await;
    let programs = assert_success(&r);
    assert_eq!(programs.len(), 2);
    assert_eq!(
        programs[0],
        json!({"id": SUMMIT, "progressionStatus": "Registered", "isExhausted": false,
               "acquiredBy": false, "reachedSuccess": false,
               "membershipDate": "2026-03-10T15:00:00Z", "updatedAt": "2026-03-10T15:00:00Z"})
    );
    let r = env
        .get(&format!(
            "/rest/v1/leads/1/programMembership.json?filterType=id&filterValues={GUIDE}"
        ))
        .await;
    let one = assert_success(&r);
    assert_eq!((one.len(), &one[0]["reachedSuccess"]), (1, &json!(true)));
    let r = env.get("/rest/v1/leads/2/programMembership.json").await;
    assert!(assert_success(&r).is_empty());
}

#[tokio::test]
async fn code_1013_unknown_program() {
    let env = with_programs().await;
    let r = env
        .post_json(
            "/rest/v1/programs/4242/members/status.json",
            &json!({"statusName": "Registered", "input": [{"leadId": 1}]}),
        )
        .await;
    assert_marketo_error(&r, 1013, "Object not found");
}
