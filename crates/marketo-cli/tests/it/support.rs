//! Running the real binary.

use std::process::{Command, Output};

/// The built `mkto` binary, run in `dir` with no Marketo instance configured.
pub fn mkto_in(dir: &std::path::Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_mkto"))
        .args(args)
        .current_dir(dir)
        .env_remove("MARKETO_ENDPOINT")
        .env_remove("MARKETO_CLIENT_ID")
        .env_remove("MARKETO_CLIENT_SECRET")
        .env("HOME", dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("run mkto")
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
