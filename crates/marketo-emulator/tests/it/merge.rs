//! Merge Leads: the winner keeps its values and takes the losers' where it has none, their list memberships
//! and activities; the losers are gone; the CRM rules of a natively synced subscription.

use crate::leads::sync;
use crate::support::*;
use marketo_emulator::EmulatorConfig;
use serde_json::{json, Value};

async fn crm_emulator(extra: &str) -> Env {
    let mut config = EmulatorConfig::from_toml_str(&format!(
        "[crm]\nnative_sync = true\nfield_lengths = {{ firstName = 5 }}\n{extra}"
    ))
    .expect("config");
    config.set_default_credentials(CLIENT_ID, CLIENT_SECRET);
    start_with(|b| b.config(config)).await
}

fn merge_path(winner: i64, query: &str) -> String {
    format!("/rest/v1/leads/{winner}/merge.json?{query}")
}

#[tokio::test]
async fn merge_leads_moves_values_memberships_and_activities() {
    let env = start().await;
    sync(
        &env,
        json!({"input": [
            {"email": "win@example.com", "firstName": "Win"},
            {"email": "lose@example.com", "firstName": "Lose", "lastName": "Smith", "title": "CEO"},
            {"email": "lose2@example.com", "phone": "555"}
        ]}),
    )
    .await;
    env.emu
        .seed(json!({"lists": [{"id": 7, "name": "L"}]}))
        .unwrap();
    env.post_json(
        "/rest/v1/lists/7/leads.json",
        &json!({"input": [{"id": 2}]}),
    )
    .await;
    let r = env
        .post_json(&merge_path(1, "leadIds=2,3"), &json!({}))
        .await;
    assert_success(&r);
    assert!(r.json.get("result").is_none(), "{}", r.text);
    let won = assert_success(
        &env.get("/rest/v1/lead/1.json?fields=firstName,lastName,title,phone")
            .await,
    );
    assert_eq!(
        won[0],
        json!({"id": 1, "firstName": "Win", "lastName": "Smith", "title": "CEO", "phone": "555"})
    );
    for gone in [2, 3] {
        assert!(assert_success(&env.get(&format!("/rest/v1/lead/{gone}.json")).await).is_empty());
    }
    let lists = assert_success(&env.get("/rest/v1/leads/1/listMembership.json").await);
    assert_eq!(lists[0]["id"], 7);
    let token = env
        .get("/rest/v1/activities/pagingtoken.json?sinceDatetime=2000-01-01")
        .await;
    let token = token.json["nextPageToken"].as_str().unwrap().to_owned();
    let acts = assert_success(
        &env.get(&format!(
            "/rest/v1/activities.json?nextPageToken={token}&activityTypeIds=12,24,32"
        ))
        .await,
    );
    assert!(acts.iter().all(|a| a["leadId"] == 1), "{acts:?}");
    let merged: Vec<&Value> = acts.iter().filter(|a| a["activityTypeId"] == 32).collect();
    assert_eq!(merged.len(), 1);
    assert_eq!(
        acts.iter().filter(|a| a["activityTypeId"] == 12).count(),
        3,
        "the losers' New Lead activities moved to the winner"
    );
}

#[tokio::test]
async fn code_1080_too_many_lead_ids_in_merge_leads() {
    let env = start().await;
    sync(&env, json!({"input": [{"email": "w@example.com"}]})).await;
    let ids: Vec<String> = (2..=27).map(|i| i.to_string()).collect();
    let r = env
        .post_json(
            &merge_path(1, &format!("leadIds={}", ids.join(","))),
            &json!({}),
        )
        .await;
    assert_marketo_error(&r, 1080, "Too many leadIds in Merge Leads");
}

#[tokio::test]
async fn merge_of_an_unknown_lead_is_1004_and_changes_nothing() {
    let env = start().await;
    sync(
        &env,
        json!({"input": [{"email": "w@example.com"}, {"email": "l@example.com"}]}),
    )
    .await;
    let r = env
        .post_json(&merge_path(1, "leadIds=2,99"), &json!({}))
        .await;
    assert_marketo_error(&r, 1004, "Lead not found");
    assert_eq!(
        assert_success(&env.get("/rest/v1/lead/2.json").await).len(),
        1
    );
    let r = env.post_json(&merge_path(1, ""), &json!({})).await;
    assert_marketo_error(&r, 1002, "Missing value for required parameter 'leadId'");
}

#[tokio::test]
async fn code_1079_personalized_url_conflict() {
    let env = start().await;
    env.emu
        .seed(json!({"leads": [
            {"email": "a@example.com", "_purl": "ann"},
            {"email": "b@example.com", "_purl": "bob"}
        ]}))
        .unwrap();
    let r = env.post_json(&merge_path(1, "leadId=2"), &json!({})).await;
    assert_marketo_error(
        &r,
        1079,
        "Merge Leads call failed due to Personalized URL conflict in duplicate records",
    );
}

#[tokio::test]
async fn code_712_merge_of_a_crm_person_account() {
    let env = crm_emulator("").await;
    env.emu
        .seed(json!({"leads": [
            {"email": "a@example.com", "_crm": {"type": "contact"}},
            {"email": "b@example.com", "_crm": {"type": "personAccount"}}
        ]}))
        .unwrap();
    let r = env.post_json(&merge_path(1, "leadId=2"), &json!({})).await;
    assert_marketo_error(&r, 712, "Merge to person Account operation is invalid");
}

#[tokio::test]
async fn code_714_merge_in_crm_without_a_default_record_type() {
    let env = crm_emulator("default_record_type = false").await;
    env.emu
        .seed(json!({"leads": [
            {"email": "a@example.com", "_crm": {"type": "contact"}},
            {"email": "b@example.com", "_crm": {"type": "lead"}}
        ]}))
        .unwrap();
    let r = env
        .post_json(&merge_path(1, "leadId=2&mergeInCRM=true"), &json!({}))
        .await;
    assert_marketo_error(&r, 714, "Unable to find default record type");
    // Without mergeInCRM the merge happens in Marketo only.
    let r = env.post_json(&merge_path(1, "leadId=2"), &json!({})).await;
    assert_success(&r);
}

#[tokio::test]
async fn code_1076_merge_in_crm_of_a_lead_the_crm_does_not_have() {
    let env = crm_emulator("").await;
    env.emu
        .seed(json!({"leads": [
            {"email": "a@example.com", "_crm": {"type": "contact"}},
            {"email": "b@example.com"}
        ]}))
        .unwrap();
    let r = env
        .post_json(&merge_path(1, "leadId=2&mergeInCRM=true"), &json!({}))
        .await;
    assert_marketo_error(&r, 1076, "Merge Leads call with mergeInCRM flag is true");
}

#[tokio::test]
async fn code_1077_merge_in_crm_with_a_value_too_long_for_the_crm_field() {
    let env = crm_emulator("").await;
    env.emu
        .seed(json!({"leads": [
            {"email": "a@example.com", "_crm": {"type": "contact"}},
            {"email": "b@example.com", "firstName": "Bartholomew", "_crm": {"type": "lead"}}
        ]}))
        .unwrap();
    let r = env
        .post_json(&merge_path(1, "leadId=2&mergeInCRM=true"), &json!({}))
        .await;
    assert_marketo_error(
        &r,
        1077,
        "Merge Leads call failed due to 'firstName' length",
    );
}

#[tokio::test]
async fn code_1078_merge_in_crm_of_a_record_deleted_in_the_crm() {
    let env = crm_emulator("").await;
    env.emu
        .seed(json!({"leads": [
            {"email": "a@example.com", "_crm": {"type": "contact"}},
            {"email": "b@example.com", "_crm": {"type": "lead", "deleted": true}}
        ]}))
        .unwrap();
    let r = env
        .post_json(&merge_path(1, "leadId=2&mergeInCRM=true"), &json!({}))
        .await;
    assert_marketo_error(
        &r,
        1078,
        "Merge Leads call failed due to deleted entity, not a lead/contact, or field filter criteria doesn't match",
    );
}
