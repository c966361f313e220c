//! `mkto leads sync --mode auto|sync|bulk`: whether a sync goes through Sync Leads (300 records a call) or
//! Bulk Lead Import (10 MB a call).
//!
//! `auto` picks bulk for a CSV file of at least [`AUTO_BULK_BYTES`] when the run is one bulk import can do
//! (create-or-update, no dry run, no resume). Below that, Sync Leads takes at most ~170 calls (well under a
//! minute within 100 calls / 20 s) and reports each record as created or updated, which bulk import does not;
//! above it, bulk import needs about one call per 10 MB plus a few status polls, so it spares the daily quota.

use super::import::ImportRun;
use super::sync::{ActionArg, SyncArgs};
use crate::input::InputFormat;
use crate::rejects;
use clap::ValueEnum;
use marketo_client::endpoints::{ImportFormat, ImportSettings};
use std::path::Path;
use std::time::Duration;

/// The input size from which `--mode auto` uses bulk import: half an import part.
pub const AUTO_BULK_BYTES: u64 = 5_000_000;

/// `--mode`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Mode {
    /// Bulk import for CSV files of 5 MB or more (and runs it can do), Sync Leads otherwise.
    Auto,
    /// Always Sync Leads.
    Sync,
    /// Always bulk import (CSV file, createOrUpdate).
    Bulk,
}

/// Why bulk import cannot do this run, if it cannot.
fn unsuitable(a: &SyncArgs) -> Option<String> {
    if a.file == "-" {
        return Some("it reads a file, not stdin".into());
    }
    match InputFormat::resolve(a.input_format, &a.file) {
        Ok(InputFormat::Csv) => {}
        _ => return Some("it takes CSV input".into()),
    }
    if !matches!(a.action, ActionArg::CreateOrUpdate) {
        return Some("it always creates or updates (--action createOrUpdate)".into());
    }
    if a.dry_run {
        return Some("it has no dry run".into());
    }
    if a.resume {
        return Some("--resume continues a Sync Leads run".into());
    }
    if crate::input::Rows::open(&a.file, InputFormat::Csv).is_ok_and(|r| r.is_rejects_file()) {
        return Some("it would send a rejects file's line, code and reason columns too".into());
    }
    None
}

/// The bulk import to run instead of a sync, when `--mode` and the input say so; `Err` for `--mode bulk`
/// on a run bulk import cannot do.
pub fn bulk_run(a: &SyncArgs, ctx: &crate::global::Ctx) -> anyhow::Result<Option<ImportRun>> {
    let why_not = unsuitable(a);
    match (a.mode, &why_not) {
        (Mode::Sync, _) => return Ok(None),
        (Mode::Bulk, Some(why)) => {
            anyhow::bail!("--mode bulk: bulk import cannot do this run: {why}")
        }
        (Mode::Auto, Some(_)) => return Ok(None),
        _ => {}
    }
    let size = std::fs::metadata(&a.file).map(|m| m.len()).unwrap_or(0);
    if a.mode == Mode::Auto && size < AUTO_BULK_BYTES {
        return Ok(None);
    }
    if a.mode == Mode::Auto && !ctx.quiet() {
        eprintln!(
            "mkto: {} is {:.1} MB: using bulk import (--mode sync sends it through Sync Leads instead)",
            a.file,
            size as f64 / 1e6
        );
    }
    Ok(Some(ImportRun {
        file: Path::new(&a.file).to_path_buf(),
        settings: ImportSettings {
            format: ImportFormat::Csv,
            lookup_field: Some(a.lookup_field.clone()),
            list_id: None,
            partition_name: a.partition.clone(),
            ..ImportSettings::default()
        },
        rejects: a
            .rejects
            .clone()
            .unwrap_or_else(|| rejects::default_path(&a.file, false)),
        poll: Duration::from_secs(5),
        format: ctx.format(),
        quiet: ctx.quiet(),
        list: None,
    }))
}
