//! `mkto leads import FILE`: the whole file through Bulk Lead Import. The file is cut into imports under
//! 10 MB, queued within Marketo's limits and polled; rows Marketo did not import go to the rejects file with
//! their original line numbers and reasons, exactly like `leads sync`.

use crate::bulk_progress::{tick, RecordCounter};
use crate::global::Ctx;
use crate::output::Format;
use crate::progress::Reporter;
use crate::rejects::{self, Original, Rejects};
use crate::session::Session;
use anyhow::Context;
use clap::{Args, ValueEnum};
use marketo_client::endpoints::{
    BulkOptions, ImportFormat, ImportReport, ImportSettings, ImportTarget,
};
use serde_json::json;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

/// Arguments of `mkto leads import`.
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// CSV, TSV or SSV file with a header row of lead field names.
    pub file: PathBuf,
    /// The file's format; by default from its extension (csv otherwise).
    #[arg(long, value_enum)]
    pub file_format: Option<FileFormat>,
    /// The field that identifies a lead (`id` updates only).
    #[arg(long, default_value = "email")]
    pub lookup_field: String,
    /// Static list every imported lead joins: its id or its name.
    #[arg(long, alias = "list-id")]
    pub list: Option<String>,
    /// Lead partition new leads go to.
    #[arg(long)]
    pub partition: Option<String>,
    /// Where rows Marketo did not import go (default: beside the input, NAME.rejects.csv).
    #[arg(long)]
    pub rejects: Option<PathBuf>,
    #[command(flatten)]
    pub run: crate::commands::bulk_args::BulkRunArgs,
}

/// `--file-format`.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum FileFormat {
    /// Comma-separated.
    Csv,
    /// Tab-separated.
    Tsv,
    /// Semicolon-separated.
    Ssv,
}

/// What an import run needs, whether from `leads import` or `leads sync --mode bulk`.
pub struct ImportRun {
    /// The input.
    pub file: PathBuf,
    /// The Marketo settings.
    pub settings: ImportSettings,
    /// The rejects file.
    pub rejects: PathBuf,
    /// First poll wait.
    pub poll: Duration,
    /// Summary format.
    pub format: Format,
    /// No progress.
    pub quiet: bool,
    /// `--list`, an id or a name, resolved once connected.
    pub list: Option<String>,
}

impl ImportRun {
    /// An import of `file` into `target` (checked to be a readable file; its format from `file_format`, else
    /// its extension), with its rejects beside it unless `rejects` says where, for `leads import`,
    /// `objects TYPE import` and `members import`.
    pub fn for_file(
        file: &Path,
        target: ImportTarget,
        file_format: Option<FileFormat>,
        rejects: Option<&Path>,
        run: &crate::commands::bulk_args::BulkRunArgs,
        ctx: &Ctx,
    ) -> anyhow::Result<ImportRun> {
        crate::input::check_input(file)?;
        let format = match file_format {
            Some(FileFormat::Csv) => ImportFormat::Csv,
            Some(FileFormat::Tsv) => ImportFormat::Tsv,
            Some(FileFormat::Ssv) => ImportFormat::Ssv,
            None => ImportFormat::from_path(file).unwrap_or_default(),
        };
        Ok(ImportRun {
            file: file.to_path_buf(),
            settings: ImportSettings {
                target,
                format,
                ..ImportSettings::default()
            },
            rejects: rejects.map_or_else(
                || rejects::default_path(&file.to_string_lossy(), false),
                Path::to_path_buf,
            ),
            list: None,
            poll: run.poll_delay()?,
            format: ctx.format(),
            quiet: ctx.quiet(),
        })
    }
}

fn settings(a: &ImportArgs, ctx: &Ctx) -> anyhow::Result<ImportRun> {
    let mut r = ImportRun::for_file(
        &a.file,
        ImportTarget::Leads,
        a.file_format,
        a.rejects.as_deref(),
        &a.run,
        ctx,
    )?;
    r.settings.lookup_field = Some(a.lookup_field.clone());
    r.settings.partition_name = a.partition.clone();
    r.list = a.list.clone();
    Ok(r)
}

/// Run `mkto leads import`.
pub fn run(a: ImportArgs, ctx: &Ctx) -> anyhow::Result<ExitCode> {
    let r = settings(&a, ctx)?;
    execute(r, ctx)
}

/// The header row of `path`.
fn header(path: &Path, delimiter: u8) -> anyhow::Result<Vec<String>> {
    let mut rdr = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .from_path(path)
        .with_context(|| format!("cannot read {}", path.display()))?;
    Ok(rdr
        .headers()
        .with_context(|| format!("{}:1: unreadable header row", path.display()))?
        .iter()
        .map(str::to_owned)
        .collect())
}

/// The catalogue code whose message (or one of whose meanings) a failure reason matches, else `bulk`.
pub fn reason_code(reason: &str) -> String {
    let matches = |template: &str| {
        let fixed = template.split("%s").next().unwrap_or("");
        !fixed.is_empty() && reason.starts_with(fixed)
    };
    marketo_types::codes::CATALOGUE
        .iter()
        .find(|c| {
            c.code >= 1000 && (matches(c.message) || c.meanings.iter().any(|m| matches(m.message)))
        })
        .map_or_else(|| "bulk".to_owned(), |c| c.code.to_string())
}

/// Import with `r`: the shared path of `leads import` and `leads sync --mode bulk`.
pub fn execute(mut r: ImportRun, ctx: &Ctx) -> anyhow::Result<ExitCode> {
    let connect = &ctx.connect;
    let delimiter = match r.settings.format {
        ImportFormat::Csv => b',',
        ImportFormat::Tsv => b'\t',
        ImportFormat::Ssv => b';',
    };
    let columns = header(&r.file, delimiter)?;
    let rt = tokio::runtime::Runtime::new().context("cannot start the async runtime")?;
    rt.block_on(async move {
        let counter = Arc::new(RecordCounter::default());
        let failed_calls = rejects::failed_calls_path(&r.rejects);
        let session =
            Session::open_observed(connect, r.quiet, Some(counter.clone()), Some(&failed_calls))
                .await?;
        if let Some(list) = &r.list {
            match crate::list_ref::resolve(&session.client, list).await {
                Ok(id) => r.settings.list_id = Some(id),
                Err(e) => {
                    session.close().await;
                    return Err(e);
                }
            }
        }
        let reporter = Arc::new(Reporter::new(None, Some(session.client.clone()), r.quiet));
        let ticker = tick(counter.clone(), reporter.clone(), session.wire.clone());
        let options = BulkOptions {
            poll_first: r.poll,
            ..BulkOptions::default()
        };
        let result = session
            .client
            .bulk()
            .with_options(options)
            .import_file(&r.file, &r.settings)
            .await;
        ticker.stop();
        reporter.set_done(counter.get());
        reporter.finish();
        let calls = session.client.usage_snapshot().calls_sent;
        crate::summary::note_failed_calls(&session.client);
        session.close().await;
        let report = result.with_context(|| format!("importing {}", r.file.display()))?;
        let mut rejects = Rejects::open(&r.rejects, Some(&columns), None)?;
        let file = r.file.display().to_string();
        for f in &report.failures {
            let line = f.line.unwrap_or(0);
            if f.line.is_some() {
                reporter.problem(&file, line, &f.reason);
            }
            rejects.write(
                line,
                &reason_code(&f.reason),
                &f.reason,
                &Original::Raw(f.cells.iter().map(|c| c.clone().into_bytes()).collect()),
            )?;
        }
        rejects.sync()?;
        print_summary(&report, &r, calls)?;
        Ok(if report.stopped.is_some() || report.not_sent() > 0 {
            ExitCode::from(2)
        } else {
            ExitCode::SUCCESS
        })
    })
}

fn print_summary(report: &ImportReport, r: &ImportRun, calls: u64) -> anyhow::Result<()> {
    let mut by_reason = std::collections::BTreeMap::<String, u64>::new();
    for f in &report.failures {
        *by_reason.entry(reason_code(&f.reason)).or_default() += 1;
    }
    let failed = report.failures.len() as u64;
    {
        let v = json!({
            "mode": "bulk",
            "read": report.rows,
            "imported": report.processed(),
            "failed": failed,
            "failed_by_reason": by_reason,
            "warnings": report.warnings.len(),
            "pending": report.not_sent(),
            "imports": report.parts.len(),
            "batch_ids": report.parts.iter().filter_map(|p| p.batch_id).collect::<Vec<_>>(),
            "calls": calls,
            "rejects_file": r.rejects.display().to_string(),
            "stopped": report.stopped.as_ref().map(|e| e.to_string()),
        });
        let mut out = format!("imported {}\nfailed   {}\n", report.processed(), failed);
        for (code, n) in &by_reason {
            out += &format!("  {code:<6} {n:>8}\n");
        }
        out += &format!(
            "warnings {}\npending  {}\nimports  {}\ncalls    {}\n",
            report.warnings.len(),
            report.not_sent(),
            report.parts.len(),
            calls
        );
        if failed > 0 {
            out += &format!("rejects  {}\n", r.rejects.display());
        }
        crate::output::summary(r.format, &v, &out)?;
    }
    if let Some(e) = &report.stopped {
        eprintln!("mkto: stopped: {e}");
    }
    if report.not_sent() > 0 {
        eprintln!(
            "mkto: {} rows were not sent; run the import again for them",
            report.not_sent()
        );
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn reasons_map_to_catalogue_codes() {
        assert_eq!(super::reason_code("Invalid value for field 'x'"), "1003");
        assert_eq!(super::reason_code("Lead not found"), "1004");
        assert_eq!(
            super::reason_code("Invalid number of columns, expected 3"),
            "bulk"
        );
    }
}
