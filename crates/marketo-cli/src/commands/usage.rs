//! `mkto usage`: API calls used today and in the last 7 days, and errors by code, from Marketo's stats
//! endpoints (`/rest/v1/stats/usage*.json`, `/rest/v1/stats/errors*.json`). These calls count too. With
//! `--limiter`, also what the shared limiter sees (window, slots, today's count, jobs holding slots).

use crate::global::Ctx;
use crate::session::Session;
use anyhow::Context;
use clap::Args;
use marketo_client::endpoints::{ErrorDay, UsageDay};
use serde_json::json;
use std::collections::BTreeMap;
use std::process::ExitCode;

/// Arguments of `mkto usage`.
#[derive(Debug, Args)]
pub struct UsageArgs {}

/// Errors of several days added up by code.
fn by_code(days: &[ErrorDay]) -> BTreeMap<String, u64> {
    let mut out = BTreeMap::new();
    for d in days {
        for e in &d.errors {
            *out.entry(e.error_code.clone()).or_default() += e.count;
        }
    }
    out
}

/// Calls counted today. The two answers are read one after the other, and the second counts the first: take
/// the later count of today, so "calls today" and today's row of the week never disagree.
fn calls_today(today: &[UsageDay], week: &[UsageDay]) -> u64 {
    let direct: u64 = today.iter().map(|d| d.total).sum();
    let in_week = today
        .first()
        .and_then(|t| week.iter().find(|d| d.date == t.date))
        .map_or(0, |d| d.total);
    direct.max(in_week)
}

fn table(
    today: &[UsageDay],
    week: &[UsageDay],
    errors_today: &[ErrorDay],
    errors_week: &[ErrorDay],
) -> String {
    let total = |d: &[UsageDay]| d.iter().map(|d| d.total).sum::<u64>();
    let mut out = format!(
        "calls today         {}\ncalls last 7 days   {}\n",
        calls_today(today, week),
        total(week)
    );
    for d in week {
        out += &format!("  {}  {:>8}\n", d.date, d.total);
    }
    let (t, w) = (by_code(errors_today), by_code(errors_week));
    out += &format!(
        "errors today        {}\nerrors last 7 days  {}\n",
        t.values().sum::<u64>(),
        w.values().sum::<u64>()
    );
    for (code, n) in &w {
        let what = code
            .parse::<u16>()
            .ok()
            .and_then(marketo_types::codes::lookup)
            .map_or("", |c| c.docs_message);
        out += &format!(
            "  {code:<6} {:>8} today {:>8} 7 days  {what}\n",
            t.get(code).copied().unwrap_or(0),
            n
        );
    }
    out
}

/// The daily quota is spent, and Marketo's statistics calls are refused with it (607): say so, when it resets,
/// and what is known here (the shared limiter's count, with `--limiter`).
fn quota_spent(
    ctx: &Ctx,
    e: &marketo_client::Error,
    snapshot: &marketo_client::UsageSnapshot,
    limiter: Option<&marketo_client::LimiterView>,
) -> anyhow::Result<ExitCode> {
    let resets = e.reset_at().unwrap_or(snapshot.quota_resets_at);
    let v = json!({
        "quota_spent": true,
        "quota_resets_at": resets.to_rfc3339(),
        "daily_quota": snapshot.daily_limit,
        "limiter": limiter,
    });
    let mut people = format!(
        "the daily quota is spent (607): Marketo answers no call, its statistics included, until it resets at \
         {} (midnight America/Chicago)\n",
        resets.to_rfc3339()
    );
    if let Some(l) = limiter {
        people += &crate::limiter::table(l);
    }
    crate::output::summary(ctx.format(), &v, &people)?;
    Ok(ExitCode::SUCCESS)
}

/// Run `mkto usage`.
pub fn run(_a: UsageArgs, ctx: &Ctx) -> anyhow::Result<ExitCode> {
    let rt = tokio::runtime::Runtime::new().context("cannot start the async runtime")?;
    rt.block_on(async move {
        let session = Session::open_reading(&ctx.connect, true).await?;
        let stats = session.client.stats();
        let result = async {
            Ok::<_, marketo_client::Error>((
                stats.usage_today().await?,
                stats.usage_last_7_days().await?,
                stats.errors_today().await?,
                stats.errors_last_7_days().await?,
            ))
        }
        .await;
        let limiter = session.client.limiter_view().await;
        let snapshot = session.client.usage_snapshot();
        session.close().await;
        let limiter = limiter.context("reading the shared limiter")?;
        let (today, week, et, ew) = match result {
            Err(e) if e.kind() == marketo_client::ErrorKind::QuotaExhausted => {
                return quota_spent(ctx, &e, &snapshot, limiter.as_ref());
            }
            other => other.context("reading the usage statistics")?,
        };
        {
            let v = json!({
                "calls_today": calls_today(&today, &week),
                "calls_last_7_days": week.iter().map(|d| d.total).sum::<u64>(),
                "days": week,
                "users_today": today.iter().flat_map(|d| d.users.clone()).collect::<Vec<_>>(),
                "errors_today": by_code(&et),
                "errors_last_7_days": by_code(&ew),
                "limiter": limiter,
            });
            let shared = limiter.as_ref().map(crate::limiter::table);
            let people = table(&today, &week, &et, &ew) + &shared.unwrap_or_default();
            crate::output::summary(ctx.format(), &v, &people)?;
        }
        Ok(ExitCode::SUCCESS)
    })
}

#[cfg(test)]
mod tests {
    use super::calls_today;
    use marketo_types::stats::UsageDay;

    fn day(date: &str, total: u64) -> UsageDay {
        UsageDay {
            date: date.into(),
            total,
            users: Vec::new(),
        }
    }

    #[test]
    fn calls_today_agrees_with_todays_row_of_the_week() {
        let week = [day("2026-11-29", 7), day("2026-11-30", 90)];
        assert_eq!(calls_today(&[day("2026-11-30", 89)], &week), 90);
        assert_eq!(calls_today(&[day("2026-11-30", 91)], &week), 91);
        assert_eq!(calls_today(&[], &week), 0);
    }
}
