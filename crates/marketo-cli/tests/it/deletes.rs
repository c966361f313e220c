//! `leads delete`: confirmation on a terminal, `--yes`, `--dry-run`, ids from stdin, data files refused,
//! and a summary that says what happened.

use crate::support::{command_in, mkto_in, stderr, stdout};
use std::io::Write;
use std::path::Path;
use std::process::{Output, Stdio};

/// Two leads in the embedded emulator; their ids.
fn two_leads(dir: &Path) -> (String, String) {
    std::fs::write(dir.join("in.csv"), "email\na@example.com\nb@example.com\n").unwrap();
    assert!(mkto_in(dir, &["leads", "sync", "in.csv", "-q"])
        .status
        .success());
    let out = mkto_in(
        dir,
        &[
            "leads",
            "get",
            "--filter-type",
            "email",
            "--values",
            "a@example.com,b@example.com",
            "--fields",
            "id",
            "--format",
            "csv",
        ],
    );
    let ids: Vec<String> = stdout(&out).lines().skip(1).map(str::to_owned).collect();
    (ids[0].clone(), ids[1].clone())
}

fn with_stdin(dir: &Path, args: &[&str], input: &str) -> Output {
    let mut child = command_in(dir, args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

fn exists(dir: &Path, email: &str) -> bool {
    let out = mkto_in(
        dir,
        &[
            "leads",
            "get",
            "--filter-type",
            "email",
            "--values",
            email,
            "--format",
            "jsonl",
            "-q",
        ],
    );
    !stdout(&out).is_empty()
}

#[test]
fn delete_without_a_terminal_needs_yes_and_dry_run_sends_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let (a, b) = two_leads(d);
    let both = format!("{a},{b}");
    let out = mkto_in(d, &["leads", "delete", &both]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("refusing to delete 2 leads without confirmation"),
        "{}",
        stderr(&out)
    );
    let out = mkto_in(d, &["leads", "delete", &both, "--dry-run"]);
    assert!(out.status.success());
    assert!(stdout(&out).contains("would delete"), "{}", stdout(&out));
    assert!(exists(d, "a@example.com") && exists(d, "b@example.com"));

    let out = mkto_in(d, &["leads", "delete", &both, "--yes", "--format", "csv"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        format!("id,status,code,reason\n{a},deleted,,\n{b},deleted,,\n")
    );
    assert!(
        stderr(&out).ends_with("\nmkto: 2 leads deleted\n"),
        "{}",
        stderr(&out)
    );
    assert!(!exists(d, "a@example.com"));

    // Deleting them again: every id skipped, said once, and nothing done is not a success.
    let out = mkto_in(d, &["leads", "delete", &both, "--yes"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).ends_with("\nmkto: 2 leads skipped: 1004 Lead not found\n"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn ids_from_stdin_need_yes_and_a_data_file_needs_its_column_named() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let (a, b) = two_leads(d);
    let out = with_stdin(d, &["leads", "delete", "-"], &format!("{a}\n"));
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("the ids come from it"),
        "{}",
        stderr(&out)
    );
    let out = with_stdin(d, &["leads", "delete", "-", "--yes"], &format!("{a}\n"));
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).ends_with("\nmkto: 1 lead deleted\n"),
        "{}",
        stderr(&out)
    );

    std::fs::write(
        d.join("export.csv"),
        format!("id,email\n{b},b@example.com\n"),
    )
    .unwrap();
    let out = mkto_in(d, &["leads", "delete", "export.csv", "--yes"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("looks like a data file") && stderr(&out).contains("--column id")
    );
    assert!(exists(d, "b@example.com"));
    let out = mkto_in(
        d,
        &["leads", "delete", "export.csv", "--yes", "--column", "id"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!exists(d, "b@example.com"));
}

/// Run under a pseudo-terminal (util-linux `script`), answering `answer`.
fn on_a_terminal(dir: &Path, args: &str, answer: &str) -> Output {
    let cmd = format!("{} {args}", env!("CARGO_BIN_EXE_mkto"));
    let mut c = command_in(dir, &[]);
    let mut script = std::process::Command::new("script");
    script.args(["-qec", &cmd, "/dev/null"]).current_dir(dir);
    for (k, v) in c.get_envs() {
        match v {
            Some(v) => script.env(k, v),
            None => script.env_remove(k),
        };
    }
    let _ = &mut c;
    let mut child = script
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("script(1) from util-linux");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(answer.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

#[test]
fn delete_on_a_terminal_asks_with_the_count_and_the_instance() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let (a, b) = two_leads(d);
    let out = on_a_terminal(d, &format!("leads delete {a},{b}"), "n\n");
    let text = stdout(&out);
    assert!(
        text.contains("Delete 2 leads in the embedded emulator"),
        "{text}"
    );
    assert!(text.contains("nothing deleted"), "{text}");
    assert!(exists(d, "a@example.com"));
    let out = on_a_terminal(d, &format!("leads delete {a}"), "y\n");
    let text = stdout(&out);
    assert!(text.contains("Delete 1 lead in"), "{text}");
    assert!(text.contains("1 lead deleted"), "{text}");
    assert!(!exists(d, "a@example.com"));
}
