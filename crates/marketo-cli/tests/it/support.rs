//! Running the real binary.

use std::process::{Command, Output};

/// The variables that would point `mkto` elsewhere than a test says: removed from every test's environment.
const OUTSIDE: &[&str] = &[
    "MARKETO_ENDPOINT",
    "MARKETO_CLIENT_ID",
    "MARKETO_CLIENT_SECRET",
    "MKTO_HOME",
    "MKTO_PROFILE",
    "MKTO_LOG",
    "MKTO_LIMITER",
    "RUST_LOG",
    "XDG_STATE_HOME",
    "XDG_CONFIG_HOME",
];

/// `mkto` in `dir`, with `HOME` there and nothing of the caller's environment pointing elsewhere.
pub fn command_in(dir: &std::path::Path, args: &[&str]) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_mkto"));
    cmd.args(args)
        .current_dir(dir)
        .env("HOME", dir)
        .env("NO_COLOR", "1");
    for name in OUTSIDE {
        cmd.env_remove(name);
    }
    cmd
}

/// The built `mkto` binary, run in `dir` with no Marketo instance configured.
pub fn mkto_in(dir: &std::path::Path, args: &[&str]) -> Output {
    command_in(dir, args).output().expect("run mkto")
}

/// The built `mkto` binary, run in the crate directory.
pub fn mkto(args: &[&str]) -> Output {
    mkto_in(std::path::Path::new(env!("CARGO_MANIFEST_DIR")), args)
}

/// stdout as text.
pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// stderr as text.
pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The built `mkto` pointed at an in-process emulator through the environment, output captured.
pub fn mkto_at(emu: &marketo_emulator::Emulator, dir: &std::path::Path, args: &[&str]) -> Command {
    let mut cmd = command_in(dir, args);
    cmd.env("MARKETO_ENDPOINT", emu.url())
        .env("MARKETO_CLIENT_ID", emu.client_id())
        .env("MARKETO_CLIENT_SECRET", emu.client_secret())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped());
    cmd
}

/// Run a command to completion off the async runtime (the emulator keeps serving meanwhile).
pub async fn output(mut cmd: Command) -> Output {
    tokio::task::spawn_blocking(move || cmd.output().expect("run mkto"))
        .await
        .unwrap()
}

/// stdout parsed as the JSON summary, with both streams in the panic message when it is not JSON.
pub fn json_summary(out: &Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}\nstderr: {}", stdout(out), stderr(out)))
}
