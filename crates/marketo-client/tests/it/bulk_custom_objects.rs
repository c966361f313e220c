//! Bulk custom objects through the client: Import Custom Objects with its status, failures and warnings
//! mapped to the file's lines, and the export jobs (create, enqueue, status, file, cancel, list) of one type.

use crate::support::*;
use marketo_client::endpoints::{
    BulkOptions, ExportFilter, ExportKind, ExportRequest, ExportStatus, ImportSettings,
    ImportTarget,
};
use marketo_client::Client;
use marketo_emulator::Emulator;
use serde_json::json;
use std::time::Duration;

const CARS: &str = r#"
[[custom_objects.types]]
api_name = "car_c"
display_name = "Car"
fields = [
  { name = "vin", display_name = "VIN", data_type = "string", dedupe = true },
  { name = "leadId", display_name = "Lead Id", data_type = "link", related_to = { name = "lead", field = "id" } },
  { name = "make", display_name = "Make", data_type = "string" },
]
"#;

fn car() -> ExportKind {
    ExportKind::CustomObject("car_c".into())
}

fn quick() -> BulkOptions {
    BulkOptions {
        poll_first: Duration::from_secs(5),
        ..BulkOptions::default()
    }
}

/// Leads 1..=3, list 7 holding leads 1 and 3, and a car for each lead.
async fn cars_and_a_list() -> (Emulator, Client) {
    let emu = emulator_with_config(CARS, |b| b).await;
    emu.seed(json!({"lists": [{"id": 7, "name": "Car Buyers"}]}))
        .unwrap();
    let client = client(&emu);
    let out = client
        .leads()
        .sync(leads("buyer", 3), Default::default())
        .await
        .unwrap();
    assert_all_created_once(&out, 3);
    client.lists().add(7, &[1, 3]).await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cars.csv");
    std::fs::write(
        &path,
        "vin,leadId,make\nV1,1,Tesla\nV2,2,Volvo\nV3,3,Fiat\n",
    )
    .unwrap();
    let report = import(&client, &path).await;
    assert_eq!(report.processed(), 3, "{:?}", report.parts);
    (emu, client)
}

async fn import(
    client: &Client,
    path: &std::path::Path,
) -> marketo_client::endpoints::ImportReport {
    let settings = ImportSettings {
        target: ImportTarget::CustomObject("car_c".into()),
        ..ImportSettings::default()
    };
    client
        .bulk()
        .with_options(quick())
        .import_file(path, &settings)
        .await
        .unwrap()
}

#[tokio::test(start_paused = true)]
async fn custom_object_import_upserts_and_maps_failures_and_warnings_to_their_lines() {
    let (emu, client) = cars_and_a_list().await;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("more.csv");
    std::fs::write(
        &path,
        "vin,leadId,make,colour\nV1,1,BMW,red\nV8,99,Fiat,\n,1,Kia,\nV9,2,Audi,\n",
    )
    .unwrap();
    let report = import(&client, &path).await;
    assert!(report.stopped.is_none(), "{:?}", report.stopped);
    assert_eq!((report.rows, report.processed()), (4, 2));
    let failed: Vec<(Option<u64>, &str)> = report
        .failures
        .iter()
        .map(|f| (f.line, f.reason.as_str()))
        .collect();
    assert_eq!(
        failed,
        [
            (Some(3), "Lead not found"),
            (Some(4), "missing.dedupe.fields")
        ]
    );
    assert_eq!(report.warnings.len(), 1);
    assert_eq!(report.warnings[0].line, Some(2));
    assert_eq!(
        report.warnings[0].reason,
        "Field 'colour' not found, value ignored"
    );
    let paths: Vec<String> = emu.calls().into_iter().map(|c| c.path).collect();
    let batch = report.parts[0].batch_id.unwrap();
    let base = format!("/bulk/v1/customobjects/car_c/import/{batch}");
    for p in [
        "/bulk/v1/customobjects/car_c/import.json".to_owned(),
        format!("{base}/status.json"),
        format!("{base}/failures.json"),
        format!("{base}/warnings.json"),
    ] {
        assert!(paths.contains(&p), "{p} not called: {paths:?}");
    }
    assert!(!paths.iter().any(|p| p.starts_with("/bulk/v1/leads")));
}

#[tokio::test(start_paused = true)]
async fn custom_object_export_by_static_list_downloads_the_linked_records() {
    let (emu, client) = cars_and_a_list().await;
    let bulk = client.bulk().with_options(quick());
    let request = ExportRequest::new(
        vec!["vin".into(), "make".into()],
        ExportFilter::StaticListId(7),
    );
    let job = bulk.create_export(&car(), &request).await.unwrap();
    assert_eq!(job.status, ExportStatus::Created);
    let queued = bulk.enqueue_export(&car(), &job.export_id).await.unwrap();
    assert!(queued.status.in_queue(), "{:?}", queued.status);
    let done = bulk.wait_export(&car(), &job.export_id).await.unwrap();
    assert_eq!(done.number_of_records, Some(2));
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("cars.csv");
    bulk.download_export(&car(), &done, &out).await.unwrap();
    assert_eq!(
        std::fs::read_to_string(&out).unwrap(),
        "vin,make\nV1,Tesla\nV3,Fiat\n",
        "the cars of leads 1 and 3, the list's members"
    );
    let id = &job.export_id;
    let prefix = format!("/bulk/v1/customobjects/car_c/export/{id}");
    let paths: Vec<String> = emu.calls().into_iter().map(|c| c.path).collect();
    for p in ["status.json", "enqueue.json", "file.json"] {
        assert!(paths.contains(&format!("{prefix}/{p}")), "{p}: {paths:?}");
    }
}

#[tokio::test(start_paused = true)]
async fn custom_object_export_jobs_are_listed_by_status_and_cancelled() {
    let (_emu, client) = cars_and_a_list().await;
    let bulk = client.bulk();
    let request = ExportRequest::new(
        vec!["vin".into()],
        ExportFilter::StaticListName("Car Buyers".into()),
    );
    let kept = bulk.create_export(&car(), &request).await.unwrap();
    let gone = bulk.create_export(&car(), &request).await.unwrap();
    let cancelled = bulk.cancel_export(&car(), &gone.export_id).await.unwrap();
    assert_eq!(cancelled.status, ExportStatus::Cancelled);
    let created = bulk
        .list_exports(&car(), &[ExportStatus::Created])
        .await
        .unwrap();
    let ids: Vec<&str> = created.iter().map(|j| j.export_id.as_str()).collect();
    assert_eq!(ids, [kept.export_id.as_str()]);
    let all = bulk.list_exports(&car(), &[]).await.unwrap();
    assert_eq!(all.len(), 2);
    let leads = bulk.list_exports(&ExportKind::Leads, &[]).await.unwrap();
    assert!(leads.is_empty(), "car_c jobs are not lead jobs: {leads:?}");
}

#[test]
fn export_kinds_read_back_from_a_checkpoint_as_they_were_saved() {
    for (kind, text) in [
        (ExportKind::Leads, r#""leads""#),
        (ExportKind::Activities, r#""activities""#),
        (ExportKind::ProgramMembers, r#""programmembers""#),
        (car(), r#"{"customobject":"car_c"}"#),
    ] {
        assert_eq!(serde_json::to_string(&kind).unwrap(), text);
        assert_eq!(serde_json::from_str::<ExportKind>(text).unwrap(), kind);
    }
}
