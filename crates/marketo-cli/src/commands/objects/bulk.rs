//! `mkto objects TYPE import FILE` and `mkto objects TYPE export`: a custom object's records through the bulk
//! API, on the same runs as `leads import` and `leads export` (parts under 10 MB, queue limits waited out,
//! failed rows to the rejects file with their lines; exports in 31-day jobs, resumable). Marketo has bulk
//! endpoints for custom objects only, so the fixed types (companies, ...) are refused with the way to go.

use crate::commands::leads::import::{self as lead_import, FileFormat, ImportRun};
use crate::export_run::{self, ExportRun, FilterFlags};
use crate::global::Ctx;
use crate::object_kind::AnyKind;
use anyhow::bail;
use clap::{ArgGroup, Args};
use marketo_client::endpoints::{ExportKind, ExportRequest, ImportTarget};
use marketo_client::operations::ObjectKind;
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `mkto objects TYPE import`.
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// CSV, TSV or SSV file with a header row of the type's field names.
    file: PathBuf,
    /// The file's format; by default from its extension (csv otherwise).
    #[arg(long, value_enum)]
    file_format: Option<FileFormat>,
    /// Where rows Marketo did not import go (default: beside the input, NAME.rejects.csv).
    #[arg(long)]
    rejects: Option<PathBuf>,
    #[command(flatten)]
    run: crate::commands::bulk_args::BulkRunArgs,
}

/// Arguments of `mkto objects TYPE export`.
#[derive(Debug, Args)]
#[command(group(ArgGroup::new("filter").required(true).args(["updated_since", "list", "smart_list"])))]
pub struct ExportArgs {
    /// Records updated since this date or datetime (2024-01-01, 2024-01-01T00:00:00Z).
    #[arg(long, visible_alias = "since")]
    updated_since: Option<String>,
    /// The records linked to the members of a static list, by id or name.
    #[arg(long)]
    list: Option<String>,
    /// The records linked to the members of a smart list, by id or name (1035 on some subscriptions).
    #[arg(long)]
    smart_list: Option<String>,
    /// End of the date range (default: now).
    #[arg(long)]
    until: Option<String>,
    /// Fields to export, comma-separated (the type's field names; `marketoGUID`, `createdAt`, `updatedAt`).
    #[arg(long, value_delimiter = ',', required = true)]
    fields: Vec<String>,
    /// The output file (CSV); `-` writes it to stdout (then it cannot be resumed).
    #[arg(long, short)]
    output: PathBuf,
    #[command(flatten)]
    run: crate::commands::bulk_args::BulkRunArgs,
}

/// The custom object's API name, or why the type has no bulk endpoints.
fn custom_name(kind: &AnyKind, verb: &str) -> anyhow::Result<String> {
    match kind {
        AnyKind::Custom(c) => Ok(c.name().to_owned()),
        AnyKind::Fixed(k) => bail!(
            "{}: Marketo has no bulk {verb} for this type, only for custom objects; \
             use `mkto objects {} sync` (300 records a call) instead",
            k.name(),
            k.name()
        ),
    }
}

/// Run `mkto objects TYPE import`.
pub fn import(kind: AnyKind, a: ImportArgs, ctx: &Ctx) -> anyhow::Result<ExitCode> {
    let name = custom_name(&kind, "import")?;
    let run = ImportRun::for_file(
        &a.file,
        ImportTarget::CustomObject(name),
        a.file_format,
        a.rejects.as_deref(),
        &a.run,
        ctx,
    )?;
    lead_import::execute(run, ctx)
}

/// Run `mkto objects TYPE export`.
pub fn export(kind: AnyKind, a: ExportArgs, ctx: &Ctx) -> anyhow::Result<ExitCode> {
    let name = custom_name(&kind, "export")?;
    let fields = export_run::field_list(&a.fields)?;
    if a.until.is_some() && a.updated_since.is_none() {
        bail!("--until goes with --updated-since");
    }
    let filter = export_run::filter(&FilterFlags {
        updated_since: a.updated_since.as_deref(),
        list: a.list.as_deref(),
        smart_list: a.smart_list.as_deref(),
        until: a.until.as_deref(),
        ..FilterFlags::default()
    })?;
    let key = format!(
        "{name} updated={:?} list={:?} smart={:?} until={:?} fields={fields:?}",
        a.updated_since, a.list, a.smart_list, a.until
    );
    let run = ExportRun {
        key,
        kind: ExportKind::CustomObject(name),
        request: ExportRequest::new(fields, filter),
        output: a.output.clone(),
        poll: a.run.poll_delay()?,
        format: ctx.format(),
        quiet: ctx.quiet(),
    };
    export_run::execute(run, ctx)
}
