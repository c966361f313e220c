//! Where `mkto` connects: flags, then the environment (`MARKETO_ENDPOINT`, `MARKETO_CLIENT_ID`,
//! `MARKETO_CLIENT_SECRET`), then a profile in `~/.config/mkto/config.toml` (see [`crate::config_file`]). With no instance configured it
//! says so on stderr and uses the embedded emulator, with its state in `emulator.sqlite` under `mkto`'s state
//! directory (see [`crate::home`]); `--emulator` forces that.

use crate::config_file::load_profile;
use anyhow::bail;
use clap::Args;
use std::fmt;
use std::path::PathBuf;

/// Connection flags shared by every command that talks to Marketo.
#[derive(Debug, Clone, Default, Args)]
pub struct ConnectArgs {
    /// REST endpoint, e.g. https://123-ABC-456.mktorest.com [env: MARKETO_ENDPOINT]
    #[arg(long, global = true)]
    pub endpoint: Option<String>,
    /// API client id [env: MARKETO_CLIENT_ID]
    #[arg(long, global = true)]
    pub client_id: Option<String>,
    /// API client secret [env: MARKETO_CLIENT_SECRET]; prefer the environment or a profile, which stay out of
    /// shell history.
    #[arg(long, global = true, hide_env_values = true)]
    pub client_secret: Option<String>,
    /// Profile in ~/.config/mkto/config.toml (default: the profile named "default", if any).
    #[arg(long, global = true, env = "MKTO_PROFILE")]
    pub profile: Option<String>,
    /// Use the embedded emulator even if an instance is configured.
    #[arg(long, global = true)]
    pub emulator: bool,
    /// The instance's rate limit the client keeps to, as CALLS/WINDOW [default: 100/20s, Marketo's].
    #[arg(long, global = true, value_name = "CALLS/WINDOW", value_parser = crate::commands::serve::parse_rate)]
    pub rate_limit: Option<(u32, std::time::Duration)>,
    /// Calls in flight at once [default: 10, Marketo's].
    #[arg(long, global = true)]
    pub concurrency: Option<u32>,
    /// Calls this run may use today [default: 50000, Marketo's default quota].
    #[arg(long, global = true)]
    pub daily_budget: Option<u64>,
    /// Share of every limit to leave to other integrations of the subscription, e.g. 0.2 [default: 0].
    #[arg(long, global = true)]
    pub reserve_share: Option<f64>,
    #[command(flatten)]
    pub limiter: crate::limiter::LimiterArgs,
}

impl ConnectArgs {
    /// Apply the limit flags (and the shared limiter: flag, `MKTO_LIMITER`, profile) to a client builder.
    pub fn apply_limits(
        &self,
        mut b: marketo_client::ClientBuilder,
    ) -> anyhow::Result<marketo_client::ClientBuilder> {
        if let Some((calls, window)) = self.rate_limit {
            b = b.rate_limit(calls, window);
        }
        if let Some(n) = self.concurrency {
            b = b.concurrency(n);
        }
        if let Some(n) = self.daily_budget {
            b = b.daily_budget(n);
        }
        if let Some(share) = self.reserve_share {
            b = b.reserve_share(share);
        }
        let profile = load_profile(self.profile.as_deref()).unwrap_or_default();
        self.limiter
            .apply(b, env("MKTO_LIMITER"), profile.limiter())
    }
}

/// A real instance's coordinates.
#[derive(Clone, PartialEq, Eq)]
pub struct Instance {
    /// REST base URL.
    pub endpoint: String,
    /// Client id.
    pub client_id: String,
    /// Client secret.
    pub client_secret: String,
}

impl fmt::Debug for Instance {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Instance")
            .field("endpoint", &self.endpoint)
            .field("client_id", &self.client_id)
            .field("client_secret", &"[redacted]")
            .finish()
    }
}

/// Where to connect.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// A Marketo instance.
    Instance(Instance),
    /// The embedded emulator, state in this file.
    Emulator {
        /// Its SQLite file.
        db: PathBuf,
        /// Whether the user asked for it (no notice needed).
        forced: bool,
    },
}

fn env(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.trim().is_empty())
}

/// Decide where to connect.
pub fn resolve(args: &ConnectArgs) -> anyhow::Result<Target> {
    let emulator_db = crate::home::emulator_db();
    if args.emulator {
        return Ok(Target::Emulator {
            db: emulator_db,
            forced: true,
        });
    }
    let profile = load_profile(args.profile.as_deref())?;
    let pick = |flag: &Option<String>, var: &str, prof: &Option<String>| {
        flag.clone().or_else(|| env(var)).or_else(|| prof.clone())
    };
    let endpoint = pick(&args.endpoint, "MARKETO_ENDPOINT", &profile.endpoint);
    let client_id = pick(&args.client_id, "MARKETO_CLIENT_ID", &profile.client_id);
    let client_secret = pick(
        &args.client_secret,
        "MARKETO_CLIENT_SECRET",
        &profile.client_secret,
    );
    match (endpoint, client_id, client_secret) {
        (None, None, None) => Ok(Target::Emulator {
            db: emulator_db,
            forced: false,
        }),
        (Some(endpoint), Some(client_id), Some(client_secret)) => Ok(Target::Instance(Instance {
            endpoint,
            client_id,
            client_secret,
        })),
        (e, i, s) => {
            let missing: Vec<&str> = [
                (e.is_none(), "endpoint (--endpoint or MARKETO_ENDPOINT)"),
                (i.is_none(), "client id (--client-id or MARKETO_CLIENT_ID)"),
                (s.is_none(), "client secret (MARKETO_CLIENT_SECRET)"),
            ]
            .into_iter()
            .filter_map(|(m, what)| m.then_some(what))
            .collect();
            bail!(
                "the Marketo instance is only partly configured: missing {}. Set all three, or none to use \
                 the embedded emulator",
                missing.join(", ")
            )
        }
    }
}

/// Where a command goes, in words: `https://... (profile sandbox)`, `https://... (from the environment)`, or
/// `the embedded emulator (FILE)`. Used in confirmations and, at `-v`, in the header line.
pub fn describe_target(args: &ConnectArgs) -> anyhow::Result<String> {
    Ok(match resolve(args)? {
        Target::Emulator { db, .. } => format!("the embedded emulator ({})", db.display()),
        Target::Instance(i) => {
            let from = if args.endpoint.is_some() {
                "--endpoint".to_owned()
            } else if env("MARKETO_ENDPOINT").is_some() {
                "MARKETO_ENDPOINT".to_owned()
            } else {
                format!("profile {}", args.profile.as_deref().unwrap_or("default"))
            };
            format!("{} ({from})", i.endpoint)
        }
    })
}
