//! How the emulator produces each catalogued code, for `docs/fidelity.md`.

/// How the emulator produces `code`: `None` while it does not produce it yet.
///
/// Each answer starts with `naturally:` (produced by its documented cause) or `fault rule:` (injected through
/// the admin API or the config file), and names the test that proves it.
pub fn production(code: u16) -> Option<&'static str> {
    let _ = code;
    None
}
