//! End-to-end: `mkto leads import`, `leads sync --mode`, `leads export` (31-day jobs, resume after the
//! export allowance ran out), `activities export` and `usage`, the real binary against the emulator.

use crate::support::{json_summary, mkto_at, output, stderr, stdout};
use marketo_emulator::bulk::BulkConfig;
use marketo_emulator::Emulator;
use std::io::Write;
use std::path::Path;
use std::process::Output;
use std::time::Duration;

async fn emulator(bulk: BulkConfig) -> Emulator {
    Emulator::builder()
        .bulk(BulkConfig {
            import_secs: 0,
            export_secs: 0,
            ..bulk
        })
        .start()
        .await
        .unwrap()
}

async fn run(emu: &Emulator, dir: &Path, args: &[&str]) -> Output {
    output(mkto_at(emu, dir, args)).await
}

fn write_leads(path: &Path, rows: usize, pad: usize) {
    let mut f = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    writeln!(f, "email,firstName,lastName,company").unwrap();
    let p = "p".repeat(pad);
    for i in 0..rows {
        writeln!(f, "lead{i}@example.com,F{p},L{p},C{p}").unwrap();
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn import_writes_failed_rows_to_rejects_with_their_original_lines() {
    let emu = emulator(BulkConfig::default()).await;
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("in.csv"),
        "email,firstName,numberOfEmployees\n\
         a@example.com,Ann,5\n\
         b@example.com,Bob,lots\n\
         c@example.com,\"Cy\nSecond line\",7\n\
         d@example.com,Dee\n\
         e@example.com,Eve,9\n",
    )
    .unwrap();
    let out = run(
        &emu,
        dir.path(),
        &[
            "leads", "import", "in.csv", "--poll", "0.2", "--format", "json",
        ],
    )
    .await;
    assert!(
        out.status.success(),
        "row failures are answers: exit 0\n{}",
        stderr(&out)
    );
    let s = json_summary(&out);
    assert_eq!(s["mode"], "bulk");
    assert_eq!(s["read"], 5);
    assert_eq!(s["imported"], 3, "{s}");
    assert_eq!(s["failed"], 2, "{s}");
    assert_eq!(s["failed_by_reason"]["1003"], 1, "{s}");
    let rejects = std::fs::read_to_string(dir.path().join("in.rejects.csv")).unwrap();
    let mut lines = rejects.lines();
    assert_eq!(
        lines.next(),
        Some("line,code,reason,email,firstName,numberOfEmployees")
    );
    assert!(rejects.contains("\n3,1003,"), "{rejects}");
    assert!(
        rejects.contains("\n6,bulk,"),
        "the short row, line 6 after a two-line row: {rejects}"
    );
    assert!(stderr(&out).contains("in.csv:3:"), "{}", stderr(&out));
    assert_eq!(emu.state().model.lead_count().unwrap(), 3);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sync_mode_auto_uses_bulk_for_large_files_and_says_so() {
    let emu = emulator(BulkConfig::default()).await;
    let dir = tempfile::tempdir().unwrap();
    write_leads(&dir.path().join("small.csv"), 10, 1);
    let out = run(
        &emu,
        dir.path(),
        &["leads", "sync", "small.csv", "--format", "json"],
    )
    .await;
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!stderr(&out).contains("bulk import"), "{}", stderr(&out));
    assert_eq!(json_summary(&out)["created"], 10);

    write_leads(&dir.path().join("big.csv"), 7_000, 240);
    assert!(std::fs::metadata(dir.path().join("big.csv")).unwrap().len() >= 5_000_000);
    let out = run(
        &emu,
        dir.path(),
        &["leads", "sync", "big.csv", "--format", "json"],
    )
    .await;
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("using bulk import"),
        "{}",
        stderr(&out)
    );
    let s = json_summary(&out);
    assert_eq!(s["mode"], "bulk");
    assert_eq!(s["imported"], 7_000, "{s}");
    assert!(s["calls"].as_u64().unwrap() < 40, "{s}");
    assert_eq!(
        emu.state().model.lead_count().unwrap(),
        7_000,
        "the first 10 were updated"
    );

    let out = run(
        &emu,
        dir.path(),
        &[
            "leads",
            "sync",
            "small.csv",
            "--mode",
            "bulk",
            "--action",
            "createOnly",
        ],
    )
    .await;
    assert!(!out.status.success());
    assert!(stderr(&out).contains("--mode bulk"), "{}", stderr(&out));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn export_splits_long_ranges_and_resumes_after_the_allowance_resets() {
    // The first job's file (a header) spends the allowance: the second job stops with 1029 until midnight.
    let emu = emulator(BulkConfig {
        export_daily_bytes: 5,
        ..BulkConfig::default()
    })
    .await;
    let dir = tempfile::tempdir().unwrap();
    write_leads(&dir.path().join("in.csv"), 30, 1);
    assert!(run(&emu, dir.path(), &["leads", "sync", "in.csv", "-q"])
        .await
        .status
        .success());
    let since = (marketo_emulator_now(&emu) - chrono::Duration::days(40))
        .format("%Y-%m-%d")
        .to_string();
    let args = [
        "leads",
        "export",
        "--created-since",
        since.as_str(),
        "--fields",
        "id,email",
        "-o",
        "out.csv",
        "--poll",
        "0.2",
        "--format",
        "json",
    ];
    let out = run(&emu, dir.path(), &args).await;
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("split into 2 export jobs"),
        "{}",
        stderr(&out)
    );
    assert!(
        stderr(&out).contains("Export daily quota"),
        "{}",
        stderr(&out)
    );
    let s = json_summary(&out);
    assert_eq!(s["jobs_done"], 1, "{s}");
    assert!(dir.path().join("out.csv.export.json").exists());

    emu.advance_clock(Duration::from_secs(86_400));
    let out = run(&emu, dir.path(), &args).await;
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("resuming the export"),
        "{}",
        stderr(&out)
    );
    let s = json_summary(&out);
    assert_eq!(s["jobs_done"], 2, "{s}");
    assert_eq!(s["records"], 30, "{s}");
    let text = std::fs::read_to_string(dir.path().join("out.csv")).unwrap();
    assert_eq!(text.lines().next(), Some("id,email"));
    assert_eq!(text.lines().count(), 31, "one header, every lead once");
    assert!(!dir.path().join("out.csv.export.json").exists());
    let creates = emu
        .calls()
        .iter()
        .filter(|c| {
            c.path == "/bulk/v1/leads/export/create.json" && c.status == 200 && c.code.is_none()
        })
        .count();
    assert_eq!(creates, 2, "the finished job was not exported again");
}

fn marketo_emulator_now(emu: &Emulator) -> chrono::DateTime<chrono::Utc> {
    use marketo_types::clock::Clock;
    emu.state().clock.now()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn activities_export_and_usage() {
    let emu = emulator(BulkConfig::default()).await;
    let dir = tempfile::tempdir().unwrap();
    write_leads(&dir.path().join("in.csv"), 12, 1);
    assert!(run(&emu, dir.path(), &["leads", "sync", "in.csv", "-q"])
        .await
        .status
        .success());
    let since = (marketo_emulator_now(&emu) - chrono::Duration::days(1))
        .format("%Y-%m-%d")
        .to_string();
    let out = run(
        &emu,
        dir.path(),
        &[
            "activities",
            "export",
            "--since",
            &since,
            "--type-ids",
            "12",
            "-o",
            "acts.csv",
            "--poll",
            "0.2",
            "--format",
            "json",
        ],
    )
    .await;
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(json_summary(&out)["records"], 12);
    let text = std::fs::read_to_string(dir.path().join("acts.csv")).unwrap();
    assert_eq!(text.lines().count(), 13);

    let out = run(&emu, dir.path(), &["usage", "--format", "json"]).await;
    assert!(out.status.success(), "{}", stderr(&out));
    let u = json_summary(&out);
    assert!(u["calls_today"].as_u64().unwrap() >= 3, "{u}");
    assert_eq!(u["days"].as_array().unwrap().len(), 7);
    let out = run(&emu, dir.path(), &["usage"]).await;
    assert!(stdout(&out).contains("calls today"), "{}", stdout(&out));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn export_with_a_permanent_error_exits_1_keeps_no_state_and_the_fixed_command_runs() {
    let emu = emulator(BulkConfig::default()).await;
    let dir = tempfile::tempdir().unwrap();
    for (args, code) in [
        (&["--list", "999"][..], "1013"),
        (
            &[
                "--created-since",
                "2024-01-01",
                "--until",
                "2024-01-10",
                "--fields",
                "email,bogusField",
            ][..],
            "1006",
        ),
    ] {
        let mut all = vec!["leads", "export", "-o", "out.csv", "-q"];
        all.extend_from_slice(args);
        let out = run(&emu, dir.path(), &all).await;
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{err}");
        assert!(err.contains(code), "{err}");
        assert!(!err.contains("run the same command again"), "{err}");
        assert_eq!(stdout(&out), "", "no summary before the error");
        assert!(!dir.path().join("out.csv.export.json").exists(), "{err}");
    }
    let out = run(
        &emu,
        dir.path(),
        &[
            "leads",
            "export",
            "--created-since",
            "2024-01-01",
            "--until",
            "2024-01-10",
            "-o",
            "out.csv",
            "-q",
        ],
    )
    .await;
    assert!(out.status.success(), "{}", stderr(&out));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn export_to_stdout_writes_the_csv_there_and_the_summary_to_stderr() {
    let emu = emulator(BulkConfig::default()).await;
    let dir = tempfile::tempdir().unwrap();
    write_leads(&dir.path().join("in.csv"), 3, 1);
    assert!(run(&emu, dir.path(), &["leads", "sync", "in.csv", "-q"])
        .await
        .status
        .success());
    let since = (marketo_emulator_now(&emu) - chrono::Duration::days(2))
        .format("%Y-%m-%d")
        .to_string();
    let tmp = dir.path().join("tmp");
    std::fs::create_dir(&tmp).unwrap();
    let mut cmd = mkto_at(
        &emu,
        dir.path(),
        &[
            "leads", "export", "--since", &since, "--fields", "email", "-o", "-", "--poll", "0.2",
        ],
    );
    cmd.env("TMPDIR", &tmp);
    let out = output(cmd).await;
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert_eq!(text.lines().next(), Some("email"), "{text}");
    assert_eq!(text.lines().count(), 4, "{text}");
    assert!(stderr(&out).contains("records  3"), "{}", stderr(&out));
    // The wait is not silent: each new status of the job is a line.
    assert!(
        stderr(&out).contains("mkto: bulk job Completed"),
        "{}",
        stderr(&out)
    );
    assert!(!dir.path().join("-").exists());
    let left: Vec<_> = std::fs::read_dir(&tmp)
        .unwrap()
        .flatten()
        .map(|e| e.file_name())
        .collect();
    assert!(
        left.is_empty(),
        "the temporary export and its parts are removed: {left:?}"
    );
}
