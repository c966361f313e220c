//! `leads get|delete|describe` and `lists` against the embedded emulator.

use crate::support::{mkto_in, stderr, stdout};

#[test]
fn get_delete_and_lists_against_the_embedded_emulator() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("in.csv"),
        "email,firstName\na@example.com,Ann\nb@example.com,Bo\n",
    )
    .unwrap();
    assert!(mkto_in(dir.path(), &["leads", "sync", "in.csv", "-q"])
        .status
        .success());

    let out = mkto_in(
        dir.path(),
        &[
            "leads",
            "get",
            "--filter-type",
            "email",
            "--values",
            "a@example.com,b@example.com,zz@example.com",
            "--fields",
            "id,email,firstName",
            "--format",
            "csv",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert_eq!(text.lines().next(), Some("id,email,firstName"));
    assert!(
        text.contains("a@example.com,Ann") && text.contains("b@example.com,Bo"),
        "{text}"
    );
    assert_eq!(text.lines().count(), 3);
    let id_a = text
        .lines()
        .find(|l| l.contains("a@example.com"))
        .unwrap()
        .split(',')
        .next()
        .unwrap()
        .to_owned();

    std::fs::write(dir.path().join("ids.txt"), format!("{id_a}\n999999\n")).unwrap();
    let out = mkto_in(
        dir.path(),
        &["lists", "add", "1", "ids.txt", "--format", "csv"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        format!("id,status,code,reason\n{id_a},added,,\n999999,skipped,1004,Lead not found\n")
    );
    assert!(stderr(&out).ends_with("\nmkto: 1 lead added, 1 skipped: 1004 Lead not found\n"));
    let out = mkto_in(
        dir.path(),
        &["lists", "check", "1", &id_a, "--format", "jsonl"],
    );
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(
        (v["id"].to_string(), v["status"].as_str()),
        (id_a.clone(), Some("memberof"))
    );
    let out = mkto_in(dir.path(), &["lists", "check", "77", &id_a]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("1013"), "{}", stderr(&out));

    let out = mkto_in(dir.path(), &["leads", "delete", &id_a, "--yes"]);
    assert!(out.status.success());
    let table: Vec<Vec<String>> = stdout(&out)
        .lines()
        .map(|l| l.split_whitespace().map(str::to_owned).collect())
        .collect();
    assert_eq!(
        table,
        [
            vec!["id", "status", "code", "reason"],
            vec![&id_a, "deleted"]
        ]
    );
    let out = mkto_in(
        dir.path(),
        &[
            "leads",
            "get",
            "--filter-type",
            "email",
            "--values",
            "a@example.com",
            "--format",
            "jsonl",
        ],
    );
    assert_eq!(stdout(&out), "");

    let out = mkto_in(dir.path(), &["leads", "delete", "1,abc"]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("\"abc\""), "{}", stderr(&out));
}
