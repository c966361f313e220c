//! Requests that cannot succeed as sent: stopped at once with the code, never retried.

use crate::support::*;
use futures::TryStreamExt;
use marketo_client::{Client, ErrorKind, SyncOptions};
use marketo_emulator::config::{ApiUser, Role};
use marketo_emulator::FaultRule;

/// Answer `code` on Sync Leads (fault rule); the batch fails with it after one call.
async fn refused(code: u16) {
    let emu = emulator(|b| b.fault(FaultRule::error("POST", "/rest/v1/leads.json", code))).await;
    let out = client(&emu)
        .leads()
        .sync(leads("r", 2), SyncOptions::default())
        .await
        .unwrap();
    for o in &out {
        let e = o.error().expect("failed");
        assert_eq!((e.kind(), e.code()), (ErrorKind::Request, Some(code)));
    }
    assert_eq!(
        calls_to(&emu, "/rest/v1/leads.json").len(),
        1,
        "never retried"
    );
}

#[tokio::test(start_paused = true)]
async fn code_603_access_denied_is_not_retried() {
    let reader = ApiUser {
        role: Role::ReadOnly,
        ..ApiUser::full("reader", "reader-secret")
    };
    let emu = emulator(|b| b.user(reader)).await;
    let client = Client::builder()
        .endpoint(emu.url())
        .credentials("reader", "reader-secret")
        .build()
        .unwrap();
    let out = client
        .leads()
        .sync(leads("r", 2), SyncOptions::default())
        .await
        .unwrap();
    let e = out[1].error().expect("failed");
    assert_eq!((e.kind(), e.code()), (ErrorKind::Request, Some(603)));
    assert_eq!(calls_to(&emu, "/rest/v1/leads.json").len(), 1);
    client.leads().describe().await.expect("reads are allowed");
}

#[tokio::test(start_paused = true)]
async fn code_605_method_not_supported_is_not_retried() {
    refused(605).await;
}

#[tokio::test(start_paused = true)]
async fn code_609_invalid_json_is_not_retried() {
    refused(609).await;
}

#[tokio::test(start_paused = true)]
async fn code_610_resource_not_found_is_not_retried() {
    let emu = emulator(|b| b).await;
    let e = client(&emu).leads().get(-1, &[]).await.unwrap_err();
    assert_eq!((e.kind(), e.code()), (ErrorKind::Request, Some(610)));
    assert_eq!(calls_to(&emu, "/rest/v1/lead/-1.json").len(), 1);
}

#[tokio::test(start_paused = true)]
async fn code_612_invalid_content_type_is_not_retried() {
    refused(612).await;
}

#[tokio::test(start_paused = true)]
async fn code_701_blank_parameter_is_not_retried() {
    let emu = emulator(|b| b).await;
    let r: Result<Vec<_>, _> = client(&emu)
        .leads()
        .by_filter("", vec!["x".into()], &[])
        .try_collect()
        .await;
    let e = r.unwrap_err();
    assert_eq!((e.kind(), e.code()), (ErrorKind::Request, Some(701)));
    assert_eq!(calls_to(&emu, "/rest/v1/leads.json").len(), 1);
}

#[tokio::test(start_paused = true)]
async fn code_1001_wrong_typed_parameter_is_not_retried() {
    refused(1001).await;
}

#[tokio::test(start_paused = true)]
async fn code_1002_missing_parameter_is_not_retried() {
    refused(1002).await;
}
