//! Codes produced by fault rules (the trouble Marketo has on its own side), dropped connections, latency, counts
//! and probabilities, set through the builder, the handle and the admin API.

use crate::support::*;
use marketo_emulator::FaultRule;
use serde_json::json;
use std::time::Duration;

const SYNC: &str = "/rest/v1/leads.json";

async fn faulted(code: u16) -> Resp {
    let env = start_with(|b| b.fault(FaultRule::error("POST", SYNC, code).times(1))).await;
    let r = env
        .post_json(SYNC, &json!({"input": [{"email": "a@example.com"}]}))
        .await;
    // Fired once, then the call goes through.
    let again = env
        .post_json(SYNC, &json!({"input": [{"email": "a@example.com"}]}))
        .await;
    assert_success(&again);
    let counted = env
        .emu
        .calls()
        .iter()
        .find(|c| c.code == Some(code))
        .map(|c| c.counted);
    let expected = marketo_types::codes::lookup(code).unwrap().counted;
    assert_eq!(counted, Some(expected), "counting rule for {code}");
    r
}

#[tokio::test]
async fn code_502_bad_gateway_http_status() {
    let env = start().await;
    env.emu
        .add_fault(FaultRule::http_status("*", "/rest/*", 502).times(1));
    let r = env.get("/rest/v1/leads/describe.json").await;
    assert_eq!(r.status, 502);
    assert_error_body(&r, 502, "Bad Gateway");
    assert_success(&env.get("/rest/v1/leads/describe.json").await);
}

#[tokio::test]
async fn code_604_request_timed_out() {
    assert_marketo_error(&faulted(604).await, 604, "Request timed out");
}

#[tokio::test]
async fn code_608_api_temporarily_unavailable() {
    assert_marketo_error(&faulted(608).await, 608, "API Temporarily Unavailable");
}

#[tokio::test]
async fn code_611_system_error() {
    assert_marketo_error(&faulted(611).await, 611, "System error");
}

#[tokio::test]
async fn code_614_invalid_subscription() {
    assert_marketo_error(&faulted(614).await, 614, "Invalid Subscription");
}

#[tokio::test]
async fn code_713_transient_error() {
    assert_marketo_error(&faulted(713).await, 713, "Transient Error");
}

#[tokio::test]
async fn code_719_lock_wait_timeout() {
    assert_marketo_error(&faulted(719).await, 719, "Lock wait timeout exception");
}

#[tokio::test]
async fn dropped_connection_gets_no_answer() {
    let env = start().await;
    env.emu
        .add_fault(FaultRule::drop_connection("GET", "/rest/v1/leads/describe.json").times(1));
    let token = env.token().await;
    let err = env
        .http
        .get(env.url("/rest/v1/leads/describe.json"))
        .bearer_auth(&token)
        .send()
        .await
        .expect_err("connection dropped");
    assert!(!err.is_status());
    let last = env.emu.calls().last().cloned().unwrap();
    assert!(last.dropped && !last.counted && last.status == 0);
    assert_success(&env.get_with("/rest/v1/leads/describe.json", &token).await);
}

#[tokio::test(start_paused = true)]
async fn latency_fault_delays_then_answers() {
    let env = start().await;
    env.emu.add_fault(FaultRule::latency(
        "GET",
        "/rest/v1/leads/describe.json",
        Duration::from_millis(800),
    ));
    let token = env.token().await;
    let before = tokio::time::Instant::now();
    assert_success(&env.get_with("/rest/v1/leads/describe.json", &token).await);
    assert!(before.elapsed() >= Duration::from_millis(800));
}

#[tokio::test]
async fn probability_zero_never_fires_and_one_always_does() {
    let env = start().await;
    env.emu
        .add_fault(FaultRule::error("*", "/rest/v1/leads/describe.json", 608).probability(0.0));
    let token = env.token().await;
    for _ in 0..20 {
        assert_success(&env.get_with("/rest/v1/leads/describe.json", &token).await);
    }
    env.emu.clear_faults();
    env.emu
        .add_fault(FaultRule::error("*", "/rest/v1/leads/describe.json", 608).probability(1.0));
    for _ in 0..5 {
        let r = env.get_with("/rest/v1/leads/describe.json", &token).await;
        assert_marketo_error(&r, 608, "API Temporarily Unavailable");
    }
}

#[tokio::test]
async fn admin_api_sets_lists_and_clears_faults() {
    let env = start().await;
    let admin = |p: &str| env.url(&format!("/_emulator/{p}"));
    let r = env
        .send(
            env.http
                .post(admin("faults"))
                .body(r#"{"method":"POST","path":"/rest/v1/leads.json","error":"604","times":2}"#),
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.text);
    let listed = env.send(env.http.get(admin("faults"))).await;
    assert_eq!(listed.json[0]["error"], "604");
    assert_eq!(listed.json[0]["remaining"], 2);
    for _ in 0..2 {
        let r = env
            .post_json(SYNC, &json!({"input": [{"email": "a@example.com"}]}))
            .await;
        assert_marketo_error(&r, 604, "Request timed out");
    }
    assert_success(
        &env.post_json(SYNC, &json!({"input": [{"email": "a@example.com"}]}))
            .await,
    );
    let bad = env
        .send(
            env.http
                .post(admin("faults"))
                .body(r#"{"path":"/x","http_status":1000}"#),
        )
        .await;
    assert_eq!(bad.status, 400);
    env.send(env.http.post(admin("faults")).body(
        r#"[{"path":"/rest/*","http_status":502},{"path":"*","drop":true,"probability":0.1}]"#,
    ))
    .await;
    // The retired 604 rule stays listed (with how often it fired) beside the two new ones.
    let rules = env.emu.state().faults.list();
    assert_eq!(rules.len(), 3);
    assert_eq!((rules[0].fired, rules[0].active), (2, false));
    let cleared = env.send(env.http.delete(admin("faults"))).await;
    assert_eq!(cleared.status, 200);
    assert!(env.emu.state().faults.list().is_empty());
}

/// A record a `record_error` rule reports skipped is never applied: the lead is not created, so a client that
/// retries it (the Python client retries 1014 and 1022) sees "created", as Marketo would answer.
#[tokio::test]
async fn record_error_leaves_the_skipped_records_data_as_it_was() {
    let env = start().await;
    env.emu.add_fault(
        FaultRule::record_error("POST", SYNC, 1014)
            .records(1)
            .times(1),
    );
    let two = json!({"input": [{"email": "skip@example.com"}, {"email": "keep@example.com"}]});
    let result = assert_success(&env.post_json(SYNC, &two).await);
    assert_eq!(result[0]["status"], "skipped");
    assert_eq!(result[0]["reasons"][0]["code"], "1014");
    assert_eq!(result[1]["status"], "created");
    let lookup = |email: &'static str| {
        env.get(Box::leak(
            format!("/rest/v1/leads.json?filterType=email&filterValues={email}").into_boxed_str(),
        ))
    };
    assert!(assert_success(&lookup("skip@example.com").await).is_empty());
    assert_eq!(assert_success(&lookup("keep@example.com").await).len(), 1);
    let retry = assert_success(
        &env.post_json(SYNC, &json!({"input": [{"email": "skip@example.com"}]}))
            .await,
    );
    assert_eq!(retry[0]["status"], "created", "{retry:?}");
}

/// The same for Delete Leads: a lead reported skipped with 1022 is still there; the others are deleted.
#[tokio::test]
async fn record_error_on_delete_keeps_the_skipped_lead() {
    let env = start().await;
    let created = assert_success(
        &env.post_json(
            SYNC,
            &json!({"input": [{"email": "a@example.com"}, {"email": "b@example.com"}]}),
        )
        .await,
    );
    let (a, b) = (
        created[0]["id"].as_i64().unwrap(),
        created[1]["id"].as_i64().unwrap(),
    );
    env.emu.add_fault(
        FaultRule::record_error("POST", "/rest/v1/leads/delete.json", 1022)
            .records(1)
            .times(1),
    );
    let r = env
        .post_json(
            "/rest/v1/leads/delete.json",
            &json!({"input": [{"id": a}, {"id": b}]}),
        )
        .await;
    let result = assert_success(&r);
    assert_eq!(result[0]["id"], a);
    assert_eq!(result[0]["status"], "skipped");
    assert_eq!(result[1], json!({"id": b, "status": "deleted"}));
    assert_eq!(
        assert_success(&env.get(&format!("/rest/v1/lead/{a}.json")).await).len(),
        1,
        "the skipped lead stays"
    );
    assert!(assert_success(&env.get(&format!("/rest/v1/lead/{b}.json")).await).is_empty());
    // Every record skipped: nothing reaches the model.
    env.emu
        .add_fault(FaultRule::record_error("POST", "/rest/v1/leads/delete.json", 1022).times(1));
    let r = env
        .post_json("/rest/v1/leads/delete.json", &json!({"input": [{"id": a}]}))
        .await;
    assert_eq!(assert_success(&r)[0]["status"], "skipped");
    assert_eq!(
        assert_success(&env.get(&format!("/rest/v1/lead/{a}.json")).await).len(),
        1
    );
}
