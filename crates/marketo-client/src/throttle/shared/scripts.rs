//! The Lua scripts, loaded once per connection and run by their SHA1 (`EVALSHA`, falling back to `EVAL`).
//! Their text is the contract with jobs written in other languages (`docs/limiter.md`).

use redis::Script;
use std::sync::LazyLock;

/// Admit a call: slot lease, daily unit and window place, all or nothing.
pub(crate) static ADMIT: LazyLock<Script> =
    LazyLock::new(|| Script::new(include_str!("admit.lua")));
/// A call ended.
pub(crate) static SETTLE: LazyLock<Script> =
    LazyLock::new(|| Script::new(include_str!("settle.lua")));
/// Renew the leases of running calls.
pub(crate) static RENEW: LazyLock<Script> =
    LazyLock::new(|| Script::new(include_str!("renew.lua")));
/// A 607: stop every job until the reset.
pub(crate) static SPENT: LazyLock<Script> =
    LazyLock::new(|| Script::new(include_str!("spent.lua")));
/// What every job sees.
pub(crate) static VIEW: LazyLock<Script> = LazyLock::new(|| Script::new(include_str!("view.lua")));
