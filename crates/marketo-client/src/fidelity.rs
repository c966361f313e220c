//! How the client handles each catalogued code, for `docs/fidelity.md`.

/// How the client handles `code`: `None` while it has no tested handling yet.
///
/// Each answer says what the client does and names the test that proves it.
pub fn handling(code: u16) -> Option<&'static str> {
    let _ = code;
    None
}
