//! Programs in the Lead Database and campaigns: one named test per operation, and 1025, 1037, 1042, 1020 and
//! the batch-campaign 1003 handled as documented (record-level reasons are data; whole-call codes are errors
//! carrying the code, not retried).

use crate::support::*;
use futures::TryStreamExt;
use marketo_client::endpoints::{CampaignFilter, MemberFilter};
use marketo_client::{Client, ErrorKind, SyncOptions};
use marketo_emulator::Emulator;
use marketo_types::lead_database::programs::{RunToken, ScheduleInput};
use marketo_types::lead_database::{FieldUpdate, NewField};
use serde_json::json;

/// Event program Summit (1001, Tradeshow channel), a requestable trigger campaign (1001) and a batch campaign
/// (1002) in it.
const SEED: &str = r#"
[[seed.programs]]
name = "Summit"
folder = "/Marketing Activities/Default"
type = "Event"
channel = "Tradeshow"

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
"#;

pub const SUMMIT: i64 = 1001;
pub const WELCOME: i64 = 1001;
pub const REMINDER: i64 = 1002;

pub async fn with_program(n: usize) -> (Emulator, Client, Vec<i64>) {
    let emu = emulator_with_config(&format!("{SCHEMA}{SEED}"), |b| b).await;
    let c = client(&emu);
    let out = c
        .leads()
        .sync(leads("p", n), SyncOptions::default())
        .await
        .unwrap();
    // In id order: past 300 leads the batches run at once, so the server numbers them in arrival order.
    let mut ids: Vec<i64> = out.iter().map(|o| o.id().unwrap()).collect();
    ids.sort_unstable();
    (emu, c, ids)
}

#[tokio::test(start_paused = true)]
async fn sync_status_reads_and_deletes_members_across_batches() {
    let (_emu, c, ids) = with_program(350).await;
    let p = c.programs();
    let out = p.sync_status(SUMMIT, "Registered", &ids).await.unwrap();
    assert_eq!(out.len(), 350);
    assert!(out.iter().all(|r| r.status == "created"));
    assert_eq!(out[349].seq, 349, "seq runs over the whole input");
    let members: Vec<_> = p
        .members(
            SUMMIT,
            &MemberFilter::Field("statusName".into(), vec!["Registered".into()]),
            &["leadId", "statusName"],
        )
        .try_collect()
        .await
        .unwrap();
    assert_eq!(members.len(), 350, "every page followed");
    let leads: Vec<_> = p.leads(SUMMIT, &["email"]).try_collect().await.unwrap();
    assert_eq!(leads.len(), 350);
    assert_eq!(leads[0]["membership"]["progressionStatus"], "Registered");
    let of_lead: Vec<_> = p.of_lead(ids[0]).try_collect().await.unwrap();
    assert_eq!(of_lead[0].id, SUMMIT);
    let deleted = p.delete_members(SUMMIT, &ids[..2]).await.unwrap();
    assert!(deleted.iter().all(|r| r.status == "deleted"));
    let again = p.delete_members(SUMMIT, &ids[..1]).await.unwrap();
    assert_eq!(again[0].reasons[0].message, "Lead not in program");
}

#[tokio::test(start_paused = true)]
async fn code_1037_lead_in_or_past_the_status_is_a_skipped_record() {
    let (_emu, c, ids) = with_program(2).await;
    let p = c.programs();
    p.sync_status(SUMMIT, "Attended", &ids[..1]).await.unwrap();
    let out = p.sync_status(SUMMIT, "No Show", &ids).await.unwrap();
    assert_eq!(out[0].status, "skipped");
    assert_eq!(out[0].reasons[0].code.value(), 1037);
    assert_eq!(out[1].status, "created");
    let changed = p.change_status(SUMMIT, "Registered", &ids).await.unwrap();
    assert_eq!(
        (changed[0].status.as_str(), changed[1].status.as_str()),
        ("skipped", "skipped")
    );
}

#[tokio::test(start_paused = true)]
async fn code_1025_status_not_in_the_channel_is_an_error_not_retried() {
    let (emu, c, ids) = with_program(1).await;
    let err = c
        .programs()
        .sync_status(SUMMIT, "Engaged", &ids)
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some(1025));
    assert_eq!(err.kind(), ErrorKind::Request);
    assert_eq!(answered(&emu, 1025), 1, "sent once");
}

#[tokio::test(start_paused = true)]
async fn member_data_and_the_member_field_schema() {
    let (_emu, c, ids) = with_program(2).await;
    let p = c.programs();
    let field = NewField {
        name: "lunch".into(),
        display_name: "Lunch".into(),
        data_type: "string".into(),
        ..Default::default()
    };
    assert_eq!(
        p.create_fields(&[field]).await.unwrap()[0].status,
        "created"
    );
    let update = FieldUpdate {
        description: Some("food".into()),
        ..Default::default()
    };
    assert_eq!(
        p.update_field("lunch", &update).await.unwrap().status,
        "updated"
    );
    assert_eq!(
        p.field("lunch").await.unwrap().description.as_deref(),
        Some("food")
    );
    let all: Vec<_> = p.fields().try_collect().await.unwrap();
    assert_eq!(all.len(), 20);
    assert_eq!(
        p.describe().await.unwrap()["dedupeFields"],
        json!(["leadId", "programId"])
    );
    p.sync_status(SUMMIT, "Registered", &ids[..1])
        .await
        .unwrap();
    let records = vec![
        json!({"leadId": ids[0], "lunch": "fish"})
            .as_object()
            .cloned()
            .unwrap(),
        json!({"leadId": ids[1], "lunch": "soup"})
            .as_object()
            .cloned()
            .unwrap(),
    ];
    let out = p.sync_data(SUMMIT, &records).await.unwrap();
    assert_eq!(out[0].status, "updated");
    assert_eq!(out[1].reasons[0].message, "Membership not found");
}

#[tokio::test(start_paused = true)]
async fn find_get_and_request_campaigns() {
    let (emu, c, ids) = with_program(150).await;
    let camp = c.campaigns();
    let all: Vec<_> = camp
        .find(&CampaignFilter::default())
        .try_collect()
        .await
        .unwrap();
    assert_eq!(all.len(), 2);
    let batch: Vec<_> = camp
        .find(&CampaignFilter {
            names: vec!["Reminder".into()],
            ..Default::default()
        })
        .try_collect()
        .await
        .unwrap();
    assert_eq!(batch[0].kind, "batch");
    assert_eq!(
        camp.get(WELCOME).await.unwrap().program_name.as_deref(),
        Some("Summit")
    );
    let token = RunToken {
        name: "{{my.message}}".into(),
        value: "hi".into(),
    };
    let r = camp.request(WELCOME, &ids, &[token]).await.unwrap();
    assert_eq!(r.id, WELCOME);
    assert_eq!(
        calls_to(&emu, "/rest/v1/campaigns/1001/trigger.json").len(),
        2,
        "100 leads a call"
    );
}

#[tokio::test(start_paused = true)]
async fn code_1003_request_of_a_batch_campaign_is_an_error() {
    let (emu, c, ids) = with_program(1).await;
    let err = c
        .campaigns()
        .request(REMINDER, &ids, &[])
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some(1003));
    assert_eq!(answered(&emu, 1003), 1, "not retried");
}

#[tokio::test(start_paused = true)]
async fn schedule_campaign_and_code_1042_run_at_too_far() {
    let (emu, c, _) = with_program(1).await;
    let camp = c.campaigns();
    let r = camp
        .schedule(REMINDER, &ScheduleInput::default())
        .await
        .unwrap();
    assert_eq!(r.id, REMINDER);
    let far = ScheduleInput {
        run_at: Some("2199-01-01T00:00:00Z".into()),
        ..Default::default()
    };
    let err = camp.schedule(REMINDER, &far).await.unwrap_err();
    assert_eq!(err.code(), Some(1042));
    assert_eq!(answered(&emu, 1042), 1, "not retried");
}

#[tokio::test(start_paused = true)]
async fn code_1020_clone_to_program_allowance_spent_is_an_error() {
    let (emu, c, _) = with_program(1).await;
    let camp = c.campaigns();
    for i in 1..=20 {
        let input = ScheduleInput {
            clone_to_program_name: Some(format!("Summit {i}")),
            ..Default::default()
        };
        assert_ne!(camp.schedule(REMINDER, &input).await.unwrap().id, REMINDER);
    }
    let input = ScheduleInput {
        clone_to_program_name: Some("Summit 21".into()),
        ..Default::default()
    };
    let err = camp.schedule(REMINDER, &input).await.unwrap_err();
    assert_eq!(err.code(), Some(1020));
    assert_eq!(answered(&emu, 1020), 1, "not retried");
}

#[tokio::test(start_paused = true)]
async fn bulk_program_member_export_creates_enqueues_waits_and_downloads() {
    use marketo_client::endpoints::{ExportFilter, ExportKind, ExportRequest, ExportStatus};
    let (emu, c, ids) = with_program(3).await;
    c.programs()
        .sync_status(SUMMIT, "Registered", &ids)
        .await
        .unwrap();
    let bulk = c.bulk();
    let mut request = ExportRequest::new(
        vec!["leadId".into(), "statusName".into()],
        ExportFilter::ProgramId(SUMMIT),
    );
    request.status_names = vec!["Registered".into()];
    let k = &ExportKind::ProgramMembers;
    let job = bulk.create_export(k, &request).await.unwrap();
    assert_eq!(job.status, ExportStatus::Created);
    bulk.enqueue_export(k, &job.export_id).await.unwrap();
    let done = bulk.wait_export(k, &job.export_id).await.unwrap();
    assert_eq!(done.number_of_records, Some(3));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("members.csv");
    bulk.download_export(k, &done, &path).await.unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    assert_eq!(text.lines().next(), Some("leadId,statusName"));
    assert_eq!(text.lines().count(), 4);
    let created = calls_to(&emu, "/bulk/v1/program/members/export/create.json");
    assert_eq!(created.len(), 1);
    let listed = bulk
        .list_exports(k, &[ExportStatus::Completed])
        .await
        .unwrap();
    assert_eq!(listed.len(), 1);
    let other = bulk.create_export(k, &request).await.unwrap();
    let cancelled = bulk.cancel_export(k, &other.export_id).await.unwrap();
    assert_eq!(cancelled.status, ExportStatus::Cancelled);
}

#[tokio::test(start_paused = true)]
async fn bulk_program_member_import_queues_completes_and_reports_failures() {
    use marketo_client::endpoints::{BulkOptions, ImportSettings, ImportTarget};
    let (_emu, c, _) = with_program(0).await;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("people.csv");
    std::fs::write(&path, "email,firstName\nx@example.com,X\n,NoEmail\n").unwrap();
    let settings = |status: &str| ImportSettings {
        target: ImportTarget::ProgramMembers {
            program_id: SUMMIT,
            status: status.into(),
        },
        ..ImportSettings::default()
    };
    let bulk = c.bulk().with_options(BulkOptions {
        poll_first: std::time::Duration::from_secs(5),
        ..BulkOptions::default()
    });
    let report = bulk
        .import_file(&path, &settings("Registered"))
        .await
        .unwrap();
    assert!(report.stopped.is_none(), "{:?}", report.stopped);
    assert_eq!((report.processed(), report.failures.len()), (1, 1));
    assert_eq!(report.failures[0].line, Some(3));
    let members: Vec<_> = c
        .programs()
        .leads(SUMMIT, &["email"])
        .try_collect()
        .await
        .unwrap();
    assert_eq!(members[0]["email"], "x@example.com");
    let refused = bulk.import_file(&path, &settings("Engaged")).await.unwrap();
    let err = refused
        .stopped
        .expect("a status the channel does not have stops the import");
    assert_eq!(err.code(), Some(1025));
}
