//! `mkto members import PROGRAM FILE --status NAME` and `mkto members export PROGRAM[,PROGRAM...]`: a program's
//! members through the bulk API, on the runs of `leads import` and `leads export` (parts under 10 MB, the
//! queue's limits waited out, failed rows to the rejects file with their lines; exports resumable).

use crate::commands::leads::import::{self as lead_import, FileFormat, ImportRun};
use crate::export_run::{self, ExportRun};
use crate::global::Ctx;
use anyhow::bail;
use clap::Args;
use marketo_client::endpoints::{ExportFilter, ExportKind, ExportRequest, ImportTarget};
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `mkto members import`.
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The program's id.
    program: i64,
    /// CSV, TSV or SSV file with a header row of lead fields (email, firstName, ...).
    file: PathBuf,
    /// The status every imported member gets (one of the program's channel).
    #[arg(long)]
    status: String,
    /// The file's format; by default from its extension (csv otherwise).
    #[arg(long, value_enum)]
    file_format: Option<FileFormat>,
    /// Where rows Marketo did not import go (default: beside the input, NAME.rejects.csv).
    #[arg(long)]
    rejects: Option<PathBuf>,
    #[command(flatten)]
    run: crate::commands::bulk_args::BulkRunArgs,
}

/// Arguments of `mkto members export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The program's id, or up to 10 ids comma-separated (the file then starts with a programId column).
    #[arg(value_delimiter = ',', required = true)]
    programs: Vec<i64>,
    /// Only members in these statuses (comma-separated).
    #[arg(long, value_delimiter = ',')]
    status: Vec<String>,
    /// Fields to export, comma-separated (lead fields and member fields: statusName, membershipDate, ...).
    #[arg(
        long,
        value_delimiter = ',',
        default_value = "leadId,firstName,lastName,email,statusName,membershipDate,reachedSuccess"
    )]
    fields: Vec<String>,
    /// The output file (CSV); `-` writes it to stdout (then it cannot be resumed).
    #[arg(long, short)]
    output: PathBuf,
    #[command(flatten)]
    run: crate::commands::bulk_args::BulkRunArgs,
}

/// Run `mkto members import`.
pub fn import(a: ImportArgs, ctx: &Ctx) -> anyhow::Result<ExitCode> {
    if a.status.trim().is_empty() {
        bail!("--status: the status every imported member gets");
    }
    let target = ImportTarget::ProgramMembers {
        program_id: a.program,
        status: a.status.clone(),
    };
    let run = ImportRun::for_file(
        &a.file,
        target,
        a.file_format,
        a.rejects.as_deref(),
        &a.run,
        ctx,
    )?;
    lead_import::execute(run, ctx)
}

/// Run `mkto members export`.
pub fn export(a: ExportArgs, ctx: &Ctx) -> anyhow::Result<ExitCode> {
    if a.programs.len() > 10 {
        bail!("at most 10 programs an export ({} given)", a.programs.len());
    }
    let fields = export_run::field_list(&a.fields)?;
    let filter = match a.programs.as_slice() {
        [one] => ExportFilter::ProgramId(*one),
        many => ExportFilter::ProgramIds(many.to_vec()),
    };
    let mut request = ExportRequest::new(fields.clone(), filter);
    request.status_names = a.status.clone();
    let key = format!(
        "members programs={:?} status={:?} fields={fields:?}",
        a.programs, a.status
    );
    let run = ExportRun {
        key,
        kind: ExportKind::ProgramMembers,
        request,
        output: a.output.clone(),
        poll: a.run.poll_delay()?,
        format: ctx.format(),
        quiet: ctx.quiet(),
    };
    export_run::execute(run, ctx)
}
