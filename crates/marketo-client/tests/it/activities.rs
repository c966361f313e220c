//! Activities and stats against the emulator: 704 on a bad datetime, paging until `moreResult` is false,
//! lead changes, activity types, and the usage and error statistics.

use crate::support::*;
use futures::TryStreamExt;
use marketo_client::ErrorKind;
use marketo_emulator::FaultRule;
use marketo_types::clock::Clock;

#[tokio::test(start_paused = true)]
async fn code_704_invalid_date_format_fails_the_paging_token() {
    let emu = emulator(|b| b).await;
    let e = client(&emu)
        .activities()
        .paging_token("last tuesday")
        .await
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Request);
    assert_eq!(e.code(), Some(704));
    assert_eq!(
        calls_to(&emu, "/rest/v1/activities/pagingtoken.json").len(),
        1
    );
}

#[tokio::test(start_paused = true)]
async fn activities_page_until_more_result_is_false() {
    let emu = emulator(|b| b).await;
    let client = client(&emu);
    let since = emu.state().clock.now() - chrono::Duration::hours(1);
    client
        .leads()
        .sync(leads("a", 650), Default::default())
        .await
        .unwrap();
    let types = client.activities().types().await.unwrap();
    let new_lead = types
        .iter()
        .find(|t| t.name == "New Lead")
        .expect("New Lead")
        .id;
    let token = client.activities().paging_token_at(since).await.unwrap();
    let all: Vec<_> = client
        .activities()
        .list(token.clone(), &[new_lead])
        .try_collect()
        .await
        .unwrap();
    assert_eq!(all.len(), 650);
    assert!(all.iter().all(|a| a.activity_type_id == new_lead));
    assert!(calls_to(&emu, "/rest/v1/activities.json").len() >= 3);
    let changes: Vec<_> = client
        .activities()
        .lead_changes(token, &["firstName"])
        .try_collect()
        .await
        .unwrap();
    assert!(changes.is_empty() || changes.iter().all(|c| c.lead_id > 0));
}

#[tokio::test(start_paused = true)]
async fn stats_report_calls_and_errors_by_code() {
    let emu = emulator(|b| {
        b.fault(FaultRule::error("GET", "/rest/v1/leads/describe.json", 610).times(1))
    })
    .await;
    let client = client(&emu);
    client
        .leads()
        .sync(leads("s", 3), Default::default())
        .await
        .unwrap();
    let _ = client.leads().describe().await;
    let today = client.stats().usage_today().await.unwrap();
    assert_eq!(today.len(), 1);
    assert!(today[0].total >= 1, "{today:?}");
    assert_eq!(client.stats().usage_last_7_days().await.unwrap().len(), 7);
    let errors = client.stats().errors_today().await.unwrap();
    assert!(
        errors[0].errors.iter().any(|e| e.error_code == "610"),
        "{errors:?}"
    );
    assert_eq!(client.stats().errors_last_7_days().await.unwrap().len(), 7);
}
