//! `mkto`'s own state directory: `$MKTO_HOME`, else `$XDG_STATE_HOME/mkto`, else `~/.local/state/mkto`.
//! It holds the embedded emulator's database (`emulator.sqlite`) and caches (`cache/`, e.g. the lead fields
//! of each endpoint). Nothing creates it but a command that writes there: a read-only command against the
//! embedded emulator runs on an empty in-memory one when there is no database yet.

use std::path::PathBuf;

fn env_path(name: &str) -> Option<PathBuf> {
    std::env::var_os(name)
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
}

/// The state directory.
pub fn dir() -> PathBuf {
    if let Some(home) = env_path("MKTO_HOME") {
        return home;
    }
    if let Some(state) = env_path("XDG_STATE_HOME") {
        return state.join("mkto");
    }
    match env_path("HOME") {
        Some(home) => home.join(".local").join("state").join("mkto"),
        None => PathBuf::from(".mkto"),
    }
}

/// The embedded emulator's database.
pub fn emulator_db() -> PathBuf {
    dir().join("emulator.sqlite")
}

/// Where caches go.
pub fn cache_dir() -> PathBuf {
    dir().join("cache")
}
