//! Marketo's own trouble (502, 604, 608, 611, 614, 713, 719, dropped connections): backoff and retry.

use crate::support::*;
use marketo_client::{ErrorKind, RetryPolicy, SyncOptions};
use marketo_emulator::FaultRule;

const SYNC: &str = "/rest/v1/leads.json";

/// Two faults on Sync Leads, then success: every record created once, three calls.
async fn survives(rule: FaultRule, code: u16) {
    let emu = emulator(|b| b.fault(rule.times(2))).await;
    let client = client(&emu);
    let out = client
        .leads()
        .sync(leads("t", 300), SyncOptions::default())
        .await
        .unwrap();
    assert_all_created_once(&out, 300);
    let calls = calls_to(&emu, SYNC);
    assert_eq!(calls.len(), 3, "{calls:?}");
    assert!(calls[..2]
        .iter()
        .all(|c| c.code == Some(code) || c.status == code));
    assert_eq!(client.usage_snapshot().retries, 2);
}

#[tokio::test(start_paused = true)]
async fn code_502_bad_gateway_is_retried_with_backoff() {
    survives(FaultRule::http_status("POST", SYNC, 502), 502).await;
}

#[tokio::test(start_paused = true)]
async fn code_604_request_timed_out_is_retried_with_backoff() {
    survives(FaultRule::error("POST", SYNC, 604), 604).await;
}

#[tokio::test(start_paused = true)]
async fn code_608_api_temporarily_unavailable_is_retried_with_backoff() {
    survives(FaultRule::error("POST", SYNC, 608), 608).await;
}

#[tokio::test(start_paused = true)]
async fn code_611_system_error_is_retried_with_backoff() {
    survives(FaultRule::error("POST", SYNC, 611), 611).await;
}

#[tokio::test(start_paused = true)]
async fn code_614_invalid_subscription_is_retried_with_backoff() {
    survives(FaultRule::error("POST", SYNC, 614), 614).await;
}

#[tokio::test(start_paused = true)]
async fn code_713_transient_error_is_retried_with_backoff() {
    survives(FaultRule::error("POST", SYNC, 713), 713).await;
}

#[tokio::test(start_paused = true)]
async fn code_719_lock_wait_timeout_is_retried_with_backoff() {
    survives(FaultRule::error("POST", SYNC, 719), 719).await;
}

#[tokio::test(start_paused = true)]
async fn a_dropped_connection_is_retried_with_backoff() {
    let emu = emulator(|b| b.fault(FaultRule::drop_connection("POST", SYNC).times(1))).await;
    let out = client(&emu)
        .leads()
        .sync(leads("t", 10), SyncOptions::default())
        .await
        .unwrap();
    assert_all_created_once(&out, 10);
}

#[tokio::test(start_paused = true)]
async fn a_fault_that_outlasts_the_retries_fails_its_records_with_the_code() {
    let emu = emulator(|b| b.fault(FaultRule::error("POST", SYNC, 611))).await;
    let policy = RetryPolicy {
        max_attempts: 4,
        ..RetryPolicy::default()
    };
    let client = builder(&emu).retry(policy).build().unwrap();
    let out = client
        .leads()
        .sync(leads("t", 5), SyncOptions::default())
        .await
        .unwrap();
    let e = out[0].error().expect("failed");
    assert_eq!((e.kind(), e.code()), (ErrorKind::Transient, Some(611)));
    assert!(e.request_id().is_some());
    assert_eq!(calls_to(&emu, SYNC).len(), 4);
}

#[tokio::test(start_paused = true)]
async fn the_retry_budget_bounds_retries_across_calls() {
    let emu =
        emulator(|b| b.fault(FaultRule::error("GET", "/rest/v1/leads/describe.json", 713))).await;
    let policy = RetryPolicy {
        budget: 3,
        ..RetryPolicy::default()
    };
    let client = builder(&emu).retry(policy).build().unwrap();
    let e = client.leads().describe().await.unwrap_err();
    assert_eq!(e.kind(), ErrorKind::RetryBudgetExhausted);
    assert_eq!(
        calls_to(&emu, "/rest/v1/leads/describe.json").len(),
        4,
        "first try and 3 retries"
    );
    let again = client.leads().describe().await.unwrap_err();
    assert_eq!(again.kind(), ErrorKind::RetryBudgetExhausted);
    assert_eq!(
        calls_to(&emu, "/rest/v1/leads/describe.json").len(),
        5,
        "no retry left"
    );
}
