//! 413 and 414 avoided by shaping and survived when forced; 1003 "too many results" split.

use crate::support::*;
use futures::TryStreamExt;
use marketo_client::SyncOptions;
use serde_json::json;

#[tokio::test(start_paused = true)]
async fn code_413_avoided_by_splitting_batches_at_1_mb() {
    let emu = emulator(|b| b).await;
    let records: Vec<_> = (0..600)
        .map(|i| {
            json!({"email": format!("big{i}@example.com"), "notes": "n".repeat(5_000)})
                .as_object()
                .cloned()
                .unwrap()
        })
        .collect();
    let out = client(&emu)
        .leads()
        .sync(records, SyncOptions::default())
        .await
        .unwrap();
    assert_all_created_once(&out, 600);
    assert_eq!(answered(&emu, 413), 0);
    let calls = calls_to(&emu, "/rest/v1/leads.json");
    assert_eq!(
        calls.len(),
        4,
        "600 records of 5 KB: four bodies under 1 MB, not two of 1.5 MB"
    );
}

#[tokio::test(start_paused = true)]
async fn code_413_survived_by_splitting_never_by_resending() {
    let config = format!("{SCHEMA}\n[limits]\nmax_body_bytes = 10000\n");
    let emu = emulator_with_config(&config, |b| b).await;
    let out = client(&emu)
        .leads()
        .sync(leads("longer-prefix-", 300), SyncOptions::default())
        .await
        .unwrap();
    assert_all_created_once(&out, 300);
    let statuses: Vec<u16> = calls_to(&emu, "/rest/v1/leads.json")
        .iter()
        .map(|c| c.status)
        .collect();
    assert_eq!(
        statuses.iter().filter(|s| **s == 413).count(),
        1,
        "{statuses:?}"
    );
    assert_eq!(
        statuses.iter().filter(|s| **s == 200).count(),
        2,
        "split in two halves: {statuses:?}"
    );
}

fn long_values(n: usize) -> Vec<String> {
    (0..n)
        .map(|i| format!("someone-with-a-long-address-{i}@example.com"))
        .collect()
}

#[tokio::test(start_paused = true)]
async fn code_414_avoided_by_post_with_method_get() {
    let emu = emulator(|b| b).await;
    let client = client(&emu);
    client
        .leads()
        .sync(
            leads("someone-with-a-long-address-", 300),
            SyncOptions::default(),
        )
        .await
        .unwrap();
    let found: Vec<_> = client
        .leads()
        .by_filter("email", long_values(300), &["email"])
        .try_collect()
        .await
        .unwrap();
    assert_eq!(found.len(), 300);
    assert_eq!(answered(&emu, 414), 0);
    let reads: Vec<_> = calls_to(&emu, "/rest/v1/leads.json")
        .into_iter()
        .skip(1)
        .collect();
    assert_eq!(reads.len(), 1);
    assert_eq!((reads[0].method.as_str(), reads[0].status), ("POST", 200));
}

#[tokio::test(start_paused = true)]
async fn code_414_survived_by_resending_as_post() {
    let config = format!("{SCHEMA}\n[limits]\nmax_uri_bytes = 300\n");
    let emu = emulator_with_config(&config, |b| b).await;
    let client = client(&emu);
    client
        .leads()
        .sync(
            leads("someone-with-a-long-address-", 20),
            SyncOptions::default(),
        )
        .await
        .unwrap();
    let found: Vec<_> = client
        .leads()
        .by_filter("email", long_values(20), &[])
        .try_collect()
        .await
        .unwrap();
    assert_eq!(found.len(), 20);
    let reads: Vec<_> = calls_to(&emu, "/rest/v1/leads.json")
        .into_iter()
        .skip(1)
        .map(|c| (c.method, c.status))
        .collect();
    assert_eq!(reads, [("GET".to_owned(), 414), ("POST".to_owned(), 200)]);
}

#[tokio::test(start_paused = true)]
async fn code_1003_too_many_results_splits_the_filter_values() {
    let emu = emulator(|b| b).await;
    let seeded: Vec<_> = (0..1_200)
        .map(|i| json!({"email": if i % 2 == 0 { "even@example.com" } else { "odd@example.com" }}))
        .collect();
    emu.seed(json!({ "leads": seeded })).expect("seed");
    let values = vec!["even@example.com".to_owned(), "odd@example.com".to_owned()];
    let found: Vec<_> = client(&emu)
        .leads()
        .by_filter("email", values, &["id"])
        .try_collect()
        .await
        .unwrap();
    assert_eq!(found.len(), 1_200);
    let ids: std::collections::HashSet<_> =
        found.iter().map(|l| l["id"].as_i64().unwrap()).collect();
    assert_eq!(ids.len(), 1_200, "every lead once");
    assert_eq!(answered(&emu, 1003), 1);
}

#[tokio::test(start_paused = true)]
async fn code_1003_too_many_results_for_one_value_is_an_error() {
    let emu = emulator(|b| b).await;
    let seeded: Vec<_> = (0..1_001)
        .map(|_| json!({"email": "same@example.com"}))
        .collect();
    emu.seed(json!({ "leads": seeded })).expect("seed");
    let r: Result<Vec<_>, _> = client(&emu)
        .leads()
        .by_filter("email", vec!["same@example.com".into()], &[])
        .try_collect()
        .await;
    let e = r.unwrap_err();
    assert_eq!(
        (e.kind(), e.code()),
        (marketo_client::ErrorKind::TooLarge, Some(1003))
    );
}
