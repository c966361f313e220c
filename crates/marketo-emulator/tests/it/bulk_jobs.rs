//! The bulk job book of a file-backed emulator: jobs (queued, running, their files) survive a restart and go on
//! where the clock left them; a stored book that does not parse is 611 on the bulk calls until a reset, never
//! an empty queue in its place.

use crate::support::*;
use marketo_emulator::model::schema::LeadSchema;
use marketo_emulator::model::{DbLocation, Model};
use serde_json::{json, Value};
use std::time::Duration;

async fn import(env: &Env, csv: &str) -> i64 {
    let token = env.token().await;
    let form = reqwest::multipart::Form::new().part(
        "file",
        reqwest::multipart::Part::bytes(csv.as_bytes().to_vec()).file_name("leads.csv"),
    );
    let r = env
        .send(
            env.http
                .post(env.url("/bulk/v1/leads.json"))
                .bearer_auth(token)
                .multipart(form),
        )
        .await;
    assert_success(&r)[0]["batchId"].as_i64().unwrap()
}

async fn export(env: &Env) -> String {
    let body = json!({"fields": ["email"], "filter": {"createdAt":
        {"startAt": "2026-03-01T00:00:00Z", "endAt": "2026-03-31T00:00:00Z"}}});
    let r = env
        .post_json("/bulk/v1/leads/export/create.json", &body)
        .await;
    let id = assert_success(&r)[0]["exportId"]
        .as_str()
        .unwrap()
        .to_owned();
    let token = env.token().await;
    let path = format!("/bulk/v1/leads/export/{id}/enqueue.json");
    let r = env
        .send(env.http.post(env.url(&path)).bearer_auth(token))
        .await;
    assert_eq!(assert_success(&r)[0]["status"], "Queued");
    id
}

async fn first(env: &Env, path: &str) -> Value {
    assert_success(&env.get(path).await)[0].clone()
}

async fn statuses(env: &Env, batches: &[i64]) -> Vec<Value> {
    let mut out = Vec::new();
    for id in batches {
        out.push(first(env, &format!("/bulk/v1/leads/batch/{id}.json")).await["status"].clone());
    }
    out
}

#[tokio::test]
async fn queued_and_running_jobs_survive_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("emulator.db");
    let env = start_with(|b| b.db_path(&db)).await;
    let mut batches = Vec::new();
    for who in ["ann", "bob", "cy"] {
        batches.push(import(&env, &format!("email\n{who}@example.com\n")).await);
    }
    let export_id = export(&env).await;
    let export_status = format!("/bulk/v1/leads/export/{export_id}/status.json");
    let before = first(&env, &export_status).await;
    assert_eq!(before["status"], "Processing");
    env.emu.shutdown().await;

    // The restarted emulator's clock starts where the first one's stood: nothing has run yet.
    let env = start_with(|b| b.db_path(&db)).await;
    assert_eq!(
        statuses(&env, &batches).await,
        ["Importing", "Importing", "Queued"]
    );
    env.emu.advance_clock(Duration::from_secs(10));
    assert_eq!(
        statuses(&env, &batches).await,
        ["Complete", "Complete", "Importing"]
    );
    assert_eq!(first(&env, &export_status).await["status"], "Processing");
    env.emu.advance_clock(Duration::from_secs(50));
    assert_eq!(statuses(&env, &batches).await, ["Complete"; 3]);
    let s = first(&env, &export_status).await;
    assert_eq!(s["status"], "Completed");
    assert_eq!(s["createdAt"], before["createdAt"]);
    assert_eq!(s["numberOfRecords"], 3);
    let file = env
        .get(&format!("/bulk/v1/leads/export/{export_id}/file.json"))
        .await;
    assert_eq!(file.status, 200);
    assert_eq!(
        file.text,
        "email\nann@example.com\nbob@example.com\ncy@example.com\n"
    );
}

#[tokio::test]
async fn a_stored_job_book_that_does_not_parse_is_611_until_reset() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("emulator.db");
    let model = Model::open(DbLocation::Path(db.clone()), LeadSchema::default()).unwrap();
    model.kv_set("emulator.bulk", "{\"imports\": [").unwrap();
    drop(model);

    let env = start_with(|b| b.db_path(&db)).await;
    for path in [
        "/bulk/v1/leads/batch/1001.json",
        "/bulk/v1/leads/export.json",
        "/bulk/v1/activities/export/x/status.json",
        "/bulk/v1/leads/export/x/file.json",
    ] {
        assert_marketo_error(&env.get(path).await, 611, "System error");
    }
    // The rest of the emulator answers as usual.
    assert_success(&env.get("/rest/v1/leads/describe.json").await);
    env.emu.reset();
    assert_eq!(
        assert_success(&env.get("/bulk/v1/leads/export.json").await).len(),
        0
    );
    assert_marketo_error(
        &env.get("/bulk/v1/leads/batch/1001.json").await,
        1013,
        "Object not found",
    );
}
