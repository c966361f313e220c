//! Bulk Lead Import against the emulator: files over 10 MB split at row boundaries (no 413), the queue
//! codes 1016 and 1019 waited out, 613 not retried, failed and warned rows mapped to their original lines.

use crate::support::*;
use marketo_client::endpoints::{BulkOptions, ImportSettings};
use marketo_client::ErrorKind;
use marketo_emulator::bulk::BulkConfig;
use marketo_emulator::FaultRule;
use marketo_types::limits::MAX_BULK_IMPORT_BYTES;
use serde_json::json;
use std::io::Write;
use std::path::Path;
use std::time::Duration;

const SUBMIT: &str = "/bulk/v1/leads.json";

/// A CSV of `rows` leads with a `notes` cell of `pad` bytes each.
fn write_leads(path: &Path, rows: usize, pad: usize) {
    let mut f = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    writeln!(f, "email,firstName,notes").unwrap();
    let notes = "n".repeat(pad);
    for i in 0..rows {
        writeln!(f, "bulk{i}@example.com,First {i},{notes}").unwrap();
    }
}

fn small_parts() -> BulkOptions {
    BulkOptions {
        max_part_bytes: 200,
        poll_first: Duration::from_secs(5),
        ..BulkOptions::default()
    }
}

fn status_polls(emu: &marketo_emulator::Emulator) -> usize {
    emu.calls()
        .iter()
        .filter(|c| {
            c.path.starts_with("/bulk/v1/leads/batch/")
                && !c.path.contains("/failures")
                && !c.path.contains("/warnings")
        })
        .count()
}

#[tokio::test(start_paused = true)]
async fn code_413_avoided_by_splitting_a_file_over_10_mb() {
    let emu = emulator(|b| b).await;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.csv");
    write_leads(&path, 2_200, 5_000);
    let size = std::fs::metadata(&path).unwrap().len() as usize;
    assert!(size > MAX_BULK_IMPORT_BYTES, "{size}");
    let client = client(&emu);
    let report = client
        .bulk()
        .import_file(&path, &ImportSettings::default())
        .await
        .unwrap();
    assert!(report.stopped.is_none(), "{:?}", report.stopped);
    assert_eq!(report.parts.len(), 2, "{:?}", report.parts);
    assert_eq!(report.rows, 2_200);
    assert_eq!(report.processed(), 2_200);
    assert!(report.failures.is_empty(), "{:?}", &report.failures[..1]);
    assert_eq!(answered(&emu, 413), 0);
    assert_eq!(calls_to(&emu, SUBMIT).len(), 2);
    // The second part starts where the first ended, on a row boundary.
    let p = &report.parts;
    assert_eq!(p[1].first_line, p[0].first_line + p[0].rows);
    assert_eq!(emu.state().model.lead_count().unwrap(), 2_200);
}

#[tokio::test(start_paused = true)]
async fn code_1016_too_many_imports_is_waited_out() {
    let emu = emulator(|b| {
        b.bulk(BulkConfig {
            import_running: 1,
            import_queued: 2,
            ..BulkConfig::default()
        })
    })
    .await;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("in.csv");
    write_leads(&path, 30, 10);
    let client = client(&emu);
    let report = client
        .bulk()
        .with_options(small_parts())
        .import_file(&path, &ImportSettings::default())
        .await
        .unwrap();
    assert!(report.parts.len() >= 5, "{}", report.parts.len());
    assert!(
        answered(&emu, 1016) >= 1,
        "the server's queue of 2 was full"
    );
    assert!(report.stopped.is_none(), "{:?}", report.stopped);
    assert_eq!(report.processed(), 30);
    assert!(report.parts.iter().all(|p| p.status == "Complete"));
    assert_eq!(emu.state().model.lead_count().unwrap(), 30);
}

#[tokio::test(start_paused = true)]
async fn code_1019_import_in_progress_to_the_same_list_is_waited_out() {
    let emu = emulator(|b| b).await;
    emu.seed(json!({"lists": [{"id": 7, "name": "Imported"}]}))
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("in.csv");
    write_leads(&path, 12, 10);
    let client = client(&emu);
    let settings = ImportSettings {
        list_id: Some(7),
        ..ImportSettings::default()
    };
    let report = client
        .bulk()
        .with_options(small_parts())
        .import_file(&path, &settings)
        .await
        .unwrap();
    assert!(report.parts.len() >= 3);
    assert!(answered(&emu, 1019) >= 1, "one import per list at a time");
    assert!(report.stopped.is_none(), "{:?}", report.stopped);
    assert_eq!(report.processed(), 12);
    let members = futures::TryStreamExt::try_collect::<Vec<_>>(client.lists().members(7, &[]))
        .await
        .unwrap();
    assert_eq!(members.len(), 12);
}

#[tokio::test(start_paused = true)]
async fn code_613_invalid_multipart_fails_clearly_and_is_not_retried() {
    // The client always assembles a valid multipart body, so 613 comes from a fault rule.
    let emu = emulator(|b| b.fault(FaultRule::error("POST", SUBMIT, 613))).await;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("in.csv");
    write_leads(&path, 3, 1);
    let report = client(&emu)
        .bulk()
        .import_file(&path, &ImportSettings::default())
        .await
        .unwrap();
    let e = report.stopped.clone().expect("stopped");
    assert_eq!(e.kind(), ErrorKind::Request);
    assert_eq!(e.code(), Some(613));
    assert!(e.to_string().contains("Invalid Multipart Request"), "{e}");
    assert_eq!(calls_to(&emu, SUBMIT).len(), 1);
    assert_eq!(report.not_sent(), 3);
}

#[tokio::test(start_paused = true)]
async fn failed_and_warned_rows_keep_their_original_line_numbers() {
    let emu = emulator(|b| b).await;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("in.csv");
    std::fs::write(
        &path,
        "email,boolean_field,shoeSize\n\
         ok1@example.com,true,\n\
         bad@example.com,maybe,\n\
         \"multi\nline@example.com\",true,\n\
         short@example.com\n\
         warn@example.com,false,42\n\
         bad2@example.com,perhaps,\n",
    )
    .unwrap();
    let client = client(&emu);
    let report = client
        .bulk()
        .with_options(BulkOptions {
            max_part_bytes: 110,
            ..BulkOptions::default()
        })
        .import_file(&path, &ImportSettings::default())
        .await
        .unwrap();
    assert!(report.parts.len() >= 2, "{:?}", report.parts);
    let failed: Vec<(Option<u64>, &str)> = report
        .failures
        .iter()
        .map(|f| (f.line, f.reason.as_str()))
        .collect();
    let lines: Vec<Option<u64>> = failed.iter().map(|f| f.0).collect();
    assert!(lines.contains(&Some(3)), "{failed:?}");
    assert!(lines.contains(&Some(6)), "{failed:?}");
    assert!(lines.contains(&Some(8)), "{failed:?}");
    assert!(
        failed
            .iter()
            .any(|(l, r)| *l == Some(3) && r.contains("boolean_field")),
        "{failed:?}"
    );
    let warned: Vec<Option<u64>> = report.warnings.iter().map(|w| w.line).collect();
    assert_eq!(warned, [Some(7)], "{:?}", report.warnings);
    // Status only changes slowly: polls back off instead of hammering.
    let polls = status_polls(&emu);
    assert!(
        polls <= 4 * report.parts.len(),
        "{polls} polls for {} parts",
        report.parts.len()
    );
}
