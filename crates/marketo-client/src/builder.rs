//! Building a client from code or from the environment.

use crate::client::{Client, Inner};
use crate::config::{parse_endpoint, Config, Limits, RetryPolicy, Timeouts};
use crate::error::{Error, ErrorKind};
use crate::limiter::SharedLimiter;
use crate::progress::Progress;
use crate::secret::Secret;
use crate::transport::{ReqwestTransport, Transport};
use marketo_types::clock::{SharedClock, TokioClock};
use std::sync::Arc;
use std::time::Duration;

/// Environment variable holding the REST endpoint.
pub const ENV_ENDPOINT: &str = "MARKETO_ENDPOINT";
/// Environment variable holding the client id.
pub const ENV_CLIENT_ID: &str = "MARKETO_CLIENT_ID";
/// Environment variable holding the client secret.
pub const ENV_CLIENT_SECRET: &str = "MARKETO_CLIENT_SECRET";

/// Builds a [`Client`]; every knob is checked by [`ClientBuilder::build`].
///
/// ```
/// use marketo_client::Client;
/// use std::time::Duration;
/// let client = Client::builder()
///     .endpoint("https://123-ABC-456.mktorest.com")
///     .credentials("client-id", "client-secret")
///     .rate_limit(100, Duration::from_secs(20))
///     .concurrency(10)
///     .reserve_share(0.2)
///     .build()
///     .unwrap();
/// assert_eq!(client.usage_snapshot().window_limit, 80);
/// assert!(Client::builder().credentials("id", "secret").build().is_err(), "no endpoint");
/// ```
#[derive(Default)]
pub struct ClientBuilder {
    endpoint: Option<String>,
    client_id: Option<String>,
    client_secret: Option<Secret>,
    limits: Limits,
    retry: RetryPolicy,
    timeouts: Timeouts,
    clock: Option<SharedClock>,
    transport: Option<Arc<dyn Transport>>,
    progress: Option<Arc<dyn Progress>>,
    limiter: Option<SharedLimiter>,
    failed_calls: Option<std::path::PathBuf>,
}

impl std::fmt::Debug for ClientBuilder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ClientBuilder")
            .field("endpoint", &self.endpoint)
            .field("client_id", &self.client_id)
            .field("client_secret", &self.client_secret)
            .field("limits", &self.limits)
            .field("retry", &self.retry)
            .field("timeouts", &self.timeouts)
            .field("limiter", &self.limiter)
            .finish_non_exhaustive()
    }
}

impl ClientBuilder {
    /// The REST endpoint, e.g. `https://123-ABC-456.mktorest.com` (a trailing `/rest` is accepted).
    pub fn endpoint(mut self, url: impl Into<String>) -> Self {
        self.endpoint = Some(url.into());
        self
    }

    /// The client id and secret of the API-only user's custom service.
    pub fn credentials(
        mut self,
        client_id: impl Into<String>,
        client_secret: impl Into<Secret>,
    ) -> Self {
        self.client_id = Some(client_id.into());
        self.client_secret = Some(client_secret.into());
        self
    }

    /// Take the endpoint and credentials from `MARKETO_ENDPOINT`, `MARKETO_CLIENT_ID` and
    /// `MARKETO_CLIENT_SECRET` where they are set (values set in code before stay unless the variable is set).
    pub fn with_env(self) -> Self {
        self.with_lookup(|k| std::env::var(k).ok())
    }

    pub(crate) fn with_lookup(mut self, get: impl Fn(&str) -> Option<String>) -> Self {
        if let Some(v) = get(ENV_ENDPOINT) {
            self.endpoint = Some(v);
        }
        if let Some(v) = get(ENV_CLIENT_ID) {
            self.client_id = Some(v);
        }
        if let Some(v) = get(ENV_CLIENT_SECRET) {
            self.client_secret = Some(Secret::new(v));
        }
        self
    }

    /// All call limits at once.
    pub fn limits(mut self, limits: Limits) -> Self {
        self.limits = limits;
        self
    }

    /// Calls per rate window (default 100 per 20 s).
    pub fn rate_limit(mut self, calls: u32, window: Duration) -> Self {
        self.limits.calls_per_window = calls;
        self.limits.window = window;
        self.limits.window_margin = self.limits.window_margin.min(window / 10);
        self
    }

    /// Calls in flight at once (default 10).
    pub fn concurrency(mut self, calls: u32) -> Self {
        self.limits.concurrency = calls;
        self
    }

    /// Calls this client may make per quota day (default 50,000).
    pub fn daily_budget(mut self, calls: u64) -> Self {
        self.limits.daily_budget = calls;
        self
    }

    /// The share of every limit to leave for other integrations, in `[0, 1)` (default 0).
    pub fn reserve_share(mut self, share: f64) -> Self {
        self.limits.reserve_share = share;
        self
    }

    /// Space call starts evenly, one per window / limit, instead of allowing bursts (see [`Limits::spacing`]).
    pub fn paced(mut self) -> Self {
        self.limits = self.limits.paced();
        self
    }

    /// Share the limits with every other job of the subscription through Redis (default: the limits hold for
    /// this client and its clones only). See [`SharedLimiter`].
    pub fn shared_limiter(mut self, limiter: SharedLimiter) -> Self {
        self.limiter = Some(limiter);
        self
    }

    /// The retry policy.
    pub fn retry(mut self, policy: RetryPolicy) -> Self {
        self.retry = policy;
        self
    }

    /// Timeouts.
    pub fn timeouts(mut self, timeouts: Timeouts) -> Self {
        self.timeouts = timeouts;
        self
    }

    /// The clock (default: [`TokioClock`], which follows tokio's paused time in tests). It must advance as
    /// tokio's time does, since the client sleeps with `tokio::time`.
    pub fn clock(mut self, clock: SharedClock) -> Self {
        self.clock = Some(clock);
        self
    }

    /// The HTTP transport (default: reqwest).
    pub fn transport(mut self, transport: Arc<dyn Transport>) -> Self {
        self.transport = Some(transport);
        self
    }

    /// A progress observer.
    pub fn progress(mut self, progress: Arc<dyn Progress>) -> Self {
        self.progress = Some(progress);
        self
    }

    /// Keep the request and the response of every call that ends in an unexpected error in this file, one
    /// JSON object per line, redacted (no `Authorization` header, client secret or token). It is created on
    /// the first failure and appended to. Without it a failed call is logged in one short `warn` line and
    /// the exchange only at `debug` level.
    ///
    /// ```
    /// let client = marketo_client::Client::builder()
    ///     .endpoint("https://123-ABC-456.mktorest.com")
    ///     .credentials("client-id", "client-secret")
    ///     .failed_calls_file("leads.failed-calls.jsonl")
    ///     .build()
    ///     .unwrap();
    /// assert_eq!(client.failed_calls().map(|(_, n)| n), Some(0));
    /// ```
    pub fn failed_calls_file(mut self, path: impl Into<std::path::PathBuf>) -> Self {
        self.failed_calls = Some(path.into());
        self
    }

    /// Check every knob and build the client.
    pub fn build(self) -> Result<Client, Error> {
        let missing = |what: &str, var: &str| {
            Error::new(
                ErrorKind::Config,
                format!("{what} is not set (in code, or with {var})"),
            )
        };
        let endpoint = self
            .endpoint
            .ok_or_else(|| missing("endpoint", ENV_ENDPOINT))?;
        let config = Config {
            endpoint: parse_endpoint(&endpoint)?,
            client_id: self
                .client_id
                .ok_or_else(|| missing("client id", ENV_CLIENT_ID))?,
            client_secret: self
                .client_secret
                .ok_or_else(|| missing("client secret", ENV_CLIENT_SECRET))?,
            limits: self.limits,
            retry: self.retry,
            timeouts: self.timeouts,
            limiter: self.limiter,
        };
        config.validate()?;
        let transport = match self.transport {
            Some(t) => t,
            None => Arc::new(
                ReqwestTransport::new(
                    config.timeouts.connect,
                    config.timeouts.request,
                    config.limits.concurrency as usize,
                )
                .map_err(|e| {
                    Error::new(ErrorKind::Config, "cannot build the HTTP client").with_source(e)
                })?,
            ),
        };
        let clock = self.clock.unwrap_or_else(|| Arc::new(TokioClock::new()));
        Ok(Client {
            inner: Arc::new(Inner::new(
                config,
                transport,
                clock,
                self.progress,
                self.failed_calls,
            )),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn env_values_are_read_and_missing_ones_named() {
        let env = |k: &str| match k {
            ENV_ENDPOINT => Some("http://127.0.0.1:1".to_owned()),
            ENV_CLIENT_ID => Some("id".to_owned()),
            _ => None,
        };
        let e = Client::builder().with_lookup(env).build().unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Config);
        assert!(e.to_string().contains(ENV_CLIENT_SECRET), "{e}");
        let full = |k: &str| env(k).or_else(|| (k == ENV_CLIENT_SECRET).then(|| "s".to_owned()));
        assert!(Client::builder().with_lookup(full).build().is_ok());
    }

    #[test]
    fn builder_debug_hides_the_secret() {
        let b = Client::builder().credentials("id", "very-secret");
        assert!(!format!("{b:?}").contains("very-secret"));
    }

    #[test]
    fn bad_knobs_fail_at_build() {
        let base = || {
            Client::builder()
                .endpoint("http://h")
                .credentials("id", "s")
        };
        assert!(base().concurrency(0).build().is_err());
        assert!(base()
            .rate_limit(0, Duration::from_secs(1))
            .build()
            .is_err());
        assert!(base().reserve_share(1.5).build().is_err());
        assert!(base().daily_budget(0).build().is_err());
        assert!(base().credentials("", "s").build().is_err());
        assert!(base().endpoint("mailto:x").build().is_err());
    }
}
