//! How the emulator produces each catalogued code, for `docs/fidelity.md`.
//!
//! The HTTP layer (`server.rs`: pipeline, auth, limits, faults) and the domain model (`model.rs`: leads, lists,
//! fields), the object types on the generic engine (`objects.rs`), the bulk and activity APIs (`bulk.rs`) and the
//! Asset API (`assets.rs`) each declare the codes they produce; `catalogue.rs` the
//! codes produced only by fault rules.

mod assets;
mod bulk;
mod catalogue;
mod model;
mod objects;
pub mod operations;
mod programs;
mod server;

/// How the emulator produces `code`: `None` while it does not produce it yet.
///
/// Each answer starts with `naturally:` (produced by its documented cause) or `fault rule:` (injected through
/// the admin API or the config file), and names the test that proves it.
pub fn production(code: u16) -> Option<&'static str> {
    server::production(code)
        .or_else(|| model::production(code))
        .or_else(|| objects::production(code))
        .or_else(|| bulk::production(code))
        .or_else(|| assets::production(code))
        .or_else(|| programs::production(code))
        .or_else(|| catalogue::production(code))
}
