//! `--limiter redis://HOST:PORT/DB` (or `MKTO_LIMITER`, or the profile key `limiter`): every command that
//! calls the API shares the subscription's limits with the other jobs through Redis. Also what `mkto usage`
//! prints of the shared limiter.

use clap::Args;
use marketo_client::{ClientBuilder, LimiterView, OnUnreachable, SharedLimiter};
use std::fmt;
use std::str::FromStr;

/// The share of every limit left to the other jobs when `--limiter-fallback local` has no share.
const DEFAULT_FALLBACK_SHARE: f64 = 0.5;

/// A Redis URL that never prints its password.
#[derive(Clone, PartialEq, Eq)]
pub struct LimiterUrl(String);

impl fmt::Debug for LimiterUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&SharedLimiter::redis(self.0.clone()).redacted_url())
    }
}

impl FromStr for LimiterUrl {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        Ok(LimiterUrl(s.to_owned()))
    }
}

/// What to do when Redis cannot be reached: `stop`, `local` or `local:SHARE`.
pub fn parse_fallback(text: &str) -> Result<OnUnreachable, String> {
    match text.trim().split_once(':') {
        None if text.trim() == "stop" => Ok(OnUnreachable::Stop),
        None if text.trim() == "local" => Ok(OnUnreachable::Local {
            reserve_share: DEFAULT_FALLBACK_SHARE,
        }),
        Some(("local", share)) => match share.trim().parse::<f64>() {
            Ok(s) if (0.0..1.0).contains(&s) => Ok(OnUnreachable::Local { reserve_share: s }),
            _ => Err(format!(
                "{share:?}: the share must be a number in [0, 1), e.g. local:0.5"
            )),
        },
        _ => Err(format!("{text:?}: expected stop, local or local:SHARE")),
    }
}

/// The shared limiter's flags.
#[derive(Debug, Clone, Default, Args)]
pub struct LimiterArgs {
    /// Share the subscription's limits with every other job through Redis, e.g. redis://127.0.0.1:6379/0
    /// [env: MKTO_LIMITER; profile key: limiter]; a URL with a password is better given by the environment or
    /// a profile, which stay out of shell history and `ps`.
    #[arg(long, global = true, value_name = "URL")]
    pub limiter: Option<LimiterUrl>,
    /// First part of the limiter's Redis keys [default: mkto-limiter] [profile key: limiter_prefix]
    #[arg(long, global = true, value_name = "PREFIX")]
    pub limiter_prefix: Option<String>,
    /// When Redis cannot be reached: stop (the default), or local[:SHARE] to go on with this run's own limiter,
    /// leaving SHARE (default 0.5) of every limit to the other jobs [profile key: limiter_fallback]
    #[arg(long, global = true, value_name = "stop|local[:SHARE]", value_parser = parse_fallback)]
    pub limiter_fallback: Option<OnUnreachable>,
    /// The subscription's daily quota, shared by the jobs [default: 50000] [profile key: limiter_daily_quota]
    #[arg(long, global = true, value_name = "CALLS")]
    pub limiter_daily_quota: Option<u64>,
}

/// The limiter keys of a profile.
#[derive(Debug, Clone, Default)]
pub struct ProfileLimiter {
    /// `limiter`.
    pub url: Option<String>,
    /// `limiter_prefix`.
    pub prefix: Option<String>,
    /// `limiter_fallback`.
    pub fallback: Option<String>,
    /// `limiter_daily_quota`.
    pub daily_quota: Option<u64>,
}

impl LimiterArgs {
    /// Apply the limiter to a client builder: flags, then `MKTO_LIMITER`, then the profile. A bad value fails
    /// here or at `build()`, its password redacted.
    pub fn apply(
        &self,
        mut b: ClientBuilder,
        env: Option<String>,
        profile: ProfileLimiter,
    ) -> anyhow::Result<ClientBuilder> {
        let url = self
            .limiter
            .as_ref()
            .map(|u| u.0.clone())
            .or(env)
            .or(profile.url);
        let Some(url) = url else {
            return Ok(b);
        };
        let mut l = SharedLimiter::redis(url);
        if let Some(p) = self.limiter_prefix.clone().or(profile.prefix) {
            l = l.prefix(p);
        }
        let fallback = match (self.limiter_fallback, profile.fallback) {
            (Some(f), _) => Some(f),
            (None, Some(text)) => Some(
                parse_fallback(&text)
                    .map_err(|e| anyhow::anyhow!("profile key limiter_fallback: {e}"))?,
            ),
            (None, None) => None,
        };
        if let Some(f) = fallback {
            l = l.on_unreachable(f);
        }
        if let Some(q) = self.limiter_daily_quota.or(profile.daily_quota) {
            l = l.daily_quota(q);
        }
        b = b.shared_limiter(l);
        Ok(b)
    }
}

/// The limiter's view as table lines.
pub fn table(view: &LimiterView) -> String {
    let mut out = format!(
        "shared limiter      {} ({})\n  window            {} of {} calls (cap {})\n  slots in use      {} of {}\n  \
         today             {} of {} (resets {})\n",
        view.url,
        view.keys,
        view.window_used,
        view.window_limit,
        view.window_cap,
        view.slots_in_use,
        view.concurrency_limit,
        view.today_used,
        view.daily_quota,
        view.quota_resets_at.format("%Y-%m-%d %H:%M UTC"),
    );
    if let Some(until) = view.quota_spent_until {
        out += &format!(
            "  stopped by a 607 until {}\n",
            until.format("%Y-%m-%d %H:%M UTC")
        );
    }
    for j in &view.jobs {
        out += &format!("  job {:<40} {} slot(s)\n", j.job, j.slots);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fallback_values() {
        assert_eq!(parse_fallback("stop"), Ok(OnUnreachable::Stop));
        assert_eq!(
            parse_fallback("local"),
            Ok(OnUnreachable::Local { reserve_share: 0.5 })
        );
        assert_eq!(
            parse_fallback("local:0.25"),
            Ok(OnUnreachable::Local {
                reserve_share: 0.25
            })
        );
        assert!(parse_fallback("local:2").is_err());
        assert!(parse_fallback("go").is_err());
    }

    #[test]
    fn the_url_never_prints_its_password() {
        let u: LimiterUrl = "redis://:hunter2@h:6379/0".parse().unwrap();
        assert_eq!(format!("{u:?}"), "redis://:***@h:6379/0");
    }

    #[test]
    fn the_flag_wins_over_the_environment_and_the_profile() {
        let pick = |a: &LimiterArgs, env: Option<&str>, prof: Option<&str>| {
            let b = a
                .apply(
                    marketo_client::Client::builder(),
                    env.map(str::to_owned),
                    ProfileLimiter {
                        url: prof.map(str::to_owned),
                        ..ProfileLimiter::default()
                    },
                )
                .unwrap();
            format!("{b:?}")
        };
        let flag = LimiterArgs {
            limiter: Some("redis://flag:1/0".parse().unwrap()),
            ..LimiterArgs::default()
        };
        assert!(pick(&flag, Some("redis://env:1/0"), Some("redis://prof:1/0")).contains("flag"));
        let none = LimiterArgs::default();
        assert!(pick(&none, Some("redis://env:1/0"), Some("redis://prof:1/0")).contains("env"));
        assert!(pick(&none, None, Some("redis://prof:1/0")).contains("prof"));
        assert!(!pick(&none, None, None).contains("redis://"));
    }
}
