//! Starting the emulator in-process (tests, benchmarks, `mkto serve`): [`Emulator::builder`] ... `start()` binds
//! `127.0.0.1:0` and returns a running [`Emulator`] with its URL and controls.
//!
//! ```
//! # #[tokio::main(flavor = "current_thread")] async fn main() {
//! use marketo_emulator::{Emulator, FaultRule};
//! let emu = Emulator::builder().credentials("id", "secret").start().await.unwrap();
//! assert!(emu.url().starts_with("http://127.0.0.1:"));
//! emu.add_fault(FaultRule::error("POST", "/rest/v1/leads.json", 604).times(1));
//! emu.shutdown().await;
//! # }
//! ```

use crate::calls::CallRecord;
use crate::config::{ApiUser, EmulatorConfig};
use crate::fault::FaultRule;
use crate::latency::LatencyModel;
use crate::model::{DbLocation, Seed, SeedReport};
use crate::scenario::Scenario;
use crate::state::{AppState, StartError};
use crate::usage::Usage;
use marketo_types::clock::{SharedClock, TokioClock};
use marketo_types::envelope::ApiError;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

/// Settings for an in-process emulator. Later calls override earlier ones; [`Self::config`] replaces
/// everything set before it.
#[derive(Debug, Default)]
pub struct EmulatorBuilder {
    config: EmulatorConfig,
    clock: Option<SharedClock>,
    db: Option<PathBuf>,
    addr: Option<SocketAddr>,
    scenario: Option<Scenario>,
}

impl EmulatorBuilder {
    /// The whole configuration (as loaded from a TOML file).
    pub fn config(mut self, config: EmulatorConfig) -> Self {
        self.config = config;
        self
    }

    /// The default API user's credentials (full access).
    pub fn credentials(mut self, client_id: &str, client_secret: &str) -> Self {
        self.config
            .set_default_credentials(client_id, client_secret);
        self
    }

    /// Bulk import and export settings (queues, job durations, daily export allowance, unsupported filters).
    pub fn bulk(mut self, bulk: crate::bulk::BulkConfig) -> Self {
        self.config.bulk = bulk;
        self
    }

    /// Another API user (e.g. a read-only one).
    pub fn user(mut self, user: ApiUser) -> Self {
        if self.config.users.is_empty() {
            self.config.users = self.config.effective_users();
        }
        self.config.users.retain(|u| u.client_id != user.client_id);
        self.config.users.push(user);
        self
    }

    /// `calls` per `window` before 606.
    pub fn rate_limit(mut self, calls: u32, window: Duration) -> Self {
        self.config.limits.rate_limit = calls;
        self.config.limits.rate_window_secs = window.as_secs().max(1);
        self
    }

    /// Calls in flight before 615.
    pub fn concurrency(mut self, calls: u32) -> Self {
        self.config.limits.concurrency = calls;
        self
    }

    /// Counted calls per quota day before 607.
    pub fn daily_quota(mut self, calls: u64) -> Self {
        self.config.limits.daily_quota = calls;
        self
    }

    /// Lift the rate window, concurrency and quota (benchmarks).
    pub fn limits_lifted(mut self) -> Self {
        self.config.limits = crate::config::LimitsConfig::lifted();
        self
    }

    /// Token lifetime.
    pub fn token_ttl(mut self, ttl: Duration) -> Self {
        self.config.token_ttl_secs = ttl.as_secs();
        self
    }

    /// Accept the legacy `access_token` query parameter.
    pub fn legacy_access_token(mut self, on: bool) -> Self {
        self.config.legacy_access_token = on;
        self
    }

    /// The latency model.
    pub fn latency(mut self, model: LatencyModel) -> Self {
        self.config.latency = model;
        self
    }

    /// The base clock (default: [`TokioClock`], so tests under `tokio::time::pause()` move it).
    pub fn clock(mut self, clock: SharedClock) -> Self {
        self.clock = Some(clock);
        self
    }

    /// A fault rule active from the start.
    pub fn fault(mut self, rule: FaultRule) -> Self {
        self.config.faults.push(rule);
        self
    }

    /// A scenario loaded at start (on top of the config's seed and faults; see [`crate::scenario`]). Loading
    /// one empties the data first, a file-backed database's too.
    pub fn scenario(mut self, scenario: Scenario) -> Self {
        self.scenario = Some(scenario);
        self
    }

    /// Keep the data in a SQLite file (state survives a restart).
    pub fn db_path(mut self, path: impl Into<PathBuf>) -> Self {
        self.db = Some(path.into());
        self
    }

    /// Keep the data in memory (the default).
    pub fn in_memory(mut self) -> Self {
        self.db = None;
        self
    }

    /// Listen on this address instead of `127.0.0.1:0`.
    pub fn addr(mut self, addr: SocketAddr) -> Self {
        self.addr = Some(addr);
        self
    }

    /// The shared state, without a socket (for [`crate::app`]).
    pub fn build_state(self) -> Result<AppState, StartError> {
        let clock = self
            .clock
            .unwrap_or_else(|| Arc::new(TokioClock::new()) as SharedClock);
        let db = match self.db {
            Some(p) => DbLocation::Path(p),
            None => DbLocation::InMemory,
        };
        let state = AppState::new(self.config, db, clock)?;
        if let Some(scenario) = self.scenario {
            state
                .load_scenario(scenario)
                .map_err(|e| StartError::Config(e.to_string()))?;
        }
        Ok(state)
    }

    /// Bind and start serving in the background.
    pub async fn start(mut self) -> Result<Emulator, StartError> {
        let addr = self
            .addr
            .take()
            .unwrap_or_else(|| SocketAddr::from(([127, 0, 0, 1], 0)));
        let state = self.build_state()?;
        state
            .config
            .server
            .check_bind(addr)
            .map_err(StartError::Config)?;
        let listener = tokio::net::TcpListener::bind(addr).await?;
        let addr = listener.local_addr()?;
        let (tx, rx) = oneshot::channel::<()>();
        let task = tokio::spawn(crate::serve(listener, state.clone(), async move {
            let _ = rx.await;
        }));
        Ok(Emulator {
            state,
            addr,
            stop: Some(tx),
            task: Some(task),
        })
    }
}

/// A running emulator. Dropping it stops the server; [`Emulator::shutdown`] also waits for it.
#[derive(Debug)]
pub struct Emulator {
    state: AppState,
    addr: SocketAddr,
    stop: Option<oneshot::Sender<()>>,
    task: Option<JoinHandle<std::io::Result<()>>>,
}

impl Emulator {
    /// Settings for a new emulator.
    pub fn builder() -> EmulatorBuilder {
        EmulatorBuilder::default()
    }

    /// The REST base URL, `http://127.0.0.1:PORT`.
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// The bound address.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// The default API user's client id.
    pub fn client_id(&self) -> &str {
        self.state
            .users
            .first()
            .map_or("", |u| u.client_id.as_str())
    }

    /// The default API user's client secret.
    pub fn client_secret(&self) -> &str {
        self.state
            .users
            .first()
            .map_or("", |u| u.client_secret.as_str())
    }

    /// The shared state (clock, model, limits, ...).
    pub fn state(&self) -> &AppState {
        &self.state
    }

    /// Move the emulator's clock forward: tokens expire, windows slide, the quota day turns.
    pub fn advance_clock(&self, by: Duration) {
        self.state.clock.advance(by);
    }

    /// Add a fault rule; returns its id.
    ///
    /// # Panics
    /// When the rule is invalid (see [`FaultRule::validate`]): a mistake in the test that adds it.
    pub fn add_fault(&self, rule: FaultRule) -> u64 {
        if let Err(e) = rule.validate() {
            panic!("invalid fault rule {rule:?}: {e}");
        }
        self.state.faults.add(rule)
    }

    /// Remove every fault rule.
    pub fn clear_faults(&self) {
        self.state.faults.clear();
    }

    /// Load leads and lists: `{"leads":[{..}], "lists":[{"id":N,"name":".."}]}`. A document of the wrong
    /// shape is 609; the model's refusals (unknown field, bad value) come back as they are.
    pub fn seed(&self, doc: serde_json::Value) -> Result<SeedReport, ApiError> {
        let seed: Seed = serde_json::from_value(doc).map_err(|_| ApiError::catalogued(609, &[]))?;
        self.state.model.seed(&seed, self.state.now())
    }

    /// Back to the baseline: forget data, limits, the request log and usage, then load the config's seed and
    /// fault rules and the loaded scenario's (see `POST /_emulator/reset`).
    pub fn reset(&self) {
        if let Err(e) = self.state.reset() {
            tracing::error!(error = %e, "reset failed");
        }
    }

    /// Load a scenario (see [`crate::scenario`]): it becomes part of the baseline [`Self::reset`] returns to.
    pub fn load_scenario(
        &self,
        scenario: Scenario,
    ) -> Result<crate::scenario::ScenarioReport, crate::scenario::ScenarioError> {
        self.state.load_scenario(scenario)
    }

    /// The request log, oldest first.
    pub fn calls(&self) -> Vec<CallRecord> {
        self.state.calls()
    }

    /// The limits as they stand.
    pub fn usage(&self) -> Usage {
        self.state.usage()
    }

    /// Stop serving, let open calls finish, write the usage history.
    pub async fn shutdown(mut self) {
        if let Some(tx) = self.stop.take() {
            let _ = tx.send(());
        }
        if let Some(task) = self.task.take() {
            let _ = task.await;
        }
    }
}

impl Drop for Emulator {
    fn drop(&mut self) {
        if let Some(tx) = self.stop.take() {
            let _ = tx.send(());
        }
    }
}
