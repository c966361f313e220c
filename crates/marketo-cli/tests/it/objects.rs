//! `mkto objects TYPE sync|get|delete|describe` against the emulator.

use crate::support::{json_summary, mkto_at, output, stderr, stdout};
use marketo_emulator::Emulator;
use std::path::Path;

async fn run(emu: &Emulator, dir: &Path, args: &[&str]) -> std::process::Output {
    output(mkto_at(emu, dir, args)).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn companies_sync_get_describe_delete() {
    let emu = Emulator::builder().start().await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(
        d.join("co.csv"),
        "externalCompanyId,company\nacme,Acme\nglobex,Globex\nacme,Acme again\n",
    )
    .unwrap();
    let out = run(
        &emu,
        d,
        &["objects", "companies", "sync", "co.csv", "--format", "json"],
    )
    .await;
    assert!(out.status.success(), "{}", stderr(&out));
    let s = json_summary(&out);
    assert_eq!(
        s["created"].as_u64().unwrap() + s["updated"].as_u64().unwrap(),
        2,
        "{s}"
    );
    assert_eq!(s["skipped"], 1, "the same key twice in one call: {s}");
    let rejects = std::fs::read_to_string(d.join("co.rejects.csv")).unwrap();
    assert!(rejects.contains("4,1036,"), "{rejects}");

    let out = run(
        &emu,
        d,
        &[
            "objects",
            "companies",
            "get",
            "--filter-type",
            "externalCompanyId",
            "--values",
            "acme,globex",
            "--fields",
            "id,externalCompanyId,company",
            "--format",
            "csv",
        ],
    )
    .await;
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert_eq!(text.lines().next(), Some("id,externalCompanyId,company"));
    assert!(
        text.contains(",acme,Acme") && text.contains(",globex,Globex"),
        "{text}"
    );
    let id = text
        .lines()
        .find(|l| l.contains("globex"))
        .unwrap()
        .split(',')
        .next()
        .unwrap()
        .to_owned();

    let out = run(
        &emu,
        d,
        &["objects", "companies", "describe", "--format", "jsonl"],
    )
    .await;
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("\"name\":\"externalCompanyId\""),
        "{}",
        stdout(&out)
    );
    assert!(
        stderr(&out).contains("dedupe fields externalCompanyId"),
        "{}",
        stderr(&out)
    );

    let out = run(&emu, d, &["objects", "companies", "delete", &id]).await;
    assert_eq!(out.status.code(), Some(1), "a delete is confirmed");
    let out = run(
        &emu,
        d,
        &[
            "objects",
            "companies",
            "delete",
            &id,
            "--yes",
            "--format",
            "csv",
        ],
    )
    .await;
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        format!("id,status,code,reason\n{id},deleted,,\n")
    );
    let out = run(&emu, d, &["objects", "companies", "delete", &id, "--yes"]).await;
    assert_eq!(out.status.code(), Some(2), "all skipped: {}", stderr(&out));
    assert!(
        stderr(&out).contains("1 record skipped: 1013"),
        "{}",
        stderr(&out)
    );
    emu.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn opportunities_are_deleted_by_guid_and_unknown_types_say_so() {
    let emu = Emulator::builder().start().await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(
        d.join("opp.jsonl"),
        "{\"externalOpportunityId\": \"o1\", \"name\": \"Deal\"}\n",
    )
    .unwrap();
    let out = run(
        &emu,
        d,
        &["objects", "opportunities", "sync", "opp.jsonl", "-q"],
    )
    .await;
    assert!(out.status.success(), "{}", stderr(&out));
    let out = run(
        &emu,
        d,
        &[
            "objects",
            "opportunities",
            "get",
            "--filter-type",
            "externalOpportunityId",
            "--values",
            "o1",
            "--format",
            "jsonl",
        ],
    )
    .await;
    let rec: serde_json::Value =
        serde_json::from_str(stdout(&out).lines().next().unwrap()).unwrap();
    let guid = rec["marketoGUID"].as_str().unwrap().to_owned();
    let out = run(
        &emu,
        d,
        &[
            "objects",
            "opportunities",
            "delete",
            &guid,
            "--yes",
            "--format",
            "jsonl",
        ],
    )
    .await;
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("\"status\":\"deleted\""),
        "{}",
        stdout(&out)
    );

    let out = run(&emu, d, &["objects", "car_c", "describe"]).await;
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stderr(&out).lines().count(), 1, "{}", stderr(&out));
    assert!(stderr(&out).contains("car_c"), "{}", stderr(&out));
    emu.shutdown().await;
}
