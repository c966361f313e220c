//! The instance's lead fields (Describe Lead), which `leads sync` checks every row against, cached per
//! endpoint in `$MKTO_HOME/cache/lead-fields/` for an hour so that a rerun spends no call on them. The cache
//! also keeps the offset between the server's clock and ours measured on that call (see
//! [`crate::server_time`]). It is read again from the instance when it is older than an hour, when the input
//! names a column the cached list does not have (a field added since), and after Marketo answered 1006 for a
//! field (see [`forget`]).

use crate::home;
use crate::wire::WireState;
use anyhow::Context;
use chrono::{DateTime, TimeDelta, Utc};
use marketo_client::endpoints::LeadField;
use marketo_client::Client;
use marketo_types::clock::{Clock, SystemClock};
use serde::{Deserialize, Serialize};
use std::path::PathBuf;

/// How long a cached field list is used.
pub const LIFETIME: TimeDelta = TimeDelta::hours(1);

#[derive(Serialize, Deserialize)]
struct Cached {
    endpoint: String,
    fetched_at: DateTime<Utc>,
    /// Server clock minus ours, a lower bound, in milliseconds.
    offset_ms: i64,
    fields: Vec<LeadField>,
}

/// The cache file of an endpoint.
fn path(endpoint: &str) -> PathBuf {
    let name: String = endpoint
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '.' || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect();
    home::cache_dir()
        .join("lead-fields")
        .join(format!("{name}.json"))
}

fn read(endpoint: &str) -> Option<Cached> {
    let text = std::fs::read(path(endpoint)).ok()?;
    let cached: Cached = serde_json::from_slice(&text).ok()?;
    let age = SystemClock.now() - cached.fetched_at;
    (cached.endpoint == endpoint && age >= TimeDelta::zero() && age < LIFETIME).then_some(cached)
}

fn write(endpoint: &str, offset_ms: i64, fields: &[LeadField]) -> anyhow::Result<()> {
    let file = path(endpoint);
    if let Some(dir) = file.parent() {
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    }
    let cached = Cached {
        endpoint: endpoint.to_owned(),
        fetched_at: SystemClock.now(),
        offset_ms,
        fields: fields.to_vec(),
    };
    let tmp = file.with_extension("json.tmp");
    std::fs::write(&tmp, serde_json::to_vec(&cached)?)
        .and_then(|()| std::fs::rename(&tmp, &file))
        .with_context(|| format!("cannot write {}", file.display()))
}

/// The lead fields of `endpoint`: cached if fresh and `columns` are all among them, else read from the
/// instance (one call) and cached.
pub async fn load(
    client: &Client,
    endpoint: &str,
    wire: &WireState,
    columns: &[String],
) -> anyhow::Result<Vec<LeadField>> {
    if let Some(cached) = read(endpoint) {
        let known = |c: &String| {
            cached
                .fields
                .iter()
                .any(|f| f.rest.as_ref().is_some_and(|r| &r.name == c))
        };
        if columns.iter().all(known) {
            wire.clock.seed_offset(cached.offset_ms);
            return Ok(cached.fields);
        }
    }
    let fields = client
        .leads()
        .describe()
        .await
        .context("reading the lead fields")?;
    if let Some(offset) = wire.clock.offset_ms() {
        // A cache that cannot be written costs a call next time, nothing more.
        if let Err(e) = write(endpoint, offset, &fields) {
            tracing::debug!("lead field cache: {e:#}");
        }
    }
    Ok(fields)
}

/// Drop the cached list of `endpoint` (Marketo said a field of it is unknown).
pub fn forget(endpoint: &str) {
    let _ = std::fs::remove_file(path(endpoint));
}
