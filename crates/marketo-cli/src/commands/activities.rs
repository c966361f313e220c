//! `mkto activities export --since DATE [--until DATE] [--type-ids 1,12] -o FILE`: Bulk Extract of
//! activities into one file, cut into jobs of at most 31 days, resumable like `mkto leads export`.

use crate::export_run::{self, parse_datetime, ExportRun};
use crate::global::Ctx;
use anyhow::bail;
use clap::{Args, Subcommand};
use marketo_client::endpoints::{ExportFilter, ExportKind, ExportRequest};
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `mkto activities`.
#[derive(Debug, Args)]
pub struct ActivitiesArgs {
    #[command(subcommand)]
    action: ActivitiesAction,
}

#[derive(Debug, Subcommand)]
enum ActivitiesAction {
    /// Export activities of a date range to a CSV file through Bulk Extract.
    Export(ExportArgs),
    /// Add custom activities from a CSV or JSON Lines file, with rejects.
    Add(super::activities_add::AddArgs),
    /// The activity types, standard and custom.
    Types(super::activity_types::TypesArgs),
}

/// Arguments of `mkto activities export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Activities since this date or datetime (2024-01-01, 2024-01-01T00:00:00Z).
    #[arg(long)]
    pub since: String,
    /// End of the range (default: now).
    #[arg(long)]
    pub until: Option<String>,
    /// Activity type ids, comma-separated (default: all).
    #[arg(long, value_delimiter = ',')]
    pub type_ids: Vec<i64>,
    /// The output file (CSV); `-` writes it to stdout (then it cannot be resumed).
    #[arg(long, short)]
    pub output: PathBuf,
    #[command(flatten)]
    pub run: crate::commands::bulk_args::BulkRunArgs,
}

/// Run `mkto activities`.
pub fn run(args: ActivitiesArgs, ctx: &Ctx) -> anyhow::Result<ExitCode> {
    match args.action {
        ActivitiesAction::Export(a) => export(a, ctx),
        ActivitiesAction::Add(a) => super::activities_add::run(a, ctx),
        ActivitiesAction::Types(a) => super::activity_types::run(a, ctx),
    }
}

fn export(a: ExportArgs, ctx: &Ctx) -> anyhow::Result<ExitCode> {
    let start = parse_datetime("--since", &a.since)?;
    let end = match &a.until {
        Some(u) => parse_datetime("--until", u)?,
        None => export_run::now(),
    };
    if start >= end {
        bail!("--since {}: must be before --until ({end})", a.since);
    }
    let mut request = ExportRequest::new(Vec::new(), ExportFilter::CreatedAt(start, end));
    request.activity_type_ids = a.type_ids.clone();
    let key = format!(
        "activities since={:?} until={:?} types={:?}",
        a.since, a.until, a.type_ids
    );
    let run = ExportRun {
        key,
        kind: ExportKind::Activities,
        request,
        output: a.output.clone(),
        poll: a.run.poll_delay()?,
        format: ctx.format(),
        quiet: ctx.quiet(),
    };
    export_run::execute(run, ctx)
}
