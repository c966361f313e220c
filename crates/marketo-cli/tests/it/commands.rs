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
    let out = mkto_in(dir.path(), &["lists", "add", "1", "ids.txt"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        format!("{id_a}\tadded\n999999\tskipped\t1004\tLead not found\n")
    );
    let out = mkto_in(dir.path(), &["lists", "check", "1", &id_a]);
    assert_eq!(stdout(&out), format!("{id_a}\tmemberof\n"));
    let out = mkto_in(dir.path(), &["lists", "check", "77", &id_a]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("1013"), "{}", stderr(&out));

    let out = mkto_in(dir.path(), &["leads", "delete", &id_a]);
    assert!(out.status.success());
    assert_eq!(stdout(&out), format!("{id_a}\tdeleted\n"));
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
