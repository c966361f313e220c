//! `mkto whoami` and `mkto doctor`: what `mkto` connects to and whether that works. `whoami` names the
//! instance (endpoint, where it came from, client id) and checks the credentials with one call (today's usage,
//! which also says how much of the quota is used). `doctor` adds the config file, the state directory, the
//! server's clock against ours, the limits the client keeps to and the shared limiter, and says what is wrong
//! and what to do; it exits 1 when something is. A spent quota (607) is reported, not a failure of the check.

use crate::global::Ctx;
use crate::session::Session;
use anyhow::Context;
use clap::Args;
use marketo_client::ErrorKind;
use serde_json::{json, Value};
use std::process::ExitCode;

/// Arguments of `mkto whoami` and `mkto doctor`.
#[derive(Debug, Args)]
pub struct DoctorArgs {}

/// A clock further off than this makes `--resume`'s inference and token expiry unreliable.
const SKEW_WARN_MS: i64 = 60_000;

/// Run `mkto whoami` (`full` false) or `mkto doctor` (`full` true).
pub fn run(_a: DoctorArgs, ctx: &Ctx, full: bool) -> anyhow::Result<ExitCode> {
    let target = crate::connect::describe_target(&ctx.connect)?;
    let rt = tokio::runtime::Runtime::new().context("cannot start the async runtime")?;
    rt.block_on(async move {
        let session = Session::open_reading(&ctx.connect, true).await?;
        let today = session.client.stats().usage_today().await;
        let snapshot = session.client.usage_snapshot();
        let limiter = if full { session.client.limiter_view().await.ok().flatten() } else { None };
        let skew = session.wire.clock.offset_ms();
        let endpoint = session.endpoint.clone();
        session.close().await;
        let mut problems = Vec::new();
        let (credentials, calls_today) = match &today {
            Ok(days) => ("ok".to_owned(), Some(days.iter().map(|d| d.total).sum::<u64>())),
            Err(e) if e.kind() == ErrorKind::QuotaExhausted => {
                ("ok (the daily quota is spent)".to_owned(), None)
            }
            Err(e) => {
                problems.push(match e.kind() {
                    ErrorKind::Credentials | ErrorKind::Auth => {
                        "the client id or secret is refused: check them in Admin > LaunchPoint, then `mkto configure`".to_owned()
                    }
                    ErrorKind::Transport => format!("{endpoint} cannot be reached: check the endpoint (Admin > Web Services > REST API)"),
                    _ => format!("{e}"),
                });
                (format!("failed: {e}"), None)
            }
        };
        let mut report = json!({
            "target": target,
            "endpoint": endpoint,
            "profile": ctx.connect.profile.clone().unwrap_or_else(|| "default".into()),
            "client_id": ctx.connect.client_id.clone().or_else(|| std::env::var("MARKETO_CLIENT_ID").ok()),
            "credentials": credentials,
            "calls_today": calls_today,
            "daily_quota": snapshot.daily_limit,
            "quota_resets_at": snapshot.quota_resets_at.to_rfc3339(),
        });
        if full {
            if let Some(ms) = skew.filter(|ms| ms.abs() > SKEW_WARN_MS) {
                problems.push(format!(
                    "the server's clock is {}s {} ours: fix the local clock (NTP)",
                    ms.abs() / 1000,
                    if ms > 0 { "ahead of" } else { "behind" }
                ));
            }
            let config = crate::config_file::config_path();
            let config_state = match &config {
                Some(p) if p.exists() => match crate::config_file::load_profile(ctx.connect.profile.as_deref()) {
                    Ok(_) => "ok".to_owned(),
                    Err(e) => {
                        problems.push(format!("{e:#}"));
                        "invalid".to_owned()
                    }
                },
                _ => "absent".to_owned(),
            };
            let extra = json!({
                "config_file": config.map(|p| p.display().to_string()),
                "config_file_state": config_state,
                "state_dir": crate::home::dir().display().to_string(),
                "server_clock_offset_ms": skew,
                "rate_limit": format!("{} calls in the window", snapshot.window_limit),
                "concurrency": snapshot.concurrency_limit,
                "limiter": limiter.map_or(Value::String("this process only".into()), |v| serde_json::to_value(v).unwrap_or_default()),
                "problems": problems,
            });
            if let (Value::Object(r), Value::Object(e)) = (&mut report, extra) {
                r.extend(e);
            }
        }
        let mut people = String::new();
        if let Value::Object(map) = &report {
            for (k, v) in map {
                if k == "problems" {
                    continue;
                }
                people += &format!("{:<24}{}\n", k.replace('_', " "), crate::output::cell(Some(v)));
            }
        }
        for p in &problems {
            people += &format!("problem: {p}\n");
        }
        crate::output::summary(ctx.format(), &report, &people)?;
        Ok(if problems.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(crate::EXIT_USAGE) })
    })
}
