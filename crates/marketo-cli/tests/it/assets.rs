//! `mkto folders|programs|tokens|campaigns|snippets` against the emulator: records in every format, a missing
//! asset or a refused call is exit 1 with the reason, deletes are confirmed.

use crate::support::{mkto_at, output, stderr, stdout};
use marketo_client::endpoints::assets::NewSnippetContent;
use marketo_client::Client;
use marketo_emulator::Emulator;
use marketo_types::asset::{FolderId, FolderKind};
use serde_json::{json, Value};
use std::path::Path;
use std::process::Output;

fn client(emu: &Emulator) -> Client {
    Client::builder()
        .endpoint(emu.url())
        .credentials(emu.client_id(), emu.client_secret())
        .build()
        .unwrap()
}

async fn run(emu: &Emulator, dir: &Path, args: &[&str]) -> Output {
    output(mkto_at(emu, dir, args)).await
}

/// Run and expect success; stdout as JSON (the command is given `--format json`).
async fn json_of(emu: &Emulator, dir: &Path, args: &[&str]) -> Value {
    let mut all = args.to_vec();
    all.extend(["--format", "json"]);
    let out = run(emu, dir, &all).await;
    assert!(out.status.success(), "{args:?}: {}", stderr(&out));
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", stdout(&out)))
}

fn failed_with(out: &Output, text: &str) {
    assert_eq!(out.status.code(), Some(1), "{}", stderr(out));
    assert!(out.stdout.is_empty(), "{}", stdout(out));
    assert!(stderr(out).contains(text), "{}", stderr(out));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn folders_create_tree_and_get() {
    let emu = Emulator::builder().start().await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let made = json_of(
        &emu,
        d,
        &["folders", "create", "Webinars", "--folder", "15"],
    )
    .await;
    assert_eq!(made[0]["path"], "/Marketing Activities/Default/Webinars");
    let id = made[0]["id"].as_i64().unwrap().to_string();
    let out = run(
        &emu,
        d,
        &["folders", "tree", "--folder", "15", "--depth", "1"],
    )
    .await;
    assert!(out.status.success(), "{}", stderr(&out));
    let table = stdout(&out);
    let header: Vec<&str> = table.lines().next().unwrap().split_whitespace().collect();
    assert_eq!(
        header,
        ["id", "name", "folderType", "path", "workspace", "isArchive"]
    );
    assert!(
        table.contains("/Marketing Activities/Default/Webinars"),
        "{table}"
    );
    let roots = json_of(&emu, d, &["folders", "tree", "--depth", "0"]).await;
    let names: Vec<&str> = roots
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Marketing Activities", "Design Studio"]);
    let got = json_of(&emu, d, &["folders", "get", "--folder", &id]).await;
    assert_eq!(got[0]["name"], "Webinars");
    let by_name = json_of(&emu, d, &["folders", "get", "--name", "Webinars"]).await;
    assert_eq!(by_name[0]["id"].to_string(), id);
    failed_with(
        &run(&emu, d, &["folders", "get", "--folder", "4242"]).await,
        "no such folder",
    );
    // 710: the parent does not exist; no place at all is a usage error.
    failed_with(
        &run(&emu, d, &["folders", "create", "X", "--folder", "4242"]).await,
        "(710)",
    );
    failed_with(
        &run(&emu, d, &["folders", "create", "X"]).await,
        "--folder ID or --program ID",
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn programs_create_list_get_clone_delete() {
    let emu = Emulator::builder().start().await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let args = [
        "programs",
        "create",
        "Q1 Webinar",
        "--type",
        "Event with Webinar",
        "--channel",
        "Webinar",
        "--folder",
        "15",
    ];
    let made = json_of(&emu, d, &args).await;
    assert_eq!(made[0]["type"], "Event with Webinar");
    let id = made[0]["id"].as_i64().unwrap().to_string();
    // The same name again: 709.
    failed_with(&run(&emu, d, &args).await, "(709)");
    let clone = json_of(
        &emu,
        d,
        &["programs", "clone", &id, "Q2 Webinar", "--folder", "15"],
    )
    .await;
    let clone_id = clone[0]["id"].as_i64().unwrap().to_string();
    let out = run(&emu, d, &["programs", "list", "--format", "csv"]).await;
    let csv = stdout(&out);
    assert_eq!(
        csv.lines().next(),
        Some("id,name,type,channel,status,workspace,updatedAt")
    );
    assert_eq!(csv.lines().count(), 3, "{csv}");
    assert_eq!(
        json_of(&emu, d, &["programs", "get", &id]).await[0]["name"],
        "Q1 Webinar"
    );
    failed_with(
        &run(&emu, d, &["programs", "get", "4242"]).await,
        "no program 4242",
    );
    // Deletes are confirmed: refused without a terminal, previewed with --dry-run, done with --yes.
    failed_with(
        &run(&emu, d, &["programs", "delete", &clone_id]).await,
        "pass --yes",
    );
    let preview = json_of(&emu, d, &["programs", "delete", &clone_id, "--dry-run"]).await;
    assert_eq!(preview[0]["status"], "would delete");
    let gone = json_of(&emu, d, &["programs", "delete", &clone_id, "--yes"]).await;
    assert_eq!(
        gone,
        json!([{"id": clone_id.parse::<i64>().unwrap(), "status": "deleted"}])
    );
    failed_with(
        &run(&emu, d, &["programs", "get", &clone_id]).await,
        "no program",
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn tokens_set_get_delete_on_a_program_and_a_folder() {
    let emu = Emulator::builder().start().await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let p = json_of(
        &emu,
        d,
        &[
            "programs",
            "create",
            "P",
            "--channel",
            "Content",
            "--folder",
            "15",
        ],
    )
    .await[0]["id"]
        .as_i64()
        .unwrap()
        .to_string();
    json_of(
        &emu,
        d,
        &["tokens", "set", "Company", "Acme", "--folder", "15"],
    )
    .await;
    let set = json_of(
        &emu,
        d,
        &[
            "tokens",
            "set",
            "Date",
            "2026-04-01",
            "--type",
            "date",
            "--program",
            &p,
        ],
    )
    .await;
    assert!(set.as_array().unwrap().iter().any(|t| t["name"] == "Date"));
    let out = run(
        &emu,
        d,
        &["tokens", "get", "--program", &p, "--format", "csv"],
    )
    .await;
    let csv = stdout(&out);
    assert!(csv.starts_with("name,type,value\n"), "{csv}");
    assert!(csv.contains("Date,date,2026-04-01"), "{csv}");
    assert!(csv.contains("Company,text,Acme"), "inherited: {csv}");
    failed_with(
        &run(
            &emu,
            d,
            &[
                "tokens",
                "delete",
                "Date",
                "--type",
                "date",
                "--program",
                &p,
            ],
        )
        .await,
        "pass --yes",
    );
    let gone = json_of(
        &emu,
        d,
        &[
            "tokens",
            "delete",
            "Date",
            "--type",
            "date",
            "--program",
            &p,
            "--yes",
        ],
    )
    .await;
    assert_eq!(gone[0]["status"], "token deleted");
    let left = json_of(&emu, d, &["tokens", "get", "--program", &p]).await;
    assert!(left.as_array().unwrap().iter().all(|t| t["name"] != "Date"));
    failed_with(
        &run(&emu, d, &["tokens", "get"]).await,
        "--folder ID or --program ID",
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn campaigns_list_activate_deactivate() {
    let emu = Emulator::builder().start().await.unwrap();
    emu.seed(json!({
        "smartCampaigns": [{"name": "Welcome", "folder": {"id": 15, "type": "Folder"},
                            "triggers": ["Campaign is Requested"], "flow": ["Send Email"]}]
    }))
    .expect("seed");
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let all = json_of(&emu, d, &["campaigns", "list"]).await;
    assert_eq!(all[0]["name"], "Welcome");
    let id = all[0]["id"].as_i64().unwrap().to_string();
    let on = json_of(&emu, d, &["campaigns", "activate", &id]).await;
    assert_eq!(on[0]["status"], "activated");
    // Active already: 709 with Marketo's message.
    failed_with(
        &run(&emu, d, &["campaigns", "activate", &id]).await,
        "(709): Business Rule Violation",
    );
    let list = json_of(&emu, d, &["campaigns", "list"]).await;
    assert_eq!(list[0]["isActive"], true);
    let off = json_of(&emu, d, &["campaigns", "deactivate", &id]).await;
    assert_eq!(off[0]["status"], "deactivated");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn snippets_get_content_and_approve() {
    let emu = Emulator::builder().start().await.unwrap();
    let c = client(&emu);
    let snippets = FolderId {
        id: 22,
        kind: FolderKind::Folder,
    };
    let s = c
        .assets()
        .create_snippet("Footer", snippets, Some("legal"))
        .await
        .unwrap();
    c.assets()
        .set_snippet_content(s.id, NewSnippetContent::Html("<p>v1</p>"))
        .await
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let id = s.id.to_string();
    let got = json_of(&emu, d, &["snippets", "get", &id]).await;
    assert_eq!(got[0]["status"], "draft");
    failed_with(
        &run(&emu, d, &["snippets", "get", &id, "--status", "approved"]).await,
        "no snippet",
    );
    let approved = json_of(&emu, d, &["snippets", "approve", &id]).await;
    assert_eq!(approved[0]["status"], "approved");
    failed_with(
        &run(&emu, d, &["snippets", "approve", &id]).await,
        "Approve Snippet Draft",
    );
    let out = run(
        &emu,
        d,
        &["snippets", "get", &id, "--content", "--format", "csv"],
    )
    .await;
    assert_eq!(stdout(&out), "type,content\nHTML,<p>v1</p>\n");
    let list = json_of(&emu, d, &["snippets", "list", "--status", "approved"]).await;
    assert_eq!(list[0]["name"], "Footer");
    let drafts = json_of(&emu, d, &["snippets", "list", "--status", "draft"]).await;
    assert_eq!(drafts, json!([]));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn programs_create_with_tags_and_costs() {
    let emu = Emulator::builder().start().await.unwrap();
    emu.seed(serde_json::json!({"tagTypes": [{
        "tagType": "Region",
        "applicableProgramTypes": "[program,event,webinar,nurture,email_batch]",
        "required": false,
        "allowableValues": "EMEA,APAC"
    }]}))
    .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let made = json_of(
        &emu,
        d,
        &[
            "programs",
            "create",
            "Tagged",
            "--channel",
            "Content",
            "--folder",
            "15",
            "--tag",
            "Region=APAC",
            "--cost",
            "2026-01-01=250",
        ],
    )
    .await;
    let id = made[0]["id"].as_i64().unwrap().to_string();
    let got = json_of(&emu, d, &["programs", "get", &id]).await;
    assert_eq!(
        got[0]["tags"],
        serde_json::json!([{"tagType": "Region", "tagValue": "APAC"}])
    );
    assert_eq!(got[0]["costs"][0]["cost"], 250.0);
    let out = run(
        &emu,
        d,
        &[
            "programs",
            "create",
            "Bad",
            "--channel",
            "Content",
            "--folder",
            "15",
            "--tag",
            "Region",
        ],
    )
    .await;
    failed_with(&out, "--tag");
    emu.shutdown().await;
}
