//! Bulk import and extract bodies of `bulk-lead-import.md`, `bulk-import.md`, `bulk-lead-extract.md`,
//! `bulk-activity-extract.md`, `bulk-extract.md` and the recorded ones of wire-facts 2.10 and 2.11.

use super::round_trip;
use crate::bulk::{BulkFormat, ExportJob, ExportStatus, ImportBatch, ImportStatus};
use serde_json::Value;

#[test]
fn import_submit_and_status() {
    let env = round_trip::<ImportBatch>(
        r#"{"requestId":"d01f#15d672f8560","result":[{"batchId":3404,"importId":"3404","status":"Queued"}],"success":true}"#,
    );
    let b = &env.results()[0];
    assert_eq!((b.batch_id, b.status), (3404, ImportStatus::Queued));
    assert_eq!(b.import_id.as_deref(), Some("3404"));
    assert_eq!(b.num_of_leads_processed, None);
    let env = round_trip::<ImportBatch>(
        r#"{"requestId":"1f63#15d6738fd15","result":[{"batchId":3404,"importId":"3404","status":"Complete","numOfLeadsProcessed":3,"numOfRowsFailed":0,"numOfRowsWithWarning":0,"message":"Import succeeded, 3 records imported (3 members)"}],"success":true}"#,
    );
    let b = &env.results()[0];
    assert_eq!(b.status, ImportStatus::Complete);
    assert_eq!((b.processed(), b.failed(), b.warned()), (3, 0, 0));
    // An older answer without importId.
    let env = round_trip::<ImportBatch>(
        r#"{"requestId":"8136#146daebc2ed","success":true,"result":[{"batchId":1022,"status":"Complete","numOfLeadsProcessed":2,"numOfRowsFailed":1,"numOfRowsWithWarning":0,"message":"Import completed with errors, 2 records imported (2 members), 1 failed"}]}"#,
    );
    let b = &env.results()[0];
    assert_eq!((b.batch_id, b.import_id.as_deref()), (1022, None));
    assert_eq!((b.processed(), b.failed()), (2, 1));
    assert!(!b.status.in_queue());
}

#[test]
fn lead_export_job_records() {
    let env = round_trip::<ExportJob>(
        r#"{"requestId":"e42b#14272d07d78","success":true,"result":[{"exportId":"ce45a7a1-f19d-4ce2-882c-a3c795940a7d","status":"Created","createdAt":"2017-01-21T11:47:30-08:00","queuedAt":"2017-01-21T11:48:30-08:00","format":"CSV"}]}"#,
    );
    let job = &env.results()[0];
    assert_eq!(job.status, ExportStatus::Created);
    assert_eq!(job.created_at, "2017-01-21T11:47:30-08:00");
    assert_eq!(job.format, BulkFormat::Csv);
    let env = round_trip::<ExportJob>(
        r#"{"requestId":"147e4#16b24d9b913","result":[{"exportId":"fad2cd1b-e822-4025-be1e-9caa9cf1d4b8","format":"CSV","status":"Queued","createdAt":"2019-06-04T23:35:43Z","queuedAt":"2019-06-04T23:36:17Z"}],"success":true}"#,
    );
    assert_eq!(
        env.results()[0].queued_at.as_deref(),
        Some("2019-06-04T23:36:17Z")
    );
    let env = round_trip::<ExportJob>(
        r#"{"requestId":"e42b#14272d07d78","success":true,"result":[{"exportId":"ce45a7a1-f19d-4ce2-882c-a3c795940a7d","status":"Processing","createdAt":"2017-01-21T11:47:30-08:00","queuedAt":"2017-01-21T11:48:30-08:00","format":"CSV"}]}"#,
    );
    assert!(env.results()[0].status.in_queue());
    let env = round_trip::<ExportJob>(
        r#"{"requestId":"e42b#14272d07d78","success":true,"result":[{"exportId":"ce45a7a1-f19d-4ce2-882c-a3c795940a7d","status":"Cancelled","createdAt":"2017-01-21T11:47:30-08:00","format":"CSV"}]}"#,
    );
    assert_eq!(env.results()[0].status, ExportStatus::Cancelled);
    assert_eq!(env.results()[0].queued_at, None);
}

#[test]
fn activity_export_job_records() {
    for body in [
        r#"{"requestId":"e42b#14272d07d78","success":true,"result":[{"exportId":"ce45a7a1-f19d-4ce2-882c-a3c795940a7d","status":"Created","createdAt":"2017-01-21T11:47:30-08:00","queuedAt":"2017-01-21T11:48:30-08:00","format":"CSV"}]}"#,
        r#"{"requestId":"e42b#14272d07d78","success":true,"result":[{"exportId":"ce45a7a1-f19d-4ce2-882c-a3c795940a7d","status":"Queued","createdAt":"2017-01-21T11:47:30-08:00","queuedAt":"2017-01-21T11:48:30-08:00","format":"CSV"}]}"#,
        r#"{"requestId":"e42b#14272d07d78","success":true,"result":[{"exportId":"ce45a7a1-f19d-4ce2-882c-a3c795940a7d","status":"Cancelled","createdAt":"2017-01-21T11:47:30-08:00","format":"CSV"}]}"#,
    ] {
        round_trip::<ExportJob>(body);
    }
    let env = round_trip::<ExportJob>(
        r#"{"requestId":"e42b#14272d07d78","success":true,"result":[{"exportId":"ce45a7a1-f19d-4ce2-882c-a3c795940a7d","status":"Completed","createdAt":"2017-01-21T11:47:30-08:00","queuedAt":"2017-01-21T11:48:30-08:00","startedAt":"2017-01-21T11:51:30-08:00","finishedAt":"2017-01-21T12:59:30-08:00","format":"CSV","numberOfRecords":15423,"fileSize":12342,"fileChecksum":"sha256:c16514c7e80fcac5ea055dacae9617fc3c29aff5365e3743071313ce0ed2a815"}]}"#,
    );
    let job = &env.results()[0];
    assert_eq!(job.status, ExportStatus::Completed);
    assert_eq!(
        (job.number_of_records, job.file_size),
        (Some(15423), Some(12342))
    );
    assert!(job
        .file_checksum
        .as_deref()
        .is_some_and(|c| c.starts_with("sha256:")));
    assert!(job.status.is_final());
}

#[test]
fn completed_status_and_the_checksum_example() {
    let env = round_trip::<ExportJob>(
        r#"{"requestId":"e42b#14272d07d78","success":true,"result":[{"exportId":"ce45a7a1-f19d-4ce2-882c-a3c795940a7d","status":"Completed","createdAt":"2017-01-21T11:47:30-08:00","queuedAt":"2017-01-21T11:48:30-08:00","startedAt":"2017-01-21T11:51:30-08:00","finishedAt":"2017-01-21T12:59:30-08:00","format":"CSV","numberOfRecords":122323,"fileSize":123424,"fileChecksum":"sha256:d9c73f0b6960c71623c8bafe29603b3e8e20fd0e4eeaefd119c0227506ea9be4"}]}"#,
    );
    assert_eq!(env.results()[0].number_of_records, Some(122323));
    let body = r#"{"exportId":"45547609-6732-418a-bb7b-17b0160b2317","format":"CSV","status":"Completed","createdAt":"2019-06-04T23:13:12Z","queuedAt":"2019-06-04T23:14:02Z","startedAt":"2019-06-04T23:15:19Z","finishedAt":"2019-06-04T23:36:40Z","numberOfRecords":1776,"fileSize":400785,"fileChecksum":"sha256:83aca1351c9398d2770330e21a9e278880fd2f1eeaf8c8238bf7676d5c21d1c6"}"#;
    let job: ExportJob = serde_json::from_str(body).unwrap();
    assert_eq!(
        serde_json::to_value(&job).unwrap(),
        serde_json::from_str::<Value>(body).unwrap()
    );
    assert_eq!(job.file_size, Some(400785));
    assert_eq!(job.finished_at.as_deref(), Some("2019-06-04T23:36:40Z"));
}

#[test]
fn the_recorded_export_answers() {
    for body in [
        r#"{"requestId":"f435#161d8e4df24","result":[{"exportId":"3fadb012-5810-40ba-a5ca-56300ecf10d4","format":"CSV","status":"Created","createdAt":"2023-01-07T00:00:00Z"}],"success":true}"#,
        r#"{"requestId":"12c9f#161d8e4dd8c","result":[{"exportId":"3fadb012-5810-40ba-a5ca-56300ecf10d4","format":"CSV","status":"Queued","createdAt":"2023-01-07T00:00:00Z","queuedAt":"2023-01-07T00:00:00Z"}],"success":true}"#,
        r#"{"requestId":"cc#161d8e4de71","result":[{"exportId":"c40df471-1aee-4541-9128-2b911fd115d5","format":"CSV","status":"Cancelled","createdAt":"2023-01-07T00:00:00Z","queuedAt":"2023-01-07T00:00:00Z"}],"success":true}"#,
    ] {
        round_trip::<ExportJob>(body);
    }
}

#[test]
fn canceled_as_the_docs_spell_it_reads_as_cancelled() {
    let job: ExportJob = serde_json::from_str(
        r#"{"exportId":"x","format":"TSV","status":"Canceled","createdAt":"2023-01-07T00:00:00Z"}"#,
    )
    .unwrap();
    assert_eq!(job.status, ExportStatus::Cancelled);
    assert_eq!(serde_json::to_value(&job).unwrap()["status"], "Cancelled");
    assert_eq!(
        ExportStatus::parse("canceled"),
        Some(ExportStatus::Cancelled)
    );
    assert_eq!(
        ExportStatus::parse(" completed "),
        Some(ExportStatus::Completed)
    );
    assert_eq!(ExportStatus::parse("Done"), None);
    for s in ExportStatus::ALL {
        assert_eq!(ExportStatus::parse(s.as_str()), Some(s));
        assert_eq!(serde_json::to_value(s).unwrap(), s.as_str());
    }
}

#[test]
fn formats_and_their_delimiters() {
    let cases = [
        (BulkFormat::Csv, "CSV", b',', b','),
        (BulkFormat::Tsv, "TSV", b'\t', b'\t'),
        (BulkFormat::Ssv, "SSV", b';', b' '),
    ];
    for (f, name, import, export) in cases {
        assert_eq!(serde_json::to_value(f).unwrap(), name);
        assert_eq!(BulkFormat::parse(&name.to_ascii_lowercase()), Some(f));
        assert_eq!(f.as_lower(), name.to_ascii_lowercase());
        assert_eq!(
            (f.import_delimiter(), f.export_delimiter()),
            (import, export)
        );
    }
    assert_eq!(BulkFormat::parse("xlsx"), None);
    assert_eq!(BulkFormat::default(), BulkFormat::Csv);
    let path = std::path::Path::new;
    assert_eq!(
        BulkFormat::from_path(path("a/leads.TAB")),
        Some(BulkFormat::Tsv)
    );
    assert_eq!(BulkFormat::from_path(path("leads")), None);
}
