//! `mkto leads sync FILE`: every row to Marketo, every outcome accounted for.

use crate::checkpoint;
use crate::global::Ctx;
use crate::input::InputFormat;
use crate::output::Format;
use crate::progress::Reporter;
use crate::rejects;
use crate::session::Session;
use crate::summary::Counts;
use crate::sync::{self, SyncReport, SyncSettings};
use anyhow::{bail, Context};
use clap::{Args, ValueEnum};
use marketo_client::SyncAction;
use marketo_types::limits::MAX_RECORDS_PER_CALL;
use serde_json::json;
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `mkto leads sync`.
#[derive(Debug, Args)]
pub struct SyncArgs {
    /// CSV (with a header row) or JSON Lines file; `-` reads stdin.
    pub file: String,
    /// Input format; by default from the file's extension (stdin: csv).
    #[arg(long, value_enum)]
    pub input_format: Option<InputFormat>,
    /// What to do with each lead.
    #[arg(long, value_enum, default_value_t = ActionArg::CreateOrUpdate)]
    pub action: ActionArg,
    /// The field that identifies a lead.
    #[arg(long, default_value = "email")]
    pub lookup_field: String,
    /// Lead partition to create leads in.
    #[arg(long)]
    pub partition: Option<String>,
    /// Where skipped and unsendable records go (default: beside the input, NAME.rejects.csv|jsonl).
    #[arg(long)]
    pub rejects: Option<PathBuf>,
    /// Checkpoint file (default: beside the input, NAME.state.json). Written after every batch.
    #[arg(long)]
    pub state: Option<PathBuf>,
    /// Continue an interrupted run from its checkpoint.
    #[arg(long)]
    pub resume: bool,
    /// Check every row against the instance's fields and write rejects; send nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Records per call (at most 300).
    #[arg(long, default_value_t = MAX_RECORDS_PER_CALL)]
    pub batch_size: usize,
    /// Exit 2 when any record was skipped, not only when records failed or are pending.
    #[arg(long)]
    pub fail_on_skips: bool,
    /// Sync Leads, bulk import, or bulk import for CSV files of 5 MB or more (auto).
    #[arg(long, value_enum, default_value_t = super::mode::Mode::Auto)]
    pub mode: super::mode::Mode,
}

/// `--action`.
#[derive(Debug, Clone, Copy, ValueEnum)]
#[value(rename_all = "camelCase")]
pub enum ActionArg {
    /// Create new leads, skip existing ones (1005).
    CreateOnly,
    /// Update existing leads, skip unknown ones (1004).
    UpdateOnly,
    /// Create or update.
    CreateOrUpdate,
    /// Always create.
    CreateDuplicate,
}

impl From<ActionArg> for SyncAction {
    fn from(a: ActionArg) -> SyncAction {
        match a {
            ActionArg::CreateOnly => SyncAction::CreateOnly,
            ActionArg::UpdateOnly => SyncAction::UpdateOnly,
            ActionArg::CreateOrUpdate => SyncAction::CreateOrUpdate,
            ActionArg::CreateDuplicate => SyncAction::CreateDuplicate,
        }
    }
}

fn settings(a: &SyncArgs) -> anyhow::Result<SyncSettings> {
    let format = InputFormat::resolve(a.input_format, &a.file)?;
    if a.batch_size == 0 || a.batch_size > MAX_RECORDS_PER_CALL {
        bail!(
            "--batch-size {}: must be between 1 and {MAX_RECORDS_PER_CALL}",
            a.batch_size
        );
    }
    if a.file != "-" {
        crate::input::check_input(std::path::Path::new(&a.file))?;
        if format == InputFormat::Jsonl {
            crate::sniff::json_array(std::path::Path::new(&a.file))?;
        }
    }
    if a.resume && a.dry_run {
        bail!("--resume and --dry-run do not go together: a dry run sends nothing and keeps no checkpoint");
    }
    if a.file == "-" && a.resume && a.state.is_none() {
        bail!("--resume with stdin needs --state FILE, and the same input again");
    }
    Ok(SyncSettings {
        input: a.file.clone(),
        format,
        action: a.action.into(),
        lookup_field: a.lookup_field.clone(),
        partition: a.partition.clone(),
        rejects: a
            .rejects
            .clone()
            .unwrap_or_else(|| rejects::default_path(&a.file, format == InputFormat::Jsonl)),
        state: a
            .state
            .clone()
            .unwrap_or_else(|| checkpoint::default_path(&a.file)),
        resume: a.resume,
        dry_run: a.dry_run,
        batch_size: a.batch_size,
        in_flight: 1,
    })
}

/// Run `mkto leads sync`.
pub fn run(a: SyncArgs, ctx: &Ctx) -> anyhow::Result<ExitCode> {
    let mut s = settings(&a)?;
    if let Some(bulk) = super::mode::bulk_run(&a, ctx)? {
        return super::import::execute(bulk, ctx);
    }
    let rt = tokio::runtime::Runtime::new().context("cannot start the async runtime")?;
    rt.block_on(async move {
        crate::interrupt::install();
        let _graceful = crate::interrupt::graceful();
        let failed_calls = rejects::failed_calls_path(&s.rejects);
        let session =
            Session::open_observed(&ctx.connect, ctx.quiet(), None, Some(&failed_calls)).await?;
        // Keep a couple of batches ready beyond what the client may send at once.
        s.in_flight = session.client.usage_snapshot().concurrency_limit as usize + 2;
        let result = async {
            let reporter = Reporter::new(
                crate::input::count_rows(&s.input, s.format),
                Some(session.client.clone()),
                ctx.quiet(),
            );
            let report = sync::run(&session, &s, &reporter).await;
            reporter.finish();
            crate::summary::note_failed_calls(&session.client);
            report
        }
        .await;
        let endpoint = session.endpoint.clone();
        session.close().await;
        let report = result?;
        if report.unknown_field {
            crate::lead_fields::forget(&endpoint);
        }
        print_summary(&report, &s, ctx.format())?;
        let useless = crate::sync::verdict::nothing_useful(&report, &s);
        if let Some(why) = &useless {
            eprintln!("mkto: {why}");
        }
        let skips = a.fail_on_skips && report.counts.skipped_total() > 0;
        Ok(exit_code(
            &report,
            crate::interrupt::requested(),
            useless.is_some() || skips,
        ))
    })
}

fn exit_code(r: &SyncReport, interrupted: bool, not_enough: bool) -> ExitCode {
    if interrupted {
        ExitCode::from(130)
    } else if r.counts.failed > 0 || r.counts.pending > 0 || not_enough {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    }
}

fn summary_json(r: &SyncReport, s: &SyncSettings) -> serde_json::Value {
    let c: &Counts = &r.counts;
    json!({
        "read": c.read,
        "created": c.created,
        "updated": c.updated,
        "skipped": c.skipped_total(),
        "skipped_by_reason": c.skipped,
        "failed": c.failed,
        "pending": c.pending,
        "calls": c.calls,
        "dry_run": s.dry_run,
        "would_send": if s.dry_run { Some(r.sendable) } else { None },
        "rejects_file": r.rejects.display().to_string(),
        "unsettled": r.unsettled.0,
        "state_file": if c.pending > 0 { Some(s.state.display().to_string()) } else { None },
        "stopped": r.stopped,
    })
}

fn print_summary(r: &SyncReport, s: &SyncSettings, format: Format) -> anyhow::Result<()> {
    {
        let c = &r.counts;
        let mut out = String::new();
        if s.dry_run {
            out += &format!(
                "dry run: {} rows read, {} would be sent, nothing sent\n",
                c.read, r.sendable
            );
        }
        out += &format!(
            "created  {}\nupdated  {}\nskipped  {}\n",
            c.created,
            c.updated,
            c.skipped_total()
        );
        for (code, n) in &c.skipped {
            let what = match code.as_str() {
                "input" => "could not be read or is missing its lookup field".to_owned(),
                other => c.reason_text(other),
            };
            out += &format!("  {code:<6} {n:>8}  {what}\n");
        }
        out += &format!(
            "failed   {}\npending  {}\ncalls    {}\n",
            c.failed, c.pending, c.calls
        );
        if c.skipped_total() + c.failed > 0 {
            out += &format!(
                "rejects  {} ({} written by this run)\n",
                r.rejects.display(),
                r.rejects_written
            );
        }
        crate::output::summary(format, &summary_json(r, s), &out)?;
    }
    if let Some(why) = &r.stopped {
        eprintln!("mkto: stopped: {why}");
    }
    if r.unsettled.0 > 0 {
        eprintln!(
            "mkto: {} records had no answer after the client's retries ({}): a resume looks them up in \
             Marketo and sends again only those it did not apply",
            r.unsettled.0,
            r.unsettled.1.as_deref().unwrap_or("no answer")
        );
    }
    if r.held_back > 0 {
        eprintln!(
            "mkto: {} records share a lookup value with a batch whose answer is unknown: they were not sent, so \
             that --resume can look that batch up first",
            r.held_back
        );
    }
    if r.counts.pending > 0 {
        eprintln!(
            "mkto: {} records not sent yet; run the same command with --resume to send them (checkpoint: {})",
            r.counts.pending,
            s.state.display()
        );
    }
    if r.counts.failed > 0 {
        eprintln!(
            "mkto: {} records failed; see {}",
            r.counts.failed,
            r.rejects.display()
        );
    }
    Ok(())
}
