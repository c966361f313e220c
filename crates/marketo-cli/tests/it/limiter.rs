//! `--limiter`: `mkto` sharing the subscription's limits through a real `redis-server` (started for the test on
//! a free loopback port).

#[path = "../../../marketo-client/tests/redis_server/mod.rs"]
mod redis_server;

use crate::support::*;
use marketo_client::{Client, SharedLimiter};
use marketo_emulator::{Emulator, FaultRule};
use redis_server::RedisServer;
use serde_json::Value;
use std::time::Duration;

fn write_csv(path: &std::path::Path, rows: usize) {
    let mut text = String::from("email,firstName\n");
    for i in 0..rows {
        text += &format!("shared{i}@example.com,F{i}\n");
    }
    std::fs::write(path, text).unwrap();
}

/// A sync killed with SIGKILL while its calls run: its slot leases lapse, the slots come back, and
/// `mkto usage --limiter` shows what the limiter sees.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_killed_sync_gives_its_slots_back() {
    let redis = RedisServer::start();
    let emu = Emulator::builder().start().await.unwrap();
    // Sync calls hang for a while, so the job is killed holding slots.
    let slow: FaultRule = serde_json::from_value(serde_json::json!(
        {"method": "POST", "path": "/rest/v1/leads.json", "latency_ms": 30_000}
    ))
    .unwrap();
    emu.add_fault(slow);
    let dir = tempfile::tempdir().unwrap();
    write_csv(&dir.path().join("in.csv"), 900);
    let mut child = mkto_at(
        &emu,
        dir.path(),
        &["leads", "sync", "in.csv", "-q", "--limiter", &redis.url()],
    )
    .spawn()
    .unwrap();
    let watcher = Client::builder()
        .endpoint(emu.url())
        .credentials(emu.client_id(), emu.client_secret())
        .shared_limiter(SharedLimiter::redis(redis.url()))
        .build()
        .unwrap();
    let pid = format!(":{}:", child.id());
    let mut held = 0;
    for _ in 0..500 {
        let v = watcher.limiter_view().await.unwrap().unwrap();
        held = v
            .jobs
            .iter()
            .filter(|j| j.job.contains(&pid))
            .map(|j| j.slots)
            .sum();
        if held == 3 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert_eq!(held, 3, "three batches in flight, each holding a slot");
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
    let mut back = false;
    for _ in 0..750 {
        if watcher.limiter_view().await.unwrap().unwrap().slots_in_use == 0 {
            back = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert!(
        back,
        "the killed job's slots came back when its leases lapsed"
    );
    emu.clear_faults();
    let out = output(mkto_at(
        &emu,
        dir.path(),
        &["usage", "--format", "json", "--limiter", &redis.url()],
    ))
    .await;
    let v: Value = json_summary(&out);
    let l = &v["limiter"];
    assert_eq!(l["slots_in_use"], 0, "{v}");
    assert_eq!(l["jobs"], serde_json::json!([]), "{v}");
    assert_eq!(l["window_limit"], 100);
    assert!(l["window_used"].as_u64().unwrap() >= 3, "{v}");
    assert!(
        l["keys"]
            .as_str()
            .unwrap()
            .starts_with("mkto-limiter:{127.0.0.1:"),
        "{v}"
    );
    let table = output(mkto_at(
        &emu,
        dir.path(),
        &["usage", "--limiter", &redis.url()],
    ))
    .await;
    assert!(
        stdout(&table).contains("shared limiter"),
        "{}",
        stdout(&table)
    );
}

/// Redis unreachable: the run stops at once with an error naming the URL, its password redacted.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unreachable_limiter_stops_the_run_and_hides_the_password() {
    let emu = Emulator::builder().start().await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    write_csv(&dir.path().join("in.csv"), 10);
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let url = format!("redis://:pa55word@127.0.0.1:{port}/0");
    let mut cmd = mkto_at(&emu, dir.path(), &["leads", "sync", "in.csv", "-q"]);
    cmd.env("MKTO_LIMITER", &url);
    let out = output(cmd).await;
    let err = stderr(&out);
    assert!(!out.status.success());
    assert!(
        err.contains(&format!("redis://:***@127.0.0.1:{port}/0")),
        "{err}"
    );
    assert!(err.contains("cannot be reached"), "{err}");
    assert!(!err.contains("pa55word"), "{err}");
    assert!(
        emu.calls()
            .iter()
            .all(|c| !c.path.starts_with("/rest/v1/leads")),
        "no call was sent"
    );
}
