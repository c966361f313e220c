//! The shared limiter's settings and what it reports: a Redis server that every job of a subscription asks
//! before each call, so their calls together keep to the subscription's window, slots and daily quota.
//! The key layout and the scripts are documented in `docs/limiter.md`, so jobs in other languages can join.

use crate::error::{Error, ErrorKind};
use crate::secret::Secret;
use chrono::{DateTime, Utc};
use marketo_types::limits::DAILY_QUOTA;
use serde::Serialize;
use std::fmt;
use std::time::Duration;

/// The key prefix when none is set.
pub const DEFAULT_PREFIX: &str = "mkto-limiter";

/// What a job does when the shared limiter cannot be reached.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum OnUnreachable {
    /// Fail the call with [`ErrorKind::Limiter`] (a job told to share should not go it alone).
    Stop,
    /// Go on with the in-memory limiter for the rest of the run, leaving `reserve_share` of every limit to
    /// the other jobs (which may still be sharing, or be falling back too).
    Local {
        /// Share of every limit left to the others, in `[0, 1)`.
        reserve_share: f64,
    },
}

/// A limiter shared through Redis.
///
/// ```
/// use marketo_client::{Client, OnUnreachable, SharedLimiter};
/// let limiter = SharedLimiter::redis("redis://:pa55@127.0.0.1:6379/0")
///     .prefix("etl")
///     .on_unreachable(OnUnreachable::Local { reserve_share: 0.5 });
/// assert_eq!(limiter.redacted_url(), "redis://:***@127.0.0.1:6379/0");
/// let client = Client::builder()
///     .endpoint("https://123-ABC-456.mktorest.com")
///     .credentials("id", "secret")
///     .shared_limiter(limiter)
///     .build()
///     .unwrap();
/// assert!(!format!("{client:?}").contains("pa55"));
/// ```
#[derive(Clone)]
pub struct SharedLimiter {
    pub(crate) url: Secret,
    pub(crate) prefix: String,
    pub(crate) subscription: Option<String>,
    pub(crate) on_unreachable: OnUnreachable,
    pub(crate) daily_quota: u64,
    pub(crate) lease_ttl: Duration,
    pub(crate) unreachable_after: Duration,
}

impl fmt::Debug for SharedLimiter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SharedLimiter")
            .field("url", &self.redacted_url())
            .field("prefix", &self.prefix)
            .field("subscription", &self.subscription)
            .field("on_unreachable", &self.on_unreachable)
            .field("daily_quota", &self.daily_quota)
            .field("lease_ttl", &self.lease_ttl)
            .field("unreachable_after", &self.unreachable_after)
            .finish()
    }
}

impl SharedLimiter {
    /// A limiter on the Redis server at `url` (`redis://[[USER]:PASSWORD@]HOST[:PORT][/DB]`), checked at
    /// `build()`.
    pub fn redis(url: impl Into<String>) -> Self {
        SharedLimiter {
            url: Secret::new(url.into()),
            prefix: DEFAULT_PREFIX.to_owned(),
            subscription: None,
            on_unreachable: OnUnreachable::Stop,
            daily_quota: DAILY_QUOTA,
            lease_ttl: Duration::from_secs(6),
            unreachable_after: Duration::from_secs(3),
        }
    }

    /// The first part of every key (default `mkto-limiter`).
    pub fn prefix(mut self, prefix: impl Into<String>) -> Self {
        self.prefix = prefix.into();
        self
    }

    /// The subscription's name in the keys (default: the Munchkin id of the endpoint, e.g. `123-ABC-456`, or
    /// its host and port when it is not a Marketo host).
    pub fn subscription(mut self, name: impl Into<String>) -> Self {
        self.subscription = Some(name.into());
        self
    }

    /// What to do when Redis cannot be reached (default: [`OnUnreachable::Stop`]).
    pub fn on_unreachable(mut self, what: OnUnreachable) -> Self {
        self.on_unreachable = what;
        self
    }

    /// The subscription's daily quota, shared by every job (default 50,000). A job's own
    /// [`Limits::daily_budget`](crate::Limits::daily_budget) still applies to it alone.
    pub fn daily_quota(mut self, calls: u64) -> Self {
        self.daily_quota = calls;
        self
    }

    /// How long a concurrency slot stays leased without renewal (default 6 s; a running call renews it every
    /// third of that). A job killed mid-call frees its slots after at most this long.
    pub fn lease_ttl(mut self, ttl: Duration) -> Self {
        self.lease_ttl = ttl;
        self
    }

    /// How long Redis may fail to answer before it counts as unreachable (default 3 s).
    pub fn unreachable_after(mut self, after: Duration) -> Self {
        self.unreachable_after = after;
        self
    }

    /// The URL with its password replaced by `***`.
    pub fn redacted_url(&self) -> String {
        redact_url(self.url.expose())
    }

    pub(crate) fn validate(&self) -> Result<(), Error> {
        let bad = |m: String| {
            Err(Error::new(
                ErrorKind::Config,
                format!("shared limiter: {m}"),
            ))
        };
        let shown = self.redacted_url();
        let url = match url::Url::parse(self.url.expose().trim()) {
            Ok(u) => u,
            Err(e) => return bad(format!("{shown:?} is not a URL ({e})")),
        };
        match url.scheme() {
            "redis" => {}
            "rediss" => {
                return bad(format!(
                "{shown}: TLS (rediss://) is not built in; reach Redis through a local TLS tunnel"
            ))
            }
            other => {
                return bad(format!(
                    "{shown}: the scheme must be redis://, not {other}://"
                ))
            }
        }
        if url.host_str().is_none_or(str::is_empty) {
            return bad(format!("{shown}: no host"));
        }
        let db = url.path().trim_start_matches('/');
        if !db.is_empty() && db.parse::<u32>().is_err() {
            return bad(format!("{shown}: the path must be a database number"));
        }
        if self.prefix.is_empty() || self.prefix.contains(char::is_whitespace) {
            return bad(format!(
                "prefix {:?} must be non-empty, without spaces",
                self.prefix
            ));
        }
        if let OnUnreachable::Local { reserve_share } = self.on_unreachable {
            if !(0.0..1.0).contains(&reserve_share) {
                return bad("the fallback reserve share must be in [0, 1)".to_owned());
            }
        }
        if self.daily_quota == 0 {
            return bad("the daily quota must be at least 1".to_owned());
        }
        if self.lease_ttl < Duration::from_millis(30) {
            return bad("the lease time-to-live must be at least 30 ms".to_owned());
        }
        if self.unreachable_after.is_zero() {
            return bad("unreachable_after must be above zero".to_owned());
        }
        Ok(())
    }
}

/// `url` with any password replaced by `***` (an unparsable URL is hidden whole).
pub(crate) fn redact_url(raw: &str) -> String {
    match url::Url::parse(raw.trim()) {
        Ok(mut u) => {
            if u.password().is_some() {
                let _ = u.set_password(Some("***"));
            }
            u.to_string()
        }
        Err(_) => "[unparsable URL]".to_owned(),
    }
}

/// The subscription an endpoint belongs to: its Munchkin id (`123-ABC-456.mktorest.com` -> `123-ABC-456`),
/// else its host and port.
pub(crate) fn subscription_of(endpoint: &url::Url) -> String {
    let host = endpoint
        .host_str()
        .unwrap_or("unknown")
        .to_ascii_lowercase();
    if let Some(munchkin) = host.strip_suffix(".mktorest.com") {
        if is_munchkin(munchkin) {
            return munchkin.to_ascii_uppercase();
        }
    }
    match endpoint.port() {
        Some(p) => format!("{host}:{p}"),
        None => host,
    }
}

fn is_munchkin(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    parts.len() == 3
        && parts[0].len() == 3
        && parts[0].chars().all(|c| c.is_ascii_digit())
        && parts[1].len() == 3
        && parts[1].chars().all(|c| c.is_ascii_alphabetic())
        && parts[2].len() == 3
        && parts[2].chars().all(|c| c.is_ascii_digit())
}

/// A job holding concurrency slots.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct JobSlots {
    /// The job's id (`host:pid:random`).
    pub job: String,
    /// Slots it holds.
    pub slots: u32,
}

/// What the shared limiter sees now, across every job of the subscription.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct LimiterView {
    /// The Redis URL, password redacted.
    pub url: String,
    /// The subscription's keys start with this.
    pub keys: String,
    /// The Redis server's time.
    pub server_time: DateTime<Utc>,
    /// Places held in the rate window (calls of the last window, plus their margins).
    pub window_used: u32,
    /// Calls allowed per window (after the reserve).
    pub window_limit: u32,
    /// The adaptive cap under the limit (equal to the limit unless a 606 lowered it).
    pub window_cap: u32,
    /// Concurrency slots leased now.
    pub slots_in_use: u32,
    /// Concurrency slots (after the reserve).
    pub concurrency_limit: u32,
    /// Calls counted on the current quota day.
    pub today_used: u64,
    /// The subscription's daily quota (after the reserve).
    pub daily_quota: u64,
    /// When the quota day turns (midnight America/Chicago).
    pub quota_resets_at: DateTime<Utc>,
    /// Set after a 607: no job calls until then.
    pub quota_spent_until: Option<DateTime<Utc>>,
    /// Jobs holding slot leases now.
    pub jobs: Vec<JobSlots>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_never_show() {
        assert_eq!(redact_url("redis://u:secret@h:1/2"), "redis://u:***@h:1/2");
        assert_eq!(redact_url("redis://h:6379"), "redis://h:6379");
        assert_eq!(redact_url("not a url secret"), "[unparsable URL]");
        let l = SharedLimiter::redis("redis://:hunter2@h/0");
        assert!(!format!("{l:?}").contains("hunter2"));
        let e = SharedLimiter::redis("rediss://:hunter2@h/0")
            .validate()
            .unwrap_err();
        assert!(
            !e.to_string().contains("hunter2") && e.to_string().contains("***"),
            "{e}"
        );
    }

    #[test]
    fn settings_are_checked() {
        assert!(SharedLimiter::redis("redis://127.0.0.1:6379/0")
            .validate()
            .is_ok());
        for bad in [
            SharedLimiter::redis("http://h"),
            SharedLimiter::redis("redis://h/x"),
            SharedLimiter::redis("redis://h").prefix("a b"),
            SharedLimiter::redis("redis://h").daily_quota(0),
            SharedLimiter::redis("redis://h").lease_ttl(Duration::from_millis(1)),
            SharedLimiter::redis("redis://h")
                .on_unreachable(OnUnreachable::Local { reserve_share: 1.0 }),
        ] {
            assert_eq!(
                bad.validate().unwrap_err().kind(),
                ErrorKind::Config,
                "{bad:?}"
            );
        }
    }

    #[test]
    fn the_subscription_is_the_munchkin_id() {
        let u = |s: &str| url::Url::parse(s).unwrap();
        assert_eq!(
            subscription_of(&u("https://123-abc-456.mktorest.com")),
            "123-ABC-456"
        );
        assert_eq!(
            subscription_of(&u("http://127.0.0.1:8080")),
            "127.0.0.1:8080"
        );
        assert_eq!(
            subscription_of(&u("https://x.mktorest.com")),
            "x.mktorest.com"
        );
    }
}
