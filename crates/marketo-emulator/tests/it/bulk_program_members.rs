//! Bulk Program Member Extract over HTTP: create with the documented filters, enqueue, status, file (with
//! `Range`), cancel, list, on the shared export queue.

use crate::program_members::{set_status, with_programs, GUIDE, SUMMIT};
use crate::support::*;
use serde_json::{json, Value};
use std::time::Duration;

const EXPORT: &str = "/bulk/v1/program/members/export";

async fn post(env: &Env, path: &str) -> Resp {
    let token = env.token().await;
    env.send(env.http.post(env.url(path)).bearer_auth(token))
        .await
}

async fn create(env: &Env, body: Value) -> Resp {
    env.post_json(&format!("{EXPORT}/create.json"), &body).await
}

/// Create, enqueue and complete a job; its file.
async fn export(env: &Env, body: Value) -> String {
    let r = create(env, body).await;
    let id = assert_success(&r)[0]["exportId"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_success(&post(env, &format!("{EXPORT}/{id}/enqueue.json")).await);
    env.emu.advance_clock(Duration::from_secs(60));
    let done = &assert_success(&env.get(&format!("{EXPORT}/{id}/status.json")).await)[0];
    assert_eq!(done["status"], "Completed", "{done}");
    env.get(&format!("{EXPORT}/{id}/file.json")).await.text
}

#[tokio::test]
async fn export_program_members_of_one_program_with_lead_and_member_fields() {
    let env = with_programs().await;
    set_status(&env, SUMMIT, "Registered", &[1, 2]).await;
    set_status(&env, SUMMIT, "Attended", &[2]).await;
    let text = export(
        &env,
        json!({"fields": ["email", "leadId", "statusName", "reachedSuccess", "program"],
               "columnHeaderNames": {"statusName": "Status"},
               "filter": {"programId": SUMMIT}}),
    )
    .await;
    assert_eq!(
        text,
        "email,leadId,Status,reachedSuccess,program\n\
         a@example.com,1,Registered,false,Summit\n\
         b@example.com,2,Attended,true,Summit\n"
    );
}

#[tokio::test]
async fn export_program_members_of_several_programs_filtered_by_status() {
    let env = with_programs().await;
    set_status(&env, SUMMIT, "Registered", &[1, 2]).await;
    set_status(&env, GUIDE, "Member", &[3]).await;
    let text = export(
        &env,
        json!({"fields": ["leadId", "statusName"], "format": "TSV",
               "filter": {"programIds": [SUMMIT, GUIDE], "statusNames": ["Registered", "Member"]}}),
    )
    .await;
    assert_eq!(
        text,
        "programId\tleadId\tstatusName\n1001\t1\tRegistered\n1001\t2\tRegistered\n1002\t3\tMember\n"
    );
}

#[tokio::test]
async fn create_export_program_member_job_checks_fields_and_filters() {
    let env = with_programs().await;
    let r = create(
        &env,
        json!({"fields": ["nope"], "filter": {"programId": SUMMIT}}),
    )
    .await;
    assert_marketo_error(&r, 1006, "Field 'nope' not found");
    let r = create(&env, json!({"fields": ["leadId"], "filter": {}})).await;
    assert_marketo_error(
        &r,
        1003,
        "Exactly one of programId or programIds must be specified",
    );
    let r = create(
        &env,
        json!({"fields": ["leadId"], "filter": {"programId": SUMMIT, "statusNames": ["Engaged"]}}),
    )
    .await;
    assert_marketo_error(&r, 1003, "Invalid Data");
    let r = create(
        &env,
        json!({"fields": ["leadId"], "filter": {"programId": 4242}}),
    )
    .await;
    assert_eq!(r.json["errors"][0]["code"], "1013");
    let r = create(
        &env,
        json!({"fields": ["leadId"], "filter": {"programId": SUMMIT,
               "updatedAt": {"startAt": "2026-01-01T00:00:00Z", "endAt": "2026-03-01T00:00:00Z"}}}),
    )
    .await;
    assert_eq!(r.json["errors"][0]["code"], "1003");
}

#[tokio::test]
async fn cancel_list_and_range_read_program_member_exports() {
    let env = with_programs().await;
    set_status(&env, SUMMIT, "Registered", &[1]).await;
    let body = json!({"fields": ["leadId"], "filter": {"programId": SUMMIT}});
    let r = create(&env, body.clone()).await;
    let cancelled = assert_success(&r)[0]["exportId"]
        .as_str()
        .unwrap()
        .to_owned();
    let r = post(&env, &format!("{EXPORT}/{cancelled}/cancel.json")).await;
    assert_eq!(assert_success(&r)[0]["status"], "Cancelled");
    let r = create(&env, body).await;
    let id = assert_success(&r)[0]["exportId"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_success(&post(&env, &format!("{EXPORT}/{id}/enqueue.json")).await);
    env.emu.advance_clock(Duration::from_secs(60));
    let listed = assert_success(&env.get(&format!("{EXPORT}.json")).await);
    assert_eq!(listed.len(), 2);
    let token = env.token().await;
    let part = env
        .send(
            env.http
                .get(env.url(&format!("{EXPORT}/{id}/file.json")))
                .bearer_auth(token)
                .header("Range", "bytes=0-5"),
        )
        .await;
    assert_eq!((part.status, part.text.as_str()), (206, "leadId"));
    // The lead exports' jobs are another kind: this one is not theirs to read.
    let r = env
        .get(&format!("/bulk/v1/leads/export/{id}/status.json"))
        .await;
    assert_eq!(r.json["errors"][0]["code"], "1013");
}

async fn import(env: &Env, program: i64, status: &str, file: &str) -> Resp {
    let token = env.token().await;
    let form = reqwest::multipart::Form::new()
        .text("format", "csv")
        .text("programMemberStatus", status.to_owned())
        .part(
            "file",
            reqwest::multipart::Part::bytes(file.as_bytes().to_vec()).file_name("members.csv"),
        );
    env.send(
        env.http
            .post(env.url(&format!("/bulk/v1/program/{program}/members/import.json")))
            .bearer_auth(token)
            .multipart(form),
    )
    .await
}

#[tokio::test]
async fn import_program_members_adds_leads_with_the_status_and_member_fields() {
    let env = with_programs().await;
    env.post_json(
        "/rest/v1/programs/members/schema/fields.json",
        &json!({"input": [{"displayName": "Lunch", "name": "lunch", "dataType": "string"}]}),
    )
    .await;
    let file = "email,firstName,lunch,shoeSize\n\
                a@example.com,Ann,fish,\n\
                new@example.com,Neo,soup,42\n\
                ,NoEmail,,\n";
    let r = import(&env, SUMMIT, "Registered", file).await;
    let batch = &assert_success(&r)[0];
    assert_eq!(batch["status"], "Queued");
    let id = batch["batchId"].as_i64().unwrap();
    env.emu.advance_clock(Duration::from_secs(60));
    let path = "/bulk/v1/program/members/import";
    let s = &assert_success(&env.get(&format!("{path}/{id}/status.json")).await)[0];
    assert_eq!(s["status"], "Complete");
    assert_eq!(
        (
            &s["numOfLeadsProcessed"],
            &s["numOfRowsFailed"],
            &s["numOfRowsWithWarning"]
        ),
        (&json!(2), &json!(1), &json!(1))
    );
    let failures = env.get(&format!("{path}/{id}/failures.json")).await.text;
    assert!(failures.starts_with("email,firstName,lunch,shoeSize,Import Failure Reason\n"));
    let warnings = env.get(&format!("{path}/{id}/warnings.json")).await.text;
    assert!(warnings.contains("shoeSize"), "{warnings}");
    let r = env
        .get(&format!(
            "/rest/v1/programs/{SUMMIT}/members.json?filterType=statusName&filterValues=Registered&fields=leadId,lunch,acquiredBy"
        ))
        .await;
    assert_eq!(
        Value::Array(assert_success(&r)),
        json!([{"seq": 0, "leadId": 1, "lunch": "fish", "acquiredBy": false},
               {"seq": 1, "leadId": 4, "lunch": "soup", "acquiredBy": true}])
    );
}

#[tokio::test]
async fn import_program_members_checks_the_program_and_status() {
    let env = with_programs().await;
    let file = "email\na@example.com\n";
    let r = import(&env, 4242, "Registered", file).await;
    assert_eq!(r.json["errors"][0]["code"], "1013");
    let r = import(&env, SUMMIT, "Engaged", file).await;
    assert_marketo_error(&r, 1025, "Program status not found");
    let r = import(&env, SUMMIT, "Registered", "email\n").await;
    assert_eq!(r.json["errors"][0]["code"], "1003");
}
