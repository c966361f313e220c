//! One named test per program member operation not shown alone elsewhere: the member field schema calls
//! (create, browse, by name), the import's status, failures and warnings, and the export's list, enqueue,
//! status, cancel and file (with `Range`). Each asserts the documented response shape.

use crate::program_members::{set_status, with_programs, SUMMIT};
use crate::support::*;
use serde_json::{json, Value};
use std::time::Duration;

const EXPORT: &str = "/bulk/v1/program/members/export";
const IMPORT: &str = "/bulk/v1/program/members/import";

async fn post(env: &Env, path: &str) -> Resp {
    let token = env.token().await;
    env.send(env.http.post(env.url(path)).bearer_auth(token))
        .await
}

fn lunch_field() -> Value {
    json!({"input": [{"displayName": "Lunch", "name": "lunch", "dataType": "string",
                      "description": "food"}]})
}

#[tokio::test]
async fn create_program_member_fields_answers_name_and_status_per_field() {
    let env = with_programs().await;
    let r = env
        .post_json(
            "/rest/v1/programs/members/schema/fields.json",
            &json!({"input": [
                {"displayName": "PMCF Custom Field 03", "name": "pMCFCustomField03",
                 "description": "My third custom field", "dataType": "string"},
                {"displayName": "No Type", "name": "noType"}
            ]}),
        )
        .await;
    let out = assert_success(&r);
    assert_eq!(
        out[0],
        json!({"name": "pMCFCustomField03", "status": "created"})
    );
    assert_eq!(out[1]["status"], "skipped");
    let r = env
        .get("/rest/v1/programs/members/schema/fields/pMCFCustomField03.json")
        .await;
    assert_eq!(assert_success(&r)[0]["isApiCreated"], true);
}

#[tokio::test]
async fn get_program_member_fields_pages_with_the_documented_metadata() {
    let env = with_programs().await;
    env.post_json(
        "/rest/v1/programs/members/schema/fields.json",
        &lunch_field(),
    )
    .await;
    let r = env
        .get("/rest/v1/programs/members/schema/fields.json?batchSize=5")
        .await;
    let first = assert_success(&r);
    assert_eq!(first.len(), 5);
    assert_eq!(r.json["moreResult"], true);
    assert_eq!(
        first[0],
        json!({"displayName": "Acquired By", "name": "acquiredBy", "description": null,
               "dataType": "boolean", "isHidden": false, "isHtmlEncodingInEmail": false,
               "isSensitive": false, "isCustom": false, "isApiCreated": false})
    );
    let mut all = first;
    let mut token = r.json["nextPageToken"].as_str().map(str::to_owned);
    while let Some(t) = token {
        let r = env
            .get(&format!(
                "/rest/v1/programs/members/schema/fields.json?batchSize=5&nextPageToken={t}"
            ))
            .await;
        all.extend(assert_success(&r));
        token = (r.json["moreResult"] == true)
            .then(|| r.json["nextPageToken"].as_str().unwrap().to_owned());
    }
    assert_eq!(all.len(), 20, "19 standard fields and the custom one");
    let custom: Vec<&Value> = all.iter().filter(|f| f["isCustom"] == true).collect();
    assert_eq!(custom.len(), 1);
    assert_eq!(custom[0]["name"], "lunch");
}

#[tokio::test]
async fn get_program_member_field_by_name_returns_its_metadata_or_1006() {
    let env = with_programs().await;
    let r = env
        .get("/rest/v1/programs/members/schema/fields/statusName.json")
        .await;
    assert_eq!(
        Value::Array(assert_success(&r)),
        json!([{"displayName": "Status", "name": "statusName", "description": null,
                "dataType": "string", "length": 255, "isHidden": false,
                "isHtmlEncodingInEmail": true, "isSensitive": false, "isCustom": false,
                "isApiCreated": false}])
    );
    env.post_json(
        "/rest/v1/programs/members/schema/fields.json",
        &lunch_field(),
    )
    .await;
    let r = env
        .get("/rest/v1/programs/members/schema/fields/lunch.json")
        .await;
    let f = &assert_success(&r)[0];
    assert_eq!(
        (&f["description"], &f["isCustom"], &f["isApiCreated"]),
        (&json!("food"), &json!(true), &json!(true))
    );
    let r = env
        .get("/rest/v1/programs/members/schema/fields/nope.json")
        .await;
    assert_marketo_error(&r, 1006, "Field 'nope' not found");
}

async fn import(env: &Env, file: &str) -> i64 {
    let token = env.token().await;
    let form = reqwest::multipart::Form::new()
        .text("format", "csv")
        .text("programMemberStatus", "Registered")
        .part(
            "file",
            reqwest::multipart::Part::bytes(file.as_bytes().to_vec()).file_name("members.csv"),
        );
    let r = env
        .send(
            env.http
                .post(env.url(&format!("/bulk/v1/program/{SUMMIT}/members/import.json")))
                .bearer_auth(token)
                .multipart(form),
        )
        .await;
    let b = &assert_success(&r)[0];
    let id = b["batchId"].as_i64().unwrap();
    assert_eq!(b["importId"], id.to_string());
    id
}

#[tokio::test]
async fn get_import_program_member_status_reports_counts_and_message() {
    let env = with_programs().await;
    let id = import(
        &env,
        "email,firstName\na@example.com,Ann\nnew@example.com,Neo\n",
    )
    .await;
    let r = env.get(&format!("{IMPORT}/{id}/status.json")).await;
    let queued = &assert_success(&r)[0];
    assert_eq!(queued["batchId"], id);
    assert!(
        ["Queued", "Importing"].contains(&queued["status"].as_str().unwrap()),
        "{queued}"
    );
    env.emu.advance_clock(Duration::from_secs(60));
    let r = env.get(&format!("{IMPORT}/{id}/status.json")).await;
    assert_eq!(
        assert_success(&r)[0],
        json!({"batchId": id, "importId": id.to_string(), "status": "Complete",
               "numOfLeadsProcessed": 2, "numOfRowsFailed": 0, "numOfRowsWithWarning": 0,
               "message": "Import succeeded, 2 records imported (2 members)"})
    );
    let r = env.get(&format!("{IMPORT}/9999/status.json")).await;
    assert_eq!(r.json["errors"][0]["code"], "1013", "{}", r.text);
}

#[tokio::test]
async fn get_import_program_member_failures_returns_each_failed_row_with_its_reason() {
    let env = with_programs().await;
    let id = import(&env, "email,firstName\na@example.com,Ann\n,NoEmail\n").await;
    env.emu.advance_clock(Duration::from_secs(60));
    let s = &assert_success(&env.get(&format!("{IMPORT}/{id}/status.json")).await)[0];
    assert_eq!(
        (&s["numOfLeadsProcessed"], &s["numOfRowsFailed"]),
        (&json!(1), &json!(1))
    );
    assert_eq!(
        s["message"],
        "Import completed with errors, 1 records imported (1 members), 1 failed"
    );
    let r = env.get(&format!("{IMPORT}/{id}/failures.json")).await;
    assert_eq!(r.status, 200);
    let mut lines = r.text.lines();
    assert_eq!(lines.next(), Some("email,firstName,Import Failure Reason"));
    let row = lines.next().unwrap();
    assert!(row.starts_with(",NoEmail,"), "{row}");
    assert_eq!(lines.next(), None);
}

#[tokio::test]
async fn get_import_program_member_warnings_returns_each_warned_row_with_its_reason() {
    let env = with_programs().await;
    let id = import(&env, "email,shoeSize\na@example.com,42\n").await;
    env.emu.advance_clock(Duration::from_secs(60));
    let s = &assert_success(&env.get(&format!("{IMPORT}/{id}/status.json")).await)[0];
    assert_eq!(
        (&s["numOfLeadsProcessed"], &s["numOfRowsWithWarning"]),
        (&json!(1), &json!(1))
    );
    assert_eq!(
        s["message"],
        "Import succeeded, 1 records imported (1 members), 1 warning."
    );
    let r = env.get(&format!("{IMPORT}/{id}/warnings.json")).await;
    assert_eq!(r.status, 200);
    let mut lines = r.text.lines();
    assert_eq!(lines.next(), Some("email,shoeSize,Import Warning Reason"));
    let row = lines.next().unwrap();
    assert!(row.starts_with("a@example.com,42,"), "{row}");
    assert_eq!(lines.next(), None);
    let r = env.get(&format!("{IMPORT}/{id}/failures.json")).await;
    assert_eq!(r.text.lines().count(), 1, "no failures: the header alone");
}

async fn create(env: &Env) -> String {
    let r = env
        .post_json(
            &format!("{EXPORT}/create.json"),
            &json!({"fields": ["leadId", "statusName"], "filter": {"programId": SUMMIT}}),
        )
        .await;
    let job = &assert_success(&r)[0];
    assert_eq!(
        (&job["status"], &job["format"]),
        (&json!("Created"), &json!("CSV"))
    );
    job["exportId"].as_str().unwrap().to_owned()
}

#[tokio::test]
async fn enqueue_export_program_member_job_answers_queued_with_queued_at() {
    let env = with_programs().await;
    let id = create(&env).await;
    let r = post(&env, &format!("{EXPORT}/{id}/enqueue.json")).await;
    let job = &assert_success(&r)[0];
    assert_eq!(job["exportId"], id.as_str());
    assert_eq!(job["status"], "Queued");
    assert_eq!(job["format"], "CSV");
    assert_eq!(job["createdAt"], "2026-03-10T15:00:00Z");
    assert_eq!(job["queuedAt"], "2026-03-10T15:00:00Z");
    let r = post(&env, &format!("{EXPORT}/nope/enqueue.json")).await;
    assert_eq!(r.json["errors"][0]["code"], "1013", "{}", r.text);
}

#[tokio::test]
async fn get_export_program_member_job_status_reaches_completed_with_the_file_facts() {
    let env = with_programs().await;
    set_status(&env, SUMMIT, "Registered", &[1, 2]).await;
    let id = create(&env).await;
    let r = env.get(&format!("{EXPORT}/{id}/status.json")).await;
    assert_eq!(assert_success(&r)[0]["status"], "Created");
    post(&env, &format!("{EXPORT}/{id}/enqueue.json")).await;
    env.emu.advance_clock(Duration::from_secs(60));
    let r = env.get(&format!("{EXPORT}/{id}/status.json")).await;
    let job = &assert_success(&r)[0];
    assert_eq!(job["status"], "Completed", "{job}");
    assert_eq!(job["numberOfRecords"], 2);
    let file = env.get(&format!("{EXPORT}/{id}/file.json")).await.text;
    assert_eq!(job["fileSize"], file.len());
    assert!(job["fileChecksum"].as_str().unwrap().starts_with("sha256:"));
    for stamp in ["createdAt", "queuedAt", "startedAt", "finishedAt"] {
        assert!(job[stamp].is_string(), "{stamp}: {job}");
    }
}

#[tokio::test]
async fn cancel_export_program_member_job_answers_cancelled() {
    let env = with_programs().await;
    let id = create(&env).await;
    post(&env, &format!("{EXPORT}/{id}/enqueue.json")).await;
    let r = post(&env, &format!("{EXPORT}/{id}/cancel.json")).await;
    let job = &assert_success(&r)[0];
    assert_eq!(
        (&job["exportId"], &job["status"], &job["format"]),
        (&json!(id), &json!("Cancelled"), &json!("CSV"))
    );
    env.emu.advance_clock(Duration::from_secs(60));
    let r = env.get(&format!("{EXPORT}/{id}/status.json")).await;
    assert_eq!(
        assert_success(&r)[0]["status"],
        "Cancelled",
        "stays cancelled"
    );
}

#[tokio::test]
async fn get_export_program_member_jobs_lists_jobs_filtered_by_status() {
    let env = with_programs().await;
    let created = create(&env).await;
    let queued = create(&env).await;
    post(&env, &format!("{EXPORT}/{queued}/enqueue.json")).await;
    let all = assert_success(&env.get(&format!("{EXPORT}.json")).await);
    let mut ids: Vec<&str> = all
        .iter()
        .map(|j| j["exportId"].as_str().unwrap())
        .collect();
    ids.sort_unstable();
    let mut want = vec![created.as_str(), queued.as_str()];
    want.sort_unstable();
    assert_eq!(ids, want);
    let r = env.get(&format!("{EXPORT}.json?status=Created")).await;
    let only = assert_success(&r);
    assert_eq!((only.len(), &only[0]["exportId"]), (1, &json!(created)));
}

#[tokio::test]
async fn get_export_program_member_file_with_range_returns_the_bytes_asked_for() {
    let env = with_programs().await;
    set_status(&env, SUMMIT, "Registered", &[1]).await;
    let id = create(&env).await;
    let early = env.get(&format!("{EXPORT}/{id}/file.json")).await;
    assert_eq!(early.status, 404, "no file before the job completes");
    post(&env, &format!("{EXPORT}/{id}/enqueue.json")).await;
    env.emu.advance_clock(Duration::from_secs(60));
    let whole = env.get(&format!("{EXPORT}/{id}/file.json")).await;
    assert_eq!(whole.text, "leadId,statusName\n1,Registered\n");
    let token = env.token().await;
    let part = env
        .send(
            env.http
                .get(env.url(&format!("{EXPORT}/{id}/file.json")))
                .bearer_auth(token)
                .header("Range", "bytes=7-16"),
        )
        .await;
    assert_eq!((part.status, part.text.as_str()), (206, "statusName"));
    assert_eq!(
        part.headers["content-range"].to_str().unwrap(),
        format!("bytes 7-16/{}", whole.text.len())
    );
}
