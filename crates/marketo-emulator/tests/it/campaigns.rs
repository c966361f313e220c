//! The Lead Database's campaigns over HTTP: Get Campaigns, Get Campaign by Id, Request Campaign and Schedule
//! Campaign, with runs that happen when the emulator's clock reaches them; 1003 (batch campaign), 1042 and
//! 1020 from their causes.

use crate::program_members::{activities_of, set_status, with_programs_and, PROGRAMS, SUMMIT};
use crate::support::*;
use serde_json::{json, Value};
use std::time::Duration;

/// A requestable trigger campaign (1001) and a batch campaign (1002) in program Summit, and a batch
/// campaign outside any program (1003).
fn seed() -> String {
    format!(
        r#"{PROGRAMS}
[[seed.smartCampaigns]]
name = "Welcome"
folder = "/Marketing Activities/Default/Summit"
triggers = ["Campaign is Requested"]
flow = ["Send Email"]
isRequestable = true

[[seed.smartCampaigns]]
name = "Reminder"
folder = "/Marketing Activities/Default/Summit"
flow = ["Send Email"]

[[seed.smartCampaigns]]
name = "Loose"
folder = "/Marketing Activities/Default"
"#
    )
}

const WELCOME: i64 = 1001;
const REMINDER: i64 = 1002;
const LOOSE: i64 = 1003;

async fn with_campaigns() -> Env {
    let env = with_programs_and(&seed()).await;
    let r = env
        .post_json(
            &format!("/rest/asset/v1/smartCampaign/{WELCOME}/activate.json"),
            &json!({}),
        )
        .await;
    assert_eq!(r.json["success"], true, "{}", r.text);
    env
}

async fn schedule(env: &Env, id: i64, input: Value) -> Resp {
    env.post_json(
        &format!("/rest/v1/campaigns/{id}/schedule.json"),
        &json!({ "input": input }),
    )
    .await
}

#[tokio::test]
async fn get_campaigns_filters_by_name_program_workspace_and_triggerable() {
    let env = with_campaigns().await;
    let r = env.get("/rest/v1/campaigns.json").await;
    let all = assert_success(&r);
    assert_eq!(all.len(), 3);
    assert_eq!(
        all[0],
        json!({"id": WELCOME, "name": "Welcome", "type": "trigger", "programName": "Summit",
               "programId": SUMMIT, "workspaceName": "Default", "createdAt": "2026-03-10T15:00:00Z",
               "updatedAt": all[0]["updatedAt"], "active": true})
    );
    assert_eq!(all[2].get("programId"), None);
    let r = env.get("/rest/v1/campaigns.json?isTriggerable=true").await;
    assert_eq!(assert_success(&r).len(), 1);
    let r = env
        .get("/rest/v1/campaigns.json?programName=Summit&name=Reminder")
        .await;
    assert_eq!(assert_success(&r)[0]["id"], REMINDER);
    let r = env
        .get("/rest/v1/campaigns.json?workspaceName=Default&batchSize=2")
        .await;
    assert_eq!(assert_success(&r).len(), 2);
    let token = r.json["nextPageToken"].as_str().unwrap();
    let r = env
        .get(&format!("/rest/v1/campaigns.json?nextPageToken={token}"))
        .await;
    assert_eq!(assert_success(&r)[0]["id"], LOOSE);
}

#[tokio::test]
async fn get_campaign_by_id_or_1013() {
    let env = with_campaigns().await;
    let r = env
        .get(&format!("/rest/v1/campaigns/{REMINDER}.json"))
        .await;
    assert_eq!(assert_success(&r)[0]["type"], "batch");
    let r = env.get("/rest/v1/campaigns/4242.json").await;
    assert_marketo_error(&r, 1013, "Object not found");
}

#[tokio::test]
async fn request_campaign_records_its_activities_on_the_next_call() {
    let env = with_campaigns().await;
    let r = env
        .post_json(
            &format!("/rest/v1/campaigns/{WELCOME}/trigger.json"),
            &json!({"input": {"leads": [{"id": 1}, {"id": 2}, {"id": 999}],
                              "tokens": [{"name": "{{my.message}}", "value": "hi"}]}}),
        )
        .await;
    assert_eq!(Value::Array(assert_success(&r)), json!([{"id": WELCOME}]));
    let requested = activities_of(&env, 47).await;
    assert_eq!(requested.len(), 2);
    assert_eq!(requested[0]["primaryAttributeValueId"], WELCOME);
    assert_eq!(requested[0]["primaryAttributeValue"], "Welcome");
    assert_eq!(activities_of(&env, 6).await.len(), 2, "one Send Email each");
}

#[tokio::test]
async fn code_1003_request_campaign_on_a_batch_campaign() {
    let env = with_campaigns().await;
    let r = env
        .post_json(
            &format!("/rest/v1/campaigns/{REMINDER}/trigger.json"),
            &json!({"input": {"leads": [{"id": 1}]}}),
        )
        .await;
    assert_marketo_error(&r, 1003, "Invalid data");
    let leads: Vec<Value> = (1..=101).map(|i| json!({"id": i})).collect();
    let r = env
        .post_json(
            &format!("/rest/v1/campaigns/{WELCOME}/trigger.json"),
            &json!({"input": {"leads": leads}}),
        )
        .await;
    assert_marketo_error(&r, 1003, "Invalid data");
}

#[tokio::test]
async fn schedule_campaign_runs_when_the_clock_reaches_run_at() {
    let env = with_campaigns().await;
    set_status(&env, SUMMIT, "Registered", &[1, 3]).await;
    let r = schedule(&env, REMINDER, json!({"runAt": "2026-03-10T16:00:00Z"})).await;
    assert_eq!(Value::Array(assert_success(&r)), json!([{"id": REMINDER}]));
    assert!(activities_of(&env, 6).await.is_empty(), "not yet");
    env.clock.advance(Duration::from_secs(3600));
    let sent = activities_of(&env, 6).await;
    assert_eq!(sent.len(), 2);
    assert_eq!(sent[0]["activityDate"], "2026-03-10T16:00:00Z");
    assert_eq!(
        (sent[0]["leadId"].clone(), sent[1]["leadId"].clone()),
        (json!(1), json!(3))
    );
}

#[tokio::test]
async fn schedule_campaign_without_run_at_runs_five_minutes_later() {
    let env = with_campaigns().await;
    set_status(&env, SUMMIT, "Registered", &[2]).await;
    let r = env
        .post_json(
            &format!("/rest/v1/campaigns/{REMINDER}/schedule.json"),
            &json!({}),
        )
        .await;
    assert_success(&r);
    env.clock.advance(Duration::from_secs(299));
    assert!(activities_of(&env, 6).await.is_empty());
    env.clock.advance(Duration::from_secs(1));
    assert_eq!(activities_of(&env, 6).await.len(), 1);
}

#[tokio::test]
async fn code_1042_run_at_more_than_two_years_ahead() {
    let env = with_campaigns().await;
    let r = schedule(&env, REMINDER, json!({"runAt": "2028-03-11T15:00:00Z"})).await;
    assert_marketo_error(&r, 1042, "Invalid runAt date");
    let r = schedule(&env, REMINDER, json!({"runAt": "2028-03-10T15:00:00Z"})).await;
    assert_success(&r);
    let r = schedule(&env, WELCOME, json!({})).await;
    assert_marketo_error(&r, 1003, "Invalid data");
}

#[tokio::test]
async fn code_1020_clone_to_program_name_past_twenty_a_day() {
    let env = with_campaigns().await;
    let r = schedule(&env, REMINDER, json!({"cloneToProgramName": "Summit 1"})).await;
    let cloned = assert_success(&r)[0]["id"].as_i64().unwrap();
    assert_ne!(cloned, REMINDER);
    let r = env.get(&format!("/rest/v1/campaigns/{cloned}.json")).await;
    assert_eq!(assert_success(&r)[0]["programName"], "Summit 1");
    for i in 2..=20 {
        let r = schedule(
            &env,
            REMINDER,
            json!({"cloneToProgramName": format!("Summit {i}")}),
        )
        .await;
        assert_success(&r);
    }
    let r = schedule(&env, REMINDER, json!({"cloneToProgramName": "Summit 21"})).await;
    assert_marketo_error(&r, 1020, "Too many clone to program");
    let r = schedule(&env, LOOSE, json!({})).await;
    assert_success(&r);
    // The allowance is per day (US Central): the next day it is back.
    env.clock.advance(Duration::from_secs(24 * 3600));
    let r = schedule(&env, REMINDER, json!({"cloneToProgramName": "Summit 21"})).await;
    assert_success(&r);
}
