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

const IMPORT: &str = "/bulk/v1/customobjects/car_c/import";

/// POST a file to Import Custom Objects of car_c, `format` in the query string as the docs show.
async fn import(env: &Env, file: Vec<u8>, format: &str) -> Resp {
    let token = env.token().await;
    let form = reqwest::multipart::Form::new().part(
        "file",
        reqwest::multipart::Part::bytes(file).file_name("cars.csv"),
    );
    env.send(
        env.http
            .post(env.url(&format!("{IMPORT}.json?format={format}")))
            .bearer_auth(token)
            .multipart(form),
    )
    .await
}

fn batch(r: &Resp) -> i64 {
    assert_success(r)[0]["batchId"].as_i64().expect("batchId")
}

#[tokio::test]
async fn import_custom_objects_upserts_by_dedupe_fields_with_failures_and_warnings() {
    let env = start().await;
    cars_and_a_list(&env).await;
    let csv = "vin,leadId,make,colour\nV1,1,BMW,red\nV9,2,Audi,\nV8,99,Fiat,\n,1,Kia,\nV7,1\n";
    let r = import(&env, csv.into(), "csv").await;
    let id = batch(&r);
    assert_eq!(
        r.json["result"][0],
        json!({"batchId": id, "operation": "import", "status": "Queued", "objectApiName": "car_c"})
    );
    env.emu.advance_clock(Duration::from_secs(10));
    let s = &assert_success(&env.get(&format!("{IMPORT}/{id}/status.json")).await)[0];
    assert_eq!(s["status"], "Complete");
    assert_eq!(s["numOfObjectsProcessed"], 2);
    assert_eq!(s["numOfRowsFailed"], 3);
    assert_eq!(s["numOfRowsWithWarning"], 1);
    assert_eq!(
        s["message"],
        "Import completed with errors, 2 records imported (2 members), 3 failed, 1 warning."
    );
    assert!(s["importTime"].as_str().unwrap().ends_with("second(s)"));

    let got = env
        .get("/rest/v1/customobjects/car_c.json?filterType=vin&filterValues=V1,V9&fields=vin,make,leadId")
        .await;
    let cars = assert_success(&got);
    assert_eq!(cars.len(), 2);
    assert_eq!(cars[0]["make"], "BMW", "V1 was updated, not doubled");

    let failures = env.get(&format!("{IMPORT}/{id}/failures.json")).await;
    let lines: Vec<&str> = failures.text.lines().collect();
    assert_eq!(lines[0], "vin,leadId,make,colour,Import Failure Reason");
    assert_eq!(lines[1], "V8,99,Fiat,,Lead not found", "{}", failures.text);
    assert_eq!(lines[2], ",1,Kia,,missing.dedupe.fields");
    assert_eq!(lines[3], "V7,1,\"Invalid number of columns, expected 4\"");
    let warnings = env.get(&format!("{IMPORT}/{id}/warnings.json")).await;
    assert_eq!(
        warnings.text,
        "vin,leadId,make,colour,Import Warning Reason\nV1,1,BMW,red,\"Field 'colour' not found, value ignored\"\n"
    );
    // The batch is car_c's: not a lead import, not another type's.
    let lead = env.get(&format!("/bulk/v1/leads/batch/{id}.json")).await;
    assert_marketo_error(&lead, 1013, "Object not found");
}

#[tokio::test]
async fn a_header_that_misses_the_dedupe_field_fails_every_row_as_the_docs_show() {
    let env = start().await;
    cars_and_a_list(&env).await;
    let id = batch(&import(&env, "make, vin\nBMW,X1\nKia,X2\n".into(), "csv").await);
    env.emu.advance_clock(Duration::from_secs(10));
    let s = &assert_success(&env.get(&format!("{IMPORT}/{id}/status.json")).await)[0];
    assert_eq!(
        (
            s["numOfObjectsProcessed"].as_u64(),
            s["numOfRowsFailed"].as_u64()
        ),
        (Some(0), Some(2))
    );
    let failures = env.get(&format!("{IMPORT}/{id}/failures.json")).await;
    assert_eq!(
        failures.text,
        "make, vin,Import Failure Reason\nBMW,X1,missing.dedupe.fields\nKia,X2,missing.dedupe.fields\n"
    );
}

#[tokio::test]
async fn custom_object_imports_share_the_import_queue_and_its_limits() {
    let env = start().await;
    make_car(&env).await;
    for _ in 0..10 {
        batch(&import(&env, "vin\nA\n".into(), "csv").await);
    }
    let r = import(&env, "vin\nA\n".into(), "csv").await;
    assert_marketo_error(&r, 1016, "Too many imports");

    let fresh = start().await;
    make_car(&fresh).await;
    let mut big = b"vin\n".to_vec();
    big.resize(marketo_types::limits::MAX_BULK_IMPORT_BYTES + 1, b'a');
    let r = import(&fresh, big, "csv").await;
    assert_eq!(r.status, 413, "{}", r.text);
    let r = import(&fresh, "vin\n".into(), "csv").await;
    assert_marketo_error(&r, 1003, "Empty file");
    let r = import(&fresh, "vin\nA\n".into(), "xml").await;
    assert_eq!(r.json["errors"][0]["code"], "1003");
    let r = fresh
        .get("/bulk/v1/customobjects/boat_c/import/1001/status.json")
        .await;
    assert_marketo_error(&r, 1013, "Object not found");
}
