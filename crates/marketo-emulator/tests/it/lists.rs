//! Static list membership over HTTP: one named test per code the list rules produce, with Marketo's exact
//! bodies.

use crate::leads::{start_leads, sync};
use crate::support::*;
use serde_json::{json, Value};

/// An emulator with leads 1 and 2 and the empty list 1080.
async fn with_list() -> Env {
    let env = start_leads().await;
    sync(
        &env,
        json!({"input": [{"email": "a@example.com"}, {"email": "b@example.com"}]}),
    )
    .await;
    env.emu
        .seed(json!({"lists": [{"id": 1080, "name": "Webinar"}]}))
        .expect("seed");
    env
}

async fn delete(env: &Env, path: &str) -> Resp {
    let token = env.token().await;
    env.send(env.http.delete(env.url(path)).bearer_auth(token))
        .await
}

#[tokio::test]
async fn code_1004_add_unknown_lead() {
    let env = with_list().await;
    let r = env
        .post_json(
            "/rest/v1/lists/1080/leads.json",
            &json!({"input": [{"id": 1}, {"id": 999}]}),
        )
        .await;
    assert_eq!(
        Value::Array(assert_success(&r)),
        json!([
            {"id": 1, "status": "added"},
            {"id": 999, "status": "skipped", "reasons": [{"code": "1004", "message": "Lead not found"}]}
        ])
    );
}

#[tokio::test]
async fn code_1004_is_member_unknown_lead() {
    let env = with_list().await;
    env.post_json(
        "/rest/v1/lists/1080/leads.json",
        &json!({"input": [{"id": 1}]}),
    )
    .await;
    let r = env
        .get("/rest/v1/lists/1080/leads/ismember.json?id=1,2,999999")
        .await;
    assert_eq!(
        Value::Array(assert_success(&r)),
        json!([
            {"id": 1, "status": "memberof"},
            {"id": 2, "status": "notmemberof"},
            {"id": 999999, "status": "skipped", "reasons": [{"code": "1004", "message": "Lead not found"}]}
        ])
    );
}

#[tokio::test]
async fn code_1013_unknown_list() {
    let env = with_list().await;
    let r = env
        .post_json(
            "/rest/v1/lists/4242/leads.json",
            &json!({"input": [{"id": 1}]}),
        )
        .await;
    assert_marketo_error(&r, 1013, "Object not found");
    let r = env.get("/rest/v1/lists/4242/leads.json").await;
    assert_marketo_error(&r, 1013, "Object not found");
}

#[tokio::test]
async fn code_1015_lead_not_in_list() {
    let env = with_list().await;
    env.post_json(
        "/rest/v1/lists/1080/leads.json",
        &json!({"input": [{"id": 2}]}),
    )
    .await;
    let r = delete(&env, "/rest/v1/lists/1080/leads.json?id=1&id=2").await;
    assert_eq!(
        Value::Array(assert_success(&r)),
        json!([
            {"id": 1, "status": "skipped", "reasons": [{"code": "1015", "message": "Lead not in list"}]},
            {"id": 2, "status": "removed"}
        ])
    );
}

#[tokio::test]
async fn members_are_paged_and_follow_deletes() {
    let env = with_list().await;
    env.post_json(
        "/rest/v1/lists/1080/leads.json",
        &json!({"input": [{"id": 1}, {"id": 2}]}),
    )
    .await;
    let r = env
        .get("/rest/v1/lists/1080/leads.json?batchSize=1&fields=email")
        .await;
    assert_eq!(
        assert_success(&r),
        vec![json!({"id": 1, "email": "a@example.com"})]
    );
    assert_eq!(r.json["moreResult"], true);
    let token = r.json["nextPageToken"].as_str().expect("token").to_string();
    let r = env
        .get(&format!(
            "/rest/v1/lists/1080/leads.json?batchSize=1&fields=email&nextPageToken={token}"
        ))
        .await;
    assert_eq!(
        assert_success(&r),
        vec![json!({"id": 2, "email": "b@example.com"})]
    );
    assert!(r.json.get("nextPageToken").is_none());
    env.post_json("/rest/v1/leads/delete.json", &json!({"input": [{"id": 1}]}))
        .await;
    let r = env.get("/rest/v1/list/1080/leads.json").await;
    assert_eq!(
        assert_success(&r).len(),
        1,
        "deleted leads leave their lists"
    );
}

/// The Python client checks membership with `POST ...ismember.json?_method=GET` and a JSON body: Marketo takes
/// a JSON body wherever a `_method=GET` form body goes.
#[tokio::test]
async fn is_member_with_method_get_and_a_json_body() {
    let env = with_list().await;
    env.post_json(
        "/rest/v1/lists/1080/leads.json",
        &json!({"input": [{"id": 1}]}),
    )
    .await;
    let r = env
        .post_json(
            "/rest/v1/lists/1080/leads/ismember.json?_method=GET",
            &json!({"input": [{"id": 1}, {"id": 2}]}),
        )
        .await;
    assert_eq!(
        Value::Array(assert_success(&r)),
        json!([{"id": 1, "status": "memberof"}, {"id": 2, "status": "notmemberof"}])
    );
}

/// Lists as a Marketo user makes them in the UI: seeded with their program and workspace.
async fn with_lists() -> Env {
    let env = with_list().await;
    env.emu
        .seed(json!({"lists": [
            {"id": 1081, "name": "Attendees", "programName": "Webinar 2026", "description": "came"},
            {"id": 1082, "name": "No shows", "programName": "Webinar 2026", "workspaceName": "Europe"}
        ]}))
        .expect("seed");
    env
}

#[tokio::test]
async fn get_lists_filters_and_pages() {
    let env = with_lists().await;
    let all = assert_success(&env.get("/rest/v1/lists.json").await);
    assert_eq!(all.len(), 3);
    assert_eq!(
        all[1],
        json!({"id": 1081, "name": "Attendees", "description": "came", "programName": "Webinar 2026",
               "workspaceName": "Default", "createdAt": "2026-03-10T15:00:00Z", "updatedAt": "2026-03-10T15:00:00Z"})
    );
    let by_program = assert_success(
        &env.get("/rest/v1/lists.json?programName=Webinar%202026&workspaceName=Europe")
            .await,
    );
    assert_eq!(by_program.len(), 1);
    assert_eq!(by_program[0]["id"], 1082);
    let by_name = assert_success(&env.get("/rest/v1/lists.json?name=Webinar,Attendees").await);
    assert_eq!(by_name.len(), 2);
    let by_id = assert_success(&env.get("/rest/v1/lists.json?id=1082").await);
    assert_eq!(by_id[0]["name"], "No shows");
    let first = env.get("/rest/v1/lists.json?batchSize=2").await;
    assert_eq!(assert_success(&first).len(), 2);
    let token = first.json["nextPageToken"].as_str().unwrap().to_owned();
    let rest = env
        .get(&format!(
            "/rest/v1/lists.json?batchSize=2&nextPageToken={token}"
        ))
        .await;
    assert_eq!(assert_success(&rest)[0]["id"], 1082);
    assert!(rest.json.get("nextPageToken").is_none());
}

#[tokio::test]
async fn get_list_by_id_and_1013_for_an_unknown_list() {
    let env = with_lists().await;
    let r = env.get("/rest/v1/lists/1081.json").await;
    assert_eq!(assert_success(&r)[0]["name"], "Attendees");
    let r = env.get("/rest/v1/lists/4242.json").await;
    assert_marketo_error(&r, 1013, "Object not found");
}

#[tokio::test]
async fn get_lists_by_lead_id_and_the_lead_membership_reads() {
    let env = with_lists().await;
    for list in [1080, 1082] {
        env.post_json(
            &format!("/rest/v1/lists/{list}/leads.json"),
            &json!({"input": [{"id": 1}]}),
        )
        .await;
    }
    let lists = assert_success(&env.get("/rest/v1/leads/1/listMembership.json").await);
    let ids: Vec<&Value> = lists.iter().map(|l| &l["id"]).collect();
    assert_eq!(ids, [&json!(1080), &json!(1082)]);
    assert!(assert_success(&env.get("/rest/v1/leads/2/listMembership.json").await).is_empty());
    assert!(assert_success(&env.get("/rest/v1/leads/1/programMembership.json").await).is_empty());
    assert!(assert_success(
        &env.get("/rest/v1/leads/1/smartCampaignMembership.json")
            .await
    )
    .is_empty());
    let r = env.get("/rest/v1/leads/999/listMembership.json").await;
    assert_marketo_error(&r, 1004, "Lead not found");
}
