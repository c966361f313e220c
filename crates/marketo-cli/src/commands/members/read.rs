//! `mkto members get PROGRAM` and `mkto members delete PROGRAM LEADS`.

use crate::global::Ctx;
use crate::output::RecordWriter;
use crate::session::Session;
use anyhow::{bail, Context};
use clap::Args;
use futures::StreamExt;
use marketo_client::endpoints::MemberFilter;
use std::process::ExitCode;

/// Arguments of `mkto members get`.
#[derive(Debug, Args)]
pub struct GetArgs {
    /// The program's id.
    program: i64,
    /// The field to filter on: leadId, statusName, reachedSuccess, or a searchable custom field.
    #[arg(long, default_value = "statusName", requires = "values")]
    filter_type: String,
    /// Comma-separated values (at most 300).
    #[arg(long, value_delimiter = ',', conflicts_with = "updated_since")]
    values: Vec<String>,
    /// Members updated since this datetime (RFC 3339 or a date; the range is at most 7 days).
    #[arg(long)]
    updated_since: Option<String>,
    /// End of the update range (default: now).
    #[arg(long, requires = "updated_since")]
    until: Option<String>,
    /// Fields to return (comma-separated; default: leadId, statusName, membershipDate, reachedSuccess, ...).
    #[arg(long, value_delimiter = ',')]
    fields: Vec<String>,
}

/// Arguments of `mkto members delete`.
#[derive(Debug, Args)]
pub struct DeleteArgs {
    /// The program's id.
    program: i64,
    /// Lead ids: comma-separated, a file with one per line or an `id` column, or `-` for stdin.
    leads: String,
    /// Delete without asking (needed when stdin is not a terminal).
    #[arg(long, short)]
    yes: bool,
    /// Say what would be removed; send nothing.
    #[arg(long)]
    dry_run: bool,
}

const COLUMNS: &[&str] = &[
    "leadId",
    "statusName",
    "membershipDate",
    "reachedSuccess",
    "acquiredBy",
];

/// Run `mkto members get`.
pub fn get(a: GetArgs, ctx: &Ctx) -> anyhow::Result<ExitCode> {
    let filter = match &a.updated_since {
        Some(since) => {
            let start = crate::export_run::parse_datetime("--updated-since", since)?;
            let end = match &a.until {
                Some(u) => crate::export_run::parse_datetime("--until", u)?,
                None => crate::export_run::now(),
            };
            let iso = |t: chrono::DateTime<chrono::Utc>| {
                t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
            };
            MemberFilter::UpdatedAt(iso(start), iso(end))
        }
        None => {
            let values: Vec<String> = a
                .values
                .iter()
                .map(|v| v.trim().to_owned())
                .filter(|v| !v.is_empty())
                .collect();
            if values.is_empty() {
                bail!("say which members: --values (with --filter-type) or --updated-since");
            }
            MemberFilter::Field(a.filter_type.clone(), values)
        }
    };
    let columns: Vec<String> = if a.fields.is_empty() {
        COLUMNS.iter().map(|c| (*c).to_owned()).collect()
    } else {
        a.fields.clone()
    };
    let rt = tokio::runtime::Runtime::new().context("cannot start the async runtime")?;
    rt.block_on(async move {
        let session = Session::open_reading(&ctx.connect, ctx.quiet()).await?;
        let refs: Vec<&str> = a.fields.iter().map(String::as_str).collect();
        let mut stream = Box::pin(session.client.programs().members(a.program, &filter, &refs));
        let mut writer = RecordWriter::new(ctx.format(), columns);
        let mut result: anyhow::Result<()> = Ok(());
        while result.is_ok() {
            match stream.next().await {
                None => break,
                Some(Ok(r)) => result = writer.record(&r).map_err(Into::into),
                Some(Err(e)) => {
                    result = Err(anyhow::Error::new(e)
                        .context(format!("Get Program Members of program {}", a.program)))
                }
            }
        }
        drop(stream);
        session.close().await;
        result?;
        let n = writer.count();
        writer.finish()?;
        if !ctx.quiet() {
            eprintln!("mkto: {n} members of program {}", a.program);
        }
        Ok(ExitCode::SUCCESS)
    })
}

/// Run `mkto members delete`.
pub fn delete(a: DeleteArgs, ctx: &Ctx) -> anyhow::Result<ExitCode> {
    let ids = crate::ids::parse_with(&a.leads, crate::ids::Columns::Named(Some("leadId")))?;
    let keys: Vec<String> = ids.iter().map(i64::to_string).collect();
    if a.dry_run {
        eprintln!(
            "mkto: dry run: {} leads would be removed from program {}; nothing was sent",
            ids.len(),
            a.program
        );
        return Ok(ExitCode::SUCCESS);
    }
    let what = format!("remove {} leads from program {}", ids.len(), a.program);
    if !crate::confirm::confirm(&what, a.yes, a.leads == "-", &ctx.connect)? {
        eprintln!("mkto: nothing removed");
        return Ok(ExitCode::from(crate::EXIT_USAGE));
    }
    let rt = tokio::runtime::Runtime::new().context("cannot start the async runtime")?;
    rt.block_on(async move {
        let session = Session::open(&ctx.connect, ctx.quiet()).await?;
        let out = session
            .client
            .programs()
            .delete_members(a.program, &ids)
            .await;
        session.close().await;
        let results =
            out.with_context(|| format!("Delete Program Members of program {}", a.program))?;
        let outcomes = super::sync::outcomes(ids.len(), &results);
        crate::outcome_report::report_keys(ctx, &keys, &outcomes, "member")
    })
}
