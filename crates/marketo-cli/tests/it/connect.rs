//! Where `mkto` connects: flags, environment, profiles, the embedded emulator.

use crate::support::{mkto_in, stderr, stdout};
use marketo_emulator::Emulator;
use std::process::Command;

#[test]
fn a_partly_configured_instance_is_an_error_naming_what_is_missing() {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_mkto"))
        .args(["leads", "describe"])
        .current_dir(dir.path())
        .env("HOME", dir.path())
        .env("MARKETO_ENDPOINT", "http://127.0.0.1:9")
        .env_remove("MARKETO_CLIENT_ID")
        .env_remove("MARKETO_CLIENT_SECRET")
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(err.contains("only partly configured"), "{err}");
    assert!(
        err.contains("client id") && err.contains("client secret"),
        "{err}"
    );
    assert!(!err.contains("using the embedded emulator"), "{err}");
}

#[test]
fn an_unknown_profile_lists_the_known_ones() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join(".config/mkto");
    std::fs::create_dir_all(&cfg).unwrap();
    std::fs::write(
        cfg.join("config.toml"),
        "[profiles.prod]\nendpoint = \"https://x\"\n",
    )
    .unwrap();
    let out = mkto_in(dir.path(), &["leads", "describe", "--profile", "staging"]);
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(
        err.contains("no profile \"staging\"") && err.contains("prod"),
        "{err}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_profile_connects_to_its_instance() {
    let emu = Emulator::builder().start().await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join(".config/mkto");
    std::fs::create_dir_all(&cfg).unwrap();
    std::fs::write(
        cfg.join("config.toml"),
        format!(
            "[profiles.emu]\nendpoint = \"{}\"\nclient_id = \"{}\"\nclient_secret = \"{}\"\n",
            emu.url(),
            emu.client_id(),
            emu.client_secret()
        ),
    )
    .unwrap();
    let path = dir.path().to_owned();
    let out = tokio::task::spawn_blocking(move || {
        mkto_in(&path, &["leads", "describe", "--profile", "emu"])
    })
    .await
    .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("email"), "{}", stdout(&out));
    assert!(!stderr(&out).contains("embedded emulator"));
    assert!(
        !emu.calls().is_empty(),
        "the call went to the profile's instance"
    );
    emu.shutdown().await;
}

#[test]
fn completions_are_generated() {
    let dir = tempfile::tempdir().unwrap();
    let out = mkto_in(dir.path(), &["completions", "bash"]);
    assert!(out.status.success());
    assert!(stdout(&out).contains("mkto"));
}

/// Read-only commands against the embedded emulator create no state; the first command that writes does.
#[test]
fn read_only_commands_leave_no_state_behind() {
    let dir = tempfile::tempdir().unwrap();
    let state = dir.path().join(".local/state/mkto");
    for args in [
        &["leads", "describe"][..],
        &["lists", "list"],
        &["activities", "types"],
        &["usage"],
        &[
            "leads",
            "get",
            "--filter-type",
            "email",
            "--values",
            "a@example.com",
        ],
    ] {
        let out = mkto_in(dir.path(), args);
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        assert!(!state.exists(), "{args:?} created {}", state.display());
    }
    std::fs::write(dir.path().join("in.csv"), "email\na@example.com\n").unwrap();
    let out = mkto_in(dir.path(), &["leads", "sync", "in.csv"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(state.join("emulator.sqlite").exists());
}

#[test]
fn man_pages_are_generated_for_every_subcommand() {
    let dir = tempfile::tempdir().unwrap();
    let out = mkto_in(dir.path(), &["man", "pages"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let pages = dir.path().join("pages");
    let top = std::fs::read_to_string(pages.join("mkto.1")).unwrap();
    assert!(top.contains(".TH mkto"), "{top}");
    assert!(top.contains("leads"));
    let sync = std::fs::read_to_string(pages.join("mkto-leads-sync.1")).unwrap();
    assert!(sync.contains("\\-\\-resume"), "{sync}");
    assert!(pages.join("mkto-objects.1").exists());
    assert!(!pages.join("mkto-help.1").exists());
}

/// A malformed config file (in `~/.config` or `$XDG_CONFIG_HOME`) is reported by file, line and what is
/// wrong, and the client secret on the failing line is never printed.
#[test]
fn a_malformed_config_never_prints_the_secret() {
    let secret = "7hIs-iS-tHe-SeCrEt-0042";
    let files = [
        format!("[profiles.default]\nclient_id = \"id\"\nclient_secret = \"{secret}\nendpoint = \"x\"\n"),
        format!("[profiles.default]\nclient_id = \"id\"\nclient_secret = {secret}\n"),
        format!("[profiles.default]\nclient_id = \"id\"\nsecret = \"{secret}\"\n"),
        format!("[profiles]\nclient_id = \"id\"\ndefault = \"{secret}\"\n"),
    ];
    for (i, text) in files.iter().enumerate() {
        for xdg in [false, true] {
            let dir = tempfile::tempdir().unwrap();
            let cfg = if xdg {
                dir.path().join("xdg/mkto")
            } else {
                dir.path().join(".config/mkto")
            };
            std::fs::create_dir_all(&cfg).unwrap();
            std::fs::write(cfg.join("config.toml"), text).unwrap();
            let mut cmd = Command::new(env!("CARGO_BIN_EXE_mkto"));
            cmd.args(["leads", "describe"])
                .current_dir(dir.path())
                .env("HOME", dir.path())
                .env_remove("MARKETO_ENDPOINT")
                .env_remove("MARKETO_CLIENT_ID")
                .env_remove("MARKETO_CLIENT_SECRET");
            if xdg {
                cmd.env("XDG_CONFIG_HOME", dir.path().join("xdg"));
            } else {
                cmd.env_remove("XDG_CONFIG_HOME");
            }
            let out = cmd.output().unwrap();
            assert!(!out.status.success(), "case {i}");
            let err = stderr(&out);
            let all = format!("{err}{}", stdout(&out));
            assert!(!all.contains(secret), "case {i}: {all}");
            assert!(!all.contains("SeCrEt"), "case {i}: {all}");
            assert!(
                err.contains(&format!(
                    "{} is not a valid mkto config: line ",
                    cfg.join("config.toml").display()
                )),
                "case {i}: {err}"
            );
        }
    }
}
