//! The Redis backend against a real `redis-server` started for each test on a free loopback port. Time is the
//! Redis server's: windows are kept short by configuration, and waits are on conditions, bounded.

#[path = "../../../tests/redis_server/mod.rs"]
mod redis_server;

use super::super::{Settled, Throttle};
use crate::config::Limits;
use crate::error::ErrorKind;
use crate::limiter::{OnUnreachable, SharedLimiter};
use chrono::{DateTime, Utc};
use marketo_types::clock::{OffsetClock, SharedClock, SystemClock};
use proptest::prelude::*;
use redis_server::RedisServer;
use std::sync::Arc;
use std::time::Duration;

fn endpoint() -> url::Url {
    url::Url::parse("https://123-abc-456.mktorest.com").unwrap()
}

fn limits(calls: u32, window_ms: u64, concurrency: u32) -> Limits {
    Limits {
        calls_per_window: calls,
        window: Duration::from_millis(window_ms),
        window_margin: Duration::ZERO,
        concurrency,
        ..Limits::default()
    }
}

fn job_on(limits: &Limits, limiter: SharedLimiter, clock: SharedClock) -> Arc<Throttle> {
    Arc::new(Throttle::new(limits, Some(&limiter), &endpoint(), clock))
}

fn job(server: &RedisServer, limits: &Limits) -> Arc<Throttle> {
    job_on(
        limits,
        SharedLimiter::redis(server.url()).lease_ttl(Duration::from_millis(300)),
        Arc::new(SystemClock),
    )
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap()
}

/// Wait (at most `tries` times 20 ms) until `check` holds.
async fn eventually<F, Fut>(tries: u32, mut check: F) -> bool
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    for _ in 0..tries {
        if check().await {
            return true;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    false
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(6))]
    /// Several jobs sharing one Redis: whatever their pace, no window of the server's clock ever admits more
    /// than the limit across them.
    #[test]
    fn no_window_admits_more_than_the_limit_across_jobs(
        limit in 2u32..6, window_ms in 100u64..250, jobs in 2usize..5,
        calls in proptest::collection::vec(1usize..6, 4), hold_ms in 0u64..30,
    ) {
        let server = RedisServer::start();
        let admitted: Vec<DateTime<Utc>> = runtime().block_on(async {
            let l = limits(limit, window_ms, 4);
            let mut tasks = Vec::new();
            for &n in calls.iter().take(jobs) {
                let t = job(&server, &l);
                tasks.push(tokio::spawn(async move {
                    let mut at = Vec::new();
                    for _ in 0..n {
                        let mut p = t.acquire().await.expect("admitted");
                        at.push(p.grant.at);
                        p.sent(t.clock.now());
                        // The call "runs" for a while (work, not timing).
                        tokio::time::sleep(Duration::from_millis(hold_ms)).await;
                        t.settle(p, true, Settled::Through).await;
                    }
                    at
                }));
            }
            let mut all = Vec::new();
            for task in tasks { all.extend(task.await.unwrap()); }
            all.sort();
            all
        });
        for run in admitted.windows(limit as usize + 1) {
            let span = (run[limit as usize] - run[0]).num_milliseconds();
            prop_assert!(span >= window_ms as i64, "{} calls within {span} ms (window {window_ms} ms)", limit + 1);
        }
    }
}

#[test]
fn slots_of_a_killed_job_come_back_when_their_leases_lapse() {
    let server = RedisServer::start();
    runtime().block_on(async {
        let l = limits(100, 10_000, 3);
        let killed = job(&server, &l);
        let other = job(&server, &l);
        let mut held = Vec::new();
        for _ in 0..3 {
            held.push(killed.acquire().await.unwrap());
        }
        let view = other.view().await.unwrap().unwrap();
        assert_eq!(view.slots_in_use, 3);
        // While the job lives, its leases are renewed past their time-to-live (300 ms).
        let start = view.server_time;
        assert!(
            eventually(100, || async {
                let v = other.view().await.unwrap().unwrap();
                v.server_time - start > chrono::Duration::milliseconds(900) && v.slots_in_use == 3
            })
            .await,
            "a running job keeps its slots"
        );
        // SIGKILL: nothing is released, nothing renewed.
        killed.backend().halt();
        for p in held {
            std::mem::forget(p);
        }
        assert!(
            eventually(100, || async {
                other.view().await.unwrap().unwrap().slots_in_use == 0
            })
            .await,
            "the killed job's slots came back"
        );
        for _ in 0..3 {
            std::mem::forget(other.acquire().await.unwrap());
        }
    });
}

#[test]
fn redis_going_away_mid_run_stops_the_job_naming_the_url_without_its_password() {
    let mut server = RedisServer::with_password("s3cret-pass");
    runtime().block_on(async {
        let t = job_on(
            &limits(100, 10_000, 3),
            SharedLimiter::redis(server.url()).unreachable_after(Duration::from_millis(300)),
            Arc::new(SystemClock),
        );
        let p = t.acquire().await.unwrap();
        t.settle(p, true, Settled::Through).await;
        server.stop();
        let e = t.acquire().await.unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Limiter);
        let text = e.to_string();
        assert!(
            text.contains(&format!("redis://:***@127.0.0.1:{}/0", server.port())),
            "{text}"
        );
        assert!(!text.contains("s3cret-pass"), "{text}");
        assert!(e.kind().stops_work());
    });
}

#[test]
fn redis_going_away_mid_run_falls_back_to_the_local_limiter_with_a_reserve() {
    let mut server = RedisServer::start();
    runtime().block_on(async {
        let t = job_on(
            &limits(6, 10_000, 4),
            SharedLimiter::redis(server.url())
                .unreachable_after(Duration::from_millis(300))
                .on_unreachable(OnUnreachable::Local { reserve_share: 0.5 }),
            Arc::new(SystemClock),
        );
        for _ in 0..2 {
            let p = t.acquire().await.unwrap();
            t.settle(p, true, Settled::Through).await;
        }
        server.stop();
        // The local limiter keeps half the window (3), and this job's two calls in it: one more now.
        let p = t.acquire().await.expect("goes on locally");
        t.settle(p, true, Settled::Through).await;
        assert!(t.view().await.unwrap().is_none(), "no shared view any more");
        let fourth = tokio::time::timeout(Duration::from_millis(300), t.acquire()).await;
        assert!(fourth.is_err(), "the fourth waits for the 10 s window");
    });
}

#[test]
fn the_daily_quota_and_a_607_are_shared() {
    let server = RedisServer::start();
    runtime().block_on(async {
        let l = limits(100, 10_000, 3);
        let settings = || SharedLimiter::redis(server.url()).daily_quota(3);
        let a = job_on(&l, settings(), Arc::new(SystemClock));
        let b = job_on(&l, settings(), Arc::new(SystemClock));
        for t in [&a, &a, &b] {
            let p = t.acquire().await.unwrap();
            t.settle(p, true, Settled::Through).await;
        }
        let e = b.acquire().await.unwrap_err();
        assert_eq!((e.kind(), e.code()), (ErrorKind::QuotaExhausted, None));
        assert_eq!(a.view().await.unwrap().unwrap().today_used, 3);

        let fresh = || {
            job_on(
                &l,
                SharedLimiter::redis(server.url()).prefix("other"),
                Arc::new(SystemClock),
            )
        };
        let (c, d) = (fresh(), fresh());
        let p = c.acquire().await.unwrap();
        t_settle_uncounted(&c, p).await;
        let reset = c.quota_spent(c.clock.now()).await;
        let e = d.acquire().await.unwrap_err();
        assert_eq!(
            (e.kind(), e.code(), e.reset_at()),
            (ErrorKind::QuotaExhausted, Some(607), Some(reset))
        );
        assert_eq!(
            d.view().await.unwrap().unwrap().quota_spent_until,
            Some(reset)
        );
    });
}

async fn t_settle_uncounted(t: &Throttle, p: super::super::Permit) {
    t.settle(p, false, Settled::Through).await;
    let v = t.view().await.unwrap().unwrap();
    assert_eq!(
        (v.window_used, v.today_used, v.slots_in_use),
        (0, 0, 0),
        "an uncounted call gives all back"
    );
}

#[test]
fn a_606_lowers_the_cap_of_every_job() {
    let server = RedisServer::start();
    runtime().block_on(async {
        let l = limits(8, 10_000, 3);
        let (a, b) = (job(&server, &l), job(&server, &l));
        let p = a.acquire().await.unwrap();
        a.settle(p, true, Settled::RateLimited).await;
        let v = b.view().await.unwrap().unwrap();
        assert_eq!((v.window_cap, v.window_used), (4, 1));
        for _ in 0..3 {
            let p = b.acquire().await.unwrap();
            b.settle(p, true, Settled::ConcurrencyLimited).await;
        }
        let fifth = tokio::time::timeout(Duration::from_millis(300), b.acquire()).await;
        assert!(fifth.is_err(), "b keeps to the cap a's 606 set");
    });
}

#[test]
fn jobs_whose_clocks_disagree_share_one_window_on_the_server_clock() {
    let server = RedisServer::start();
    runtime().block_on(async {
        let l = limits(2, 400, 3);
        let right = job(&server, &l);
        let skewed_clock = Arc::new(OffsetClock::new(Arc::new(SystemClock)));
        skewed_clock.advance(Duration::from_secs(7 * 3600));
        let skewed = job_on(&l, SharedLimiter::redis(server.url()), skewed_clock);
        let mut at = Vec::new();
        for t in [&right, &right, &skewed] {
            let p = t.acquire().await.unwrap();
            at.push(p.grant.at);
            t.settle(p, true, Settled::Through).await;
        }
        assert!(
            at[2] - at[0] >= chrono::Duration::milliseconds(400),
            "{at:?}"
        );
    });
}
