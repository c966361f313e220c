//! `mkto leads sync` and `mkto companies sync` side by side: the same number of records (100,000 by default)
//! through the built `mkto`, each against a fresh in-process emulator with Marketo's default limits (100 calls
//! per 20 s, 10 at once) and 300 ms per call. Prints, for each, the sync calls made against ceil(n/300), the
//! share of the rate ceiling reached (the shortest time those calls can take under the limits over the time
//! the whole command took), and the 606/615 answers, then the ratio of the two shares.
//!
//! `cargo bench -p marketo-cli --bench object_sync` (`OBJECT_BENCH_RECORDS` for another size). Loopback only;
//! each run is bounded by its record count.

use marketo_emulator::{Emulator, LatencyModel};
use std::io::Write;
use std::path::Path;
use std::process::Command;
use std::time::Duration;
use tokio::time::Instant;

const LIMIT: u32 = 100;
const WINDOW: Duration = Duration::from_secs(20);
const CONCURRENCY: u32 = 10;
const LATENCY: Duration = Duration::from_millis(300);
const PER_CALL: usize = 300;

struct Run {
    what: &'static str,
    seconds: f64,
    calls: usize,
    created: u64,
    c606: usize,
    c615: usize,
}

impl Run {
    /// The shortest time the sync calls can take under the limits: a rolling window lets `LIMIT` calls start
    /// at once, the next `LIMIT` one window later, and so on; `CONCURRENCY` at a time take `LATENCY` each.
    fn best_seconds(&self) -> f64 {
        let windows = self.calls.div_ceil(LIMIT as usize).saturating_sub(1) as f64;
        let by_rate = windows * WINDOW.as_secs_f64() + LATENCY.as_secs_f64();
        let by_concurrency =
            self.calls.div_ceil(CONCURRENCY as usize) as f64 * LATENCY.as_secs_f64();
        by_rate.max(by_concurrency)
    }

    /// The share of the ceiling reached: the best time over the time taken (the whole command, from start
    /// to exit).
    fn share(&self) -> f64 {
        self.best_seconds() / self.seconds
    }
}

fn write_file(path: &Path, header: &str, n: usize, row: impl Fn(usize) -> String) {
    let mut f = std::io::BufWriter::new(std::fs::File::create(path).expect("bench file"));
    writeln!(f, "{header}").expect("write");
    for i in 0..n {
        writeln!(f, "{}", row(i)).expect("write");
    }
}

async fn run(what: &'static str, args: &[&str], dir: &Path, sync_path: &str) -> Run {
    let emu = Emulator::builder()
        .rate_limit(LIMIT, WINDOW)
        .concurrency(CONCURRENCY)
        .daily_quota(1_000_000)
        .latency(LatencyModel::fixed(LATENCY))
        .start()
        .await
        .expect("emulator starts");
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_mkto"));
    cmd.args(args)
        .args(["--format", "json", "--quiet"])
        .current_dir(dir)
        .env("MARKETO_ENDPOINT", emu.url())
        .env("MARKETO_CLIENT_ID", emu.client_id())
        .env("MARKETO_CLIENT_SECRET", emu.client_secret())
        .env("HOME", dir);
    for name in [
        "MKTO_HOME",
        "MKTO_PROFILE",
        "MKTO_LIMITER",
        "XDG_STATE_HOME",
        "XDG_CONFIG_HOME",
    ] {
        cmd.env_remove(name);
    }
    let started = Instant::now();
    let out = tokio::task::spawn_blocking(move || cmd.output())
        .await
        .expect("mkto runs")
        .expect("mkto starts");
    let seconds = started.elapsed().as_secs_f64();
    let summary: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|_| {
        panic!(
            "{what}: no summary: {}",
            String::from_utf8_lossy(&out.stderr)
        )
    });
    let calls = emu.calls();
    let count = |code: u16| calls.iter().filter(|c| c.code == Some(code)).count();
    let r = Run {
        what,
        seconds,
        calls: calls.iter().filter(|c| c.path == sync_path).count(),
        created: summary["created"].as_u64().unwrap_or(0),
        c606: count(606),
        c615: count(615),
    };
    emu.shutdown().await;
    r
}

#[tokio::main]
async fn main() {
    let n: usize = std::env::var("OBJECT_BENCH_RECORDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000);
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    write_file(&d.join("leads.csv"), "email,firstName,lastName", n, |i| {
        format!("lead{i}@bench.example.com,First{i},Bench")
    });
    write_file(
        &d.join("companies.csv"),
        "externalCompanyId,company,industry",
        n,
        |i| format!("co-{i},Company {i},Bench"),
    );
    let runs = [
        run(
            "leads sync",
            &["leads", "sync", "leads.csv"],
            d,
            "/rest/v1/leads.json",
        )
        .await,
        run(
            "companies sync",
            &["companies", "sync", "companies.csv"],
            d,
            "/rest/v1/companies.json",
        )
        .await,
    ];
    let optimum = n.div_ceil(PER_CALL);
    println!(
        "{n} records, default limits ({LIMIT} calls / {} s, {CONCURRENCY} at once), {} ms a call",
        WINDOW.as_secs(),
        LATENCY.as_millis()
    );
    for r in &runs {
        println!(
            "{:<16} {:>7} created  {:>6.1} s (best {:>5.1} s)  {:>4} sync calls (ceil(n/300) = {optimum})  {:>5.1}% of the ceiling  606: {}  615: {}",
            r.what, r.created, r.seconds, r.best_seconds(), r.calls, 100.0 * r.share(), r.c606, r.c615
        );
    }
    println!(
        "companies / leads share of the ceiling: {:.3}",
        runs[1].share() / runs[0].share()
    );
}
