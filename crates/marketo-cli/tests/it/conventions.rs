//! The conventions every command follows (docs/cli.md, "Conventions"): global options anywhere, one
//! `--format` set, exit codes, logs, and runs that did nothing useful.

use crate::support::{command_in, mkto_in, stderr, stdout};
use std::path::Path;

fn sync_two(dir: &Path) {
    std::fs::write(
        dir.join("in.csv"),
        "email,firstName\na@example.com,Ann\nb@example.com,Bo\n",
    )
    .unwrap();
    let out = mkto_in(dir, &["leads", "sync", "in.csv", "-q"]);
    assert!(out.status.success(), "{}", stderr(&out));
}

fn get(dir: &Path, extra: &[&str]) -> std::process::Output {
    let mut args = vec![
        "leads",
        "get",
        "--filter-type",
        "email",
        "--values",
        "a@example.com,b@example.com",
        "--fields",
        "email,firstName",
    ];
    args.extend_from_slice(extra);
    mkto_in(dir, &args)
}

#[test]
fn global_options_go_before_or_after_the_subcommand() {
    let dir = tempfile::tempdir().unwrap();
    let before = mkto_in(
        dir.path(),
        &["--format", "json", "errors", "explain", "606"],
    );
    let after = mkto_in(
        dir.path(),
        &["errors", "explain", "606", "--format", "json"],
    );
    assert!(before.status.success(), "{}", stderr(&before));
    assert_eq!(stdout(&before), stdout(&after));
    let v: serde_json::Value = serde_json::from_slice(&before.stdout).unwrap();
    assert_eq!(v["code"], 606);
    sync_two(dir.path());
    let quiet = mkto_in(
        dir.path(),
        &[
            "-q",
            "leads",
            "get",
            "--filter-type",
            "email",
            "--values",
            "a@example.com",
        ],
    );
    assert!(quiet.status.success());
    assert_eq!(
        stderr(&quiet),
        "",
        "-q before the subcommand silences notes"
    );
}

#[test]
fn every_format_prints_the_same_records() {
    let dir = tempfile::tempdir().unwrap();
    sync_two(dir.path());
    let table = stdout(&get(dir.path(), &["--format", "table"]));
    assert!(!table.contains('\t'), "{table:?}");
    assert_eq!(
        table,
        "email          firstName\na@example.com  Ann\nb@example.com  Bo\n"
    );
    let csv = stdout(&get(dir.path(), &["--format", "csv"]));
    assert_eq!(
        csv,
        "email,firstName\na@example.com,Ann\nb@example.com,Bo\n"
    );
    let jsonl = stdout(&get(dir.path(), &["--format", "jsonl"]));
    assert_eq!(jsonl.lines().count(), 2);
    let json: serde_json::Value =
        serde_json::from_str(&stdout(&get(dir.path(), &["--format", "json"]))).unwrap();
    assert_eq!(json.as_array().unwrap().len(), 2);
    assert_eq!(json[1]["firstName"], "Bo");
    // The same set on a summary, with its schema version.
    let errs = mkto_in(
        dir.path(),
        &["errors", "list", "--level", "http", "--format", "csv"],
    );
    assert!(
        stdout(&errs).starts_with("code,level,quota,handling,message\n401,"),
        "{}",
        stdout(&errs)
    );
    std::fs::write(dir.path().join("c.csv"), "email\nc@example.com\n").unwrap();
    let s = mkto_in(
        dir.path(),
        &["leads", "sync", "c.csv", "--format", "jsonl", "-q"],
    );
    let line = stdout(&s);
    assert_eq!(line.lines().count(), 1, "{line}");
    let v: serde_json::Value = serde_json::from_str(&line).unwrap();
    assert_eq!(
        (v["created"].as_u64(), v["schema_version"].as_u64()),
        (Some(1), Some(1))
    );
}

#[test]
fn usage_errors_exit_1_not_the_2_of_failed_records() {
    let dir = tempfile::tempdir().unwrap();
    let missing = mkto_in(dir.path(), &["leads", "sync"]);
    assert_eq!(missing.status.code(), Some(1), "{}", stderr(&missing));
    let unknown = mkto_in(dir.path(), &["leads", "get", "--bogus"]);
    assert_eq!(unknown.status.code(), Some(1));
    let bad_format = mkto_in(dir.path(), &["--format", "xml", "errors", "list"]);
    assert_eq!(bad_format.status.code(), Some(1));
    let help = mkto_in(dir.path(), &["--help"]);
    assert_eq!(help.status.code(), Some(0));
    assert!(stdout(&help).contains("--format"));
}

#[test]
fn a_typo_in_a_field_is_one_line_and_the_exchange_only_at_v() {
    let dir = tempfile::tempdir().unwrap();
    sync_two(dir.path());
    let out = get(dir.path(), &["--fields", "bogusField", "-q"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.starts_with("mkto: Get Leads by Filter Type: "), "{err}");
    assert!(err.contains("1006") || err.contains("bogusField"), "{err}");
    assert_eq!(stdout(&out), "", "nothing on stdout before an error");
    let verbose = get(dir.path(), &["--fields", "bogusField", "-v"]);
    let err = stderr(&verbose);
    assert!(err.contains("connecting to the embedded emulator"), "{err}");
    assert!(err.contains("the request and the response"), "{err}");
    assert!(
        !err.contains("Authorization: Bearer") && !err.contains("access_token="),
        "{err}"
    );
}

#[test]
fn logs_honour_rust_log_and_keep_the_http_stack_quiet() {
    let dir = tempfile::tempdir().unwrap();
    let v = mkto_in(dir.path(), &["-v", "leads", "describe"]);
    let err = stderr(&v);
    assert!(!err.contains("hyper") && !err.contains("pool"), "{err}");
    let vv = mkto_in(dir.path(), &["-vv", "leads", "describe"]);
    assert!(
        stderr(&vv).contains("marketo_call"),
        "-vv: one line per call\n{}",
        stderr(&vv)
    );
    let out = command_in(dir.path(), &["leads", "describe"])
        .env("RUST_LOG", "marketo_client=trace")
        .output()
        .unwrap();
    assert!(stderr(&out).contains("marketo_call"), "{}", stderr(&out));
    assert!(!stderr(&out).contains("hyper"), "{}", stderr(&out));
}

#[test]
fn mkto_profile_picks_the_profile_and_v_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let conf = dir.path().join(".config/mkto");
    std::fs::create_dir_all(&conf).unwrap();
    std::fs::write(
        conf.join("config.toml"),
        "[profiles.sandbox]\nendpoint = \"http://127.0.0.1:9\"\nclient_id = \"id\"\nclient_secret = \"s3cr3t\"\n",
    )
    .unwrap();
    let out = command_in(dir.path(), &["-v", "leads", "describe"])
        .env("MKTO_PROFILE", "sandbox")
        .output()
        .unwrap();
    let err = stderr(&out);
    assert!(
        err.contains("connecting to http://127.0.0.1:9 (profile sandbox)"),
        "{err}"
    );
    assert!(!err.contains("s3cr3t"), "{err}");
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn runs_that_send_nothing_useful_say_why_and_fail() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(
        d.join("names.csv"),
        "Email Address,First Name\na@example.com,Ann\n",
    )
    .unwrap();
    let out = mkto_in(d, &["leads", "sync", "names.csv"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("\"Email Address\" -> email") && err.contains("\"First Name\" -> firstName"),
        "{err}"
    );

    std::fs::write(d.join("semi.csv"), "email;firstName\na@example.com;Ann\n").unwrap();
    let out = mkto_in(d, &["leads", "sync", "semi.csv"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("semicolon-separated"),
        "{}",
        stderr(&out)
    );

    std::fs::write(d.join("arr.json"), "[{\"email\": \"a@example.com\"}]\n").unwrap();
    let out = mkto_in(d, &["leads", "sync", "arr.json"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("JSON Lines"), "{}", stderr(&out));

    std::fs::write(
        d.join("odd.csv"),
        "email,favoriteColour\na@example.com,red\nb@example.com,blue\n",
    )
    .unwrap();
    let out = mkto_in(d, &["leads", "sync", "odd.csv", "-q"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("all 2 rows were skipped with 1006"),
        "{}",
        stderr(&out)
    );

    std::fs::write(d.join("ok.csv"), "email\nz@example.com\n").unwrap();
    let out = mkto_in(d, &["leads", "sync", "ok.csv", "--partition", "Nope", "-q"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("--partition Nope"),
        "{}",
        stderr(&out)
    );

    // --fail-on-skips: one skip is enough.
    std::fs::write(
        d.join("mixed.csv"),
        "email,firstName\nm@example.com,M\nnot-an-email,N\n",
    )
    .unwrap();
    let out = mkto_in(d, &["leads", "sync", "mixed.csv", "-q"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    std::fs::remove_file(d.join("mixed.rejects.csv")).ok();
    let out = mkto_in(d, &["leads", "sync", "mixed.csv", "-q", "--fail-on-skips"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
}

#[test]
fn a_list_is_an_id_or_a_name_everywhere() {
    let dir = tempfile::tempdir().unwrap();
    sync_two(dir.path());
    let out = mkto_in(
        dir.path(),
        &[
            "leads",
            "get",
            "--filter-type",
            "email",
            "--values",
            "a@example.com",
            "--fields",
            "id",
            "--format",
            "csv",
        ],
    );
    let id = stdout(&out).lines().nth(1).unwrap().to_owned();
    let add = mkto_in(
        dir.path(),
        &["lists", "add", "Newsletter", &id, "--format", "csv"],
    );
    assert!(add.status.success(), "{}", stderr(&add));
    assert_eq!(
        stdout(&add),
        format!("id,status,code,reason\n{id},added,,\n")
    );
    let check = mkto_in(dir.path(), &["lists", "check", "1", &id, "--format", "csv"]);
    assert!(stdout(&check).contains("memberof"), "{}", stdout(&check));
    let nope = mkto_in(dir.path(), &["lists", "add", "No such list", &id]);
    assert_eq!(nope.status.code(), Some(1));
    assert!(
        stderr(&nope).contains("no static list named \"No such list\""),
        "{}",
        stderr(&nope)
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn usage_answers_when_the_quota_is_spent() {
    let emu = marketo_emulator::Emulator::builder()
        .daily_quota(1)
        .start()
        .await
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let out = crate::support::output(crate::support::mkto_at(
        &emu,
        dir.path(),
        &["usage", "--format", "json"],
    ))
    .await;
    assert!(out.status.success(), "{}", stderr(&out));
    let v = crate::support::json_summary(&out);
    assert_eq!(v["quota_spent"], true, "{v}");
    assert!(v["quota_resets_at"].as_str().is_some());
    let out = crate::support::output(crate::support::mkto_at(&emu, dir.path(), &["usage"])).await;
    assert!(
        stdout(&out).contains("the daily quota is spent (607)"),
        "{}",
        stdout(&out)
    );
    emu.shutdown().await;
}

#[test]
fn a_sync_from_stdin_with_nothing_rejected_leaves_no_rejects_file() {
    let dir = tempfile::tempdir().unwrap();
    let mut child = command_in(dir.path(), &["leads", "sync", "-", "-q"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"email\ns@example.com\n")
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!dir.path().join("stdin.rejects.csv").exists());
    assert!(!dir.path().join("stdin.state.json").exists());
}
