//! Several clients sharing one limiter on a real `redis-server` (started for the test on a free loopback
//! port) against one emulator: together they keep to the subscription's limits. Real time: the window is
//! measured on the Redis server's clock, so it is kept short by configuration.

#[path = "../redis_server/mod.rs"]
mod redis_server;

use crate::support::*;
use marketo_client::{SharedLimiter, SyncOptions};
use marketo_emulator::LatencyModel;
use redis_server::RedisServer;
use std::time::Duration;

const LIMIT: u32 = 10;
const WINDOW: Duration = Duration::from_secs(1);
const SLOTS: u32 = 3;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn clients_sharing_one_limiter_keep_to_the_subscriptions_limits_together() {
    let redis = RedisServer::start();
    let emu = emulator(|b| {
        b.rate_limit(LIMIT, WINDOW)
            .concurrency(SLOTS)
            .latency(LatencyModel::fixed(Duration::from_millis(40)))
    })
    .await;
    let mut jobs = Vec::new();
    for j in 0..3 {
        let client = builder(&emu)
            .rate_limit(LIMIT, WINDOW)
            .concurrency(SLOTS)
            .shared_limiter(SharedLimiter::redis(redis.url()))
            .build()
            .unwrap();
        jobs.push(tokio::spawn(async move {
            let out = client
                .leads()
                .sync(leads(&format!("job{j}"), 3_600), SyncOptions::default())
                .await
                .unwrap();
            assert_all_created_once(&out, 3_600);
            client.limiter_view().await.unwrap().expect("a shared view")
        }));
    }
    for job in jobs {
        let view = job.await.unwrap();
        assert_eq!(view.window_limit, LIMIT);
    }
    assert_eq!((answered(&emu, 606), answered(&emu, 615)), (0, 0));
    let mut at: Vec<_> = emu
        .calls()
        .into_iter()
        .filter(|c| c.counted)
        .map(|c| c.at)
        .collect();
    at.sort();
    assert_eq!(at.len(), 36, "12 batches of 300 per job");
    for run in at.windows(LIMIT as usize + 1) {
        assert!(
            run[LIMIT as usize] - run[0] >= chrono::Duration::from_std(WINDOW).unwrap(),
            "{run:?}"
        );
    }
}
