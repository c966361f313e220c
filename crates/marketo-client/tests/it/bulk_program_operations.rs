//! One named test per operation of the Bulk Import Program Members and Bulk Export Program Members tags,
//! through the shared bulk calls (`ImportTarget::ProgramMembers`, `ExportKind::ProgramMembers`): the paths
//! they call and the documented answers as the client reports them. Jobs move on the emulator's clock
//! (paused tokio time), never on a real sleep.

use crate::programs::{with_program, SUMMIT};
use crate::support::*;
use marketo_client::endpoints::{
    BulkOptions, ExportFilter, ExportFormat, ExportKind, ExportRequest, ExportStatus, ImportReport,
    ImportSettings, ImportTarget,
};
use marketo_client::Client;
use marketo_emulator::Emulator;
use std::time::Duration;

const K: &ExportKind = &ExportKind::ProgramMembers;
const IMPORT: &str = "/bulk/v1/program/members/import";
const EXPORT: &str = "/bulk/v1/program/members/export";

/// Import `text` into Summit as `Registered`.
async fn import(c: &Client, text: &str) -> ImportReport {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("members.csv");
    std::fs::write(&path, text).unwrap();
    let settings = ImportSettings {
        target: ImportTarget::ProgramMembers {
            program_id: SUMMIT,
            status: "Registered".into(),
        },
        ..ImportSettings::default()
    };
    let bulk = c.bulk().with_options(BulkOptions {
        poll_first: Duration::from_secs(5),
        ..BulkOptions::default()
    });
    bulk.import_file(&path, &settings).await.unwrap()
}

/// The calls to the import's status, failures or warnings (`which`).
fn batch_calls(emu: &Emulator, report: &ImportReport, which: &str) -> usize {
    let id = report.parts[0].batch_id.unwrap();
    calls_to(emu, &format!("{IMPORT}/{id}/{which}.json")).len()
}

#[tokio::test(start_paused = true)]
async fn import_program_members_submits_the_file_with_the_program_and_status() {
    let (emu, c, _) = with_program(0).await;
    let report = import(&c, "email,firstName\nann@example.com,Ann\n").await;
    assert!(report.stopped.is_none(), "{:?}", report.stopped);
    assert!(report.parts[0].batch_id.is_some(), "the batchId answered");
    let submitted = calls_to(
        &emu,
        &format!("/bulk/v1/program/{SUMMIT}/members/import.json"),
    );
    assert_eq!(submitted.len(), 1);
    let query = submitted[0].query.as_deref().unwrap();
    assert!(query.contains("programMemberStatus=Registered"), "{query}");
    assert!(query.contains("format=csv"), "{query}");
    let members: Vec<_> =
        futures::TryStreamExt::try_collect(c.programs().leads(SUMMIT, &["email"]))
            .await
            .unwrap();
    assert_eq!(members[0]["email"], "ann@example.com");
    assert_eq!(members[0]["membership"]["progressionStatus"], "Registered");
}

#[tokio::test(start_paused = true)]
async fn get_import_program_member_status_is_polled_until_complete() {
    let (emu, c, _) = with_program(0).await;
    let report = import(&c, "email\nann@example.com\nbob@example.com\n").await;
    let part = &report.parts[0];
    assert_eq!(part.status, "Complete");
    assert_eq!((part.processed, part.failed, part.warned), (2, 0, 0));
    assert_eq!(
        part.message.as_deref(),
        Some("Import succeeded, 2 records imported (2 members)")
    );
    assert!(batch_calls(&emu, &report, "status") >= 1);
    assert_eq!(batch_calls(&emu, &report, "failures"), 0, "none to read");
}

#[tokio::test(start_paused = true)]
async fn get_import_program_member_failures_maps_each_failed_row_to_its_line() {
    let (emu, c, _) = with_program(0).await;
    let report = import(&c, "email,firstName\nann@example.com,Ann\n,NoEmail\n").await;
    assert_eq!((report.processed(), report.parts[0].failed), (1, 1));
    assert_eq!(batch_calls(&emu, &report, "failures"), 1);
    let f = &report.failures[0];
    assert_eq!(f.line, Some(3));
    assert_eq!(f.cells, ["", "NoEmail"]);
    assert!(!f.reason.is_empty(), "the Import Failure Reason column");
    assert!(report.warnings.is_empty());
}

#[tokio::test(start_paused = true)]
async fn get_import_program_member_warnings_maps_each_warned_row_to_its_line() {
    let (emu, c, _) = with_program(0).await;
    let report = import(&c, "email,shoeSize\nann@example.com,42\n").await;
    assert_eq!((report.processed(), report.parts[0].warned), (1, 1));
    assert_eq!(batch_calls(&emu, &report, "warnings"), 1);
    let w = &report.warnings[0];
    assert_eq!(
        (w.line, w.cells.as_slice()),
        (
            Some(2),
            &["ann@example.com".to_owned(), "42".to_owned()][..]
        )
    );
    assert_eq!(w.reason, "Field 'shoeSize' not found, value ignored");
    assert!(report.failures.is_empty());
}

fn request() -> ExportRequest {
    ExportRequest::new(
        vec!["leadId".into(), "statusName".into()],
        ExportFilter::ProgramId(SUMMIT),
    )
}

#[tokio::test(start_paused = true)]
async fn create_export_program_member_job_answers_created_or_the_documented_errors() {
    let (emu, c, _) = with_program(0).await;
    let bulk = c.bulk();
    let job = bulk.create_export(K, &request()).await.unwrap();
    assert_eq!(
        (job.status, job.format),
        (ExportStatus::Created, ExportFormat::Csv)
    );
    assert!(!job.export_id.is_empty() && !job.created_at.is_empty());
    assert!(job.queued_at.is_none());
    let mut two = ExportRequest::new(
        vec!["leadId".into()],
        ExportFilter::ProgramIds(vec![SUMMIT]),
    );
    two.format = ExportFormat::Tsv;
    assert_eq!(
        bulk.create_export(K, &two).await.unwrap().format,
        ExportFormat::Tsv
    );
    let mut bad = request();
    bad.status_names = vec!["Engaged".into()];
    let err = bulk.create_export(K, &bad).await.unwrap_err();
    assert_eq!(err.code(), Some(1003), "a status the program does not have");
    let err = bulk
        .create_export(
            K,
            &ExportRequest::new(vec!["leadId".into()], ExportFilter::ProgramId(4242)),
        )
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some(1013));
    assert_eq!(
        calls_to(&emu, &format!("{EXPORT}/create.json")).len(),
        4,
        "none retried"
    );
}

#[tokio::test(start_paused = true)]
async fn enqueue_export_program_member_job_answers_queued() {
    let (emu, c, _) = with_program(0).await;
    let bulk = c.bulk();
    let job = bulk.create_export(K, &request()).await.unwrap();
    let queued = bulk.enqueue_export(K, &job.export_id).await.unwrap();
    assert_eq!(
        (queued.export_id.as_str(), queued.status),
        (job.export_id.as_str(), ExportStatus::Queued)
    );
    assert!(queued.queued_at.is_some());
    let path = format!("{EXPORT}/{}/enqueue.json", job.export_id);
    assert_eq!(calls_to(&emu, &path).len(), 1);
}

#[tokio::test(start_paused = true)]
async fn get_export_program_member_job_status_reports_completed_with_the_file_facts() {
    let (emu, c, ids) = with_program(2).await;
    c.programs()
        .sync_status(SUMMIT, "Registered", &ids)
        .await
        .unwrap();
    let bulk = c.bulk();
    let job = bulk.create_export(K, &request()).await.unwrap();
    assert_eq!(
        bulk.export_status(K, &job.export_id).await.unwrap().status,
        ExportStatus::Created
    );
    bulk.enqueue_export(K, &job.export_id).await.unwrap();
    emu.advance_clock(Duration::from_secs(60));
    let done = bulk.export_status(K, &job.export_id).await.unwrap();
    assert_eq!(done.status, ExportStatus::Completed);
    assert_eq!(done.number_of_records, Some(2));
    assert_eq!(
        done.file_size,
        Some(
            "leadId,statusName\n".len() as u64
                + 2 * format!("{},Registered\n", ids[0]).len() as u64
        )
    );
    assert!(done
        .file_checksum
        .as_deref()
        .unwrap()
        .starts_with("sha256:"));
    assert!(done.started_at.is_some() && done.finished_at.is_some());
}

#[tokio::test(start_paused = true)]
async fn get_export_program_member_file_downloads_and_checks_the_checksum() {
    let (_emu, c, ids) = with_program(1).await;
    c.programs()
        .sync_status(SUMMIT, "Registered", &ids)
        .await
        .unwrap();
    let bulk = c.bulk();
    let job = bulk.create_export(K, &request()).await.unwrap();
    bulk.enqueue_export(K, &job.export_id).await.unwrap();
    let done = bulk.wait_export(K, &job.export_id).await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("members.csv");
    let report = bulk.download_export(K, &done, &path).await.unwrap();
    let want = format!("leadId,statusName\n{},Registered\n", ids[0]);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), want);
    assert_eq!((report.bytes, report.resumed_from), (want.len() as u64, 0));
    assert_eq!(report.checksum, done.file_checksum);
}

#[tokio::test(start_paused = true)]
async fn get_export_program_member_file_with_range_resumes_a_partial_download() {
    let (emu, c, ids) = with_program(1).await;
    c.programs()
        .sync_status(SUMMIT, "Registered", &ids)
        .await
        .unwrap();
    let bulk = c.bulk();
    let job = bulk.create_export(K, &request()).await.unwrap();
    bulk.enqueue_export(K, &job.export_id).await.unwrap();
    let done = bulk.wait_export(K, &job.export_id).await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("members.csv");
    std::fs::write(&path, "leadId,st").unwrap();
    let report = bulk.download_export(K, &done, &path).await.unwrap();
    let want = format!("leadId,statusName\n{},Registered\n", ids[0]);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), want);
    assert_eq!(report.resumed_from, 9, "only the rest was asked for");
    assert_eq!(report.requests, 1);
    assert_eq!(
        report.checksum, done.file_checksum,
        "the whole file checked"
    );
    let file = format!("{EXPORT}/{}/file.json", job.export_id);
    assert_eq!(calls_to(&emu, &file)[0].status, 206, "a partial answer");
}

#[tokio::test(start_paused = true)]
async fn cancel_export_program_member_job_answers_cancelled() {
    let (_emu, c, _) = with_program(0).await;
    let bulk = c.bulk();
    let job = bulk.create_export(K, &request()).await.unwrap();
    bulk.enqueue_export(K, &job.export_id).await.unwrap();
    let cancelled = bulk.cancel_export(K, &job.export_id).await.unwrap();
    assert_eq!(
        (cancelled.export_id.as_str(), cancelled.status),
        (job.export_id.as_str(), ExportStatus::Cancelled)
    );
    let err = bulk.wait_export(K, &job.export_id).await.unwrap_err();
    assert!(
        err.to_string().contains("Cancelled") || err.to_string().contains("cancel"),
        "{err}"
    );
}

#[tokio::test(start_paused = true)]
async fn get_export_program_member_jobs_lists_the_jobs_by_status() {
    let (emu, c, _) = with_program(0).await;
    let bulk = c.bulk();
    let created = bulk.create_export(K, &request()).await.unwrap();
    let queued = bulk.create_export(K, &request()).await.unwrap();
    bulk.enqueue_export(K, &queued.export_id).await.unwrap();
    let mut all: Vec<String> = bulk
        .list_exports(K, &[])
        .await
        .unwrap()
        .into_iter()
        .map(|j| j.export_id)
        .collect();
    all.sort_unstable();
    let mut want = vec![created.export_id.clone(), queued.export_id.clone()];
    want.sort_unstable();
    assert_eq!(all, want);
    let only = bulk
        .list_exports(K, &[ExportStatus::Created])
        .await
        .unwrap();
    assert_eq!(
        (only.len(), only[0].export_id.as_str()),
        (1, created.export_id.as_str())
    );
    let listed = calls_to(&emu, &format!("{EXPORT}.json"));
    assert_eq!(listed[1].query.as_deref(), Some("status=Created"));
}
