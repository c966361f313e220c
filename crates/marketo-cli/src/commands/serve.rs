//! `mkto serve`: run the Marketo emulator until Ctrl-C or SIGTERM.
//!
//! Settings come from `--config FILE` (the emulator's TOML format, see the README) and then from the flags,
//! which win over the file.

use anyhow::{bail, Context};
use clap::Args;
use marketo_emulator::{EmulatorConfig, LatencyModel};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

/// Arguments of `mkto serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Address to listen on.
    #[arg(long, default_value = "127.0.0.1:8080")]
    addr: SocketAddr,
    /// SQLite file holding leads, lists and today's quota count (kept across restarts).
    #[arg(long, value_name = "PATH", conflicts_with = "in_memory")]
    db: Option<PathBuf>,
    /// Keep everything in memory (the default when --db is not given).
    #[arg(long)]
    in_memory: bool,
    /// Client id of the default API user [default: mkto-emulator].
    #[arg(long)]
    client_id: Option<String>,
    /// Client secret of the default API user [default: mkto-emulator-secret].
    #[arg(long)]
    client_secret: Option<String>,
    /// Calls per rate window, as CALLS/WINDOW [default: 100/20s].
    #[arg(long, value_name = "CALLS/WINDOW", value_parser = parse_rate)]
    rate_limit: Option<(u32, Duration)>,
    /// Calls in flight before 615 [default: 10].
    #[arg(long)]
    concurrency: Option<u32>,
    /// Counted calls per day (midnight America/Chicago) before 607 [default: 50000].
    #[arg(long)]
    daily_quota: Option<u64>,
    /// Access token lifetime [default: 3600s].
    #[arg(long, value_name = "DURATION", value_parser = parse_duration)]
    token_ttl: Option<Duration>,
    /// Added latency: BASE or BASE+PER/record, e.g. 300ms or 100ms+2ms/record [default: 0ms].
    #[arg(long, value_name = "LATENCY", value_parser = parse_latency)]
    latency: Option<LatencyModel>,
    /// The emulator's TOML config file.
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Token the admin API (/_emulator/) asks for; required to listen beyond loopback [env: MKTO_ADMIN_TOKEN].
    #[arg(
        long,
        value_name = "TOKEN",
        env = "MKTO_ADMIN_TOKEN",
        hide_env_values = true
    )]
    admin_token: Option<String>,
    /// Close a connection that sends no complete request head for this long, idle keep-alive ones included;
    /// 0 never [default: the config's, else 30s].
    #[arg(long, value_name = "DURATION", value_parser = parse_duration)]
    idle_timeout: Option<Duration>,
    /// Answer 408 to a request body that stops arriving for this long; 0 never [default: the config's, else 30s].
    #[arg(long, value_name = "DURATION", value_parser = parse_duration)]
    body_timeout: Option<Duration>,
    /// Once listening, print one JSON line on stdout (url, identity_url, admin_url, ui_url, client_id,
    /// client_secret, admin_token_required, pid) instead of the banner, for test suites that start the emulator (use --addr 127.0.0.1:0).
    #[arg(long)]
    print_json: bool,
    /// Once listening, write the bound port to this file (written whole, then renamed into place).
    #[arg(long, value_name = "FILE")]
    port_file: Option<PathBuf>,
    /// A scenario (TOML, or JSON when FILE ends in .json): seed, fault rules and clock steps loaded on emptied
    /// data before listening, and replayed by every POST /_emulator/reset.
    #[arg(long, value_name = "FILE")]
    scenario: Option<PathBuf>,
}

/// The connection timeouts of `mkto serve` when neither the config file nor a flag sets them.
const SERVE_TIMEOUT_SECS: u64 = 30;

/// `30s`, `300ms`, `2m`, `1h`, or a number of seconds.
pub(crate) fn parse_duration(text: &str) -> Result<Duration, String> {
    let t = text.trim();
    let split = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
    let (num, unit) = t.split_at(split);
    let n: u64 = num
        .parse()
        .map_err(|_| format!("{text:?} is not a duration like 30s or 300ms"))?;
    let per = match unit {
        "" | "s" => 1_000,
        "ms" => 1,
        "m" => 60_000,
        "h" => 3_600_000,
        _ => return Err(format!("{text:?}: the unit must be ms, s, m or h")),
    };
    n.checked_mul(per)
        .map(Duration::from_millis)
        .ok_or_else(|| format!("{text:?} is too long"))
}

/// `100/20s`.
pub(crate) fn parse_rate(text: &str) -> Result<(u32, Duration), String> {
    let (calls, window) = text
        .split_once('/')
        .ok_or_else(|| format!("{text:?} is not CALLS/WINDOW like 100/20s"))?;
    let calls: u32 = calls
        .trim()
        .parse()
        .map_err(|_| format!("{calls:?} is not a number of calls"))?;
    let window = parse_duration(window)?;
    if window < Duration::from_secs(1) {
        return Err("the rate window must be at least 1s".into());
    }
    Ok((calls, window))
}

/// `300ms` or `100ms+2ms/record`.
fn parse_latency(text: &str) -> Result<LatencyModel, String> {
    match text.split_once('+') {
        None => parse_duration(text).map(LatencyModel::fixed),
        Some((base, per)) => {
            let per = per
                .trim()
                .strip_suffix("/record")
                .ok_or_else(|| format!("{text:?} is not BASE+PER/record like 100ms+2ms/record"))?;
            Ok(LatencyModel::per_record(
                parse_duration(base)?,
                parse_duration(per)?,
            ))
        }
    }
}

impl ServeArgs {
    /// The config file, then the flags on top.
    fn settings(&self) -> anyhow::Result<EmulatorConfig> {
        let mut config = match &self.config {
            Some(path) => EmulatorConfig::from_file(path)?,
            None => EmulatorConfig::default(),
        };
        if self.client_id.is_some() || self.client_secret.is_some() {
            let users = config.effective_users();
            let first = users.first();
            let id = self
                .client_id
                .clone()
                .or_else(|| first.map(|u| u.client_id.clone()))
                .unwrap_or_default();
            let secret = self
                .client_secret
                .clone()
                .or_else(|| first.map(|u| u.client_secret.clone()))
                .unwrap_or_default();
            if id.is_empty() || secret.is_empty() {
                bail!("--client-id and --client-secret must not be empty");
            }
            config.set_default_credentials(&id, &secret);
        }
        if let Some((calls, window)) = self.rate_limit {
            config.limits.rate_limit = calls;
            config.limits.rate_window_secs = window.as_secs();
        }
        if let Some(n) = self.concurrency {
            config.limits.concurrency = n;
        }
        if let Some(n) = self.daily_quota {
            config.limits.daily_quota = n;
        }
        if let Some(ttl) = self.token_ttl {
            config.token_ttl_secs = ttl.as_secs().max(1);
        }
        if let Some(latency) = self.latency {
            config.latency = latency;
        }
        let server = &mut config.server;
        if let Some(token) = &self.admin_token {
            server.admin_token = Some(token.clone());
        }
        server.idle_timeout_secs = self
            .idle_timeout
            .map(|d| d.as_secs())
            .or(server.idle_timeout_secs)
            .or(Some(SERVE_TIMEOUT_SECS));
        server.body_timeout_secs = self
            .body_timeout
            .map(|d| d.as_secs())
            .or(server.body_timeout_secs)
            .or(Some(SERVE_TIMEOUT_SECS));
        config
            .server
            .check_bind(self.addr)
            .map_err(|e| anyhow::anyhow!(e))?;
        config.limits.validate().map_err(|e| anyhow::anyhow!(e))?;
        Ok(config)
    }
}

/// Run the emulator in the foreground.
pub fn run(args: ServeArgs) -> anyhow::Result<ExitCode> {
    let config = args.settings()?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("cannot start the async runtime")?;
    runtime.block_on(async {
        let mut builder = marketo_emulator::Emulator::builder().config(config);
        if let Some(path) = &args.scenario {
            builder = builder.scenario(marketo_emulator::Scenario::from_file(path)?);
        }
        builder = match &args.db {
            Some(path) => builder.db_path(path),
            None => builder.in_memory(),
        };
        let state = builder.build_state()?;
        let listener = tokio::net::TcpListener::bind(args.addr)
            .await
            .with_context(|| format!("cannot listen on {}", args.addr))?;
        let addr = listener.local_addr()?;
        // The port file first: whoever reads the start line may look for the file at once.
        if let Some(path) = &args.port_file {
            write_port_file(path, addr.port())?;
        }
        if args.print_json {
            print_json(&state, addr)?;
        } else {
            print_banner(&state, addr, args.db.as_deref());
        }
        marketo_emulator::serve(listener, state, crate::signals::interrupted()).await?;
        println!("mkto serve: stopped");
        Ok(ExitCode::SUCCESS)
    })
}

/// The machine-readable start line: everything a test suite needs to point a client at the emulator.
fn print_json(state: &marketo_emulator::AppState, addr: SocketAddr) -> anyhow::Result<()> {
    use std::io::Write;
    let user = state.users.first();
    let line = serde_json::json!({
        "url": format!("http://{addr}"),
        "identity_url": format!("http://{addr}/identity"),
        "admin_url": format!("http://{addr}/_emulator"),
        "ui_url": format!("http://{addr}/_emulator/ui"),
        "client_id": user.map_or("", |u| u.client_id.as_str()),
        "client_secret": user.map_or("", |u| u.client_secret.as_str()),
        "admin_token_required": state.config.server.admin_token.is_some(),
        "pid": std::process::id(),
    });
    let mut out = std::io::stdout().lock();
    writeln!(out, "{line}")?;
    out.flush()?;
    Ok(())
}

/// Write the port to `path` atomically (a temporary file renamed into place), so a reader never sees half.
fn write_port_file(path: &std::path::Path, port: u16) -> anyhow::Result<()> {
    let tmp = path.with_extension("tmp");
    std::fs::write(&tmp, format!("{port}\n"))
        .with_context(|| format!("cannot write {}", tmp.display()))?;
    std::fs::rename(&tmp, path).with_context(|| format!("cannot write {}", path.display()))?;
    Ok(())
}

fn print_banner(
    state: &marketo_emulator::AppState,
    addr: SocketAddr,
    db: Option<&std::path::Path>,
) {
    let l = &state.config.limits;
    let user = state.users.first();
    println!("mkto serve: Marketo emulator listening");
    println!("  REST base URL:  http://{addr}");
    println!("  identity:       http://{addr}/identity/oauth/token");
    println!(
        "  client id:      {}",
        user.map_or("", |u| u.client_id.as_str())
    );
    println!(
        "  client secret:  {}",
        user.map_or("", |u| u.client_secret.as_str())
    );
    match db {
        Some(p) => println!("  database:       {}", p.display()),
        None => println!("  database:       in memory"),
    }
    println!(
        "  limits:         {} calls / {} s, {} in flight, {} a day",
        l.rate_limit, l.rate_window_secs, l.concurrency, l.daily_quota
    );
    let guarded = if state.config.server.admin_token.is_some() {
        " (admin token required)"
    } else {
        ""
    };
    println!("  admin API:      http://{addr}/_emulator/openapi.json{guarded}");
    println!("  inspector:      http://{addr}/_emulator/ui");
    println!("Ctrl-C or SIGTERM stops it.");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_rates_latency() {
        assert_eq!(parse_duration("3600s"), Ok(Duration::from_secs(3600)));
        assert_eq!(parse_duration("0ms"), Ok(Duration::ZERO));
        assert_eq!(parse_duration("2m"), Ok(Duration::from_secs(120)));
        assert_eq!(parse_duration("5"), Ok(Duration::from_secs(5)));
        assert!(parse_duration("5 parsecs").is_err());
        assert!(parse_duration("").is_err());
        assert_eq!(parse_rate("100/20s"), Ok((100, Duration::from_secs(20))));
        assert!(parse_rate("100").is_err());
        assert!(parse_rate("100/0s").is_err());
        assert_eq!(
            parse_latency("100ms+2ms/record"),
            Ok(LatencyModel::per_record(
                Duration::from_millis(100),
                Duration::from_millis(2)
            ))
        );
        assert_eq!(
            parse_latency("300ms"),
            Ok(LatencyModel::fixed(Duration::from_millis(300)))
        );
        assert!(parse_latency("1ms+2ms").is_err());
    }
}
