//! End-to-end throughput of the emulator on loopback, limits lifted: authenticated Get Lead by Id and 300-record
//! Sync Leads. Prints requests per second and p50/p99 latency.
//!
//! ```sh
//! cargo bench -p marketo-emulator --bench throughput
//! ```
//!
//! The client is a minimal HTTP/1.1 keep-alive client over raw sockets, so that the figures measure the
//! emulator rather than a client library. Loops are bounded by request counts.

use marketo_emulator::Emulator;
use serde_json::{json, Value};
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio::time::Instant;

const LOOKUP_CONNECTIONS: usize = 16;
const LOOKUPS_PER_CONNECTION: usize = 4_000;
const SYNC_CONNECTIONS: usize = 4;
const SYNCS_PER_CONNECTION: usize = 40;
const SEEDED_LEADS: usize = 1_000;

/// One keep-alive connection.
struct Conn {
    tcp: TcpStream,
    buf: Vec<u8>,
}

impl Conn {
    async fn open(addr: std::net::SocketAddr) -> Conn {
        let tcp = TcpStream::connect(addr).await.expect("connect");
        tcp.set_nodelay(true).expect("nodelay");
        Conn {
            tcp,
            buf: Vec::with_capacity(64 * 1024),
        }
    }

    /// Send a request, read the whole response; returns (status, body).
    async fn call(&mut self, request: &[u8]) -> (u16, Vec<u8>) {
        self.tcp.write_all(request).await.expect("write");
        self.buf.clear();
        let mut chunk = [0u8; 16 * 1024];
        loop {
            if let Some(end) = find(&self.buf, b"\r\n\r\n") {
                let head = String::from_utf8_lossy(&self.buf[..end]).to_ascii_lowercase();
                let status: u16 = head[9..12].parse().expect("status");
                let len: usize = head
                    .lines()
                    .find_map(|l| l.strip_prefix("content-length:"))
                    .map(|v| v.trim().parse().expect("length"))
                    .expect("content-length");
                while self.buf.len() < end + 4 + len {
                    let n = self.tcp.read(&mut chunk).await.expect("read");
                    assert!(n > 0, "connection closed");
                    self.buf.extend_from_slice(&chunk[..n]);
                }
                return (status, self.buf[end + 4..end + 4 + len].to_vec());
            }
            let n = self.tcp.read(&mut chunk).await.expect("read");
            assert!(n > 0, "connection closed");
            self.buf.extend_from_slice(&chunk[..n]);
        }
    }
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

fn get(path: &str, token: &str) -> Vec<u8> {
    format!("GET {path} HTTP/1.1\r\nhost: bench\r\nauthorization: Bearer {token}\r\n\r\n")
        .into_bytes()
}

fn post_json(path: &str, token: &str, body: &str) -> Vec<u8> {
    format!(
        "POST {path} HTTP/1.1\r\nhost: bench\r\nauthorization: Bearer {token}\r\n\
         content-type: application/json\r\ncontent-length: {}\r\n\r\n{body}",
        body.len()
    )
    .into_bytes()
}

struct Figures {
    name: &'static str,
    requests: usize,
    elapsed: Duration,
    latencies: Vec<Duration>,
}

impl Figures {
    fn print(mut self) {
        self.latencies.sort();
        let pct = |p: f64| {
            let i =
                ((self.latencies.len() as f64 * p).ceil() as usize).clamp(1, self.latencies.len());
            self.latencies[i - 1]
        };
        println!(
            "{:<28} {:>8} requests  {:>10.0} req/s  p50 {:>8.3} ms  p99 {:>8.3} ms",
            self.name,
            self.requests,
            self.requests as f64 / self.elapsed.as_secs_f64(),
            pct(0.50).as_secs_f64() * 1e3,
            pct(0.99).as_secs_f64() * 1e3,
        );
    }
}

/// Run `per_conn` requests on each of `conns` connections; `make(conn, i)` builds request `i`.
async fn run(
    name: &'static str,
    addr: std::net::SocketAddr,
    conns: usize,
    per_conn: usize,
    make: impl Fn(usize, usize) -> Vec<u8> + Send + Sync + Clone + 'static,
    check: fn(&Value),
) -> Figures {
    let started = Instant::now();
    let tasks: Vec<_> = (0..conns)
        .map(|c| {
            let make = make.clone();
            tokio::spawn(async move {
                let mut conn = Conn::open(addr).await;
                let mut lat = Vec::with_capacity(per_conn);
                for i in 0..per_conn {
                    let req = make(c, i);
                    let t = Instant::now();
                    let (status, body) = conn.call(&req).await;
                    lat.push(t.elapsed());
                    assert_eq!(status, 200);
                    if i == 0 {
                        check(&serde_json::from_slice(&body).expect("json"));
                    }
                }
                lat
            })
        })
        .collect();
    let mut latencies = Vec::with_capacity(conns * per_conn);
    for t in tasks {
        latencies.extend(t.await.expect("task"));
    }
    Figures {
        name,
        requests: conns * per_conn,
        elapsed: started.elapsed(),
        latencies,
    }
}

fn main() {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("runtime");
    rt.block_on(async {
        let emu = Emulator::builder()
            .credentials("bench", "bench-secret")
            .limits_lifted()
            .start()
            .await
            .expect("emulator");
        let leads: Vec<Value> = (0..SEEDED_LEADS)
            .map(|i| json!({"email": format!("lead{i}@example.com"), "firstName": format!("Lead {i}")}))
            .collect();
        emu.seed(json!({ "leads": leads })).expect("seed");
        let addr = emu.addr();
        let mut conn = Conn::open(addr).await;
        let (_, body) = conn
            .call(b"GET /identity/oauth/token?grant_type=client_credentials&client_id=bench&client_secret=bench-secret HTTP/1.1\r\nhost: bench\r\n\r\n")
            .await;
        let token: Value = serde_json::from_slice(&body).expect("token");
        let token = token["access_token"].as_str().expect("access_token").to_owned();

        println!("marketo-emulator throughput (loopback, limits lifted, {} worker threads)", num_threads());
        let t = token.clone();
        run(
            "Get Lead by Id",
            addr,
            LOOKUP_CONNECTIONS,
            LOOKUPS_PER_CONNECTION,
            move |c, i| get(&format!("/rest/v1/lead/{}.json", 1 + (c * 7919 + i) % SEEDED_LEADS), &t),
            |v| assert_eq!(v["result"].as_array().map(Vec::len), Some(1), "{v}"),
        )
        .await
        .print();

        let t = token.clone();
        run(
            "Sync Leads (300 records)",
            addr,
            SYNC_CONNECTIONS,
            SYNCS_PER_CONNECTION,
            move |c, i| {
                let input: Vec<Value> = (0..300)
                    .map(|r| json!({"email": format!("sync{c}-{}@example.com", (i * 300 + r) % 3_000), "lastName": format!("L{i}")}))
                    .collect();
                post_json("/rest/v1/leads.json", &t, &json!({"action": "createOrUpdate", "input": input}).to_string())
            },
            |v| assert_eq!(v["result"].as_array().map(Vec::len), Some(300), "{v}"),
        )
        .await
        .print();
        emu.shutdown().await;
    });
}

fn num_threads() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}
