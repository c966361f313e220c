//! Tokens: 401, 600, 601, 602, single flight, refresh before expiry.

use crate::support::*;
use marketo_client::{Client, ErrorKind, SyncOptions};
use marketo_emulator::FaultRule;
use std::time::Duration;

const TOKEN: &str = "/identity/oauth/token";

#[tokio::test(start_paused = true)]
async fn code_401_bad_credentials_fail_at_once() {
    let emu = emulator(|b| b).await;
    let client = Client::builder()
        .endpoint(emu.url())
        .credentials(ID, "wrong-secret")
        .build()
        .unwrap();
    let e = client.leads().describe().await.unwrap_err();
    assert_eq!((e.kind(), e.code()), (ErrorKind::Credentials, Some(401)));
    assert!(e.to_string().contains("Bad client credentials"), "{e}");
    assert_eq!(calls_to(&emu, TOKEN).len(), 1, "a 401 is never retried");
    assert!(calls_to(&emu, "/rest/v1/leads/describe.json").is_empty());
}

#[tokio::test(start_paused = true)]
async fn code_600_token_not_specified_reauthenticates_and_replays() {
    // The client always sends its token, so the emulator's natural 600 (no Authorization) cannot come from
    // it: a fault rule stands in for a proxy that strips the header.
    let emu = emulator(|b| {
        b.fault(FaultRule::error("GET", "/rest/v1/leads/describe.json", 600).times(1))
    })
    .await;
    let client = client(&emu);
    assert!(!client.leads().describe().await.unwrap().is_empty());
    let describe = calls_to(&emu, "/rest/v1/leads/describe.json");
    assert_eq!(
        describe.iter().map(|c| c.code).collect::<Vec<_>>(),
        [Some(600), None]
    );
    assert_eq!(
        calls_to(&emu, TOKEN).len(),
        2,
        "a fresh token was asked for after 600"
    );
}

#[tokio::test(start_paused = true)]
async fn code_601_invalid_token_reauthenticates_and_replays() {
    let first = emulator(|b| b).await;
    let client = client(&first);
    client.leads().describe().await.unwrap();
    // A server restart on the same address forgets every issued token: the cached one is now invalid.
    let addr = first.addr();
    first.shutdown().await;
    let emu = emulator(|b| b.addr(addr)).await;
    let out = client
        .leads()
        .sync(leads("a", 3), SyncOptions::default())
        .await
        .unwrap();
    assert_all_created_once(&out, 3);
    let sync = calls_to(&emu, "/rest/v1/leads.json");
    assert_eq!(
        sync.iter().map(|c| c.code).collect::<Vec<_>>(),
        [Some(601), None]
    );
    assert!(!sync[0].counted);
}

#[tokio::test(start_paused = true)]
async fn code_602_mid_sync_refreshes_the_token_and_replays_the_batch() {
    let emu = emulator(|b| {
        b.latency(marketo_emulator::LatencyModel::fixed(Duration::from_secs(
            1,
        )))
    })
    .await;
    let client = builder(&emu).concurrency(1).build().unwrap();
    let task = {
        let client = client.clone();
        tokio::spawn(async move {
            client
                .leads()
                .sync(leads("m", 900), SyncOptions::default())
                .await
        })
    };
    // Once the first 300-record batch has been answered, the token expires on the server's clock.
    while calls_to(&emu, "/rest/v1/leads.json").is_empty() {
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    emu.advance_clock(Duration::from_secs(3601));
    let out = task.await.unwrap().unwrap();
    assert_all_created_once(&out, 900);
    let sync = calls_to(&emu, "/rest/v1/leads.json");
    let codes: Vec<_> = sync.iter().map(|c| c.code).collect();
    assert_eq!(
        codes.iter().filter(|c| **c == Some(602)).count(),
        1,
        "{codes:?}"
    );
    assert_eq!(
        codes.iter().filter(|c| c.is_none()).count(),
        3,
        "three batches, each stored once"
    );
    assert_eq!(client.usage_snapshot().tokens_fetched, 2);
}

#[tokio::test(start_paused = true)]
async fn one_token_fetch_serves_many_concurrent_calls() {
    let emu = emulator(|b| b).await;
    let client = client(&emu);
    let calls = (0..10).map(|_| {
        let c = client.clone();
        async move { c.leads().describe().await }
    });
    for r in futures::future::join_all(calls).await {
        r.unwrap();
    }
    assert_eq!(calls_to(&emu, TOKEN).len(), 1);
    assert_eq!(client.usage_snapshot().tokens_fetched, 1);
}

#[tokio::test(start_paused = true)]
async fn tokens_are_refreshed_before_they_expire_so_602_never_comes() {
    let emu = emulator(|b| b.token_ttl(Duration::from_secs(120))).await;
    let client = client(&emu);
    for _ in 0..8 {
        client.leads().describe().await.unwrap();
        tokio::time::sleep(Duration::from_secs(40)).await;
    }
    assert_eq!(answered(&emu, 602), 0);
    assert!(
        calls_to(&emu, TOKEN).len() >= 3,
        "refreshed as the token aged"
    );
}
