//! Bulk Extract over HTTP: create, enqueue, status, cancel, list, the file (404 before completion, Range and
//! 206, checksum), the shared queue, the daily allowance, the 31-day range and 1035.

use crate::support::*;
use marketo_emulator::bulk::{BulkConfig, RANGE_TOO_LONG};
use serde_json::{json, Value};
use sha2::{Digest, Sha256};
use std::time::Duration;

fn created_filter() -> Value {
    json!({"createdAt": {"startAt": "2026-03-01T00:00:00Z", "endAt": "2026-03-31T00:00:00Z"}})
}

async fn create(env: &Env, kind: &str, body: Value) -> Resp {
    env.post_json(&format!("/bulk/v1/{kind}/export/create.json"), &body)
        .await
}

async fn create_id(env: &Env) -> String {
    let r = create(
        env,
        "leads",
        json!({"fields": ["id", "email"], "filter": created_filter()}),
    )
    .await;
    assert_success(&r)[0]["exportId"]
        .as_str()
        .unwrap()
        .to_owned()
}

async fn post(env: &Env, path: &str) -> Resp {
    let token = env.token().await;
    env.send(env.http.post(env.url(path)).bearer_auth(token))
        .await
}

async fn enqueue(env: &Env, id: &str) -> Resp {
    post(env, &format!("/bulk/v1/leads/export/{id}/enqueue.json")).await
}

async fn status(env: &Env, id: &str) -> Value {
    assert_success(
        &env.get(&format!("/bulk/v1/leads/export/{id}/status.json"))
            .await,
    )[0]
    .clone()
}

async fn seed_leads(env: &Env, n: usize) {
    let leads: Vec<Value> = (0..n)
        .map(|i| json!({"email": format!("lead{i}@example.com"), "firstName": format!("F, \"{i}\"")}))
        .collect();
    let r = env
        .post_json("/rest/v1/leads.json", &json!({"input": leads}))
        .await;
    assert_success(&r);
}

#[tokio::test]
async fn lead_export_end_to_end_with_range_and_checksum() {
    let env = start().await;
    seed_leads(&env, 50).await;
    let r = create(
        &env,
        "leads",
        json!({"fields": ["id", "email", "firstName"], "format": "CSV",
               "columnHeaderNames": {"id": "Marketo Id"}, "filter": created_filter()}),
    )
    .await;
    let job = assert_success(&r)[0].clone();
    assert_eq!(job["status"], "Created");
    assert_eq!(job["format"], "CSV");
    let id = job["exportId"].as_str().unwrap().to_owned();
    let file_path = format!("/bulk/v1/leads/export/{id}/file.json");

    // code 404 before completion, plain text.
    let early = env.get(&file_path).await;
    assert_eq!(early.status, 404);
    assert!(early.content_type.unwrap().starts_with("text/plain"));
    assert_eq!(early.text, "File not found");

    let q = assert_success(&enqueue(&env, &id).await)[0].clone();
    assert_eq!(q["status"], "Queued");
    assert!(q.get("queuedAt").is_some());
    assert_eq!(status(&env, &id).await["status"], "Processing");
    assert_eq!(env.get(&file_path).await.status, 404);
    env.emu.advance_clock(Duration::from_secs(60));
    let done = status(&env, &id).await;
    assert_eq!(done["status"], "Completed");
    assert_eq!(done["numberOfRecords"], 50);

    let whole = env.get(&file_path).await;
    assert_eq!(whole.status, 200);
    assert_eq!(whole.headers["accept-ranges"], "bytes");
    let size = done["fileSize"].as_u64().unwrap();
    assert_eq!(whole.text.len() as u64, size);
    let hex: String = Sha256::digest(whole.text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    assert_eq!(done["fileChecksum"], format!("sha256:{hex}"));
    let mut lines = whole.text.lines();
    assert_eq!(lines.next(), Some("Marketo Id,email,firstName"));
    assert_eq!(lines.next(), Some("1,lead0@example.com,\"F, \"\"0\"\"\""));

    // A download cut half way resumes with Range and yields the same bytes.
    let token = env.token().await;
    let half = size / 2;
    let first = env
        .send(
            env.http
                .get(env.url(&file_path))
                .bearer_auth(&token)
                .header("range", format!("bytes=0-{}", half - 1)),
        )
        .await;
    assert_eq!(first.status, 206);
    assert_eq!(
        first.headers["content-range"],
        format!("bytes 0-{}/{size}", half - 1)
    );
    assert_eq!(first.headers["content-length"], half.to_string());
    let rest = env
        .send(
            env.http
                .get(env.url(&file_path))
                .bearer_auth(&token)
                .header("range", format!("bytes={half}-")),
        )
        .await;
    assert_eq!(rest.status, 206);
    assert_eq!(format!("{}{}", first.text, rest.text), whole.text);
    let beyond = env
        .send(
            env.http
                .get(env.url(&file_path))
                .bearer_auth(&token)
                .header("range", format!("bytes={size}-")),
        )
        .await;
    assert_eq!(beyond.status, 416);

    let listed = assert_success(&env.get("/bulk/v1/leads/export.json?status=Completed").await);
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0]["exportId"], id);
}

#[tokio::test]
async fn code_1029_job_already_queued() {
    let env = start().await;
    let id = create_id(&env).await;
    assert_success(&enqueue(&env, &id).await);
    assert_marketo_error(&enqueue(&env, &id).await, 1029, "Job already queued");
}

#[tokio::test]
async fn code_1029_too_many_jobs_in_queue_shared_with_activities() {
    let env = start().await;
    for _ in 0..9 {
        let id = create_id(&env).await;
        assert_success(&enqueue(&env, &id).await);
    }
    let act = create(&env, "activities", json!({"filter": created_filter()})).await;
    let act = assert_success(&act)[0]["exportId"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_success(
        &post(
            &env,
            &format!("/bulk/v1/activities/export/{act}/enqueue.json"),
        )
        .await,
    );
    let eleventh = create_id(&env).await;
    assert_marketo_error(
        &enqueue(&env, &eleventh).await,
        1029,
        "Too many jobs (10) in queue",
    );
    // Cancelling one makes room.
    let cancelled = post(
        &env,
        &format!("/bulk/v1/activities/export/{act}/cancel.json"),
    )
    .await;
    assert_eq!(assert_success(&cancelled)[0]["status"], "Cancelled");
    assert_success(&enqueue(&env, &eleventh).await);
}

#[tokio::test]
async fn code_1029_export_daily_quota_until_chicago_midnight() {
    let env = start_with(|b| {
        b.bulk(BulkConfig {
            export_daily_bytes: 100,
            ..BulkConfig::default()
        })
    })
    .await;
    seed_leads(&env, 20).await;
    let id = create_id(&env).await;
    assert_success(&enqueue(&env, &id).await);
    env.emu.advance_clock(Duration::from_secs(60));
    assert!(status(&env, &id).await["fileSize"].as_u64().unwrap() > 100);
    let r = create(
        &env,
        "leads",
        json!({"fields": ["id"], "filter": created_filter()}),
    )
    .await;
    assert_marketo_error(&r, 1029, "Export daily quota 1MB exceeded.");
    // 15:01 UTC -> Chicago midnight (05:00 UTC next day).
    env.emu.advance_clock(Duration::from_secs(14 * 3600));
    assert_success(
        &create(
            &env,
            "leads",
            json!({"fields": ["id"], "filter": created_filter()}),
        )
        .await,
    );
}

#[tokio::test]
async fn code_1035_unsupported_filter_type() {
    let cfg = BulkConfig {
        unsupported_export_filters: vec!["updatedAt".into(), "smartListId".into()],
        ..BulkConfig::default()
    };
    let env = start_with(|b| b.bulk(cfg)).await;
    let r = create(
        &env,
        "leads",
        json!({"fields": ["id"], "filter": {"updatedAt": {"startAt": "2026-03-01T00:00:00Z", "endAt": "2026-03-02T00:00:00Z"}}}),
    )
    .await;
    assert_marketo_error(&r, 1035, "Unsupported filter type for target subscription");
}

#[tokio::test]
async fn code_1003_date_range_over_31_days() {
    let env = start().await;
    let r = create(
        &env,
        "leads",
        json!({"fields": ["id"], "filter": {"createdAt": {"startAt": "2026-01-01T00:00:00Z", "endAt": "2026-02-01T00:00:01Z"}}}),
    )
    .await;
    assert_marketo_error(&r, 1003, RANGE_TOO_LONG);
    let ok = create(
        &env,
        "activities",
        json!({"filter": {"createdAt": {"startAt": "2026-01-01T00:00:00Z", "endAt": "2026-02-01T00:00:00Z"}}}),
    )
    .await;
    assert_success(&ok);
}

#[tokio::test]
async fn static_list_export_and_activity_export_files() {
    let env = start().await;
    env.emu
        .seed(json!({"lists": [{"id": 7, "name": "VIP"}]}))
        .expect("seed");
    seed_leads(&env, 3).await;
    assert_success(
        &env.post_json(
            "/rest/v1/lists/7/leads.json",
            &json!({"input": [{"id": 2}]}),
        )
        .await,
    );
    let r = create(
        &env,
        "leads",
        json!({"fields": ["email"], "format": "TSV", "filter": {"staticListName": "VIP"}}),
    )
    .await;
    let id = assert_success(&r)[0]["exportId"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_success(&enqueue(&env, &id).await);
    env.emu.advance_clock(Duration::from_secs(60));
    let file = env
        .get(&format!("/bulk/v1/leads/export/{id}/file.json"))
        .await;
    assert_eq!(file.text, "email\nlead1@example.com\n");

    let r = create(&env, "activities", json!({"fields": ["leadId", "activityTypeId", "primaryAttributeValue"],
        "filter": {"createdAt": {"startAt": "2026-03-10T00:00:00Z", "endAt": "2026-03-11T00:00:00Z"}, "activityTypeIds": [24]}})).await;
    let act = assert_success(&r)[0]["exportId"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_success(
        &post(
            &env,
            &format!("/bulk/v1/activities/export/{act}/enqueue.json"),
        )
        .await,
    );
    env.emu.advance_clock(Duration::from_secs(60));
    let file = env
        .get(&format!("/bulk/v1/activities/export/{act}/file.json"))
        .await;
    assert_eq!(
        file.text,
        "leadId,activityTypeId,primaryAttributeValue\n2,24,VIP\n"
    );
    assert_marketo_error(
        &env.get("/bulk/v1/leads/export/nope/status.json").await,
        1013,
        "Object not found",
    );
}
