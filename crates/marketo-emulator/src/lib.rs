//! A local, stateful, Marketo-compatible REST server that produces the documented errors under their
//! documented conditions.
//!
//! Start it in-process from a test and point any client at [`Emulator::url`]:
//!
//! ```
//! # #[tokio::main(flavor = "current_thread")] async fn main() {
//! use marketo_emulator::{Emulator, LatencyModel};
//! use std::time::Duration;
//! let emu = Emulator::builder()
//!     .credentials("client-id", "client-secret")
//!     .rate_limit(100, Duration::from_secs(20))
//!     .latency(LatencyModel::none())
//!     .start()
//!     .await
//!     .unwrap();
//! assert_eq!(emu.client_id(), "client-id");
//! emu.shutdown().await;
//! # }
//! ```
//!
//! Or serve it with `mkto serve`. Every request to a Marketo path passes the ordered guards of
//! [`http::pipeline`]; the domain rules live in [`model`]; the control API in [`admin`].

pub mod activities;
pub mod admin;
pub mod assets;
mod baseline;
pub mod bulk;
pub mod calls;
pub mod config;
pub mod crm;
mod emulator;
pub mod engine;
pub mod fault;
pub mod fidelity;
pub mod http;
pub mod latency;
pub mod limiter;
pub mod model;
pub mod programs;
pub mod resources;
pub mod scenario;
mod serve;
pub mod server_config;
pub mod state;
pub mod store;
pub mod tokens;
pub mod usage;

pub use baseline::ResetTo;
pub use calls::CallRecord;
pub use config::{ApiUser, ConfigError, EmulatorConfig, LimitsConfig, Role};
pub use emulator::{Emulator, EmulatorBuilder};
pub use fault::{FaultEffect, FaultRule};
pub use latency::LatencyModel;
pub use scenario::Scenario;
pub use serve::serve;
pub use server_config::ServerConfig;
pub use state::{AppState, StartError};
pub use usage::Usage;

/// The router: the admin API under `/_emulator/`, every other path through the Marketo pipeline. Tests can
/// call it without a socket (`tower::ServiceExt::oneshot`).
pub fn app(state: AppState) -> axum::Router {
    axum::Router::new()
        .merge(admin::router())
        .fallback(http::pipeline::handle)
        .with_state(state)
}
