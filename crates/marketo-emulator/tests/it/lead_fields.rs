//! The lead field schema through the API: created fields are seen at once by describe and Sync Leads, kept
//! across a restart, forgotten by a reset.

use crate::support::*;
use serde_json::{json, Value};

const FIELDS: &str = "/rest/v1/leads/schema/fields.json";

fn new_fields() -> Value {
    json!({"input": [
        {"displayName": "Acme Access Code", "name": "acmeAccessCode", "dataType": "string",
         "description": "Acme Direct Mail Integration"},
        {"displayName": "Acme Mail Date", "name": "acmeMailDate", "dataType": "date"}
    ]})
}

#[tokio::test]
async fn create_lead_fields_are_seen_by_describe_and_sync_at_once() {
    let env = start().await;
    let r = env.post_json(FIELDS, &new_fields()).await;
    assert_eq!(
        Value::Array(assert_success(&r)),
        json!([{"name":"acmeAccessCode","status":"created"},{"name":"acmeMailDate","status":"created"}])
    );
    let describe = assert_success(&env.get("/rest/v1/leads/describe.json").await);
    assert!(describe
        .iter()
        .any(|f| f["rest"]["name"] == "acmeAccessCode"));
    let synced = assert_success(
        &env.post_json(
            "/rest/v1/leads.json",
            &json!({"input": [{"email": "a@example.com", "acmeAccessCode": "X1", "acmeMailDate": "2026-01-02"}]}),
        )
        .await,
    );
    assert_eq!(synced[0]["status"], "created");
    // A string custom field is searchable.
    let found = assert_success(
        &env.get(
            "/rest/v1/leads.json?filterType=acmeAccessCode&filterValues=X1&fields=acmeMailDate",
        )
        .await,
    );
    assert_eq!(found[0]["acmeMailDate"], "2026-01-02");
}

#[tokio::test]
async fn get_lead_field_by_name_and_get_lead_fields_paged() {
    let env = start().await;
    env.post_json(FIELDS, &new_fields()).await;
    let r = env
        .get("/rest/v1/leads/schema/fields/acmeAccessCode.json")
        .await;
    assert_eq!(
        assert_success(&r)[0],
        json!({"displayName":"Acme Access Code","name":"acmeAccessCode","description":"Acme Direct Mail Integration",
               "dataType":"string","length":255,"isHidden":false,"isHtmlEncodingInEmail":true,
               "isSensitive":false,"isCustom":true,"isApiCreated":true})
    );
    let email = assert_success(&env.get("/rest/v1/leads/schema/fields/email.json").await);
    assert_eq!(email[0]["isCustom"], false);
    let r = env.get("/rest/v1/leads/schema/fields/nope.json").await;
    assert_marketo_error(&r, 1006, "Field 'nope' not found");
    let first = env.get(&format!("{FIELDS}?batchSize=5")).await;
    assert_eq!(assert_success(&first).len(), 5);
    assert_eq!(first.json["moreResult"], true);
    let mut token = first.json["nextPageToken"].as_str().unwrap().to_owned();
    let mut seen = 5;
    for _ in 0..200 {
        let page = env
            .get(&format!("{FIELDS}?batchSize=50&nextPageToken={token}"))
            .await;
        seen += assert_success(&page).len();
        match page.json["nextPageToken"].as_str() {
            Some(t) => token = t.to_owned(),
            None => break,
        }
    }
    let describe = assert_success(&env.get("/rest/v1/leads/describe.json").await);
    assert_eq!(seen, describe.len(), "every field once");
}

#[tokio::test]
async fn create_lead_fields_skips_duplicates_and_invalid_fields_in_order() {
    let env = start().await;
    let r = env
        .post_json(
            FIELDS,
            &json!({"input": [
                {"displayName": "Email Again", "name": "email", "dataType": "string"},
                {"displayName": "Bad", "name": "9bad", "dataType": "string"},
                {"displayName": "Typed", "name": "typed", "dataType": "spreadsheet"},
                {"displayName": "Fine", "name": "fine", "dataType": "integer"}
            ]}),
        )
        .await;
    let result = assert_success(&r);
    assert_eq!(result[0]["reasons"][0]["code"], "1017");
    assert_eq!(
        result[1]["reasons"][0]["message"],
        "Invalid value for field 'name'"
    );
    assert_eq!(
        result[2]["reasons"][0]["message"],
        "Invalid value for field 'dataType'"
    );
    assert_eq!(result[3], json!({"name": "fine", "status": "created"}));
}

#[tokio::test]
async fn update_lead_field_changes_what_the_api_may_change() {
    let env = start().await;
    env.post_json(FIELDS, &new_fields()).await;
    let r = env
        .post_json(
            "/rest/v1/leads/schema/fields/acmeAccessCode.json",
            &json!({"input": [{"displayName": "Access Code", "isHidden": true, "isSensitive": true}]}),
        )
        .await;
    assert_eq!(
        assert_success(&r)[0],
        json!({"name": "acmeAccessCode", "status": "updated"})
    );
    let f = assert_success(
        &env.get("/rest/v1/leads/schema/fields/acmeAccessCode.json")
            .await,
    );
    assert_eq!(f[0]["displayName"], "Access Code");
    assert_eq!(f[0]["isHidden"], true);
    // A standard field keeps its display name.
    let r = env
        .post_json(
            "/rest/v1/leads/schema/fields/firstName.json",
            &json!({"input": [{"displayName": "Given Name"}]}),
        )
        .await;
    assert_eq!(assert_success(&r)[0]["status"], "skipped");
}

#[tokio::test]
async fn created_fields_survive_a_restart_and_a_reset_forgets_them() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("emu.sqlite");
    let env = start_with(|b| b.db_path(&db)).await;
    env.post_json(FIELDS, &new_fields()).await;
    env.emu.shutdown().await;
    let env = start_with(|b| b.db_path(&db)).await;
    let r = env
        .get("/rest/v1/leads/schema/fields/acmeMailDate.json")
        .await;
    assert_eq!(assert_success(&r)[0]["dataType"], "date");
    env.emu.reset();
    let r = env
        .get("/rest/v1/leads/schema/fields/acmeMailDate.json")
        .await;
    assert_marketo_error(&r, 1006, "Field 'acmeMailDate' not found");
}
