//! The throttle with the in-memory backend, on paused tokio time.

use super::*;
use marketo_types::clock::{Clock, TokioClock};
use proptest::prelude::*;

fn endpoint() -> url::Url {
    url::Url::parse("https://123-abc-456.mktorest.com").unwrap()
}

fn throttle(limits: Limits) -> Arc<Throttle> {
    Arc::new(Throttle::new(
        &limits,
        None,
        &endpoint(),
        Arc::new(TokioClock::new()),
    ))
}

#[tokio::test(start_paused = true)]
async fn concurrency_is_capped_by_one_semaphore() {
    let t = throttle(Limits {
        concurrency: 2,
        ..Limits::default()
    });
    let a = t.acquire().await.unwrap();
    let _b = t.acquire().await.unwrap();
    assert_eq!(t.in_flight(), 2);
    let t2 = t.clone();
    let third = tokio::spawn(async move { t2.acquire().await.map(|_| ()) });
    tokio::task::yield_now().await;
    assert!(!third.is_finished());
    t.settle(a, true, false).await;
    third.await.unwrap().unwrap();
}

#[tokio::test(start_paused = true)]
async fn uncounted_answers_give_their_place_back() {
    let t = throttle(Limits {
        calls_per_window: 1,
        daily_budget: 1,
        ..Limits::default()
    });
    let p = t.acquire().await.unwrap();
    t.settle(p, false, false).await;
    assert_eq!(t.window_used(), 0);
    let p = t.acquire().await.unwrap();
    t.settle(p, true, Settled::Through).await;
    let e = t.acquire().await.unwrap_err();
    assert_eq!(e.kind(), crate::ErrorKind::QuotaExhausted);
    assert!(e.reset_at().is_some());
}

/// A job alone uses the room the window has: the whole limit at once, the next call as the first place
/// frees (the window plus the margin measured from its calls), not one call per window / limit.
#[tokio::test(start_paused = true)]
async fn a_job_alone_uses_the_whole_window_at_once() {
    let t = throttle(Limits {
        calls_per_window: 100,
        concurrency: 100,
        ..Limits::default()
    });
    let clock = TokioClock::new();
    let start = clock.now();
    let mut first = Vec::new();
    for _ in 0..100 {
        let mut p = t.acquire().await.unwrap();
        p.sent(clock.now());
        first.push(p);
    }
    assert_eq!(clock.now(), start, "100 calls admitted without waiting");
    // They take 300 ms each, measured: the margin follows.
    tokio::time::advance(Duration::from_millis(300)).await;
    for p in first {
        t.settle(p, true, Settled::Through).await;
    }
    let p = t.acquire().await.unwrap();
    let waited = (clock.now() - start).to_std().unwrap();
    assert!(
        waited >= Duration::from_secs(20) && waited <= Duration::from_millis(20_500),
        "the 101st call waited {waited:?}"
    );
    t.settle(p, true, Settled::Through).await;
}

#[tokio::test(start_paused = true)]
async fn a_606_halves_the_calls_per_window() {
    let t = throttle(Limits {
        calls_per_window: 8,
        ..Limits::default()
    });
    let p = t.acquire().await.unwrap();
    t.settle(p, true, Settled::RateLimited).await;
    let clock = TokioClock::new();
    let start = clock.now();
    for _ in 0..3 {
        let p = t.acquire().await.unwrap();
        t.settle(p, true, Settled::ConcurrencyLimited).await;
    }
    assert_eq!(clock.now(), start, "cap 4: the 606 and three more");
    let p = t.acquire().await.unwrap();
    assert!(clock.now() > start, "the fifth waits for the window");
    drop(p);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]
    /// However calls arrive, the client's window never admits more than its limit in any window.
    #[test]
    fn the_window_never_admits_more_than_its_limit(limit in 1u32..8, window_ms in 10u64..2_000,
                                                  gaps in proptest::collection::vec(0u64..300, 1..60)) {
        let rt = tokio::runtime::Builder::new_current_thread().enable_time().start_paused(true).build().unwrap();
        let admitted = rt.block_on(async {
            let clock: SharedClock = Arc::new(TokioClock::new());
            let t = Arc::new(Throttle::new(
                &Limits {
                    calls_per_window: limit,
                    window: Duration::from_millis(window_ms),
                    window_margin: Duration::ZERO,
                    concurrency: 100,
                    ..Limits::default()
                },
                None,
                &endpoint(),
                clock.clone(),
            ));
            let mut tasks = Vec::new();
            for g in gaps {
                tokio::time::sleep(Duration::from_millis(g)).await;
                let (t, clock) = (t.clone(), clock.clone());
                tasks.push(tokio::spawn(async move {
                    let mut p = t.acquire().await.unwrap();
                    let at = clock.now();
                    p.sent(at);
                    t.settle(p, true, Settled::Through).await;
                    at
                }));
            }
            let mut times = Vec::new();
            for task in tasks { times.push(task.await.unwrap()); }
            times.sort();
            times
        });
        for run in admitted.windows(limit as usize + 1) {
            let span = (run[limit as usize] - run[0]).num_milliseconds();
            prop_assert!(span >= window_ms as i64, "{} calls within {span} ms", limit + 1);
        }
    }
}

#[tokio::test(start_paused = true)]
async fn a_call_waiting_for_the_window_says_so() {
    let t = throttle(Limits {
        calls_per_window: 1,
        ..Limits::default()
    });
    let p = t.acquire().await.unwrap();
    assert!(!t.waiting_for_window());
    let t2 = t.clone();
    let second = tokio::spawn(async move { t2.acquire().await.map(drop) });
    tokio::task::yield_now().await;
    assert!(
        t.waiting_for_window(),
        "the second call waits for the first's place"
    );
    t.settle(p, true, Settled::Through).await;
    second.await.unwrap().unwrap();
    assert!(!t.waiting_for_window());
}
