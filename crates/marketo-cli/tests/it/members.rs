//! `mkto members sync|get|delete` and `mkto campaigns request|schedule` against the emulator.

use crate::support::{json_summary, mkto_at, output, stderr, stdout};
use marketo_emulator::{Emulator, EmulatorConfig};
use serde_json::json;
use std::path::Path;

async fn run(emu: &Emulator, dir: &Path, args: &[&str]) -> std::process::Output {
    output(mkto_at(emu, dir, args)).await
}

/// An Event program (1001, Tradeshow channel) with a requestable trigger campaign (1001, activated) and a
/// batch campaign (1002), and leads 1..=3.
async fn summit() -> Emulator {
    let config = EmulatorConfig::from_toml_str(
        r#"
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
"#,
    )
    .unwrap();
    let emu = Emulator::builder().config(config).start().await.unwrap();
    let client = reqwest_free_sync(&emu).await;
    assert_eq!(client, 3);
    emu
}

/// Create leads 1..=3 through mkto itself.
async fn reqwest_free_sync(emu: &Emulator) -> u64 {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("l.csv"),
        "email\na@example.com\nb@example.com\nc@example.com\n",
    )
    .unwrap();
    let out = run(
        emu,
        dir.path(),
        &["leads", "sync", "l.csv", "--format", "json", "-q"],
    )
    .await;
    assert!(out.status.success(), "{}", stderr(&out));
    json_summary(&out)["created"].as_u64().unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn members_sync_get_and_delete_with_rejects_and_the_channels_statuses() {
    let emu = summit().await;
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("m.csv"), "leadId,note\n1,a\n2,b\nx,c\n99,d\n").unwrap();
    let out = run(
        &emu,
        d,
        &["members", "sync", "1001", "m.csv", "--status", "Registerd"],
    )
    .await;
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("not a status of program 1001") && err.contains("Registered"),
        "{err}"
    );

    let args = [
        "members",
        "sync",
        "1001",
        "m.csv",
        "--status",
        "Registered",
        "--format",
        "json",
    ];
    let out = run(&emu, d, &args).await;
    assert!(out.status.success(), "{}", stderr(&out));
    let s = json_summary(&out);
    assert_eq!(s["created"], 2, "{s}");
    assert_eq!(
        s["skipped_by_reason"],
        json!({"input": 1, "1004": 1}),
        "{s}"
    );
    let rejects = std::fs::read_to_string(d.join("m.rejects.csv")).unwrap();
    assert!(
        rejects.contains("\n4,input,\"leadId \"\"x\"\" is not a lead id\",x,c\n"),
        "{rejects}"
    );
    assert!(
        rejects.contains("\n5,1004,Lead not found,99,d\n"),
        "{rejects}"
    );

    // Again: 1037, already in the status.
    let out = run(&emu, d, &args).await;
    assert_eq!(
        out.status.code(),
        Some(2),
        "nothing written: {}",
        stderr(&out)
    );
    assert_eq!(json_summary(&out)["skipped_by_reason"]["1037"], 2);

    let out = run(
        &emu,
        d,
        &[
            "members",
            "get",
            "1001",
            "--values",
            "Registered",
            "--format",
            "csv",
            "--fields",
            "leadId,statusName",
        ],
    )
    .await;
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        "leadId,statusName\n1,Registered\n2,Registered\n"
    );

    let out = run(
        &emu,
        d,
        &["members", "delete", "1001", "2", "--yes", "--format", "csv"],
    )
    .await;
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("2,deleted"), "{}", stdout(&out));
    let out = run(
        &emu,
        d,
        &[
            "members",
            "get",
            "1001",
            "--filter-type",
            "leadId",
            "--values",
            "1,2",
            "--format",
            "csv",
            "--fields",
            "leadId",
        ],
    )
    .await;
    assert_eq!(stdout(&out), "leadId\n1\n");
    emu.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn campaigns_request_and_schedule_with_tokens_and_their_refusals() {
    let emu = summit().await;
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let out = run(&emu, d, &["campaigns", "activate", "1001"]).await;
    assert!(out.status.success(), "{}", stderr(&out));
    let out = run(
        &emu,
        d,
        &[
            "campaigns",
            "request",
            "1001",
            "--leads",
            "1,2",
            "--token",
            "message=Hi",
        ],
    )
    .await;
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("2 leads passed to campaign 1001"),
        "{}",
        stderr(&out)
    );
    let out = run(&emu, d, &["campaigns", "request", "1002", "--leads", "1"]).await;
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("1003"),
        "a batch campaign: {}",
        stderr(&out)
    );

    let out = run(
        &emu,
        d,
        &["campaigns", "schedule", "1002", "--format", "csv"],
    )
    .await;
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out), "id,status\n1002,scheduled\n");
    let out = run(
        &emu,
        d,
        &["campaigns", "schedule", "1002", "--run-at", "2099-01-01"],
    )
    .await;
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("1042"), "{}", stderr(&out));
    emu.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn members_import_then_export_through_the_bulk_api() {
    let config = EmulatorConfig::from_toml_str(
        r#"
[bulk]
import_secs = 0
export_secs = 0
[[seed.programs]]
name = "Summit"
folder = "/Marketing Activities/Default"
type = "Event"
channel = "Tradeshow"
"#,
    )
    .unwrap();
    let emu = Emulator::builder().config(config).start().await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(
        d.join("people.csv"),
        "email,firstName\na@example.com,A\n,NoEmail\nb@example.com,B\n",
    )
    .unwrap();
    let out = run(
        &emu,
        d,
        &[
            "members",
            "import",
            "1001",
            "people.csv",
            "--status",
            "Registered",
            "--poll",
            "0.2",
            "--format",
            "json",
        ],
    )
    .await;
    assert!(out.status.success(), "{}", stderr(&out));
    let s = json_summary(&out);
    assert_eq!(
        (s["imported"].as_u64(), s["failed"].as_u64()),
        (Some(2), Some(1)),
        "{s}"
    );
    let rejects = std::fs::read_to_string(d.join("people.rejects.csv")).unwrap();
    assert!(
        rejects.contains("\n3,"),
        "the row without an email, by its line: {rejects}"
    );

    let out = run(
        &emu,
        d,
        &[
            "members",
            "export",
            "1001",
            "--status",
            "Registered",
            "--fields",
            "email,statusName",
            "-o",
            "m.csv",
            "--poll",
            "0.2",
        ],
    )
    .await;
    assert!(out.status.success(), "{}", stderr(&out));
    let text = std::fs::read_to_string(d.join("m.csv")).unwrap();
    assert_eq!(
        text,
        "email,statusName\na@example.com,Registered\nb@example.com,Registered\n"
    );
    emu.shutdown().await;
}
