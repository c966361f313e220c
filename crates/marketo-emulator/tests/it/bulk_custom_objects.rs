//! Bulk Extract of custom object records: by the static list their linked leads are in and by update time,
//! with the shared job states, the file, and the create checks (1002, 1006, 1003, 1013, 1035, 1026).

use crate::custom_object_types::{make_car, make_courses};
use crate::support::*;
use marketo_emulator::bulk::export_objects::NOT_LEAD_LINKED;
use marketo_emulator::bulk::{BulkConfig, ONE_FILTER};
use serde_json::{json, Value};
use std::time::Duration;

const EXPORT: &str = "/bulk/v1/customobjects/car_c/export";

async fn post(env: &Env, path: &str) -> Resp {
    let token = env.token().await;
    env.send(env.http.post(env.url(path)).bearer_auth(token))
        .await
}

async fn create(env: &Env, body: Value) -> Resp {
    env.post_json(&format!("{EXPORT}/create.json"), &body).await
}

async fn export_id(r: &Resp) -> String {
    assert_success(r)[0]["exportId"]
        .as_str()
        .unwrap()
        .to_owned()
}

/// Three leads, list 7 holding leads 1 and 3, and cars: one for lead 1, one for lead 2, two for lead 3.
async fn cars_and_a_list(env: &Env) {
    env.emu
        .seed(json!({"lists": [{"id": 7, "name": "Car Buyers"}]}))
        .expect("seed");
    let leads: Vec<Value> = (1..=3)
        .map(|i| json!({"email": format!("buyer{i}@example.com")}))
        .collect();
    assert_success(
        &env.post_json("/rest/v1/leads.json", &json!({ "input": leads }))
            .await,
    );
    assert_success(
        &env.post_json(
            "/rest/v1/lists/7/leads.json",
            &json!({"input": [{"id": 1}, {"id": 3}]}),
        )
        .await,
    );
    make_car(env).await;
    let cars = json!({"input": [
        {"vin": "V1", "leadId": 1, "make": "Tesla"},
        {"vin": "V2", "leadId": 2, "make": "Volvo"},
        {"vin": "V3", "leadId": 3, "make": "Fiat, \"500\""},
        {"vin": "V4", "leadId": 3}]});
    let r = env
        .post_json("/rest/v1/customobjects/car_c.json", &cars)
        .await;
    assert!(assert_success(&r).iter().all(|c| c["status"] == "created"));
}

#[tokio::test]
async fn export_by_static_list_end_to_end() {
    let env = start().await;
    cars_and_a_list(&env).await;
    let r = create(
        &env,
        json!({"fields": ["leadId", "vin", "make"], "columnHeaderNames": {"vin": "VIN"},
               "filter": {"staticListId": 7}}),
    )
    .await;
    let job = assert_success(&r)[0].clone();
    assert_eq!(job["status"], "Created");
    assert_eq!(job["format"], "CSV");
    let id = export_id(&r).await;
    let file = format!("{EXPORT}/{id}/file.json");
    assert_eq!(env.get(&file).await.status, 404, "no file before it runs");

    let q = post(&env, &format!("{EXPORT}/{id}/enqueue.json")).await;
    assert_eq!(assert_success(&q)[0]["status"], "Queued");
    env.emu.advance_clock(Duration::from_secs(60));
    let done = &assert_success(&env.get(&format!("{EXPORT}/{id}/status.json")).await)[0];
    assert_eq!(done["status"], "Completed");
    assert_eq!(done["numberOfRecords"], 3);

    let body = env.get(&file).await;
    assert_eq!(body.status, 200);
    assert_eq!(
        body.text,
        "leadId,VIN,make\n1,V1,Tesla\n3,V3,\"Fiat, \"\"500\"\"\"\n3,V4,null\n"
    );
    assert_eq!(body.text.len() as u64, done["fileSize"].as_u64().unwrap());

    let jobs = env.get(&format!("{EXPORT}.json?status=Completed")).await;
    assert_eq!(assert_success(&jobs)[0]["exportId"], id.as_str());
    let other = env
        .get(&format!(
            "/bulk/v1/customobjects/course/export/{id}/status.json"
        ))
        .await;
    assert_marketo_error(&other, 1013, "Object not found");
}

#[tokio::test]
async fn export_by_update_time_in_tsv_and_cancel() {
    let env = start().await;
    cars_and_a_list(&env).await;
    let got = env
        .get(
            "/rest/v1/customobjects/car_c.json?filterType=vin&filterValues=V2&fields=vin,updatedAt",
        )
        .await;
    let updated = assert_success(&got)[0]["updatedAt"]
        .as_str()
        .unwrap()
        .to_owned();
    let day = &updated[..10];
    let r = create(
        &env,
        json!({"fields": ["vin", "marketoGUID"], "format": "TSV",
               "filter": {"updatedAt": {"startAt": format!("{day}T00:00:00Z"), "endAt": format!("{day}T23:59:59Z")}}}),
    )
    .await;
    let id = export_id(&r).await;
    assert_success(&post(&env, &format!("{EXPORT}/{id}/enqueue.json")).await);
    env.emu.advance_clock(Duration::from_secs(60));
    let text = env.get(&format!("{EXPORT}/{id}/file.json")).await.text;
    let rows: Vec<&str> = text.lines().collect();
    assert_eq!(rows[0], "vin\tmarketoGUID");
    assert_eq!(rows.len(), 5, "{text}");
    assert!(rows[1].starts_with("V1\t") && rows[1].len() > 10);

    let later = create(
        &env,
        json!({"fields": ["vin"], "filter": {"staticListName": "Car Buyers"}}),
    )
    .await;
    let later = export_id(&later).await;
    let c = post(&env, &format!("{EXPORT}/{later}/cancel.json")).await;
    assert_eq!(assert_success(&c)[0]["status"], "Cancelled");
}

#[tokio::test]
async fn create_checks_fields_filters_and_types() {
    let env = start().await;
    cars_and_a_list(&env).await;
    make_courses(&env).await;
    let list = json!({"staticListId": 7});
    let r = create(&env, json!({"filter": list})).await;
    assert_marketo_error(&r, 1002, "Missing value for required parameter 'fields'");
    let r = create(&env, json!({"fields": ["vin", "colour"], "filter": list})).await;
    assert_marketo_error(&r, 1006, "Field 'colour' not found");
    let r = create(
        &env,
        json!({"fields": ["vin"], "filter": {"staticListId": 7, "staticListName": "Car Buyers"}}),
    )
    .await;
    assert_marketo_error(&r, 1003, ONE_FILTER);
    let r = create(
        &env,
        json!({"fields": ["vin"], "filter": {"staticListId": 99}}),
    )
    .await;
    assert_marketo_error(&r, 1013, "Object not found");
    let r = env
        .post_json(
            "/bulk/v1/customobjects/course/export/create.json",
            &json!({"fields": ["courseID"], "filter": list}),
        )
        .await;
    assert_marketo_error(&r, 1003, NOT_LEAD_LINKED);
    let r = env
        .post_json(
            "/bulk/v1/customobjects/boat_c/export/create.json",
            &json!({"fields": ["x"], "filter": list}),
        )
        .await;
    assert_marketo_error(&r, 1013, "Object not found");
}

#[tokio::test]
async fn code_1035_and_1026_for_custom_object_exports() {
    let cfg = BulkConfig {
        unsupported_export_filters: vec!["staticListId".into()],
        ..BulkConfig::default()
    };
    let env = start_with(|b| b.bulk(cfg)).await;
    cars_and_a_list(&env).await;
    let r = create(
        &env,
        json!({"fields": ["vin"], "filter": {"staticListId": 7}}),
    )
    .await;
    assert_marketo_error(&r, 1035, "Unsupported filter type for target subscription");

    let off = start_with_toml("[custom_objects]\nenabled = false\n").await;
    let r = off.get(&format!("{EXPORT}.json")).await;
    assert_marketo_error(&r, 1026, "Custom object not enabled");
}
