//! End-to-end: the real `mkto leads sync` binary against the emulator.

use crate::support::{json_summary, mkto_at, mkto_in, output, stderr, stdout};
use marketo_emulator::{Emulator, FaultRule, LatencyModel};
use serde_json::Value;
use std::path::Path;
use std::process::Command;
use std::time::Duration;

fn write_csv(path: &Path, rows: usize) {
    write_csv_with_emails(path, rows, rows);
}

/// `rows` rows whose emails repeat every `distinct` rows.
fn write_csv_with_emails(path: &Path, rows: usize, distinct: usize) {
    let mut text = String::from("email,firstName,lastName\n");
    for i in 0..rows {
        text += &format!("lead{}@example.com,First{i},Last{i}\n", i % distinct);
    }
    std::fs::write(path, text).unwrap();
}

#[test]
fn the_summary_shows_reasons_with_their_values_not_templates() {
    let dir = tempfile::tempdir().unwrap();
    let csv = "email,bogusField\na@example.com,x\nb@example.com,y\nc@example.com,\n";
    std::fs::write(dir.path().join("in.csv"), csv).unwrap();
    let out = mkto_in(dir.path(), &["leads", "sync", "in.csv"]);
    let text = format!("{}{}", stdout(&out), stderr(&out));
    assert!(!text.contains("%s"), "{text}");
    assert!(
        text.lines()
            .any(|l| l.trim_start().starts_with("1006")
                && l.contains("Field 'bogusField' not found")),
        "{text}"
    );
}

#[test]
fn rows_that_repeat_a_lookup_value_are_reported_with_the_first_line() {
    let dir = tempfile::tempdir().unwrap();
    let csv = "email,firstName\na@example.com,Ann\nb@example.com,Bob\nA@Example.com,Annie\n";
    std::fs::write(dir.path().join("in.csv"), csv).unwrap();
    let out = mkto_in(dir.path(), &["leads", "sync", "in.csv", "--format", "json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("in.csv: line 4 repeats the lookup value \"A@Example.com\" of line 2"),
        "{err}"
    );
    assert!(
        err.contains("1 rows repeat an earlier row's lookup value (email)"),
        "{err}"
    );
    let s = json_summary(&out);
    assert_eq!(
        (s["created"].as_u64(), s["updated"].as_u64()),
        (Some(2), Some(1))
    );
}

#[test]
fn sync_with_bad_rows_rejects_them_and_sends_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let csv = "email,firstName,numberOfEmployees\n\
               a@example.com,Ann,5\n\
               not-an-email,Bob,5\n\
               c@example.com,Cy\n\
               ,Dee,5\n\
               e@example.com,Eve,lots\n\
               f@example.com,Fay,7\n";
    let mut bytes = csv.as_bytes().to_vec();
    bytes.extend_from_slice(b"g@example.com,G\xe9rard,1\n");
    std::fs::write(dir.path().join("in.csv"), bytes).unwrap();

    let out = mkto_in(dir.path(), &["leads", "sync", "in.csv", "--format", "json"]);
    assert!(
        out.status.success(),
        "skips are answered records: exit 0\n{}",
        stderr(&out)
    );
    assert!(
        stderr(&out).contains("embedded emulator"),
        "{}",
        stderr(&out)
    );
    assert!(
        stderr(&out).contains("in.csv:4: row has 2 fields, the header has 3"),
        "{}",
        stderr(&out)
    );
    let s = json_summary(&out);
    assert_eq!(s["read"], 7);
    assert_eq!(s["created"], 2);
    assert_eq!(s["skipped"], 5);
    assert_eq!(s["skipped_by_reason"]["1003"], 2);
    assert_eq!(s["skipped_by_reason"]["input"], 3);
    assert_eq!(s["failed"], 0);
    assert_eq!(s["pending"], 0);

    // The Latin-1 row is written back as it was, so the file is not all UTF-8.
    let rejects = std::fs::read(dir.path().join("in.rejects.csv")).unwrap();
    let rejects = String::from_utf8_lossy(&rejects);
    let lines: Vec<&str> = rejects.lines().collect();
    assert_eq!(
        lines[0],
        "line,code,reason,email,firstName,numberOfEmployees"
    );
    let reject_lines: Vec<&str> = lines[1..]
        .iter()
        .map(|l| l.split(',').next().unwrap())
        .collect();
    assert_eq!(reject_lines, ["3", "4", "5", "6", "8"]);
    assert!(lines[1].starts_with("3,1003,"), "{}", lines[1]);
    assert!(
        lines[3].contains("lookup field 'email' is empty"),
        "{}",
        lines[3]
    );
    assert!(lines[4].contains("numberOfEmployees"), "{}", lines[4]);
    assert!(lines[5].contains("not valid UTF-8"), "{}", lines[5]);

    // The same file again updates instead of creating: the emulator's state is in .mkto/.
    let out = mkto_in(dir.path(), &["leads", "sync", "in.csv", "--format", "json"]);
    let s = json_summary(&out);
    assert_eq!(
        (s["created"].as_u64(), s["updated"].as_u64()),
        (Some(0), Some(2))
    );
    // createOnly now: Marketo skips both with 1005, and they land in the rejects file.
    let out = mkto_in(
        dir.path(),
        &[
            "leads",
            "sync",
            "in.csv",
            "--action",
            "createOnly",
            "--format",
            "json",
        ],
    );
    // Every row skipped: nothing useful was done, exit 2 with the reason.
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("all 7 rows were skipped (2 with 1003, 2 with 1005, 3 with input)"),
        "{}",
        stderr(&out)
    );
    assert_eq!(json_summary(&out)["skipped_by_reason"]["1005"], 2);
    let rejects = std::fs::read(dir.path().join("in.rejects.csv")).unwrap();
    let rejects = String::from_utf8_lossy(&rejects);
    assert!(
        rejects.contains("2,1005,Lead already exists,a@example.com"),
        "{rejects}"
    );
}

/// Rows ending in a bare CR (old Mac exports), CRLF (Excel, RFC 4180) or LF with blank lines: every row is
/// sent or rejected, and messages and the rejects file name the physical line the row is on.
#[test]
fn every_line_ending_keeps_every_row_and_its_line_number() {
    let cases: &[(&str, &str, &str)] = &[
        ("cr", "\r", ""),
        ("crlf", "\r\n", ""),
        ("lf-blank", "\n", "\n"),
    ];
    for (name, eol, blank) in cases {
        let dir = tempfile::tempdir().unwrap();
        // Header, a bad row, then (after an optional blank line) two good rows and a row of 1 field.
        let text = format!(
            "email,numberOfEmployees{eol}a1@x.com,x{eol}{blank}a2@x.com,2{eol}a3@x.com,3{eol}a4@x.com{eol}"
        );
        std::fs::write(dir.path().join("in.csv"), text).unwrap();
        let out = mkto_in(dir.path(), &["leads", "sync", "in.csv", "--format", "json"]);
        assert!(out.status.success(), "{name}: {}", stderr(&out));
        let s = json_summary(&out);
        assert_eq!(s["read"], 4, "{name}: {s}");
        assert_eq!(s["created"], 2, "{name}: {s}");
        assert_eq!(s["skipped_by_reason"]["1003"], 1, "{name}: {s}");
        assert_eq!(s["skipped_by_reason"]["input"], 1, "{name}: {s}");
        let last = if blank.is_empty() { 5 } else { 6 };
        assert!(
            stderr(&out).contains("in.csv:2: Invalid value for field 'numberOfEmployees'")
                && stderr(&out).contains(&format!("in.csv:{last}: row has 1 fields")),
            "{name}: {}",
            stderr(&out)
        );
        let rejects = std::fs::read_to_string(dir.path().join("in.rejects.csv")).unwrap();
        let lines: Vec<&str> = rejects
            .lines()
            .skip(1)
            .map(|l| l.split(',').next().unwrap())
            .collect();
        assert_eq!(lines, ["2", &last.to_string()], "{name}: {rejects}");
    }
}

#[test]
fn dry_run_sends_nothing() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("in.csv"),
        "email,nope\na@example.com,1\nb@example.com,\n",
    )
    .unwrap();
    let out = mkto_in(
        dir.path(),
        &["leads", "sync", "in.csv", "--dry-run", "--format", "json"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let s = json_summary(&out);
    assert_eq!(s["would_send"], 1);
    assert_eq!(s["read"], 2);
    assert_eq!(s["skipped_by_reason"]["1006"], 1);
    assert_eq!(s["created"], 0);
    let out = mkto_in(
        dir.path(),
        &[
            "leads",
            "get",
            "--filter-type",
            "email",
            "--values",
            "b@example.com",
            "--format",
            "jsonl",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out), "", "nothing was sent");
}

#[test]
fn unreadable_input_fails_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let out = mkto_in(dir.path(), &["leads", "sync", "missing.csv"]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("cannot read missing.csv"),
        "{}",
        stderr(&out)
    );
    std::fs::write(dir.path().join("x.txt"), "email\n").unwrap();
    let out = mkto_in(dir.path(), &["leads", "sync", "x.txt"]);
    assert!(stderr(&out).contains("--input-format"), "{}", stderr(&out));
    std::fs::create_dir(dir.path().join("exports.csv")).unwrap();
    let out = mkto_in(dir.path(), &["leads", "sync", "exports.csv"]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("cannot read exports.csv: it is a directory"),
        "{}",
        stderr(&out)
    );
}

/// A Latin-1 byte goes to the rejects file as it was; the rejects file, fixed, goes back in as input.
#[test]
fn rejects_keep_the_original_bytes_and_can_be_sent_again() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("in.csv"),
        b"email,firstName,numberOfEmployees\r\na@x.com,Ann,lots\r\ng@x.com,G\xe9rard,1\r\nb@x.com,Bob,2\r\n",
    )
    .unwrap();
    let out = mkto_in(dir.path(), &["leads", "sync", "in.csv", "--format", "json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let s = json_summary(&out);
    assert_eq!(
        (s["created"].as_u64(), s["skipped"].as_u64()),
        (Some(1), Some(2)),
        "{s}"
    );
    let rejects = std::fs::read(dir.path().join("in.rejects.csv")).unwrap();
    let text = String::from_utf8_lossy(&rejects);
    let has = |needle: &[u8]| rejects.windows(needle.len()).any(|w| w == needle);
    assert!(
        has(b"3,input,field \"firstName\" is not valid UTF-8,g@x.com,G\xe9rard,1\n")
            || has(b"g@x.com,G\xe9rard,1\n"),
        "the Latin-1 byte is written back unchanged: {text}"
    );
    assert!(
        !has("\u{fffd}".as_bytes()),
        "no replacement character: {text}"
    );
    assert!(
        text.starts_with("line,code,reason,email,firstName,numberOfEmployees\n2,1003,"),
        "{text}"
    );

    // Fix both rows in place and send the rejects file back: its line, code and reason columns stay out.
    let fixed = String::from_utf8_lossy(&rejects)
        .replace(",lots", ",5")
        .replace("G\u{fffd}rard", "Gérard");
    std::fs::write(dir.path().join("fixed.csv"), fixed).unwrap();
    let out = mkto_in(
        dir.path(),
        &["leads", "sync", "fixed.csv", "--format", "json"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("is a rejects file"),
        "{}",
        stderr(&out)
    );
    let s = json_summary(&out);
    assert_eq!(s["created"], 2, "{s}");
    assert_eq!(s["skipped"], 0, "no 1006 for line, code, reason: {s}");

    // The same for JSON Lines, whose first line carries a byte order mark.
    std::fs::write(
        dir.path().join("in.jsonl"),
        b"\xef\xbb\xbf{\"email\":\"j1@x.com\"}\r\n{\"email\":\"j2@x.com\",\"numberOfEmployees\":\"many\"}\r\n",
    )
    .unwrap();
    let out = mkto_in(
        dir.path(),
        &["leads", "sync", "in.jsonl", "--format", "json"],
    );
    let s = json_summary(&out);
    assert_eq!(
        (s["created"].as_u64(), s["skipped"].as_u64()),
        (Some(1), Some(1)),
        "{s}"
    );
    let rejects = std::fs::read_to_string(dir.path().join("in.rejects.jsonl")).unwrap();
    assert!(rejects.starts_with("{\"line\":2,"), "{rejects}");
    std::fs::write(dir.path().join("again.jsonl"), rejects.replace("many", "7")).unwrap();
    let out = mkto_in(
        dir.path(),
        &["leads", "sync", "again.jsonl", "--format", "json"],
    );
    let s = json_summary(&out);
    assert_eq!(
        (s["created"].as_u64(), s["skipped"].as_u64()),
        (Some(1), Some(0)),
        "{s}"
    );
}

/// The checkpoint's counts, done lines and unsettled batches, once it exists and parses.
fn read_checkpoint(path: &Path) -> Option<Value> {
    serde_json::from_str(&std::fs::read_to_string(path).ok()?).ok()
}

fn done_lines(cp: &Value) -> u64 {
    cp["done"]
        .as_array()
        .map(|r| {
            r.iter()
                .map(|p| p[1].as_u64().unwrap() - p[0].as_u64().unwrap() + 1)
                .sum()
        })
        .unwrap_or(0)
}

/// A `--action ACTION` sync of 600 new leads killed with SIGKILL while Marketo has applied batches the
/// checkpoint does not count yet (the emulator's latency comes after a call is applied, before its answer),
/// then resumed: one lead per row, and every row counted created exactly once.
async fn killed_while_batches_are_applied_but_unanswered_then_resumed(action: &str) {
    killed_and_resumed(action, 600).await;
}

/// As above, the 600 rows' emails repeating every `distinct` rows.
async fn killed_and_resumed(action: &str, distinct: usize) {
    let emu = Emulator::builder()
        .latency(LatencyModel::fixed(Duration::from_millis(150)))
        .start()
        .await
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    write_csv_with_emails(&dir.path().join("in.csv"), 600, distinct);
    let state = dir.path().join("in.state.json");
    let args = [
        "leads",
        "sync",
        "in.csv",
        "--batch-size",
        "10",
        "--action",
        action,
        "-q",
    ];
    let mut child = mkto_at(&emu, dir.path(), &args).spawn().unwrap();
    // Wait (bounded) until batches are done and Marketo holds leads the checkpoint does not count yet.
    let mut killed = false;
    for _ in 0..3000 {
        if let Some(cp) = read_checkpoint(&state) {
            let counted = cp["counts"]["created"].as_u64().unwrap();
            if done_lines(&cp) >= 100 && emu.state().model.lead_count().unwrap() > counted {
                child.kill().unwrap();
                killed = true;
                break;
            }
        }
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    let status = child.wait().unwrap();
    assert!(
        killed && !status.success(),
        "{action}: the run was killed half-way"
    );
    // Let the calls the kill cut off end on the emulator's side (bounded).
    for _ in 0..1000 {
        if emu.usage().in_flight == 0 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    let cp = read_checkpoint(&state).expect("checkpoint kept");
    let applied = emu.state().model.lead_count().unwrap();
    assert!(
        applied > cp["counts"]["created"].as_u64().unwrap(),
        "{action}: the kill left leads the checkpoint does not count ({applied}): {cp}"
    );
    assert!(
        !cp["unsettled"].as_array().unwrap().is_empty(),
        "{action}: the batches in flight are written down: {cp}"
    );
    assert!(applied < 600, "{action}: killed before the end");

    // Without --resume it refuses to start over silently.
    let out = output(mkto_at(&emu, dir.path(), &args[..8])).await;
    assert!(!out.status.success());
    assert!(stderr(&out).contains("--resume"), "{}", stderr(&out));

    let mut resume = args.to_vec();
    resume.extend(["--resume", "--format", "json"]);
    let out = output(mkto_at(&emu, dir.path(), &resume)).await;
    assert!(out.status.success(), "{action}: {}", stderr(&out));
    assert!(
        stderr(&out).contains("records of the last run had no answer"),
        "{action}: {}",
        stderr(&out)
    );
    let s = json_summary(&out);
    assert_eq!(s["created"], 600, "{action}: every row created once: {s}");
    assert_eq!(s["updated"], 0, "{action}: {s}");
    assert_eq!(
        s["skipped"], 0,
        "{action}: no row of this job reported as existing: {s}"
    );
    assert_eq!(s["failed"], 0, "{action}: {s}");
    assert_eq!(s["read"], 600, "{action}: {s}");
    assert_eq!(s["pending"], 0, "{action}: {s}");
    assert_eq!(
        emu.state().model.lead_count().unwrap(),
        600,
        "{action}: one lead per row"
    );
    let rejects = std::fs::read_to_string(dir.path().join("in.rejects.csv")).unwrap_or_default();
    assert!(
        rejects.lines().count() <= 1,
        "{action}: nothing rejected: {rejects}"
    );
    assert!(!state.exists(), "a finished run leaves no checkpoint");
    emu.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn create_or_update_killed_half_way_and_resumed() {
    killed_while_batches_are_applied_but_unanswered_then_resumed("createOrUpdate").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn create_duplicate_killed_half_way_and_resumed_creates_no_duplicate() {
    killed_while_batches_are_applied_but_unanswered_then_resumed("createDuplicate").await;
}

/// The same email in several batches: a batch resumed after a kill is not credited with the lead an earlier
/// batch of the run created with the same email in the same second (the id written down tells them apart).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn create_duplicate_with_repeated_emails_killed_and_resumed_creates_one_lead_per_row() {
    killed_and_resumed("createDuplicate", 100).await;
    // Killed while batches are on the wire but not applied yet (the delay comes before the handler): their
    // emails' leads, created by earlier batches of the run moments before, are not theirs.
    let emu = Emulator::builder()
        .fault(FaultRule::latency(
            "POST",
            "/rest/v1/leads.json",
            Duration::from_millis(300),
        ))
        .start()
        .await
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    write_csv_with_emails(&dir.path().join("in.csv"), 600, 100);
    let state = dir.path().join("in.state.json");
    let args = [
        "leads",
        "sync",
        "in.csv",
        "--batch-size",
        "10",
        "--action",
        "createDuplicate",
        "-q",
    ];
    let mut child = mkto_at(&emu, dir.path(), &args).spawn().unwrap();
    let mut killed = false;
    for _ in 0..3000 {
        if read_checkpoint(&state).is_some_and(|cp| {
            done_lines(&cp) >= 100 && !cp["unsettled"].as_array().unwrap().is_empty()
        }) {
            child.kill().unwrap();
            killed = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    child.wait().unwrap();
    assert!(killed);
    // Let the calls the kill cut off end on the emulator's side (bounded).
    for _ in 0..1000 {
        if emu.usage().in_flight == 0 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    let mut resume = args.to_vec();
    resume.extend(["--resume", "--format", "json"]);
    let out = output(mkto_at(&emu, dir.path(), &resume)).await;
    assert!(out.status.success(), "{}", stderr(&out));
    let s = json_summary(&out);
    assert_eq!(s["created"], 600, "{s}");
    assert_eq!(
        emu.state().model.lead_count().unwrap(),
        600,
        "one lead per row: no row of a batch that never got applied was taken for created"
    );
    emu.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn create_only_killed_half_way_and_resumed_reports_no_own_lead_as_existing() {
    killed_while_batches_are_applied_but_unanswered_then_resumed("createOnly").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn update_only_killed_half_way_and_resumed() {
    let emu = Emulator::builder()
        .latency(LatencyModel::fixed(Duration::from_millis(100)))
        .start()
        .await
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    write_csv(&dir.path().join("in.csv"), 300);
    let out = output(mkto_at(
        &emu,
        dir.path(),
        &["leads", "sync", "in.csv", "--batch-size", "100", "-q"],
    ))
    .await;
    assert!(out.status.success(), "{}", stderr(&out));
    let state = dir.path().join("in.state.json");
    let args = [
        "leads",
        "sync",
        "in.csv",
        "--batch-size",
        "10",
        "--action",
        "updateOnly",
        "-q",
    ];
    let mut child = mkto_at(&emu, dir.path(), &args).spawn().unwrap();
    let mut killed = false;
    for _ in 0..3000 {
        if read_checkpoint(&state).is_some_and(|cp| done_lines(&cp) >= 50) {
            child.kill().unwrap();
            killed = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    child.wait().unwrap();
    assert!(killed);
    let mut resume = args.to_vec();
    resume.extend(["--resume", "--format", "json"]);
    let out = output(mkto_at(&emu, dir.path(), &resume)).await;
    assert!(out.status.success(), "{}", stderr(&out));
    let s = json_summary(&out);
    assert_eq!(
        (s["updated"].as_u64(), s["created"].as_u64()),
        (Some(300), Some(0)),
        "{s}"
    );
    assert_eq!(s["read"], 300, "{s}");
    assert_eq!(emu.state().model.lead_count().unwrap(), 300);
    emu.shutdown().await;
}

/// Batches that fail after the client's retries (611 on every sync call) are not lost: they stay pending,
/// the checkpoint is kept, and `--resume` looks them up, then sends them.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_batch_that_fails_after_its_retries_stays_resumable() {
    let emu = Emulator::builder()
        .fault(FaultRule::error("POST", "/rest/v1/leads.json", 611))
        .start()
        .await
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    write_csv(&dir.path().join("in.csv"), 20);
    let args = [
        "leads",
        "sync",
        "in.csv",
        "--batch-size",
        "10",
        "-q",
        "--format",
        "json",
    ];
    let out = output(mkto_at(&emu, dir.path(), &args)).await;
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let s = json_summary(&out);
    assert_eq!(
        (s["pending"].as_u64(), s["unsettled"].as_u64()),
        (Some(20), Some(20)),
        "{s}"
    );
    assert_eq!(
        (s["failed"].as_u64(), s["created"].as_u64()),
        (Some(0), Some(0)),
        "{s}"
    );
    let err = stderr(&out);
    assert!(
        err.contains("20 records had no answer after the client's retries") && err.contains("611"),
        "{err}"
    );
    assert!(err.contains("--resume"), "{err}");
    assert!(dir.path().join("in.state.json").exists(), "checkpoint kept");
    let rejects = std::fs::read_to_string(dir.path().join("in.rejects.csv")).unwrap_or_default();
    assert!(rejects.lines().count() <= 1, "nothing rejected: {rejects}");

    emu.clear_faults();
    let mut resume = args.to_vec();
    resume.push("--resume");
    let out = output(mkto_at(&emu, dir.path(), &resume)).await;
    assert!(out.status.success(), "{}", stderr(&out));
    let s = json_summary(&out);
    assert_eq!(
        (s["created"].as_u64(), s["pending"].as_u64()),
        (Some(20), Some(0)),
        "{s}"
    );
    assert_eq!(emu.state().model.lead_count().unwrap(), 20);
    assert!(!dir.path().join("in.state.json").exists());
    emu.shutdown().await;
}

/// A failed call is one short warning on stderr naming the failed-calls file beside the rejects file; that
/// file holds its request and response, redacted; `-v` logs the exchange too. No secret anywhere.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_failed_call_is_one_short_warning_and_its_exchange_is_kept_redacted() {
    let emu = Emulator::builder()
        .fault(FaultRule::error("POST", "/rest/v1/leads.json", 609))
        .start()
        .await
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    write_csv(&dir.path().join("in.csv"), 3);
    let out = output(mkto_at(
        &emu,
        dir.path(),
        &["leads", "sync", "in.csv", "-q"],
    ))
    .await;
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let err = stderr(&out);
    let warnings: Vec<&str> = err.lines().filter(|l| l.contains("WARN")).collect();
    assert_eq!(warnings.len(), 1, "{err}");
    assert!(
        warnings[0].contains("marketo call failed")
            && warnings[0].contains("in.failed-calls.jsonl"),
        "{err}"
    );
    assert!(warnings[0].len() < 400, "a short line: {}", warnings[0]);
    assert!(
        !err.contains("lead0@example.com"),
        "no record in the log: {err}"
    );
    assert!(
        err.contains("failed calls are in in.failed-calls.jsonl"),
        "{err}"
    );

    let kept = std::fs::read_to_string(dir.path().join("in.failed-calls.jsonl")).unwrap();
    let exchange: Value = serde_json::from_str(kept.lines().next().unwrap()).unwrap();
    assert_eq!(
        exchange["request"]["body"]["input"][0]["email"],
        "lead0@example.com"
    );
    assert_eq!(exchange["request"]["authorization"], "Bearer [REDACTED]");
    assert_eq!(exchange["response"]["body"]["errors"][0]["code"], "609");
    assert!(exchange["request_id"].is_string(), "{exchange}");

    // -v: the exchange in the log as well.
    let out = output(mkto_at(
        &emu,
        dir.path(),
        &["leads", "sync", "in.csv", "-q", "-v"],
    ))
    .await;
    let verbose = stderr(&out);
    assert!(verbose.contains("lead0@example.com"), "{verbose}");

    let token = live_token(&emu);
    let kept = std::fs::read_to_string(dir.path().join("in.failed-calls.jsonl")).unwrap();
    for text in [&err, &verbose, &kept] {
        assert!(
            !text.contains(emu.client_secret()),
            "the secret leaked: {text}"
        );
        assert!(!text.contains(&token), "the token leaked: {text}");
    }
    emu.shutdown().await;
}

/// The access token the emulator holds for the test credentials (the live one it hands out while valid).
fn live_token(emu: &Emulator) -> String {
    let state = emu.state();
    let grant = state.tokens.lock().unwrap().grant(
        emu.client_id(),
        &state.config.pod,
        state.now(),
        state.config.token_ttl(),
    );
    grant.access_token
}

/// 607 in the middle of a run: pending records kept, the reset time said, and a resume after midnight
/// (the emulator's clock moved) completes it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sync_stopped_by_607_resumes_after_the_quota_day_turns() {
    // 8 calls a day: Describe, then one call per batch of 10; the batches the quota does not cover wait for
    // the next day.
    let emu = Emulator::builder().daily_quota(8).start().await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    write_csv(&dir.path().join("in.csv"), 150);
    let out = output(mkto_at(
        &emu,
        dir.path(),
        &[
            "leads",
            "sync",
            "in.csv",
            "--batch-size",
            "10",
            "-q",
            "--format",
            "json",
        ],
    ))
    .await;
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("607") && err.contains("resets at"), "{err}");
    assert!(err.contains("--resume"), "{err}");
    let s = json_summary(&out);
    let pending = s["pending"].as_u64().unwrap();
    let created = s["created"].as_u64().unwrap();
    assert!(pending > 0 && created > 0, "{s}");
    assert_eq!(created + pending, 150, "{s}");

    emu.advance_clock(Duration::from_secs(25 * 3600));
    let out = output(mkto_at(
        &emu,
        dir.path(),
        &[
            "leads",
            "sync",
            "in.csv",
            "--batch-size",
            "10",
            "--resume",
            "-q",
            "--format",
            "json",
        ],
    ))
    .await;
    assert!(out.status.success(), "{}", stderr(&out));
    let s = json_summary(&out);
    assert_eq!(s["created"], 150, "{s}");
    assert_eq!(s["pending"], 0);
    assert_eq!(emu.state().model.lead_count().unwrap(), 150);
    emu.shutdown().await;
}

/// SIGTERM (like Ctrl-C): the calls in flight finish, the checkpoint is saved, exit 130; --resume completes.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sync_interrupted_by_sigterm_stops_cleanly_and_resumes() {
    let emu = Emulator::builder()
        .latency(LatencyModel::fixed(Duration::from_millis(150)))
        .start()
        .await
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    write_csv(&dir.path().join("in.csv"), 600);
    let state = dir.path().join("in.state.json");
    let child = mkto_at(
        &emu,
        dir.path(),
        &[
            "leads",
            "sync",
            "in.csv",
            "--batch-size",
            "10",
            "-q",
            "--format",
            "json",
        ],
    )
    .spawn()
    .unwrap();
    for _ in 0..3000 {
        if state.exists() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    let pid = child.id().to_string();
    let killed = Command::new("kill").args(["-TERM", &pid]).status().unwrap();
    assert!(killed.success());
    let out = tokio::task::spawn_blocking(move || child.wait_with_output().unwrap())
        .await
        .unwrap();
    assert_eq!(out.status.code(), Some(130), "{}", stderr(&out));
    let s = json_summary(&out);
    assert!(s["pending"].as_u64().unwrap() > 0, "{s}");
    assert!(state.exists(), "checkpoint kept for --resume");
    let out = output(mkto_at(
        &emu,
        dir.path(),
        &[
            "leads",
            "sync",
            "in.csv",
            "--batch-size",
            "10",
            "--resume",
            "-q",
            "--format",
            "json",
        ],
    ))
    .await;
    assert!(out.status.success(), "{}", stderr(&out));
    let s = json_summary(&out);
    assert_eq!(s["created"], 600, "{s}");
    assert_eq!(emu.state().model.lead_count().unwrap(), 600);
    emu.shutdown().await;
}

/// The API calls of the run with `args` in `dir`, to Marketo's REST paths: (path, count).
async fn rest_calls_of(emu: &Emulator, dir: &Path, args: &[&str]) -> Vec<(String, usize)> {
    rest_calls_exiting(emu, dir, args, 0).await
}

/// [`rest_calls_of`] for a run that exits with `code`.
async fn rest_calls_exiting(
    emu: &Emulator,
    dir: &Path,
    args: &[&str],
    code: i32,
) -> Vec<(String, usize)> {
    let before = emu.calls().len();
    let out = output(mkto_at(emu, dir, args)).await;
    assert_eq!(out.status.code(), Some(code), "{args:?}: {}", stderr(&out));
    let mut counts = std::collections::BTreeMap::<String, usize>::new();
    for call in &emu.calls()[before..] {
        if call.path.starts_with("/rest/") {
            *counts.entry(call.path.clone()).or_default() += 1;
        }
    }
    counts.into_iter().collect()
}

/// A sync takes one call per 300 records and, the first time in an hour, one Describe: no call per batch
/// to make `--resume` exact, whatever the action. A rerun reads the lead fields from the cache.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_plain_sync_makes_one_call_per_300_records_and_one_describe() {
    let emu = Emulator::builder().start().await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    write_csv(&dir.path().join("in.csv"), 1000);
    let describe = "/rest/v1/leads/describe.json".to_owned();
    let sync = "/rest/v1/leads.json".to_owned();
    let calls = rest_calls_of(
        &emu,
        dir.path(),
        &["leads", "sync", "in.csv", "--action", "createOnly", "-q"],
    )
    .await;
    assert_eq!(
        calls,
        [(sync.clone(), 4), (describe.clone(), 1)],
        "ceil(1000/300) = 4 syncs"
    );
    // updateOnly after createDuplicate: every lead matches twice (1007), a run that does nothing: exit 2.
    for (action, code) in [
        ("createOrUpdate", 0),
        ("createDuplicate", 0),
        ("updateOnly", 2),
    ] {
        let calls = rest_calls_exiting(
            &emu,
            dir.path(),
            &["leads", "sync", "in.csv", "--action", action, "-q"],
            code,
        )
        .await;
        assert_eq!(
            calls,
            [(sync.clone(), 4)],
            "{action}: the lead fields come from the cache"
        );
    }
    // A column the cached fields do not have: read them again (it may be new), once.
    std::fs::write(
        dir.path().join("new.csv"),
        "email,brandNewField\na@x.com,1\n",
    )
    .unwrap();
    // Every row skipped: the run did nothing useful and exits 2.
    let calls = rest_calls_exiting(&emu, dir.path(), &["leads", "sync", "new.csv", "-q"], 2).await;
    assert_eq!(
        calls,
        [(describe, 1)],
        "{calls:?}: the row is rejected with 1006, nothing sent"
    );
    emu.shutdown().await;
}
