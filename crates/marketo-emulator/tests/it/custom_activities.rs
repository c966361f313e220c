//! Custom activity types with draft and approved versions, and custom activities read back through the
//! normal activity calls.

use crate::support::*;
use marketo_emulator::EmulatorConfig;
use serde_json::{json, Value};

const TYPES: &str = "/rest/v1/activities/external/type";

fn conference(api: &str) -> Value {
    json!({"apiName": api, "name": format!("Attend {api}"), "description": "Attend the conference",
           "triggerName": format!("Attends {api}"), "filterName": format!("Attended {api}"),
           "primaryAttribute": {"apiName": "conferenceName", "name": "Conference Name", "description": "Name"}})
}

async fn with_limits(max_types: usize, max_attributes: usize) -> Env {
    let mut config = EmulatorConfig::from_toml_str(&format!(
        "[activities]\nmax_custom_types = {max_types}\nmax_custom_attributes = {max_attributes}"
    ))
    .unwrap();
    config.set_default_credentials(CLIENT_ID, CLIENT_SECRET);
    start_with(|b| b.config(config)).await
}

/// A type created, given an attribute and approved.
async fn approved_type(env: &Env) -> i64 {
    let r = env
        .post_json(&format!("{TYPES}.json"), &conference("attendConference"))
        .await;
    let id = assert_success(&r)[0]["id"].as_i64().unwrap();
    env.post_json(
        &format!("{TYPES}/attendConference/attributes/create.json"),
        &json!({"attributes": [{"apiName": "room", "name": "Room", "dataType": "string"}]}),
    )
    .await;
    assert_success(
        &env.post_json(
            &format!("{TYPES}/attendConference/approve.json"),
            &json!({}),
        )
        .await,
    );
    id
}

#[tokio::test]
async fn create_update_approve_discard_and_describe_a_type() {
    let env = start().await;
    let r = env
        .post_json(&format!("{TYPES}.json"), &conference("attendConference"))
        .await;
    let t = &assert_success(&r)[0];
    assert_eq!(t["id"], 100001);
    assert_eq!(t["status"], "draft");
    assert_eq!(t["primaryAttribute"]["dataType"], "string");
    let r = env
        .post_json(
            &format!("{TYPES}/attendConference.json"),
            &json!({"name": "Attend Conference"}),
        )
        .await;
    assert_eq!(assert_success(&r)[0]["name"], "Attend Conference");
    let r = env
        .post_json(
            &format!("{TYPES}/attendConference/approve.json"),
            &json!({}),
        )
        .await;
    assert_eq!(assert_success(&r)[0]["status"], "approved");
    // A change makes a draft beside the approved version; describe shows either.
    env.post_json(
        &format!("{TYPES}/attendConference.json"),
        &json!({"name": "Renamed"}),
    )
    .await;
    let approved = assert_success(
        &env.get(&format!("{TYPES}/attendConference/describe.json"))
            .await,
    );
    assert_eq!(approved[0]["name"], "Attend Conference");
    assert_eq!(approved[0]["status"], "approved with draft");
    let draft = assert_success(
        &env.get(&format!(
            "{TYPES}/attendConference/describe.json?draft=true"
        ))
        .await,
    );
    assert_eq!(draft[0]["name"], "Renamed");
    let r = env
        .post_json(
            &format!("{TYPES}/attendConference/discardDraft.json"),
            &json!({}),
        )
        .await;
    assert_eq!(assert_success(&r)[0]["status"], "approved");
    let r = env
        .post_json(
            &format!("{TYPES}/attendConference/approve.json"),
            &json!({}),
        )
        .await;
    assert_marketo_error(&r, 709, "Business Rule Violation");
    let list = assert_success(&env.get("/rest/v1/activities/external/types.json").await);
    assert_eq!(list.len(), 1);
    let r = env
        .post_json(&format!("{TYPES}/attendConference/delete.json"), &json!({}))
        .await;
    assert_success(&r);
    let r = env
        .get(&format!("{TYPES}/attendConference/describe.json"))
        .await;
    assert_marketo_error(&r, 1013, "Object not found");
}

#[tokio::test]
async fn attributes_create_update_delete() {
    let env = start().await;
    env.post_json(&format!("{TYPES}.json"), &conference("c"))
        .await;
    let attr = |n: &str| json!({"apiName": n, "name": n.to_uppercase(), "dataType": "integer"});
    let r = env
        .post_json(
            &format!("{TYPES}/c/attributes/create.json"),
            &json!({"attributes": [attr("a"), attr("b")]}),
        )
        .await;
    assert_eq!(
        assert_success(&r)[0]["attributes"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
    let r = env
        .post_json(
            &format!("{TYPES}/c/attributes/update.json"),
            &json!({"attributes": [{"apiName": "a", "name": "Renamed", "dataType": "string"}]}),
        )
        .await;
    assert_eq!(assert_success(&r)[0]["attributes"][0]["name"], "Renamed");
    let r = env
        .post_json(
            &format!("{TYPES}/c/attributes/update.json"),
            &json!({"attributes": [attr("zz")]}),
        )
        .await;
    assert_marketo_error(&r, 1013, "Object not found");
    let r = env
        .post_json(
            &format!("{TYPES}/c/attributes/delete.json"),
            &json!({"attributes": [{"apiName": "b"}]}),
        )
        .await;
    assert_eq!(
        assert_success(&r)[0]["attributes"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
}

#[tokio::test]
async fn code_1027_past_the_custom_activity_type_limit() {
    let env = with_limits(2, 20).await;
    for api in ["a", "b"] {
        assert_success(
            &env.post_json(&format!("{TYPES}.json"), &conference(api))
                .await,
        );
    }
    let r = env
        .post_json(&format!("{TYPES}.json"), &conference("c"))
        .await;
    assert_marketo_error(&r, 1027, "Max Activity Type Limit Reached");
}

#[tokio::test]
async fn code_1028_past_the_attribute_limit() {
    let env = with_limits(10, 2).await;
    env.post_json(&format!("{TYPES}.json"), &conference("c"))
        .await;
    let attrs: Vec<Value> = (0..3)
        .map(|i| json!({"apiName": format!("a{i}"), "name": format!("A{i}")}))
        .collect();
    let r = env
        .post_json(
            &format!("{TYPES}/c/attributes/create.json"),
            &json!({"attributes": attrs}),
        )
        .await;
    assert_marketo_error(&r, 1028, "Max field limit reached");
}

#[tokio::test]
async fn add_custom_activities_and_read_them_back() {
    let env = start().await;
    env.post_json(
        "/rest/v1/leads.json",
        &json!({"input": [{"email": "a@example.com"}]}),
    )
    .await;
    let type_id = approved_type(&env).await;
    let activity = |lead: i64, type_id: i64| {
        json!({"leadId": lead, "activityDate": "2026-03-09T10:00:00Z", "activityTypeId": type_id,
               "primaryAttributeValue": "RustConf", "attributes": [{"apiName": "room", "value": "A1"}]})
    };
    let r = env
        .post_json(
            "/rest/v1/activities/external.json",
            &json!({"input": [activity(1, type_id), activity(99, type_id), activity(1, 4242)]}),
        )
        .await;
    let result = assert_success(&r);
    assert_eq!(result[0]["status"], "added");
    assert!(result[0]["id"].is_i64());
    assert_eq!(result[1]["reasons"][0]["code"], "1004");
    assert_eq!(result[2]["reasons"][0]["code"], "1013");
    let token = env
        .get("/rest/v1/activities/pagingtoken.json?sinceDatetime=2026-03-01")
        .await;
    let token = token.json["nextPageToken"].as_str().unwrap().to_owned();
    let acts = assert_success(
        &env.get(&format!(
            "/rest/v1/activities.json?nextPageToken={token}&activityTypeIds={type_id}"
        ))
        .await,
    );
    assert_eq!(acts.len(), 1);
    assert_eq!(acts[0]["primaryAttributeValue"], "RustConf");
    assert_eq!(
        acts[0]["attributes"][0],
        json!({"name": "Room", "value": "A1"})
    );
}

#[tokio::test]
async fn code_1049_attributes_past_65536_bytes() {
    let env = start().await;
    env.post_json(
        "/rest/v1/leads.json",
        &json!({"input": [{"email": "a@example.com"}]}),
    )
    .await;
    let type_id = approved_type(&env).await;
    let big = "x".repeat(70_000);
    let r = env
        .post_json(
            "/rest/v1/activities/external.json",
            &json!({"input": [{"leadId": 1, "activityDate": "2026-03-09T10:00:00Z", "activityTypeId": type_id,
                               "primaryAttributeValue": "P", "attributes": [{"apiName": "room", "value": big}]}]}),
        )
        .await;
    assert_eq!(
        assert_success(&r)[0]["reasons"][0],
        json!({"code": "1049", "message": "Failed to Create Activity"})
    );
}

#[tokio::test]
async fn a_draft_only_type_takes_no_activities_and_reset_forgets_types() {
    let env = start().await;
    env.post_json(
        "/rest/v1/leads.json",
        &json!({"input": [{"email": "a@example.com"}]}),
    )
    .await;
    let r = env
        .post_json(&format!("{TYPES}.json"), &conference("d"))
        .await;
    let id = assert_success(&r)[0]["id"].as_i64().unwrap();
    let r = env
        .post_json(
            "/rest/v1/activities/external.json",
            &json!({"input": [{"leadId": 1, "activityDate": "2026-03-09T10:00:00Z", "activityTypeId": id,
                               "primaryAttributeValue": "P", "attributes": []}]}),
        )
        .await;
    assert_eq!(assert_success(&r)[0]["reasons"][0]["code"], "1013");
    env.emu.reset();
    assert!(assert_success(&env.get("/rest/v1/activities/external/types.json").await).is_empty());
}
