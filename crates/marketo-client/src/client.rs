//! The client: a cheap handle (`Clone`) over shared state, so every clone shares one token cache, one rate
//! window, one set of concurrency slots, one daily budget and one retry budget.

use crate::auth::{Auth, AuthSettings};
use crate::builder::ClientBuilder;
use crate::config::Config;
use crate::endpoints::{Activities, Bulk, Leads, Lists, UsageStats};
use crate::error::Error;
use crate::failed_calls::FailedCalls;
use crate::limiter::LimiterView;
use crate::operations::{ObjectKind, Objects};
use crate::progress::{Progress, ProgressEvent, Stats};
use crate::redact::Redactor;
use crate::retry::RetryBudget;
use crate::throttle::Throttle;
use crate::transport::Transport;
use crate::usage::UsageSnapshot;
use marketo_types::clock::SharedClock;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// A Marketo REST client. Cheap to clone; clones share limits, token and budgets.
///
/// ```no_run
/// # async fn run() -> Result<(), marketo_client::Error> {
/// let client = marketo_client::Client::from_env()?;
/// println!("{:?}", client.usage_snapshot());
/// # Ok(()) }
/// ```
#[derive(Clone, Debug)]
pub struct Client {
    pub(crate) inner: Arc<Inner>,
}

/// The state every clone shares.
#[derive(Debug)]
pub(crate) struct Inner {
    pub(crate) config: Config,
    pub(crate) base: String,
    pub(crate) transport: Arc<dyn Transport>,
    pub(crate) clock: SharedClock,
    pub(crate) auth: Auth,
    pub(crate) throttle: Throttle,
    pub(crate) budget: RetryBudget,
    pub(crate) stats: Stats,
    pub(crate) redactor: Redactor,
    pub(crate) progress: Option<Arc<dyn Progress>>,
    pub(crate) failed_calls: Arc<FailedCalls>,
}

impl Inner {
    pub(crate) fn new(
        config: Config,
        transport: Arc<dyn Transport>,
        clock: SharedClock,
        progress: Option<Arc<dyn Progress>>,
        failed_calls: Option<PathBuf>,
    ) -> Self {
        let redactor = Redactor::default();
        let failed_calls = Arc::new(FailedCalls::new(failed_calls, redactor.clone()));
        let base = config.endpoint.as_str().trim_end_matches('/').to_owned();
        let auth = Auth::new(
            AuthSettings {
                url: config.url("/identity/oauth/token"),
                client_id: config.client_id.clone(),
                secret: config.client_secret.clone(),
                margin: config.timeouts.token_refresh_margin,
                attempts: config.retry.max_attempts,
                backoff: (config.retry.base_delay, config.retry.max_delay),
            },
            transport.clone(),
            clock.clone(),
            redactor.clone(),
            failed_calls.clone(),
        );
        Inner {
            throttle: Throttle::new(
                &config.limits,
                config.limiter.as_ref(),
                &config.endpoint,
                clock.clone(),
            ),
            budget: RetryBudget::new(config.retry.budget),
            base,
            config,
            transport,
            clock,
            auth,
            stats: Stats::default(),
            redactor,
            progress,
            failed_calls,
        }
    }

    pub(crate) fn emit(&self, event: ProgressEvent) {
        if let Some(p) = &self.progress {
            p.on_event(&event);
        }
    }
}

impl Client {
    /// A builder.
    pub fn builder() -> ClientBuilder {
        ClientBuilder::default()
    }

    /// A client configured from `MARKETO_ENDPOINT`, `MARKETO_CLIENT_ID` and `MARKETO_CLIENT_SECRET`, with
    /// default limits.
    pub fn from_env() -> Result<Client, Error> {
        ClientBuilder::default().with_env().build()
    }

    /// Lead database: leads.
    pub fn leads(&self) -> Leads<'_> {
        Leads::new(self)
    }

    /// The lead field schema endpoints.
    pub fn lead_fields(&self) -> crate::endpoints::LeadFields<'_> {
        crate::endpoints::LeadFields::new(self)
    }

    /// The custom activity endpoints.
    pub fn custom_activities(&self) -> crate::endpoints::CustomActivities<'_> {
        crate::endpoints::CustomActivities::new(self)
    }

    /// Static lists.
    pub fn lists(&self) -> Lists<'_> {
        Lists::new(self)
    }

    /// Program members, the program member field schema, the leads of a program, a lead's programs.
    pub fn programs(&self) -> crate::endpoints::Programs<'_> {
        crate::endpoints::Programs::new(self)
    }

    /// The Lead Database's campaigns: find, get, request, schedule.
    pub fn campaigns(&self) -> crate::endpoints::Campaigns<'_> {
        crate::endpoints::Campaigns::new(self)
    }

    /// Lead Database objects of one type (`client.objects(Companies)`): sync, get by filter, delete,
    /// describe.
    pub fn objects<K: ObjectKind>(&self, kind: K) -> Objects<'_, K> {
        Objects::new(self, kind)
    }

    /// Bulk Lead Import and Bulk Extract (leads, activities).
    pub fn bulk(&self) -> Bulk<'_> {
        Bulk::new(self)
    }

    /// Activities: types, paging tokens, activities and lead changes.
    pub fn activities(&self) -> Activities<'_> {
        Activities::new(self)
    }

    /// Usage statistics: calls and errors per day.
    pub fn stats(&self) -> UsageStats<'_> {
        UsageStats::new(self)
    }

    /// The file failed exchanges are written to, if the client was given one
    /// ([`ClientBuilder::failed_calls_file`]), and how many it holds from this client.
    pub fn failed_calls(&self) -> Option<(&Path, u64)> {
        let f = &self.inner.failed_calls;
        f.path().map(|p| (p, f.written()))
    }

    /// The configuration in use.
    pub fn config(&self) -> &Config {
        &self.inner.config
    }

    /// What the shared limiter sees now, across every job of the subscription: `None` without one (or after
    /// falling back to the local limiter). Reads Redis; makes no API call.
    pub async fn limiter_view(&self) -> Result<Option<LimiterView>, Error> {
        self.inner.throttle.view().await
    }

    /// How much of its limits the client (with its clones) uses now.
    pub fn usage_snapshot(&self) -> UsageSnapshot {
        let i = &self.inner;
        let now = i.clock.now();
        let (daily_used, daily_limit, quota_resets_at) = i.throttle.daily.usage(now);
        UsageSnapshot {
            calls_sent: Stats::get(&i.stats.calls),
            window_used: i.throttle.window_used(),
            waiting_for_window: i.throttle.waiting_for_window(),
            window_limit: i.throttle.window_limit(),
            in_flight: i.throttle.in_flight(),
            concurrency_limit: i.throttle.concurrency,
            daily_used,
            daily_limit,
            quota_resets_at,
            retries: Stats::get(&i.stats.retries),
            retry_budget_left: i.budget.remaining(),
            rate_limited_answers: Stats::get(&i.stats.rate_limited),
            concurrency_limited_answers: Stats::get(&i.stats.concurrency_limited),
            tokens_fetched: i.auth.fetches(),
            records_done: Stats::get(&i.stats.records_done),
        }
    }
}
