//! End-to-end sync benchmark: 100,000 leads through the client against the in-process emulator with 300 ms
//! per call and limits of 100 calls per 2 s and 10 in flight. Prints achieved calls/s against the ceiling
//! min(limit / window, concurrency / latency), records per call against the optimum, and the 606/615 count.
//!
//! `cargo bench -p marketo-client --bench sync_throughput` (set `SYNC_BENCH_LEADS` for another size).

use marketo_client::{Client, SyncOptions};
use marketo_emulator::{Emulator, LatencyModel};
use marketo_types::limits::MAX_RECORDS_PER_CALL;
use serde_json::json;
use std::time::Duration;

const LIMIT: u32 = 100;
const WINDOW: Duration = Duration::from_secs(2);
const CONCURRENCY: u32 = 10;
const LATENCY: Duration = Duration::from_millis(300);

#[tokio::main]
async fn main() {
    let n: usize = std::env::var("SYNC_BENCH_LEADS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000);
    let emu = Emulator::builder()
        .credentials("bench-id", "bench-secret")
        .rate_limit(LIMIT, WINDOW)
        .concurrency(CONCURRENCY)
        .daily_quota(1_000_000)
        .latency(LatencyModel::fixed(LATENCY))
        .start()
        .await
        .expect("emulator starts");
    let client = Client::builder()
        .endpoint(emu.url())
        .credentials(emu.client_id(), emu.client_secret())
        .rate_limit(LIMIT, WINDOW)
        .concurrency(CONCURRENCY)
        .paced()
        .build()
        .expect("client builds");
    let records: Vec<_> = (0..n)
        .map(|i| {
            json!({"email": format!("lead{i}@bench.example.com"), "firstName": format!("First{i}"), "lastName": "Bench"})
                .as_object()
                .cloned()
                .unwrap_or_default()
        })
        .collect();

    let started = tokio::time::Instant::now();
    let outcomes = client
        .leads()
        .sync(records, SyncOptions::default())
        .await
        .expect("sync runs");
    let elapsed = started.elapsed().as_secs_f64();

    let calls = emu.calls();
    let sync_calls: Vec<_> = calls
        .iter()
        .filter(|c| c.path == "/rest/v1/leads.json")
        .collect();
    let count = |code: u16| calls.iter().filter(|c| c.code == Some(code)).count();
    let created = outcomes.iter().filter(|o| o.status() == "created").count();
    let ceiling = (f64::from(LIMIT) / WINDOW.as_secs_f64())
        .min(f64::from(CONCURRENCY) / LATENCY.as_secs_f64());
    let achieved = sync_calls.len() as f64 / elapsed;
    let optimum_calls = n.div_ceil(MAX_RECORDS_PER_CALL);
    println!("leads synced            {created} of {n} created in {elapsed:.2} s");
    println!(
        "calls/s                 {achieved:.2} achieved vs ceiling {ceiling:.2} = min({LIMIT}/{}s, {CONCURRENCY}/{}s): {:.1}%",
        WINDOW.as_secs_f64(),
        LATENCY.as_secs_f64(),
        100.0 * achieved / ceiling
    );
    println!(
        "records per call        {:.1} vs optimum {} ({} calls, optimum {optimum_calls})",
        n as f64 / sync_calls.len() as f64,
        MAX_RECORDS_PER_CALL.min(n),
        sync_calls.len()
    );
    println!("606 answers             {}", count(606));
    println!("615 answers             {}", count(615));
    emu.shutdown().await;
}
