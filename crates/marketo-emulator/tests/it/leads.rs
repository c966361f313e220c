//! Sync Leads, Get Leads by Filter Type, Get Lead by Id, Delete Leads and Describe over HTTP: one named test per
//! code the lead rules produce, each asserting Marketo's exact body.

use crate::support::*;
use marketo_emulator::config::ApiUser;
use marketo_emulator::EmulatorConfig;
use serde_json::{json, Value};

const SYNC: &str = "/rest/v1/leads.json";

/// Custom fields of the types the recorded 1003 answers name, and a second partition.
pub const CONFIG: &str = r#"
[lead_schema]
partitions = ["Default", "Europe"]
[[lead_schema.custom_fields]]
name = "boolean_field"
display_name = "Boolean Field"
data_type = "boolean"
[[lead_schema.custom_fields]]
name = "integer_field"
display_name = "Integer Field"
data_type = "integer"
[[lead_schema.custom_fields]]
name = "crmKey"
display_name = "CRM Key"
data_type = "string"
"#;

/// An emulator with [`CONFIG`] and the test credentials.
pub async fn start_leads() -> Env {
    let config = EmulatorConfig::from_toml_str(CONFIG).expect("config");
    start_with(|b| b.config(config).credentials(CLIENT_ID, CLIENT_SECRET)).await
}

/// POST a Sync Leads body; the `result` array.
pub async fn sync(env: &Env, body: Value) -> Value {
    Value::Array(assert_success(
        &env.post_json("/rest/v1/leads.json", &body).await,
    ))
}

/// One skipped record without an id, as Marketo sends it for leads.
fn skipped(code: u16, message: &str) -> Value {
    json!({"status": "skipped", "reasons": [{"code": code.to_string(), "message": message}]})
}

#[tokio::test]
async fn code_1003_invalid_value_for_field() {
    let env = start_leads().await;
    let r = sync(
        &env,
        json!({"input": [{"email": "b@example.com", "boolean_field": "maybe"}, {"email": "i@example.com", "integer_field": 14.1}]}),
    )
    .await;
    assert_eq!(
        r,
        json!([
            skipped(1003, "Invalid value for field 'boolean_field'"),
            skipped(1003, "Invalid value for field 'integer_field'")
        ])
    );
}

#[tokio::test]
async fn code_1003_invalid_email() {
    let env = start_leads().await;
    let r = sync(
        &env,
        json!({"input": [{"email": "jörg@example.com"}, {"email": "ok@example.com"}]}),
    )
    .await;
    assert_eq!(
        r,
        json!([skipped(1003, "Invalid value for field 'email'"), {"id": 1, "status": "created"}])
    );
}

#[tokio::test]
async fn code_1003_id_with_create_only() {
    let env = start_leads().await;
    let r = sync(
        &env,
        json!({"action": "createOnly", "input": [{"id": 5, "email": "a@example.com"}]}),
    )
    .await;
    assert_eq!(r, json!([skipped(1003, "Invalid data")]));
}

#[tokio::test]
async fn code_1003_too_many_results_match_the_filter() {
    let env = start_leads().await;
    let leads: Vec<Value> = (0..1001)
        .map(|_| json!({"email": "same@example.com"}))
        .collect();
    env.emu.seed(json!({"leads": leads})).expect("seed");
    let r = env
        .get("/rest/v1/leads.json?filterType=email&filterValues=same@example.com")
        .await;
    assert_marketo_error(&r, 1003, "Too many results match the filter");
}

#[tokio::test]
async fn code_1004_update_only_lead_not_found() {
    let env = start_leads().await;
    let r = sync(
        &env,
        json!({"action": "updateOnly", "input": [{"email": "ghost@example.com"}]}),
    )
    .await;
    assert_eq!(r, json!([skipped(1004, "Lead not found")]));
}

#[tokio::test]
async fn code_1004_delete_unknown_lead() {
    let env = start_leads().await;
    sync(&env, json!({"input": [{"email": "a@example.com"}]})).await;
    let r = env
        .post_json(
            "/rest/v1/leads/delete.json",
            &json!({"input": [{"id": 1}, {"id": 42}]}),
        )
        .await;
    assert_eq!(
        Value::Array(assert_success(&r)),
        json!([
            {"id": 1, "status": "deleted"},
            {"id": 42, "status": "skipped", "reasons": [{"code": "1004", "message": "Lead not found"}]}
        ])
    );
}

#[tokio::test]
async fn code_1005_create_only_lead_exists() {
    let env = start_leads().await;
    let r = sync(
        &env,
        json!({"action": "createOnly", "input": [{"email": "kjashaedd-1@klooblept.com"}, {"email": "kjashaedd-2@klooblept.com"}, {"email": "KJASHAEDD-1@klooblept.com"}]}),
    )
    .await;
    assert_eq!(
        r,
        json!([
            {"id": 1, "status": "created"},
            {"id": 2, "status": "created"},
            skipped(1005, "Lead already exists")
        ])
    );
}

#[tokio::test]
async fn code_1006_field_not_found() {
    let env = start_leads().await;
    let r = sync(
        &env,
        json!({"input": [{"email": "a@example.com", "favouriteColour": "blue"}]}),
    )
    .await;
    assert_eq!(
        r,
        json!([skipped(1006, "Field 'favouriteColour' not found")])
    );
}

#[tokio::test]
async fn code_1006_lookup_field_not_found() {
    let env = start_leads().await;
    let r = env
        .post_json(
            "/rest/v1/leads.json",
            &json!({"lookupField": "userId", "input": [{"email": "a@example.com"}]}),
        )
        .await;
    assert_marketo_error(&r, 1006, "Lookup field 'userId' not found");
}

#[tokio::test]
async fn code_1006_unknown_field_requested() {
    let env = start_leads().await;
    let r = env
        .get("/rest/v1/leads.json?filterType=email&filterValues=a@example.com&fields=email,nope")
        .await;
    assert_marketo_error(&r, 1006, "Field 'nope' not found");
}

#[tokio::test]
async fn code_1007_multiple_leads_match_the_lookup() {
    let env = start_leads().await;
    let r = sync(
        &env,
        json!({"action": "createDuplicate", "input": [{"email": "twin@example.com"}, {"email": "twin@example.com"}]}),
    )
    .await;
    assert_eq!(
        r,
        json!([{"id": 1, "status": "created"}, {"id": 2, "status": "created"}])
    );
    let r = sync(
        &env,
        json!({"input": [{"email": "twin@example.com", "firstName": "T"}]}),
    )
    .await;
    assert_eq!(
        r,
        json!([skipped(1007, "Multiple leads match the lookup criteria")])
    );
}

#[tokio::test]
async fn code_1008_access_denied_to_partition() {
    let env = start_leads().await;
    let r = sync(
        &env,
        json!({"partitionName": "Mars", "input": [{"email": "a@example.com"}]}),
    )
    .await;
    assert_eq!(
        r,
        json!([skipped(1008, "Access denied to partition 'Mars'")])
    );
}

#[tokio::test]
async fn code_1009_partition_name_must_be_specified() {
    let config = EmulatorConfig::from_toml_str(CONFIG).expect("config");
    let europe = ApiUser {
        partitions: Some(vec!["Europe".into()]),
        ..ApiUser::full("europe", "europe-secret")
    };
    let env = start_with(|b| {
        b.config(config)
            .credentials(CLIENT_ID, CLIENT_SECRET)
            .user(europe)
    })
    .await;
    let token = env.token_for("europe", "europe-secret").await;
    let post = |body: Value| {
        env.http
            .post(env.url("/rest/v1/leads.json"))
            .bearer_auth(&token)
            .header("content-type", "application/json")
            .body(body.to_string())
    };
    let r = env
        .send(post(json!({"input": [{"email": "a@example.com"}]})))
        .await;
    assert_eq!(
        Value::Array(assert_success(&r)),
        json!([skipped(1009, "Partition name must be specified")])
    );
    let r = env
        .send(post(
            json!({"partitionName": "Europe", "input": [{"email": "a@example.com"}]}),
        ))
        .await;
    assert_eq!(
        Value::Array(assert_success(&r)),
        json!([{"id": 1, "status": "created"}])
    );
}

#[tokio::test]
async fn code_1010_partition_update_not_allowed() {
    let env = start_leads().await;
    sync(
        &env,
        json!({"partitionName": "Europe", "input": [{"email": "eu@example.com"}]}),
    )
    .await;
    let r = sync(
        &env,
        json!({"partitionName": "Default", "input": [{"email": "eu@example.com", "firstName": "E"}]}),
    )
    .await;
    assert_eq!(r, json!([skipped(1010, "Partition update not allowed")]));
}

#[tokio::test]
async fn code_1011_lookup_field_not_supported() {
    let env = start_leads().await;
    let r = sync(
        &env,
        json!({"lookupField": "firstName", "input": [{"email": "a@example.com", "firstName": "A"}]}),
    )
    .await;
    assert_eq!(r, json!([skipped(1011, "Field 'firstName' not supported")]));
}

#[tokio::test]
async fn code_1011_filter_type_not_supported() {
    let env = start_leads().await;
    let r = env
        .get("/rest/v1/leads.json?filterType=firstName&filterValues=Ann")
        .await;
    assert_marketo_error(&r, 1011, "Field 'firstName' not supported");
}

#[tokio::test]
async fn code_1012_invalid_cookie_value() {
    let env = start_leads().await;
    let r = env
        .get("/rest/v1/leads.json?filterType=cookies&filterValues=not-a-cookie")
        .await;
    assert_marketo_error(&r, 1012, "Invalid cookie value 'not-a-cookie'");
}

#[tokio::test]
async fn code_1021_company_update_not_allowed() {
    let env = start_leads().await;
    let r = sync(
        &env,
        json!({"input": [{"email": "a@example.com", "externalCompanyId": "ACME-1", "company": "Acme"}, {"email": "b@example.com", "company": "Solo"}]}),
    )
    .await;
    assert_eq!(
        r,
        json!([skipped(1021, "Company update not allowed"), {"id": 1, "status": "created"}])
    );
}

#[tokio::test]
async fn reads_use_recorded_field_order_nulls_and_clock_time() {
    let env = start_leads().await;
    sync(
        &env,
        json!({"input": [{"email": "abe@usa.gov", "firstName": "Abraham"}]}),
    )
    .await;
    let r = env.get("/rest/v1/lead/1.json").await;
    // Byte-exact: the recorded key order, unset fields as null, timestamps from the emulator's clock.
    let result = serde_json::to_string(&r.json["result"]).unwrap();
    assert_eq!(
        result,
        r#"[{"id":1,"updatedAt":"2026-03-10T15:00:00Z","lastName":null,"email":"abe@usa.gov","createdAt":"2026-03-10T15:00:00Z","firstName":"Abraham"}]"#
    );
    let r = env
        .get("/rest/v1/leads.json?filterType=email&filterValues=nobody@usa.gov")
        .await;
    assert!(assert_success(&r).is_empty());
    assert!(r.text.contains(r#""result":[]"#), "{}", r.text);
}

#[tokio::test]
async fn filter_pages_with_next_page_token() {
    let env = start_leads().await;
    let input: Vec<Value> = (0..5)
        .map(|i| json!({"email": format!("p{i}@example.com"), "crmKey": "K"}))
        .collect();
    sync(&env, json!({"input": input})).await;
    let mut ids = Vec::new();
    let mut token: Option<String> = None;
    loop {
        let mut path =
            "/rest/v1/leads.json?filterType=crmKey&filterValues=K&batchSize=2&fields=crmKey"
                .to_string();
        if let Some(t) = &token {
            path.push_str(&format!("&nextPageToken={t}"));
        }
        let r = env.get(&path).await;
        for rec in assert_success(&r) {
            ids.push(rec["id"].as_i64().unwrap());
        }
        match r.json["nextPageToken"].as_str() {
            Some(t) => {
                assert_eq!(r.json["moreResult"], true);
                token = Some(t.to_string());
            }
            None => break,
        }
    }
    assert_eq!(ids, vec![1, 2, 3, 4, 5]);
}

#[tokio::test]
async fn describe_and_describe2_shapes() {
    let env = start_leads().await;
    let r = env.get("/rest/v1/leads/describe.json").await;
    let result = assert_success(&r);
    let company = result
        .iter()
        .find(|f| f["rest"]["name"] == "company")
        .unwrap();
    assert_eq!(
        company,
        &json!({"id": 2, "displayName": "Company Name", "dataType": "string", "length": 255,
                "rest": {"name": "company", "readOnly": false}, "soap": {"name": "Company", "readOnly": false}})
    );
    let custom = result
        .iter()
        .find(|f| f["rest"]["name"] == "boolean_field")
        .unwrap();
    assert_eq!(custom["dataType"], "boolean");
    let r = env.get("/rest/v1/leads/describe2.json").await;
    let result = assert_success(&r);
    assert_eq!(result.len(), 1);
    assert_eq!(result[0]["name"], "API Lead");
    let searchable = result[0]["searchableFields"].as_array().unwrap();
    assert!(searchable.contains(&json!(["email"])) && searchable.contains(&json!(["crmKey"])));
    let email = result[0]["fields"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["name"] == "email")
        .unwrap();
    assert_eq!(
        email,
        &json!({"name": "email", "displayName": "Email Address", "dataType": "email", "length": 255,
                "updateable": true, "crmManaged": false})
    );
}

/// The Python client deletes leads with `DELETE /rest/v1/leads.json` and a JSON body; Marketo accepts it as
/// Delete Leads.
#[tokio::test]
async fn delete_leads_by_delete_on_the_leads_resource() {
    let env = start().await;
    let created = assert_success(
        &env.post_json(SYNC, &json!({"input": [{"email": "gone@example.com"}]}))
            .await,
    );
    let id = created[0]["id"].as_i64().unwrap();
    let token = env.token().await;
    let r = env
        .send(
            env.http
                .delete(env.url(SYNC))
                .bearer_auth(&token)
                .header("content-type", "application/json")
                .body(json!({"input": [{"id": id}]}).to_string()),
        )
        .await;
    assert_eq!(
        Value::Array(assert_success(&r)),
        json!([{"id": id, "status": "deleted"}])
    );
    assert!(assert_success(&env.get(&format!("/rest/v1/lead/{id}.json")).await).is_empty());
}

/// Get Leads by Filter Type with `_method=GET` and its parameters in a JSON body.
#[tokio::test]
async fn filter_with_method_get_and_a_json_body() {
    let env = start().await;
    env.post_json(
        SYNC,
        &json!({"input": [{"email": "j@example.com", "firstName": "J"}]}),
    )
    .await;
    let r = env
        .post_json(
            "/rest/v1/leads.json?_method=GET",
            &json!({"filterType": "email", "filterValues": ["j@example.com"], "fields": ["firstName"]}),
        )
        .await;
    let result = assert_success(&r);
    assert_eq!(result.len(), 1, "{}", r.text);
    assert_eq!(result[0]["firstName"], "J");
}
