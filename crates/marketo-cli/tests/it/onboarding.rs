//! `mkto configure`, `mkto whoami`, `mkto doctor`.

use crate::support::{command_in, json_summary, output, stderr, stdout};
use marketo_emulator::Emulator;
use std::io::Write;
use std::path::Path;
use std::process::{Output, Stdio};

async fn with_stdin(dir: &Path, args: &[&str], input: &str) -> Output {
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
    tokio::task::spawn_blocking(move || child.wait_with_output().unwrap())
        .await
        .unwrap()
}

async fn configure(emu: &Emulator, dir: &Path, profile: &str, secret: &str) -> Output {
    with_stdin(
        dir,
        &[
            "configure",
            "--profile",
            profile,
            "--endpoint",
            &emu.url(),
            "--client-id",
            emu.client_id(),
        ],
        &format!("{secret}\n"),
    )
    .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn configure_writes_a_private_profile_that_whoami_and_doctor_check() {
    let emu = Emulator::builder().start().await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let out = configure(&emu, d, "sandbox", emu.client_secret()).await;
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!stderr(&out).contains(emu.client_secret()));
    let path = d.join(".config/mkto/config.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("[profiles.sandbox]"), "{text}");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(
            std::fs::metadata(&path).unwrap().permissions().mode() & 0o777,
            0o600
        );
    }
    // A second profile keeps the first.
    let out = configure(&emu, d, "wrong", "not-the-secret").await;
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(std::fs::read_to_string(&path)
        .unwrap()
        .contains("[profiles.sandbox]"));

    let who = output({
        let mut c = command_in(d, &["whoami", "--profile", "sandbox", "--format", "json"]);
        c.stdout(Stdio::piped()).stderr(Stdio::piped());
        c
    })
    .await;
    assert!(who.status.success(), "{}", stderr(&who));
    let s = json_summary(&who);
    assert_eq!(s["credentials"], "ok");
    assert_eq!(s["endpoint"], emu.url());
    assert!(
        s["target"].as_str().unwrap().contains("(profile sandbox)"),
        "{s}"
    );
    assert!(!stdout(&who).contains(emu.client_secret()));

    let bad = output({
        let mut c = command_in(d, &["whoami"]);
        c.env("MKTO_PROFILE", "wrong")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        c
    })
    .await;
    assert_eq!(bad.status.code(), Some(1), "{}", stdout(&bad));
    assert!(
        stdout(&bad).contains("problem: the client id or secret is refused"),
        "{}",
        stdout(&bad)
    );
    assert!(!stdout(&bad).contains("not-the-secret") && !stderr(&bad).contains("not-the-secret"));

    let doc = output({
        let mut c = command_in(d, &["doctor", "--profile", "sandbox", "--format", "json"]);
        c.stdout(Stdio::piped()).stderr(Stdio::piped());
        c
    })
    .await;
    assert!(doc.status.success(), "{}{}", stdout(&doc), stderr(&doc));
    let s = json_summary(&doc);
    assert_eq!(s["config_file_state"], "ok");
    assert_eq!(s["problems"], serde_json::json!([]));
    assert_eq!(s["concurrency"], 10);
    emu.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn configure_refuses_an_endpoint_that_is_not_one() {
    let dir = tempfile::tempdir().unwrap();
    let out = with_stdin(
        dir.path(),
        &["configure", "--endpoint", "example.com", "--client-id", "x"],
        "s\n",
    )
    .await;
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("expected https://"),
        "{}",
        stderr(&out)
    );
    assert!(!dir.path().join(".config/mkto/config.toml").exists());
}
