//! The application state every request shares: config, clock, model, limits, tokens, faults, request log and
//! usage. Cheap to clone (one `Arc`).

use crate::config::{ApiUser, EmulatorConfig};
use crate::fault::FaultSet;
use crate::limiter::Limiter;
use crate::model::{DbLocation, Model, Seed};
use crate::store::StoreError;
use crate::tokens::TokenStore;
use crate::usage::{CallLog, CallRecord, Usage, UsageBook};
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
    calls: Mutex<CallLog>,
    usage: Mutex<UsageBook>,
    unflushed: AtomicU32,
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
        Ok(AppState(Arc::new(Inner {
            users: config.effective_users(),
            config,
            clock,
            model: Arc::new(model),
            limiter,
            tokens: Mutex::new(TokenStore::default()),
            faults,
            bulk,
            objects,
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

    /// Log an answered call and count it in the usage history.
    pub fn record_call(&self, call: CallRecord) {
        let email = call
            .client_id
            .as_deref()
            .and_then(|c| self.user(c))
            .map(|u| u.email.as_str());
        let counted = call.counted;
        lock(&self.usage).record(quota_day(call.at), email, counted, call.code);
        lock(&self.calls).push(call);
        if counted && self.unflushed.fetch_add(1, Ordering::AcqRel) + 1 >= FLUSH_EVERY {
            self.flush_usage();
        }
    }

    /// The request log.
    pub fn calls(&self) -> Vec<CallRecord> {
        lock(&self.calls).all()
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

    /// Back to a fresh start: no leads, lists, activities or bulk jobs, empty window and quota, empty request
    /// log and usage, the
    /// config's fault rules. Tokens and the clock are kept.
    pub fn reset(&self) -> Result<(), StoreError> {
        self.model.reset()?;
        self.model.store().with(crate::activities::custom::forget)?;
        self.objects.reset_custom(
            self.model.store(),
            &self.config.custom_objects,
            &self.model.schema(),
            self.now(),
        )?;
        self.bulk.reset(&self.model);
        self.limiter.reset();
        lock(&self.calls).clear();
        lock(&self.usage).clear();
        self.faults.clear();
        for rule in &self.config.faults {
            self.faults.add(rule.clone());
        }
        self.flush_usage();
        Ok(())
    }
}
