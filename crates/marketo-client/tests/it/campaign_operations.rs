//! One named test per operation of the Campaigns tag, through `client.campaigns()`: Get Campaigns, Get
//! Campaign By Id, Request Campaign and Schedule Campaign, each asserting the documented response and what the
//! run does (the activities it records, on the emulator's clock).

use crate::programs::{with_program, REMINDER, SUMMIT, WELCOME};
use crate::support::*;
use futures::TryStreamExt;
use marketo_client::endpoints::CampaignFilter;
use marketo_types::lead_database::programs::{RunToken, ScheduleInput};
use std::time::Duration;

#[tokio::test(start_paused = true)]
async fn get_campaigns_filters_by_name_program_and_triggerable() {
    let (_emu, c, _) = with_program(0).await;
    c.assets().set_campaign_active(WELCOME, true).await.unwrap();
    let camp = c.campaigns();
    let find = |f: CampaignFilter| camp.find(&f).try_collect::<Vec<_>>();
    let all = find(CampaignFilter::default()).await.unwrap();
    assert_eq!(all.len(), 2);
    let reminder = &find(CampaignFilter {
        names: vec!["Reminder".into()],
        ..Default::default()
    })
    .await
    .unwrap()[0];
    assert_eq!((reminder.id, reminder.kind.as_str()), (REMINDER, "batch"));
    assert_eq!(
        (reminder.program_name.as_deref(), reminder.program_id),
        (Some("Summit"), Some(SUMMIT))
    );
    let triggerable = find(CampaignFilter {
        triggerable: Some(true),
        ..Default::default()
    })
    .await
    .unwrap();
    assert_eq!(
        triggerable.iter().map(|c| c.id).collect::<Vec<_>>(),
        [WELCOME],
        "the active requestable trigger campaign only"
    );
    assert!(triggerable[0].active);
    let other = find(CampaignFilter {
        programs: vec!["Elsewhere".into()],
        ..Default::default()
    })
    .await
    .unwrap();
    assert!(other.is_empty());
}

#[tokio::test(start_paused = true)]
async fn get_campaign_by_id_returns_the_campaign_or_1013() {
    let (emu, c, _) = with_program(0).await;
    let w = c.campaigns().get(WELCOME).await.unwrap();
    assert_eq!(
        (w.id, w.name.as_str(), w.kind.as_str()),
        (WELCOME, "Welcome", "trigger")
    );
    assert_eq!(w.workspace_name.as_deref(), Some("Default"));
    assert!(!w.created_at.is_empty() && !w.updated_at.is_empty());
    let err = c.campaigns().get(4242).await.unwrap_err();
    assert_eq!(err.code(), Some(1013));
    assert_eq!(answered(&emu, 1013), 1, "not retried");
}

/// The activities of `type_id` since an hour before now.
async fn activities(
    c: &marketo_client::Client,
    emu: &marketo_emulator::Emulator,
    type_id: i64,
) -> Vec<marketo_types::activity::Activity> {
    use marketo_types::clock::Clock;
    let since = emu.state().clock.now() - chrono::Duration::hours(1);
    let token = c.activities().paging_token_at(since).await.unwrap();
    c.activities()
        .list(token, &[type_id])
        .try_collect()
        .await
        .unwrap()
}

#[tokio::test(start_paused = true)]
async fn request_campaign_passes_the_leads_through_the_flow() {
    let (emu, c, ids) = with_program(2).await;
    c.assets().set_campaign_active(WELCOME, true).await.unwrap();
    let token = RunToken {
        name: "{{my.message}}".into(),
        value: "hi".into(),
    };
    let r = c
        .campaigns()
        .request(WELCOME, &ids, &[token])
        .await
        .unwrap();
    assert_eq!(r.id, WELCOME);
    let requested = activities(&c, &emu, 47).await;
    assert_eq!(requested.len(), 2);
    assert_eq!(requested[0].primary_attribute_value_id, Some(WELCOME));
    assert_eq!(
        requested[0].primary_attribute_value.as_deref(),
        Some("Welcome")
    );
}

#[tokio::test(start_paused = true)]
async fn schedule_campaign_runs_the_batch_campaign_at_run_at() {
    let (emu, c, ids) = with_program(2).await;
    c.programs()
        .sync_status(SUMMIT, "Registered", &ids)
        .await
        .unwrap();
    let r = c
        .campaigns()
        .schedule(REMINDER, &ScheduleInput::default())
        .await
        .unwrap();
    assert_eq!(r.id, REMINDER);
    assert!(
        activities(&c, &emu, 6).await.is_empty(),
        "not before five minutes"
    );
    emu.advance_clock(Duration::from_secs(300));
    let sent = activities(&c, &emu, 6).await;
    let mut leads: Vec<i64> = sent.iter().map(|a| a.lead_id).collect();
    leads.sort_unstable();
    assert_eq!(leads, ids, "one Send Email per member");
}
