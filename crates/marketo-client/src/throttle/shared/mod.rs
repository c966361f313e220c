//! The Redis backend: the window, the slots, the day and the adaptive cap of a subscription, shared by every
//! job that names the same Redis, prefix and subscription. Each operation is one Lua script, so it is atomic
//! on the server, and every time is the Redis server's (`TIME`), so jobs whose clocks disagree still agree on
//! the window.

mod conn;
mod keys;
mod leases;
mod scripts;

use super::backend::{Ask, Backend, BackendError, Grant, Hold, Verdict};
use super::Settled;
use crate::limiter::{JobSlots, LimiterView, SharedLimiter};
use chrono::{DateTime, Utc};
use conn::Connection;
use futures::future::BoxFuture;
use futures::FutureExt;
pub(crate) use keys::Keys;
use keys::{from_ms, Day};
use leases::Leases;
use marketo_types::clock::SharedClock;
use marketo_types::quota_day::next_reset;
use std::collections::BTreeMap;
use std::sync::atomic::{AtomicI64, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// The longest a job waits before asking again for a slot (slots free when calls end, which no one announces).
const SLOT_POLL: Duration = Duration::from_millis(15);

/// The limits every job of the subscription keeps to together.
#[derive(Debug, Clone, Copy)]
pub(crate) struct SharedLimits {
    pub(crate) calls_per_window: u32,
    pub(crate) window: Duration,
    pub(crate) concurrency: u32,
    pub(crate) daily_quota: u64,
}

/// A subscription's limits on Redis.
#[derive(Debug)]
pub(crate) struct RedisBackend {
    conn: Arc<Connection>,
    keys: Keys,
    job: String,
    seq: AtomicU64,
    limits: SharedLimits,
    lease_ttl: Duration,
    leases: Arc<Leases>,
    day: Mutex<Option<Day>>,
    /// Redis time minus the local clock, in ms, from the last answer.
    offset_ms: AtomicI64,
    clock: SharedClock,
}

impl Drop for RedisBackend {
    fn drop(&mut self) {
        self.leases.halt();
    }
}

/// This process's name among the jobs: host, pid and a random part.
fn job_id() -> String {
    let host = std::fs::read_to_string("/proc/sys/kernel/hostname")
        .ok()
        .or_else(|| std::env::var("HOSTNAME").ok())
        .map(|h| h.trim().to_owned())
        .filter(|h| !h.is_empty())
        .unwrap_or_else(|| "host".to_owned());
    format!(
        "{host}:{}:{:06x}",
        std::process::id(),
        rand::random::<u32>() & 0xff_ffff
    )
}

impl RedisBackend {
    pub(crate) fn new(
        settings: &SharedLimiter,
        subscription: &str,
        limits: SharedLimits,
        clock: SharedClock,
    ) -> Self {
        RedisBackend {
            conn: Arc::new(Connection::new(
                settings.url.clone(),
                settings.redacted_url(),
                settings.unreachable_after,
                clock.clone(),
            )),
            keys: Keys::new(&settings.prefix, subscription),
            job: job_id(),
            seq: AtomicU64::new(0),
            limits,
            lease_ttl: settings.lease_ttl,
            leases: Arc::new(Leases::default()),
            day: Mutex::new(None),
            offset_ms: AtomicI64::new(0),
            clock,
        }
    }

    /// The server's time now, as best known.
    fn server_now(&self) -> DateTime<Utc> {
        self.clock.now() + chrono::Duration::milliseconds(self.offset_ms.load(Ordering::Relaxed))
    }

    fn learn_time(&self, server_ms: i64) {
        let local = self.clock.now().timestamp_millis();
        self.offset_ms.store(server_ms - local, Ordering::Relaxed);
    }

    fn day(&self, at: Option<DateTime<Utc>>) -> Day {
        let mut d = self.day.lock().unwrap_or_else(|e| e.into_inner());
        let at = at.unwrap_or_else(|| self.server_now());
        match &*d {
            Some(day)
                if day.start_ms <= at.timestamp_millis() && at.timestamp_millis() < day.end_ms =>
            {
                day.clone()
            }
            _ => {
                let day = Day::of(&self.keys, at);
                *d = Some(day.clone());
                day
            }
        }
    }

    async fn admit(&self, ask: Ask) -> Result<Verdict, BackendError> {
        let id = format!("{}:{}", self.job, self.seq.fetch_add(1, Ordering::Relaxed));
        let mut day = self.day(None);
        // One retry when the quota day turned between this job's clock and the server's.
        for _ in 0..2 {
            let (status, now, value): (i64, i64, i64) = self
                .conn
                .run("admitting a call", |mut c| {
                    let (id, day) = (id.clone(), day.clone());
                    let keys = &self.keys;
                    let l = self.limits;
                    let (margin, ttl) = (ask.margin, self.lease_ttl);
                    async move {
                        scripts::ADMIT
                            .key(&keys.window)
                            .key(&keys.leases)
                            .key(&day.key)
                            .key(&keys.spent)
                            .key(&keys.cap)
                            .arg(&id)
                            .arg(l.window.as_millis() as u64)
                            .arg(margin.as_millis() as u64)
                            .arg(l.calls_per_window)
                            .arg(l.concurrency)
                            .arg(ttl.as_millis() as u64)
                            .arg(l.daily_quota)
                            .arg(day.start_ms)
                            .arg(day.end_ms)
                            .arg(SLOT_POLL.as_millis() as u64)
                            .invoke_async(&mut c)
                            .await
                    }
                })
                .await?;
            self.learn_time(now);
            let ms = |v: i64| Duration::from_millis(v.max(1) as u64);
            return Ok(match status {
                0 => {
                    self.leases
                        .start(&id, &self.conn, &self.keys.leases, self.lease_ttl);
                    Verdict::Admitted(Grant {
                        id: Some(id),
                        at: from_ms(now),
                        expires: from_ms(value),
                        day: Some(day.key),
                    })
                }
                1 => Verdict::Wait {
                    hold: Hold::Window,
                    retry_in: ms(value),
                },
                2 => Verdict::Wait {
                    hold: Hold::Slots,
                    retry_in: ms(value),
                },
                3 | 5 => Verdict::QuotaSpent {
                    reset: from_ms(value),
                    by_607: status == 3,
                },
                _ => {
                    day = self.day(Some(from_ms(now)));
                    continue;
                }
            });
        }
        Err(BackendError {
            message: format!(
                "the shared limiter at {} keeps disagreeing about the quota day",
                self.conn.shown()
            ),
        })
    }

    async fn finish(
        &self,
        grant: &Grant,
        counted: bool,
        answer: Settled,
    ) -> Result<(), BackendError> {
        let Some(id) = &grant.id else {
            return Ok(());
        };
        self.leases.end(id);
        let day = grant.day.clone().unwrap_or_else(|| self.day(None).key);
        let answer = match answer {
            Settled::Through => 0,
            Settled::RateLimited => 1,
            Settled::ConcurrencyLimited => 2,
        };
        let limit = self.limits.calls_per_window;
        let cap: u32 = self
            .conn
            .run("settling a call", |mut c| {
                let (id, day, keys) = (id.clone(), day.clone(), &self.keys);
                async move {
                    scripts::SETTLE
                        .key(&keys.window)
                        .key(&keys.leases)
                        .key(&day)
                        .key(&keys.cap)
                        .arg(&id)
                        .arg(u8::from(counted))
                        .arg(answer)
                        .arg(limit)
                        .invoke_async(&mut c)
                        .await
                }
            })
            .await?;
        if answer == 1 {
            tracing::debug!(
                cap,
                "606: the subscription's calls per window capped lower for every job"
            );
        }
        Ok(())
    }

    async fn spent(&self, reset: DateTime<Utc>) -> Result<(), BackendError> {
        let key = &self.keys.spent;
        self.conn
            .run("sharing a 607", |mut c| async move {
                scripts::SPENT
                    .key(key)
                    .arg(reset.timestamp_millis())
                    .invoke_async::<i64>(&mut c)
                    .await
            })
            .await
            .map(|_| ())
    }

    async fn look(&self) -> Result<Option<LimiterView>, BackendError> {
        let day = self.day(None);
        let values: Vec<redis::Value> = self
            .conn
            .run("reading the limiter", |mut c| {
                let (keys, day) = (&self.keys, day.key.clone());
                async move {
                    scripts::VIEW
                        .key(&keys.window)
                        .key(&keys.leases)
                        .key(&day)
                        .key(&keys.spent)
                        .key(&keys.cap)
                        .invoke_async(&mut c)
                        .await
                }
            })
            .await?;
        let int = |i: usize| match values.get(i) {
            Some(redis::Value::Int(n)) => *n,
            _ => -1,
        };
        let now = from_ms(int(0));
        self.learn_time(int(0));
        let mut jobs: BTreeMap<String, u32> = BTreeMap::new();
        for v in values.iter().skip(5) {
            if let redis::Value::BulkString(b) = v {
                let id = String::from_utf8_lossy(b);
                let job = id.rsplit_once(':').map_or(id.as_ref(), |(j, _)| j);
                *jobs.entry(job.to_owned()).or_default() += 1;
            }
        }
        let limit = self.limits.calls_per_window;
        Ok(Some(LimiterView {
            url: self.conn.shown().to_owned(),
            keys: self.keys.base.clone(),
            server_time: now,
            window_used: int(1).max(0) as u32,
            window_limit: limit,
            window_cap: if int(2) < 0 {
                limit
            } else {
                (int(2) as u32).min(limit)
            },
            slots_in_use: jobs.values().sum(),
            concurrency_limit: self.limits.concurrency,
            today_used: int(3).max(0) as u64,
            daily_quota: self.limits.daily_quota,
            quota_resets_at: next_reset(now),
            quota_spent_until: (int(4) > 0).then(|| from_ms(int(4))),
            jobs: jobs
                .into_iter()
                .map(|(job, slots)| JobSlots { job, slots })
                .collect(),
        }))
    }
}

impl Backend for RedisBackend {
    fn try_admit(&self, ask: Ask) -> BoxFuture<'_, Result<Verdict, BackendError>> {
        self.admit(ask).boxed()
    }

    fn settle<'a>(
        &'a self,
        grant: &'a Grant,
        counted: bool,
        answer: Settled,
    ) -> BoxFuture<'a, Result<(), BackendError>> {
        self.finish(grant, counted, answer).boxed()
    }

    fn quota_spent(&self, reset: DateTime<Utc>) -> BoxFuture<'_, Result<(), BackendError>> {
        self.spent(reset).boxed()
    }

    fn view(&self) -> BoxFuture<'_, Result<Option<LimiterView>, BackendError>> {
        self.look().boxed()
    }

    fn halt(&self) {
        self.leases.halt();
    }
}

#[cfg(test)]
mod tests;
