//! Issue 12's commands against the emulator: `lists list`, `leads merge`, `leads fields`,
//! `leads partitions`, `activities add`, `activities types`.

use crate::support::{json_summary, mkto_at, mkto_in, output, stderr, stdout};
use marketo_client::endpoints::TypeSpec;
use marketo_client::Client;
use marketo_emulator::Emulator;
use marketo_types::lead_database::CustomAttribute;
use serde_json::Value;
use std::path::Path;

fn client(emu: &Emulator) -> Client {
    Client::builder()
        .endpoint(emu.url())
        .credentials(emu.client_id(), emu.client_secret())
        .build()
        .unwrap()
}

async fn run(emu: &Emulator, dir: &Path, args: &[&str]) -> std::process::Output {
    output(mkto_at(emu, dir, args)).await
}

/// Leads with these emails; their ids in order.
async fn leads(emu: &Emulator, emails: &[&str]) -> Vec<i64> {
    let records = emails
        .iter()
        .map(|e| {
            serde_json::json!({"email": e})
                .as_object()
                .cloned()
                .unwrap()
        })
        .collect();
    let out = client(emu)
        .leads()
        .sync(records, marketo_client::SyncOptions::default())
        .await
        .unwrap();
    out.iter().map(|o| o.id().unwrap()).collect()
}

fn jsonl(out: &std::process::Output) -> Vec<Value> {
    stdout(out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

#[test]
fn lists_list_filters_by_name_and_id() {
    let dir = tempfile::tempdir().unwrap();
    let all = mkto_in(dir.path(), &["lists", "list", "--format", "csv"]);
    assert!(all.status.success(), "{}", stderr(&all));
    let text = stdout(&all);
    assert!(
        text.starts_with("id,name,programName,workspaceName,createdAt,updatedAt\n"),
        "{text}"
    );
    assert!(
        text.contains("\n1,Newsletter,") && text.contains("\n2,Webinar attendees,"),
        "{text}"
    );
    let by_name = mkto_in(
        dir.path(),
        &["lists", "list", "--name", "Newsletter", "--format", "jsonl"],
    );
    let rows = jsonl(&by_name);
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["id"], 1);
    let by_id = mkto_in(
        dir.path(),
        &["lists", "list", "--id", "2", "--format", "jsonl"],
    );
    assert_eq!(jsonl(&by_id)[0]["name"], "Webinar attendees");
    let none = mkto_in(
        dir.path(),
        &["lists", "list", "--name", "Nope", "--format", "json"],
    );
    assert_eq!(stdout(&none), "[]\n");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn merge_asks_or_needs_yes_and_deletes_the_losers() {
    let emu = Emulator::builder().start().await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let ids = leads(&emu, &["w@example.com", "l1@example.com", "l2@example.com"]).await;
    let (w, l1, l2) = (ids[0].to_string(), ids[1].to_string(), ids[2].to_string());
    let out = run(&emu, dir.path(), &["leads", "merge", &w, &l1, &l2]).await;
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("refusing to merge 2 leads into lead"),
        "{}",
        stderr(&out)
    );
    let out = run(&emu, dir.path(), &["leads", "merge", &w, &w]).await;
    assert!(
        stderr(&out).contains("both the winner and a loser"),
        "{}",
        stderr(&out)
    );
    let out = run(
        &emu,
        dir.path(),
        &["leads", "merge", &w, &l1, &l2, "--yes", "--format", "json"],
    )
    .await;
    assert!(out.status.success(), "{}", stderr(&out));
    let s = json_summary(&out);
    assert_eq!(s["winner"], ids[0]);
    assert_eq!(s["merged"], serde_json::json!([ids[1], ids[2]]));
    let c = client(&emu);
    assert!(c.leads().get(ids[0], &["id"]).await.unwrap().is_some());
    assert!(c.leads().get(ids[1], &["id"]).await.unwrap().is_none());
    assert!(c.leads().get(ids[2], &["id"]).await.unwrap().is_none());
    // 26 losers: refused before any call (Marketo answers 1080).
    let many: Vec<String> = (1000..1026).map(|i: i64| i.to_string()).collect();
    let mut args = vec!["leads", "merge", "--yes", &w];
    args.extend(many.iter().map(String::as_str));
    let out = run(&emu, dir.path(), &args).await;
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("at most 25"), "{}", stderr(&out));
    // A loser that does not exist: Marketo's error, one line.
    let out = run(&emu, dir.path(), &["leads", "merge", "--yes", &w, "999999"]).await;
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stderr(&out).lines().count(), 1, "{}", stderr(&out));
    emu.shutdown().await;
}

#[test]
fn fields_list_create_update() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let out = mkto_in(
        d,
        &["leads", "fields", "list", "--custom", "--format", "jsonl"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let names: Vec<String> = jsonl(&out)
        .iter()
        .map(|f| f["name"].as_str().unwrap().to_owned())
        .collect();
    assert!(
        names.contains(&"loyaltyTier".to_owned()) && !names.contains(&"email".to_owned()),
        "{names:?}"
    );
    let out = mkto_in(
        d,
        &[
            "leads",
            "fields",
            "create",
            "--name",
            "shoeSize",
            "--display-name",
            "Shoe Size",
            "--type",
            "integer",
            "--format",
            "csv",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        "name,status,code,reason\nshoeSize,created,,\n"
    );
    // Sync sees it at once.
    std::fs::write(d.join("in.csv"), "email,shoeSize\na@example.com,44\n").unwrap();
    let out = mkto_in(d, &["leads", "sync", "in.csv", "-q", "--format", "json"]);
    assert_eq!(json_summary(&out)["created"], 1, "{}", stderr(&out));
    // The same name again: skipped, exit 2.
    let out = mkto_in(
        d,
        &[
            "leads",
            "fields",
            "create",
            "--name",
            "shoeSize",
            "--display-name",
            "Shoe",
            "--type",
            "integer",
        ],
    );
    assert_eq!(out.status.code(), Some(2), "{}", stdout(&out));
    assert!(stdout(&out).contains("skipped"), "{}", stdout(&out));
    let out = mkto_in(
        d,
        &[
            "leads",
            "fields",
            "update",
            "shoeSize",
            "--display-name",
            "Shoe size (EU)",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let out = mkto_in(
        d,
        &["leads", "fields", "get", "shoeSize", "--format", "jsonl"],
    );
    assert_eq!(jsonl(&out)[0]["displayName"], "Shoe size (EU)");
    let out = mkto_in(d, &["leads", "fields", "get", "noSuchField"]);
    assert_eq!(out.status.code(), Some(1));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn partitions_list_and_move_with_reasons() {
    let emu = Emulator::builder().start().await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let out = run(
        &emu,
        dir.path(),
        &["leads", "partitions", "list", "--format", "jsonl"],
    )
    .await;
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(jsonl(&out)[0]["name"], "Default");
    let ids = leads(&emu, &["p@example.com"]).await;
    let both = format!("{},999999", ids[0]);
    let out = run(
        &emu,
        dir.path(),
        &[
            "leads",
            "partitions",
            "move",
            "--to",
            "Default",
            &both,
            "--format",
            "csv",
        ],
    )
    .await;
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.contains(&format!("{},updated,,", ids[0])) && text.contains("999999,skipped,1004,"),
        "{text}"
    );
    let out = run(
        &emu,
        dir.path(),
        &[
            "leads",
            "partitions",
            "move",
            "--to",
            "Mars",
            &ids[0].to_string(),
        ],
    )
    .await;
    assert_eq!(
        out.status.code(),
        Some(2),
        "every lead skipped: {}",
        stderr(&out)
    );
    assert!(
        stderr(&out).contains("1 lead skipped: 1008"),
        "{}",
        stderr(&out)
    );
    emu.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn activities_add_rejects_with_reasons_and_types_lists_them() {
    let emu = Emulator::builder().start().await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let ca = client(&emu);
    let ca = ca.custom_activities();
    let attr = |api: &str| CustomAttribute {
        api_name: api.into(),
        name: api.into(),
        description: None,
        data_type: "string".into(),
        is_primary: None,
    };
    ca.create(&TypeSpec {
        api_name: Some("attend".into()),
        name: Some("Attend".into()),
        trigger_name: Some("Attends".into()),
        filter_name: Some("Attended".into()),
        primary_attribute: Some(attr("event")),
        ..Default::default()
    })
    .await
    .unwrap();
    ca.attributes(
        "attend",
        marketo_client::endpoints::AttributeChange::Create,
        &[attr("room")],
    )
    .await
    .unwrap();
    let t = ca.approve("attend").await.unwrap();
    let lead = leads(&emu, &["act@example.com"]).await[0];

    std::fs::write(
        d.join("acts.csv"),
        format!(
            "leadId,activityDate,primaryAttributeValue,room\n\
             {lead},2026-03-09T10:00:00Z,Conf,A\n\
             999999,2026-03-09,Conf,B\n\
             {lead},yesterday,Conf,C\n"
        ),
    )
    .unwrap();
    let out = run(
        &emu,
        d,
        &[
            "activities",
            "add",
            "acts.csv",
            "--type",
            "attend",
            "--format",
            "json",
        ],
    )
    .await;
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let s = json_summary(&out);
    assert_eq!(
        (s["added"].as_u64(), s["skipped"].as_u64()),
        (Some(1), Some(2)),
        "{s}"
    );
    assert_eq!(s["skipped_by_reason"]["1004"], 1);
    assert_eq!(s["skipped_by_reason"]["input"], 1);
    assert!(
        stderr(&out).contains("acts.csv:4: activityDate: \"yesterday\""),
        "{}",
        stderr(&out)
    );
    let rejects = std::fs::read_to_string(d.join("acts.rejects.csv")).unwrap();
    assert!(
        rejects.starts_with("line,code,reason,leadId,activityDate,primaryAttributeValue,room\n"),
        "{rejects}"
    );
    assert!(rejects.contains("3,1004,"), "{rejects}");

    // JSON Lines with the type id; every row rejected: exit 2.
    std::fs::write(
        d.join("bad.jsonl"),
        format!("{{\"leadId\": 999998, \"activityDate\": \"2026-03-09\", \"activityTypeId\": {}, \"primaryAttributeValue\": \"X\"}}\n", t.id),
    )
    .unwrap();
    let out = run(&emu, d, &["activities", "add", "bad.jsonl", "-q"]).await;
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("nothing was added"),
        "{}",
        stderr(&out)
    );
    let out = run(
        &emu,
        d,
        &["activities", "add", "acts.csv", "--type", "nope"],
    )
    .await;
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("--type nope") && stderr(&out).contains("attend"),
        "{}",
        stderr(&out)
    );

    let out = run(&emu, d, &["activities", "types", "--format", "jsonl"]).await;
    assert!(out.status.success(), "{}", stderr(&out));
    let types = jsonl(&out);
    assert!(
        types
            .iter()
            .any(|t| t["name"] == "New Lead" && t["kind"] == "standard"),
        "{types:?}"
    );
    let out = run(
        &emu,
        d,
        &["activities", "types", "--custom", "--format", "jsonl"],
    )
    .await;
    let custom = jsonl(&out);
    assert_eq!(
        (custom[0]["apiName"].as_str(), custom[0]["status"].as_str()),
        (Some("attend"), Some("approved"))
    );
    emu.shutdown().await;
}
