//! `mkto leads export`: Bulk Extract of leads into one file. A date range longer than 31 days is cut into
//! jobs of at most 31 days; an interrupted run continues with the same command (finished jobs are kept, a
//! half-downloaded file resumes with `Range`); every file is checked against its `sha256:` checksum.

use crate::export_run::{self, ExportRun};
use crate::global::Ctx;
use anyhow::bail;
use clap::{ArgGroup, Args};
use marketo_client::endpoints::{ExportFilter, ExportKind, ExportRequest};
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `mkto leads export`.
#[derive(Debug, Args)]
#[command(group(ArgGroup::new("filter").required(true).args(["created_since", "updated_since", "list", "smart_list"])))]
pub struct ExportArgs {
    /// Leads created since this date or datetime (2024-01-01, 2024-01-01T00:00:00Z); also `--since`.
    #[arg(long, visible_alias = "since")]
    pub created_since: Option<String>,
    /// Leads updated since this date or datetime (not every subscription supports it: 1035).
    #[arg(long)]
    pub updated_since: Option<String>,
    /// Members of a static list, by id or name.
    #[arg(long)]
    pub list: Option<String>,
    /// Members of a smart list, by id or name (not every subscription supports it: 1035).
    #[arg(long)]
    pub smart_list: Option<String>,
    /// End of the date range (default: now).
    #[arg(long)]
    pub until: Option<String>,
    /// Fields to export, comma-separated (REST names).
    #[arg(
        long,
        value_delimiter = ',',
        default_value = "id,email,firstName,lastName,createdAt,updatedAt"
    )]
    pub fields: Vec<String>,
    /// The output file (CSV); `-` writes it to stdout (then it cannot be resumed).
    #[arg(long, short)]
    pub output: PathBuf,
    #[command(flatten)]
    pub run: crate::commands::bulk_args::BulkRunArgs,
}

fn filter(a: &ExportArgs) -> anyhow::Result<ExportFilter> {
    export_run::filter(&export_run::FilterFlags {
        created_since: a.created_since.as_deref(),
        updated_since: a.updated_since.as_deref(),
        list: a.list.as_deref(),
        smart_list: a.smart_list.as_deref(),
        until: a.until.as_deref(),
    })
}

/// Run `mkto leads export`.
pub fn run(a: ExportArgs, ctx: &Ctx) -> anyhow::Result<ExitCode> {
    let fields = export_run::field_list(&a.fields)?;
    if a.until.is_some() && a.created_since.is_none() && a.updated_since.is_none() {
        bail!("--until goes with --created-since or --updated-since");
    }
    let key = format!(
        "leads created={:?} updated={:?} list={:?} smart={:?} until={:?} fields={fields:?}",
        a.created_since, a.updated_since, a.list, a.smart_list, a.until
    );
    let run = ExportRun {
        key,
        kind: ExportKind::Leads,
        request: ExportRequest::new(fields, filter(&a)?),
        output: a.output.clone(),
        poll: a.run.poll_delay()?,
        format: ctx.format(),
        quiet: ctx.quiet(),
    };
    export_run::execute(run, ctx)
}
