//! Partitions and Associate Lead over HTTP.

use crate::leads::{start_leads, sync, CONFIG};
use crate::support::*;
use marketo_emulator::config::ApiUser;
use marketo_emulator::EmulatorConfig;
use serde_json::{json, Value};

const PARTITIONS: &str = "/rest/v1/leads/partitions.json";
const COOKIE: &str = "id:287-GTJ-838&token:_mch-marketo.com-1396310362214-46169";

#[tokio::test]
async fn get_lead_partitions() {
    let env = start_leads().await;
    let r = env.get(PARTITIONS).await;
    assert_eq!(
        Value::Array(assert_success(&r)),
        json!([{"id":1,"name":"Default","description":"Default lead partition"},
               {"id":2,"name":"Europe","description":"Europe lead partition"}])
    );
}

#[tokio::test]
async fn update_lead_partition_moves_leads_with_reasons_in_order() {
    let env = start_leads().await;
    sync(&env, json!({"input": [{"email": "a@example.com"}]})).await;
    let r = env
        .post_json(
            PARTITIONS,
            &json!({"input": [
                {"id": 1, "partitionName": "Europe"},
                {"id": 1},
                {"id": 99, "partitionName": "Europe"},
                {"id": 1, "partitionName": "Mars"}
            ]}),
        )
        .await;
    let result = assert_success(&r);
    assert_eq!(result[0], json!({"id": 1, "status": "updated"}));
    assert_eq!(result[1]["reasons"][0]["code"], "1009");
    assert_eq!(result[2]["reasons"][0]["code"], "1004");
    assert_eq!(
        result[3]["reasons"][0],
        json!({"code": "1008", "message": "Access denied to partition 'Mars'"})
    );
}

/// 1008 from a user limited to the Default partition: it may not move a lead into Europe.
#[tokio::test]
async fn code_1008_update_partition_beyond_the_users_partitions() {
    let mut config = EmulatorConfig::from_toml_str(CONFIG).expect("config");
    config.set_default_credentials(CLIENT_ID, CLIENT_SECRET);
    let mut limited = ApiUser::full("limited", "limited-secret");
    limited.partitions = Some(vec!["Default".into()]);
    config.users.push(limited);
    let env = start_with(|b| b.config(config)).await;
    sync(&env, json!({"input": [{"email": "a@example.com"}]})).await;
    let token = env.token_for("limited", "limited-secret").await;
    let r = env
        .send(
            env.http
                .post(env.url(PARTITIONS))
                .bearer_auth(token)
                .header("content-type", "application/json")
                .body(json!({"input": [{"id": 1, "partitionName": "Europe"}]}).to_string()),
        )
        .await;
    assert_eq!(
        assert_success(&r)[0]["reasons"][0],
        json!({"code": "1008", "message": "Access denied to partition 'Europe'"})
    );
}

#[tokio::test]
async fn associate_lead_adds_the_cookie_so_the_lead_is_found_by_it() {
    let env = start_leads().await;
    sync(&env, json!({"input": [{"email": "a@example.com"}]})).await;
    let encoded = COOKIE.replace('&', "%26");
    let r = env
        .post_json(
            &format!("/rest/v1/leads/1/associate.json?cookie={encoded}"),
            &json!({}),
        )
        .await;
    assert_success(&r);
    assert!(r.json.get("result").is_none(), "{}", r.text);
    let found = env
        .get(&format!(
            "/rest/v1/leads.json?filterType=cookies&filterValues={encoded}"
        ))
        .await;
    assert_eq!(assert_success(&found)[0]["id"], 1);
}

#[tokio::test]
async fn code_1012_associate_with_a_malformed_cookie() {
    let env = start_leads().await;
    sync(&env, json!({"input": [{"email": "a@example.com"}]})).await;
    let r = env
        .post_json("/rest/v1/leads/1/associate.json?cookie=garbage", &json!({}))
        .await;
    assert_marketo_error(&r, 1012, "Invalid cookie value 'garbage'");
    let r = env
        .post_json(
            &format!(
                "/rest/v1/leads/9/associate.json?cookie={}",
                COOKIE.replace('&', "%26")
            ),
            &json!({}),
        )
        .await;
    assert_marketo_error(&r, 1004, "Lead not found");
}

async fn activity_types_for(env: &Env, types: &str) -> Vec<Value> {
    let token = env
        .get("/rest/v1/activities/pagingtoken.json?sinceDatetime=2000-01-01")
        .await;
    let token = token.json["nextPageToken"].as_str().unwrap().to_owned();
    assert_success(
        &env.get(&format!(
            "/rest/v1/activities.json?nextPageToken={token}&activityTypeIds={types}"
        ))
        .await,
    )
}

#[tokio::test]
async fn push_lead_upserts_and_records_push_activities() {
    let env = start_leads().await;
    sync(&env, json!({"input": [{"email": "old@example.com"}]})).await;
    let r = env
        .post_json(
            "/rest/v1/leads/push.json",
            &json!({"programName": "Big Launch", "source": "Site", "reason": "Pricing", "lookupField": "email",
                    "input": [{"email": "old@example.com", "firstName": "O"}, {"email": "new@example.com"}]}),
        )
        .await;
    assert_eq!(
        Value::Array(assert_success(&r)),
        json!([{"id": 1, "status": "updated"}, {"id": 2, "status": "created"}])
    );
    let pushes = activity_types_for(&env, "145").await;
    assert_eq!(pushes.len(), 2);
    assert_eq!(pushes[0]["primaryAttributeValue"], "Big Launch");
    let r = env
        .post_json(
            "/rest/v1/leads/push.json",
            &json!({"input": [{"email": "x@example.com"}]}),
        )
        .await;
    assert_marketo_error(
        &r,
        1002,
        "Missing value for required parameter 'programName'",
    );
}

#[tokio::test]
async fn submit_form_upserts_by_email_records_fill_out_form_and_associates_the_cookie() {
    let env = start_leads().await;
    let r = env
        .post_json(
            "/rest/v1/leads/submitForm.json",
            &json!({"formId": 1029, "input": [{
                "leadFormFields": {"email": "marge@example.com", "firstName": "Marge"},
                "visitorData": {"pageURL": "https://example.com/page", "leadClientIpAddress": "10.0.0.1"},
                "cookie": COOKIE}]}),
        )
        .await;
    assert_eq!(
        Value::Array(assert_success(&r)),
        json!([{"id": 1, "status": "created"}])
    );
    let forms = activity_types_for(&env, "2").await;
    assert_eq!(forms[0]["primaryAttributeValueId"], 1029);
    let found = env
        .get(&format!(
            "/rest/v1/leads.json?filterType=cookies&filterValues={}",
            COOKIE.replace('&', "%26")
        ))
        .await;
    assert_eq!(assert_success(&found)[0]["id"], 1);
    let r = env
        .post_json(
            "/rest/v1/leads/submitForm.json",
            &json!({"formId": 1029, "input": [{"leadFormFields": {"firstName": "No email"}}]}),
        )
        .await;
    assert_eq!(assert_success(&r)[0]["reasons"][0]["code"], "1003");
    let r = env
        .post_json(
            "/rest/v1/leads/submitForm.json",
            &json!({"input": [{"leadFormFields": {}}]}),
        )
        .await;
    assert_marketo_error(&r, 1002, "Missing value for required parameter 'formId'");
}
