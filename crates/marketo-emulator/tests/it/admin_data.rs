//! The read-only data view: leads, lists, memberships, activities, bulk jobs and the generic object table,
//! read without counting against the emulator's limits.

use crate::support::*;
use serde_json::{json, Value};
use std::time::Duration;

async fn data(env: &Env, path: &str) -> Value {
    let r = env
        .send(env.http.get(env.url(&format!("/_emulator/data{path}"))))
        .await;
    assert_eq!(r.status, 200, "{path}: {}", r.text);
    r.json
}

#[tokio::test]
async fn every_resource_is_readable_and_nothing_counts() {
    let env = start().await;
    env.emu
        .seed(
            json!({"leads": [{"email": "ann@example.com"}, {"email": "bob@example.com"}],
                     "lists": [{"id": 7, "name": "Seven"}]}),
        )
        .unwrap();
    let token = env.token().await;
    let add = env
        .send(
            env.http
                .post(env.url("/rest/v1/lists/7/leads.json"))
                .bearer_auth(&token)
                .header("content-type", "application/json")
                .body(r#"{"input":[{"id":2}]}"#),
        )
        .await;
    assert_success(&add);
    let company = env
        .send(
            env.http
                .post(env.url("/rest/v1/companies.json"))
                .bearer_auth(&token)
                .header("content-type", "application/json")
                .body(r#"{"input":[{"externalCompanyId":"C1","company":"Acme"}]}"#),
        )
        .await;
    assert_success(&company);
    let export = env
        .send(
            env.http
                .post(env.url("/bulk/v1/leads/export/create.json"))
                .bearer_auth(&token)
                .header("content-type", "application/json")
                .body(json!({"fields": ["id"], "filter": {"staticListId": 7}}).to_string()),
        )
        .await;
    let export_id = assert_success(&export)[0]["exportId"]
        .as_str()
        .unwrap()
        .to_owned();
    let used = env.emu.usage().today;

    let summary = data(&env, "").await;
    assert_eq!(summary["leads"], 2);
    assert_eq!(summary["lists"], 1);
    assert_eq!(summary["memberships"], 1);
    assert_eq!(summary["activities"], 1, "the Add to List activity");
    assert_eq!(summary["bulk"], json!({"imports": 0, "exports": 1}));
    assert_eq!(summary["objects"]["company"], 1);

    let leads = data(&env, "/leads?email=BOB").await;
    assert_eq!(leads["total"], 1);
    assert_eq!(leads["items"][0]["email"], "bob@example.com");
    assert_eq!(
        data(&env, "/leads?offset=1&limit=1").await["items"][0]["id"],
        2
    );
    let lead = data(&env, "/leads/2").await;
    assert_eq!(lead["lists"], json!([7]));
    assert_eq!(lead["activities"]["items"][0]["activityTypeId"], 24);
    let lists = data(&env, "/lists").await;
    assert_eq!(lists["items"][0]["members"], 1);
    assert_eq!(
        data(&env, "/memberships?list_id=7").await["items"],
        json!([{"listId": 7, "leadId": 2}])
    );
    assert_eq!(data(&env, "/activities?type_id=24").await["total"], 1);
    assert_eq!(data(&env, "/objects").await, json!({"company": 1}));
    let companies = data(&env, "/objects/company").await;
    assert_eq!(companies["items"][0]["company"], "Acme");
    assert_eq!(data(&env, "/objects/nothing_c").await["total"], 0);

    let bulk = data(&env, "/bulk").await;
    assert_eq!(bulk["exports"][0]["exportId"], export_id);
    assert_eq!(bulk["exports"][0]["status"], "Created");
    assert_eq!(bulk["exports"][0]["kind"], "Leads");

    let r = env
        .send(env.http.get(env.url("/_emulator/data/leads/99")))
        .await;
    assert_eq!(r.status, 404);
    let r = env
        .send(env.http.get(env.url("/_emulator/data/leads?limit=many")))
        .await;
    assert_eq!(r.status, 400);
    assert_eq!(
        env.emu.usage().today,
        used,
        "the data view counts against nothing"
    );
}

#[tokio::test]
async fn bulk_jobs_show_the_state_a_status_call_would_answer() {
    let env = start().await;
    env.emu
        .seed(json!({"lists": [{"id": 7, "name": "Seven"}]}))
        .unwrap();
    let token = env.token().await;
    let create = env
        .send(
            env.http
                .post(env.url("/bulk/v1/leads/export/create.json"))
                .bearer_auth(&token)
                .header("content-type", "application/json")
                .body(json!({"fields": ["id"], "filter": {"staticListId": 7}}).to_string()),
        )
        .await;
    let id = assert_success(&create)[0]["exportId"]
        .as_str()
        .unwrap()
        .to_owned();
    let enqueue = env
        .send(
            env.http
                .post(env.url(&format!("/bulk/v1/leads/export/{id}/enqueue.json")))
                .bearer_auth(&token),
        )
        .await;
    assert_success(&enqueue);
    assert_eq!(
        data(&env, "/bulk").await["exports"][0]["status"],
        "Processing"
    );
    env.emu.advance_clock(Duration::from_secs(60));
    let done = data(&env, "/bulk").await;
    assert_eq!(done["exports"][0]["status"], "Completed");
    assert_eq!(done["exports"][0]["numberOfRecords"], 0);
}
