//! `mkto leads get`: leads by filter type, any number of values (the client pages and splits).

use crate::global::Ctx;
use crate::output::RecordWriter;
use crate::session::Session;
use anyhow::{bail, Context};
use clap::Args;
use futures::StreamExt;
use std::process::ExitCode;

/// The fields Marketo returns when none are asked for.
const DEFAULT_FIELDS: &[&str] = &[
    "id",
    "email",
    "firstName",
    "lastName",
    "updatedAt",
    "createdAt",
];

/// Arguments of `mkto leads get`.
#[derive(Debug, Args)]
pub struct GetArgs {
    /// The field to filter on (email, id, or a searchable custom field).
    #[arg(long)]
    filter_type: String,
    /// Comma-separated values.
    #[arg(
        long,
        value_delimiter = ',',
        conflicts_with = "values_file",
        required_unless_present = "values_file"
    )]
    values: Vec<String>,
    /// A file with one value per line; `-` reads stdin.
    #[arg(long)]
    values_file: Option<String>,
    /// Fields to return (comma-separated).
    #[arg(long, value_delimiter = ',')]
    fields: Vec<String>,
}

fn values(a: &GetArgs) -> anyhow::Result<Vec<String>> {
    let v: Vec<String> = match &a.values_file {
        Some(path) => crate::ids::read_text(path)?
            .lines()
            .map(|l| l.trim().to_owned())
            .filter(|l| !l.is_empty())
            .collect(),
        None => a
            .values
            .iter()
            .map(|v| v.trim().to_owned())
            .filter(|v| !v.is_empty())
            .collect(),
    };
    if v.is_empty() {
        bail!("no filter values given");
    }
    Ok(v)
}

/// Run `mkto leads get`.
pub fn run(a: GetArgs, ctx: &Ctx) -> anyhow::Result<ExitCode> {
    let values = values(&a)?;
    let columns: Vec<String> = if a.fields.is_empty() {
        DEFAULT_FIELDS.iter().map(|s| (*s).to_owned()).collect()
    } else {
        a.fields.clone()
    };
    let rt = tokio::runtime::Runtime::new().context("cannot start the async runtime")?;
    rt.block_on(async move {
        let session = Session::open_reading(&ctx.connect, ctx.quiet()).await?;
        let field_refs: Vec<&str> = columns.iter().map(String::as_str).collect();
        let mut stream = Box::pin(session.client.leads().by_filter(
            &a.filter_type,
            values,
            &field_refs,
        ));
        let mut writer = RecordWriter::new(ctx.format(), columns.clone());
        let mut result: anyhow::Result<()> = Ok(());
        while result.is_ok() {
            match stream.next().await {
                None => break,
                Some(Ok(lead)) => result = writer.record(&lead).map_err(Into::into),
                Some(Err(e)) => {
                    result = Err(anyhow::Error::new(e).context("Get Leads by Filter Type"))
                }
            }
        }
        drop(stream);
        session.close().await;
        // Nothing on stdout before an error: a failed read prints no partial table.
        result?;
        let count = writer.count();
        writer.finish()?;
        if !ctx.quiet() {
            eprintln!("mkto: {count} leads");
        }
        Ok(ExitCode::SUCCESS)
    })
}
