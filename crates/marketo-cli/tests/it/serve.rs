//! `mkto serve`: what it refuses before it listens.

use crate::support::*;

/// Listening beyond loopback without an admin token is refused with a message that says what to do, and the
/// token is taken from the environment as well as the flag.
#[test]
fn serve_refuses_a_public_address_without_an_admin_token() {
    let dir = tempfile::tempdir().unwrap();
    let out = mkto_in(dir.path(), &["serve", "--addr", "0.0.0.0:0", "--in-memory"]);
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(err.contains("--admin-token"), "{err}");
    assert!(err.contains("0.0.0.0"), "{err}");
}
