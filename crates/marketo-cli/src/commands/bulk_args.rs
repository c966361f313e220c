//! The options every bulk command shares: how often to poll (`--format` and `-q` are global).

use anyhow::bail;
use clap::Args;
use std::time::Duration;

/// `--poll` of `leads import`, `leads export` and `activities export`.
#[derive(Debug, Clone, Args)]
pub struct BulkRunArgs {
    /// Seconds before the first status poll; waits double up to 60 s (Marketo updates job status slowly, and
    /// every poll is a call).
    #[arg(long, default_value_t = 5.0)]
    pub poll: f64,
}

impl BulkRunArgs {
    /// `--poll` as a duration, checked.
    pub fn poll_delay(&self) -> anyhow::Result<Duration> {
        let secs = self.poll;
        if !(secs.is_finite() && secs > 0.0 && secs <= 3600.0) {
            bail!("--poll {secs}: must be between 0 and 3600 seconds");
        }
        Ok(Duration::from_secs_f64(secs))
    }
}
