//! The application state every request shares: config, clock, model, limits, tokens, faults, request log and
//! usage. Cheap to clone (one `Arc`).

use crate::calls::filter::CallFilter;
use crate::calls::redact::Redactor;
use crate::calls::{CallLog, CallRecord};
use crate::config::{ApiUser, EmulatorConfig};
use crate::fault::FaultSet;
use crate::limiter::Limiter;
use crate::model::{DbLocation, Model, Seed};
use crate::scenario::Scenario;
use crate::store::StoreError;
use crate::tokens::TokenStore;
use crate::usage::{Usage, UsageBook};
use chrono::{DateTime, Utc};
use marketo_types::clock::{Clock, OffsetClock, SharedClock};
use marketo_types::quota_day::quota_day;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};

/// The key under which the usage history (and so today's quota count) is stored.
const USAGE_KEY: &str = "emulator.usage";
/// Counted calls between two writes of the usage history (it is also written at shutdown and on reset).
const FLUSH_EVERY: u32 = 64;

/// Why the emulator could not start.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    /// The database could not be opened or read.
    #[error("database: {0}")]
    Store(#[from] StoreError),
    /// The configuration is invalid.
    #[error("config: {0}")]
    Config(String),
    /// The listener could not be bound.
    #[error("bind: {0}")]
    Io(#[from] std::io::Error),
}

/// The shared state (see the module docs).
#[derive(Debug, Clone)]
pub struct AppState(Arc<Inner>);

/// What [`AppState`] holds.
#[derive(Debug)]
pub struct Inner {
    /// The config the emulator started with.
    pub config: EmulatorConfig,
    /// The API users.
    pub users: Vec<ApiUser>,
    /// The emulator's clock: the base clock plus what `clock/advance` added.
    pub clock: Arc<OffsetClock>,
    /// Leads, lists, key-value entries.
    pub model: Arc<Model>,
    /// Window, quota, concurrency.
    pub limiter: Limiter,
    /// Access tokens.
    pub tokens: Mutex<TokenStore>,
    /// Active fault rules.
    pub faults: FaultSet,
    /// Bulk import and export jobs.
    pub bulk: crate::bulk::Bulk,
    /// The object types on the generic engine (companies, opportunities, custom objects...).
    pub objects: crate::engine::registry::ObjectTypes,
    /// The requested and scheduled campaign runs not yet carried out.
    pub runs: crate::programs::runs::Runs,
    /// Masks secrets in what the request log keeps.
    pub redactor: Redactor,
    /// The scenario loaded on top of the config, replayed by a reset to the baseline.
    pub(crate) baseline: Mutex<Option<Scenario>>,
    calls: Mutex<CallLog>,
    usage: Mutex<UsageBook>,
    unflushed: AtomicU32,
    closing: tokio::sync::watch::Sender<bool>,
}

impl std::ops::Deref for AppState {
    type Target = Inner;
    fn deref(&self) -> &Inner {
        &self.0
    }
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

impl AppState {
    /// Open the database, restore the usage history and build the state.
    pub fn new(
        config: EmulatorConfig,
        db: DbLocation,
        base_clock: SharedClock,
    ) -> Result<AppState, StartError> {
        config.limits.validate().map_err(StartError::Config)?;
        for rule in &config.faults {
            rule.validate().map_err(StartError::Config)?;
        }
        if config.pod.is_empty() || !config.pod.chars().all(|c| c.is_ascii_alphanumeric()) {
            return Err(StartError::Config(format!(
                "pod {:?} must be letters and digits",
                config.pod
            )));
        }
        let clock = Arc::new(OffsetClock::new(base_clock));
        let model = Model::open(db, config.lead_schema.clone())?;
        let usage: UsageBook = match model.kv_get(USAGE_KEY)? {
            Some(text) => serde_json::from_str(&text).unwrap_or_default(),
            None => UsageBook::default(),
        };
        let now = clock.now();
        let today = quota_day(now);
        let l = &config.limits;
        let limiter = Limiter::new(
            l.rate_limit,
            l.rate_window(),
            l.concurrency,
            l.daily_quota,
            Some((today, usage.day(today).total)),
        );
        if let Some(seed) = &config.seed {
            if model.lead_count()? == 0 {
                let seed: Seed = serde_json::from_value(seed.clone())
                    .map_err(|e| StartError::Config(format!("seed: {e}")))?;
                model
                    .seed(&seed, now)
                    .map_err(|e| StartError::Config(format!("seed: {}", e.message)))?;
            }
        }
        let faults = FaultSet::default();
        for rule in &config.faults {
            faults.add(rule.clone());
        }
        let bulk = crate::bulk::Bulk::open(&model, config.bulk.clone())?;
        let objects =
            crate::engine::registry::ObjectTypes::new(crate::resources::object_types(), now);
        objects
            .load_custom(model.store(), &config.custom_objects, &model.schema(), now)
            .map_err(|e| match e {
                crate::engine::registry::StartError::Store(e) => StartError::Store(e),
                crate::engine::registry::StartError::Config(m) => StartError::Config(m),
            })?;
        let users = config.effective_users();
        let mut secrets: Vec<String> = users.iter().map(|u| u.client_secret.clone()).collect();
        secrets.extend(config.server.admin_token.clone());
        Ok(AppState(Arc::new(Inner {
            redactor: Redactor::new(secrets),
            baseline: Mutex::new(None),
            closing: tokio::sync::watch::Sender::new(false),
            users,
            config,
            clock,
            model: Arc::new(model),
            limiter,
            tokens: Mutex::new(TokenStore::default()),
            faults,
            bulk,
            objects,
            runs: crate::programs::runs::Runs::new(),
            calls: Mutex::new(CallLog::default()),
            usage: Mutex::new(usage),
            unflushed: AtomicU32::new(0),
        })))
    }

    /// The emulator's current time.
    pub fn now(&self) -> DateTime<Utc> {
        self.clock.now()
    }

    /// The API user with this client id.
    pub fn user(&self, client_id: &str) -> Option<&ApiUser> {
        self.users.iter().find(|u| u.client_id == client_id)
    }

    /// Log an answered call (its id is given here) and count it in the usage history; returns its id.
    pub fn record_call(&self, mut call: CallRecord) -> u64 {
        call.user = call
            .client_id
            .as_deref()
            .and_then(|c| self.user(c))
            .map(|u| u.email.clone());
        let counted = call.counted;
        lock(&self.usage).record(quota_day(call.at), call.user.as_deref(), counted, call.code);
        let id = lock(&self.calls).push(call);
        if counted && self.unflushed.fetch_add(1, Ordering::AcqRel) + 1 >= FLUSH_EVERY {
            self.flush_usage();
        }
        id
    }

    /// The request log, oldest first.
    pub fn calls(&self) -> Vec<CallRecord> {
        lock(&self.calls).all()
    }

    /// The calls of the request log that match `filter`, oldest first.
    pub fn calls_matching(&self, filter: &CallFilter) -> Vec<CallRecord> {
        lock(&self.calls).query(filter)
    }

    /// One call of the request log, while it is kept.
    pub fn call(&self, id: u64) -> Option<CallRecord> {
        lock(&self.calls).get(id)
    }

    /// Every call logged from now on, and the calls already kept that match `filter` (read under the same
    /// lock, so none is missed or seen twice).
    pub fn follow_calls(
        &self,
        filter: &CallFilter,
    ) -> (
        Vec<CallRecord>,
        tokio::sync::broadcast::Receiver<CallRecord>,
    ) {
        let log = lock(&self.calls);
        (log.query(filter), log.subscribe())
    }

    /// Forget the request log (ids start again from 1).
    pub fn clear_calls(&self) {
        lock(&self.calls).clear();
    }

    /// Tell open streams (the request log's tail) that the server is shutting down.
    pub fn close_streams(&self) {
        self.closing.send_replace(true);
    }

    /// Becomes true when the server shuts down.
    pub fn closing(&self) -> tokio::sync::watch::Receiver<bool> {
        self.closing.subscribe()
    }

    /// The limits as they stand.
    pub fn usage(&self) -> Usage {
        let now = self.now();
        let l = &self.config.limits;
        Usage {
            today: self.limiter.used_today(now),
            daily_quota: l.daily_quota,
            window: self.limiter.window_count(now),
            rate_limit: l.rate_limit,
            window_secs: l.rate_window_secs,
            in_flight: self.limiter.in_flight(),
            concurrency: l.concurrency,
            quota_day: quota_day(now),
            now,
        }
    }

    /// The usage history.
    pub fn usage_book(&self) -> UsageBook {
        lock(&self.usage).clone()
    }

    /// Write the usage history (today's quota count included) to the database.
    pub fn flush_usage(&self) {
        self.unflushed.store(0, Ordering::Release);
        let text = match serde_json::to_string(&*lock(&self.usage)) {
            Ok(t) => t,
            Err(e) => {
                tracing::error!(error = %e, "usage history not serialisable");
                return;
            }
        };
        if let Err(e) = self.model.kv_set(USAGE_KEY, &text) {
            tracing::error!(error = %e, "usage history not stored");
        }
    }

    /// Forget the request log and the usage history (a reset).
    pub(crate) fn clear_log_and_usage(&self) {
        lock(&self.calls).clear();
        lock(&self.usage).clear();
    }
}
