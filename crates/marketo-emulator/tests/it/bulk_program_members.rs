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
