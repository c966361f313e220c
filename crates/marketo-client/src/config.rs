//! Every knob of the client, validated at `build()`.

use crate::error::{Error, ErrorKind};
use crate::secret::Secret;
use marketo_types::limits::{DAILY_QUOTA, MAX_CONCURRENT_CALLS, RATE_LIMIT_CALLS, RATE_WINDOW};
use std::time::Duration;

/// The call limits the client keeps to. Defaults are Marketo's documented ones.
///
/// ```
/// use marketo_client::Limits;
/// let l = Limits { reserve_share: 0.2, ..Limits::default() };
/// assert_eq!(l.effective_calls_per_window(), 80);
/// assert_eq!(l.effective_concurrency(), 8);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Limits {
    /// Calls admitted per rate window (Marketo: 100).
    pub calls_per_window: u32,
    /// The rate window (Marketo: 20 s).
    pub window: Duration,
    /// Added to the window on the client's side, so that calls admitted just as a slot frees do not reach the
    /// server a hair before its own window has slid (network delay, clock skew).
    pub window_margin: Duration,
    /// Calls in flight at once (Marketo: 10).
    pub concurrency: u32,
    /// Calls this client may make per quota day (Marketo's default quota: 50,000).
    pub daily_budget: u64,
    /// A share of every limit left for other integrations of the same subscription, in `[0, 1)`.
    pub reserve_share: f64,
    /// Least time between the starts of two calls (default zero: bursts up to the window are allowed).
    /// [`Limits::paced`] sets it to window / limit, spreading calls evenly instead of in synchronized rounds,
    /// which keeps a server that serializes its writes from queueing them.
    pub spacing: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            calls_per_window: RATE_LIMIT_CALLS,
            window: RATE_WINDOW,
            window_margin: Duration::from_millis(500),
            concurrency: MAX_CONCURRENT_CALLS,
            daily_budget: DAILY_QUOTA,
            reserve_share: 0.0,
            spacing: Duration::ZERO,
        }
    }
}

impl Limits {
    /// These limits with calls spaced evenly: one per window / limit (after the reserve).
    pub fn paced(mut self) -> Self {
        self.spacing = self.window / self.effective_calls_per_window().max(1);
        self
    }

    pub(crate) fn keep(&self, n: u64) -> u64 {
        ((n as f64) * (1.0 - self.reserve_share)).floor().max(1.0) as u64
    }

    /// Calls per window after the reserve.
    pub fn effective_calls_per_window(&self) -> u32 {
        self.keep(self.calls_per_window.into()) as u32
    }

    /// Concurrent calls after the reserve.
    pub fn effective_concurrency(&self) -> u32 {
        self.keep(self.concurrency.into()) as u32
    }

    /// Daily budget after the reserve.
    pub fn effective_daily_budget(&self) -> u64 {
        self.keep(self.daily_budget)
    }

    fn validate(&self) -> Result<(), Error> {
        let bad = |m: &str| Err(Error::new(ErrorKind::Config, format!("limits: {m}")));
        if self.calls_per_window == 0 {
            return bad("calls_per_window must be at least 1");
        }
        if self.window.is_zero() {
            return bad("window must be longer than zero");
        }
        if self.window_margin >= self.window {
            return bad("window_margin must be shorter than the window");
        }
        if self.concurrency == 0 {
            return bad("concurrency must be at least 1");
        }
        if self.daily_budget == 0 {
            return bad("daily_budget must be at least 1");
        }
        if !(0.0..1.0).contains(&self.reserve_share) {
            return bad("reserve_share must be in [0, 1)");
        }
        if self.spacing > self.window {
            return bad("spacing must be at most the window");
        }
        Ok(())
    }
}

/// How failed calls are retried.
#[derive(Debug, Clone, PartialEq)]
pub struct RetryPolicy {
    /// Attempts per request for transient faults, the first included.
    pub max_attempts: u32,
    /// Attempts per request while waiting out 606/615 answers, the first included.
    pub max_limit_waits: u32,
    /// Fresh tokens tried per request after 600/601/602 before giving up.
    pub max_reauth: u32,
    /// First backoff ceiling; doubled each attempt; the delay is uniform in `[0, ceiling]` (full jitter).
    pub base_delay: Duration,
    /// Largest backoff ceiling.
    pub max_delay: Duration,
    /// Retries the whole client may make beyond what successes earn back (a token bucket shared by clones).
    pub budget: u32,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            max_attempts: 5,
            max_limit_waits: 12,
            max_reauth: 2,
            base_delay: Duration::from_millis(500),
            max_delay: Duration::from_secs(30),
            budget: 200,
        }
    }
}

impl RetryPolicy {
    fn validate(&self) -> Result<(), Error> {
        let bad = |m: &str| Err(Error::new(ErrorKind::Config, format!("retry: {m}")));
        if self.max_attempts == 0 || self.max_limit_waits == 0 {
            return bad("max_attempts and max_limit_waits must be at least 1");
        }
        if self.base_delay.is_zero() || self.base_delay > self.max_delay {
            return bad("base_delay must be above zero and at most max_delay");
        }
        Ok(())
    }
}

/// Time limits.
#[derive(Debug, Clone, PartialEq)]
pub struct Timeouts {
    /// Establishing a connection.
    pub connect: Duration,
    /// A whole call (Marketo's slowest documented endpoint, Merge Leads, takes up to 180 s).
    pub request: Duration,
    /// A token is refreshed this long before it expires.
    pub token_refresh_margin: Duration,
}

impl Default for Timeouts {
    fn default() -> Self {
        Timeouts {
            connect: Duration::from_secs(10),
            request: Duration::from_secs(190),
            token_refresh_margin: Duration::from_secs(60),
        }
    }
}

impl Timeouts {
    fn validate(&self) -> Result<(), Error> {
        if self.connect.is_zero() || self.request.is_zero() {
            return Err(Error::new(ErrorKind::Config, "timeouts must be above zero"));
        }
        Ok(())
    }
}

/// The validated configuration of a client.
#[derive(Debug, Clone)]
pub struct Config {
    /// The REST base, e.g. `https://123-ABC-456.mktorest.com` (no trailing `/rest`).
    pub endpoint: url::Url,
    /// The client id of the API-only user's custom service.
    pub client_id: String,
    /// Its secret.
    pub client_secret: Secret,
    /// Call limits.
    pub limits: Limits,
    /// Retry policy.
    pub retry: RetryPolicy,
    /// Timeouts.
    pub timeouts: Timeouts,
    /// The limiter shared with other jobs through Redis, if any (else the limits hold for this process).
    pub limiter: Option<crate::limiter::SharedLimiter>,
}

impl Config {
    pub(crate) fn validate(&self) -> Result<(), Error> {
        if self.client_id.trim().is_empty() {
            return Err(Error::new(ErrorKind::Config, "client id is empty"));
        }
        if self.client_secret.expose().is_empty() {
            return Err(Error::new(ErrorKind::Config, "client secret is empty"));
        }
        self.limits.validate()?;
        if let Some(l) = &self.limiter {
            l.validate()?;
        }
        self.retry.validate()?;
        self.timeouts.validate()
    }

    /// The URL of `path` (which starts with `/`) under the endpoint.
    pub(crate) fn url(&self, path: &str) -> String {
        let base = self.endpoint.as_str().trim_end_matches('/');
        format!("{base}{path}")
    }
}

/// Parse and normalise an endpoint: http(s), a host, no query; a trailing `/` or `/rest` is dropped.
pub(crate) fn parse_endpoint(raw: &str) -> Result<url::Url, Error> {
    let bad = |m: String| Error::new(ErrorKind::Config, m);
    let trimmed = raw.trim();
    let mut url = url::Url::parse(trimmed)
        .map_err(|e| bad(format!("endpoint {trimmed:?} is not a URL: {e}")))?;
    if !matches!(url.scheme(), "http" | "https") || url.host_str().is_none() {
        return Err(bad(format!(
            "endpoint {trimmed:?} must be an http(s) URL with a host"
        )));
    }
    if url.query().is_some() || url.fragment().is_some() {
        return Err(bad(format!(
            "endpoint {trimmed:?} must not carry a query or fragment"
        )));
    }
    let path = url.path().trim_end_matches('/');
    let path = path.strip_suffix("/rest").unwrap_or(path).to_owned();
    url.set_path(&path);
    Ok(url)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn endpoints_are_normalised_and_checked() {
        let u = parse_endpoint("https://123-ABC-456.mktorest.com/rest/").unwrap();
        assert_eq!(u.as_str(), "https://123-abc-456.mktorest.com/");
        assert!(parse_endpoint("ftp://x").is_err());
        assert!(parse_endpoint("not a url").is_err());
        assert!(parse_endpoint("http://h/?a=b").is_err());
    }

    #[test]
    fn limits_are_validated() {
        assert!(Limits::default().validate().is_ok());
        for bad in [
            Limits {
                calls_per_window: 0,
                ..Limits::default()
            },
            Limits {
                window: Duration::ZERO,
                ..Limits::default()
            },
            Limits {
                window_margin: Duration::from_secs(20),
                ..Limits::default()
            },
            Limits {
                concurrency: 0,
                ..Limits::default()
            },
            Limits {
                daily_budget: 0,
                ..Limits::default()
            },
            Limits {
                reserve_share: 1.0,
                ..Limits::default()
            },
            Limits {
                reserve_share: -0.1,
                ..Limits::default()
            },
        ] {
            assert_eq!(
                bad.validate().unwrap_err().kind(),
                ErrorKind::Config,
                "{bad:?}"
            );
        }
        let tiny = Limits {
            calls_per_window: 1,
            concurrency: 1,
            reserve_share: 0.9,
            ..Limits::default()
        };
        assert_eq!(tiny.effective_calls_per_window(), 1);
        assert_eq!(tiny.effective_concurrency(), 1);
    }

    #[test]
    fn retry_policy_is_validated() {
        assert!(RetryPolicy::default().validate().is_ok());
        let bad = RetryPolicy {
            base_delay: Duration::from_secs(60),
            ..RetryPolicy::default()
        };
        assert!(bad.validate().is_err());
        let bad = RetryPolicy {
            max_attempts: 0,
            ..RetryPolicy::default()
        };
        assert!(bad.validate().is_err());
    }
}
