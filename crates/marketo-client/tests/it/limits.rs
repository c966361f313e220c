//! The rate window (606), concurrency slots (615) and daily quota (607), with a second client sharing the
//! emulator where the client alone would never trip them.

use crate::support::*;
use marketo_client::{stopped_by, Client, ErrorKind, SyncOptions};
use marketo_emulator::LatencyModel;
use std::time::Duration;

async fn sync_all(client: &Client, prefix: &str, n: usize) -> Vec<marketo_client::RecordOutcome> {
    client
        .leads()
        .sync(leads(prefix, n), SyncOptions::default())
        .await
        .unwrap()
}

#[tokio::test(start_paused = true)]
async fn one_client_alone_never_trips_the_window_or_the_slots() {
    let emu = emulator(|b| {
        b.rate_limit(5, Duration::from_secs(2))
            .concurrency(3)
            .latency(LatencyModel::fixed(Duration::from_millis(300)))
    })
    .await;
    let client = builder(&emu)
        .rate_limit(5, Duration::from_secs(2))
        .concurrency(3)
        .build()
        .unwrap();
    let out = sync_all(&client, "solo", 4_500).await;
    assert_all_created_once(&out, 4_500);
    assert_eq!((answered(&emu, 606), answered(&emu, 615)), (0, 0));
}

#[tokio::test(start_paused = true)]
async fn code_606_from_a_second_client_sharing_the_window_slows_down_and_completes() {
    let emu = emulator(|b| {
        b.rate_limit(6, Duration::from_secs(20))
            .latency(LatencyModel::fixed(Duration::from_millis(100)))
    })
    .await;
    let mk = || {
        builder(&emu)
            .rate_limit(6, Duration::from_secs(20))
            .build()
            .unwrap()
    };
    let (a, b) = (mk(), mk());
    let (ra, rb) = tokio::join!(sync_all(&a, "a", 3_000), sync_all(&b, "b", 3_000));
    assert_all_created_once(&ra, 3_000);
    assert_all_created_once(&rb, 3_000);
    let rate_limited = answered(&emu, 606);
    assert!(
        rate_limited >= 1,
        "the two clients together must overrun the window"
    );
    let seen = a.usage_snapshot().rate_limited_answers + b.usage_snapshot().rate_limited_answers;
    assert_eq!(seen as usize, rate_limited);
    // Slowing down, not hammering: the adaptive cap halves on each 606, so the two clients settle on shares
    // that fit the window; well under half as many 606 answers as the 20 batches that got through.
    assert!(rate_limited <= 8, "{rate_limited} answers 606");
}

#[tokio::test(start_paused = true)]
async fn a_reserve_share_keeps_two_clients_clear_of_606_and_615() {
    let emu = emulator(|b| {
        b.rate_limit(6, Duration::from_secs(20))
            .concurrency(4)
            .latency(LatencyModel::fixed(Duration::from_millis(500)))
    })
    .await;
    let mk = || {
        builder(&emu)
            .rate_limit(6, Duration::from_secs(20))
            .concurrency(4)
            .reserve_share(0.5)
            .build()
            .unwrap()
    };
    let (a, b) = (mk(), mk());
    let (ra, rb) = tokio::join!(sync_all(&a, "a", 2_400), sync_all(&b, "b", 2_400));
    assert_all_created_once(&ra, 2_400);
    assert_all_created_once(&rb, 2_400);
    assert_eq!((answered(&emu, 606), answered(&emu, 615)), (0, 0));
}

#[tokio::test(start_paused = true)]
async fn code_615_from_a_second_client_sharing_the_slots_waits_and_completes() {
    let emu = emulator(|b| {
        b.concurrency(2)
            .latency(LatencyModel::fixed(Duration::from_secs(1)))
    })
    .await;
    let mk = || builder(&emu).concurrency(2).build().unwrap();
    let (a, b) = (mk(), mk());
    let (ra, rb) = tokio::join!(sync_all(&a, "a", 3_000), sync_all(&b, "b", 3_000));
    assert_all_created_once(&ra, 3_000);
    assert_all_created_once(&rb, 3_000);
    let busy = answered(&emu, 615);
    assert!(busy >= 1, "four calls at once on two slots must be refused");
    let seen = a.usage_snapshot().concurrency_limited_answers
        + b.usage_snapshot().concurrency_limited_answers;
    assert_eq!(seen as usize, busy);
}

#[tokio::test(start_paused = true)]
async fn code_607_stops_the_sync_with_the_reset_time() {
    let emu = emulator(|b| b.daily_quota(3)).await;
    let client = builder(&emu).concurrency(1).build().unwrap();
    let out = sync_all(&client, "q", 1_500).await;
    assert_eq!(out.len(), 1_500);
    assert!(out[..900].iter().all(|o| o.status() == "created"));
    let stop = stopped_by(&out).expect("stopped");
    assert_eq!(
        (stop.kind(), stop.code()),
        (ErrorKind::QuotaExhausted, Some(607))
    );
    let reset = stop.reset_at().expect("reset time");
    let now = marketo_types::clock::Clock::now(&marketo_types::clock::TokioClock::new());
    assert_eq!(reset, marketo_types::quota_day::next_reset(now));
    assert!(out[900..]
        .iter()
        .all(|o| o.error().is_some_and(|e| e.code() == Some(607))));
    let sync = calls_to(&emu, "/rest/v1/leads.json");
    assert_eq!(sync.len(), 4, "no call after the 607");
    // Later calls stop at once, without reaching the server.
    let again = client.leads().describe().await.unwrap_err();
    assert_eq!(again.kind(), ErrorKind::QuotaExhausted);
    assert_eq!(
        emu.calls()
            .iter()
            .filter(|c| c.path != "/identity/oauth/token")
            .count(),
        4
    );
}

#[tokio::test(start_paused = true)]
async fn the_daily_budget_stops_before_the_server_quota() {
    let emu = emulator(|b| b).await;
    let client = builder(&emu)
        .daily_budget(2)
        .concurrency(1)
        .build()
        .unwrap();
    let out = sync_all(&client, "d", 900).await;
    let stop = stopped_by(&out).expect("stopped");
    assert_eq!(
        (stop.kind(), stop.code()),
        (ErrorKind::QuotaExhausted, None)
    );
    assert!(stop.reset_at().is_some());
    assert_eq!(calls_to(&emu, "/rest/v1/leads.json").len(), 2);
    assert_eq!(answered(&emu, 607), 0);
    assert_eq!(client.usage_snapshot().daily_remaining(), 0);
}
