//! The job book across restarts: the stored form older emulators wrote loads as it is, and a stored book that
//! does not parse is answered with 611 until a reset, never silently emptied.

use super::*;
use crate::model::schema::LeadSchema;
use crate::model::DbLocation;
use chrono::TimeZone;

/// A book as the emulator stored it before the job queue was generic (one import complete, one importing; an
/// export completed, one processing, one cancelled), captured from that version.
const OLDER_BOOK: &str = r#"{"next_batch_id":1002,"imports":[{"batch_id":1001,"owner":"me","format":"CSV","lookup_field":"email","list_id":null,"partition_name":null,"partitions":null,"status":"Complete","queued_at":"2026-03-10T15:00:00Z","started_at":"2026-03-10T15:00:00Z","slot":0,"processed":2,"failed":0,"warned":0,"message":"Import succeeded, 2 records imported (2 members)"},{"batch_id":1002,"owner":"me","format":"CSV","lookup_field":"email","list_id":null,"partition_name":null,"partitions":null,"status":"Importing","queued_at":"2026-03-10T15:01:01Z","started_at":"2026-03-10T15:01:01Z","slot":1,"processed":0,"failed":0,"warned":0,"message":null}],"exports":[{"id":"60a01663-c37c-4730-84b1-875d1cbd7e0b","kind":"Leads","owner":"me","format":"TSV","fields":["id","email"],"headers":["id","email"],"selector":{"CreatedAt":["2026-03-01T00:00:00Z","2026-03-11T00:00:00Z"]},"status":"Completed","created_at":"2026-03-10T15:00:00Z","queued_at":"2026-03-10T15:00:00Z","started_at":"2026-03-10T15:00:00Z","finished_at":"2026-03-10T15:01:00Z","slot":0,"records":2,"file":{"key":"export/60a01663-c37c-4730-84b1-875d1cbd7e0b","size":27,"checksum":"sha256:35ccf619235c027015fb830871301476b3374d312da84473a0b7875003383bc4"},"error":null},{"id":"cc9cf011-e328-414e-939e-0799ab745346","kind":"Leads","owner":"me","format":"TSV","fields":["id","email"],"headers":["id","email"],"selector":{"CreatedAt":["2026-03-01T00:00:00Z","2026-03-11T00:00:00Z"]},"status":"Processing","created_at":"2026-03-10T15:01:01Z","queued_at":"2026-03-10T15:01:01Z","started_at":"2026-03-10T15:01:01Z","finished_at":null,"slot":1,"records":null,"file":null,"error":null},{"id":"9569a7e7-4cd2-40be-8578-f1fca8fa2e39","kind":"Leads","owner":"me","format":"TSV","fields":["id","email"],"headers":["id","email"],"selector":{"CreatedAt":["2026-03-01T00:00:00Z","2026-03-11T00:00:00Z"]},"status":"Cancelled","created_at":"2026-03-10T15:01:01Z","queued_at":null,"started_at":null,"finished_at":null,"slot":null,"records":null,"file":null,"error":null}],"import_slots":{"busy_until":["2026-03-10T15:00:10Z","2026-03-10T15:01:11Z"]},"export_slots":{"busy_until":["2026-03-10T15:01:00Z","2026-03-10T15:02:01Z"]},"allowance":{"day":"2026-03-10","used":27}}"#;

fn model() -> Model {
    Model::open(DbLocation::InMemory, LeadSchema::default()).unwrap()
}

fn t(h: u32, m: u32, s: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 10, h, m, s).unwrap()
}

#[test]
fn an_older_stored_book_loads_as_it_is() {
    let model = model();
    model.kv_set(BOOK_KEY, OLDER_BOOK).unwrap();
    let bulk = Bulk::open(&model, BulkConfig::default()).unwrap();
    let now = t(15, 1, 2);
    let done = bulk.import_status(&model, "me", 1001, now).unwrap();
    assert_eq!(done.status, ImportStatus::Complete);
    assert_eq!(
        done.message.as_deref(),
        Some("Import succeeded, 2 records imported (2 members)")
    );
    assert_eq!(
        bulk.import_status(&model, "me", 1002, now).unwrap().status,
        ImportStatus::Importing
    );
    let jobs = bulk
        .list_exports(&model, &ExportKind::Leads, "me", &[], now)
        .unwrap();
    let statuses: Vec<_> = jobs.iter().map(|j| j.status).collect();
    assert_eq!(
        statuses,
        [
            ExportStatus::Completed,
            ExportStatus::Processing,
            ExportStatus::Cancelled
        ]
    );
    assert_eq!(jobs[0].file_size, Some(27));
    assert_eq!(jobs[0].finished_at.as_deref(), Some("2026-03-10T15:01:00Z"));
    assert_eq!(bulk.exported_today(now), 27);
    // The stored slots still hold: the processing export finishes a minute after it started.
    let later = bulk
        .export_status(
            &model,
            &ExportKind::Leads,
            "me",
            &jobs[1].export_id,
            t(15, 2, 1),
        )
        .unwrap();
    assert_eq!(later.status, ExportStatus::Completed);
    assert_eq!(later.finished_at.as_deref(), Some("2026-03-10T15:02:01Z"));
}

#[test]
fn a_stored_book_that_does_not_parse_is_611_until_reset() {
    let model = model();
    model
        .kv_set(BOOK_KEY, r#"{"next_batch_id":"many"}"#)
        .unwrap();
    let bulk = Bulk::open(&model, BulkConfig::default()).unwrap();
    let now = t(16, 0, 0);
    let e = bulk.import_status(&model, "me", 1001, now).unwrap_err();
    assert_eq!((e.code.value(), e.message.as_str()), (611, "System error"));
    let e = bulk
        .list_exports(&model, &ExportKind::Leads, "me", &[], now)
        .unwrap_err();
    assert_eq!(e.code.value(), 611);
    assert!(bulk
        .export_file(&model, &ExportKind::Leads, "me", "x", now)
        .is_err());
    // Nothing overwrote it: the broken book is still there to look at.
    assert_eq!(
        model.kv_get(BOOK_KEY).unwrap().as_deref(),
        Some(r#"{"next_batch_id":"many"}"#)
    );
    bulk.reset(&model);
    assert!(bulk
        .list_exports(&model, &ExportKind::Leads, "me", &[], now)
        .unwrap()
        .is_empty());
    let reopened = Bulk::open(&model, BulkConfig::default()).unwrap();
    assert_eq!(
        reopened
            .import_status(&model, "me", 1001, now)
            .unwrap_err()
            .code
            .value(),
        1013
    );
}

#[test]
fn a_book_survives_reopening_with_its_slots_resized() {
    let model = model();
    let bulk = Bulk::open(&model, BulkConfig::default()).unwrap();
    let body = serde_json::json!({"fields": ["id"], "filter": {"createdAt":
        {"startAt": "2026-03-01T00:00:00Z", "endAt": "2026-03-11T00:00:00Z"}}});
    let now = t(12, 0, 0);
    let mut ids = Vec::new();
    for _ in 0..3 {
        let id = bulk
            .create_export(&model, &ExportKind::Leads, "me", &body, now)
            .unwrap()
            .export_id;
        bulk.enqueue(&model, &ExportKind::Leads, "me", &id, now)
            .unwrap();
        ids.push(id);
    }
    let one_slot = BulkConfig {
        export_processing: 1,
        ..BulkConfig::default()
    };
    let bulk = Bulk::open(&model, one_slot).unwrap();
    let status = |id: &str, at| {
        bulk.export_status(&model, &ExportKind::Leads, "me", id, at)
            .unwrap()
            .status
    };
    // Two were processing when the book was stored; the third waits for the one slot left.
    assert_eq!(status(&ids[2], t(12, 0, 30)), ExportStatus::Queued);
    assert_eq!(status(&ids[2], t(12, 1, 30)), ExportStatus::Processing);
    assert_eq!(status(&ids[2], t(12, 2, 0)), ExportStatus::Completed);
}
