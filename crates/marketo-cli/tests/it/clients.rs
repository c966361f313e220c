//! The test helpers for Python (`clients/python/mkto_emulator`, a pytest plugin) and Node
//! (`clients/node/mkto-emulator`), and the most used Python and Node Marketo clients, unmodified, driven through
//! them against the real `mkto serve`: the helpers' own tests, an example test each, and the clients' everyday
//! calls (`clients/python/tests`, `clients/node/test`). A habit of a client that the emulator refuses fails
//! here. Their dependencies come from `scripts/test-deps` (run by `scripts/test`).

use std::path::PathBuf;
use std::process::Command;

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn test_deps() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map_or_else(|| repo().join("target"), PathBuf::from)
        .join("test-deps")
}

fn run(mut cmd: Command, what: &str) {
    let out = cmd
        .env("MKTO_BIN", env!("CARGO_BIN_EXE_mkto"))
        .output()
        .unwrap_or_else(|e| panic!("{what}: cannot start: {e}"));
    assert!(
        out.status.success(),
        "{what} failed:\n{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn python_helpers_and_marketorestpython_work_against_mkto_serve() {
    let python = test_deps().join("venv/bin/python");
    assert!(
        python.exists(),
        "{} is missing: run scripts/test-deps (scripts/test does) to install the Python client tests' pins",
        python.display()
    );
    let mut cmd = Command::new(python);
    cmd.args(["-m", "pytest", "-q", "-p", "no:cacheprovider"])
        .arg(repo().join("clients/python/tests"))
        .env("PYTHONDONTWRITEBYTECODE", "1");
    run(cmd, "pytest clients/python/tests");
}

#[test]
fn node_helpers_and_node_marketo_rest_work_against_mkto_serve() {
    let node_dir = repo().join("clients/node");
    assert!(
        node_dir.join("node_modules/node-marketo-rest").exists(),
        "clients/node/node_modules is missing: run scripts/test-deps (scripts/test does)"
    );
    let mut cmd = Command::new("node");
    cmd.args(["--test", "test/"]).current_dir(node_dir);
    run(cmd, "node --test clients/node/test");
}
