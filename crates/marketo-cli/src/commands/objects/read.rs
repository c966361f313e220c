//! `mkto objects TYPE get` and `describe`.

use crate::global::Ctx;
use crate::object_kind::AnyKind;
use crate::output::{Format, RecordWriter};
use crate::session::Session;
use anyhow::{bail, Context};
use clap::Args;
use futures::StreamExt;
use marketo_client::operations::ObjectKind;
use std::process::ExitCode;

/// Arguments of `mkto objects TYPE get`.
#[derive(Debug, Args)]
pub struct GetArgs {
    /// The field to filter on (a searchable field, `dedupeFields`, or the id field).
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
    /// Fields to return (comma-separated; default: the type's own default).
    #[arg(long, value_delimiter = ',')]
    fields: Vec<String>,
}

/// Run `mkto objects TYPE get`.
pub fn get(kind: AnyKind, a: GetArgs, ctx: &Ctx) -> anyhow::Result<ExitCode> {
    let values: Vec<String> = match &a.values_file {
        Some(path) => crate::ids::read_text(path)?
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_owned)
            .collect(),
        None => a
            .values
            .iter()
            .map(|v| v.trim().to_owned())
            .filter(|v| !v.is_empty())
            .collect(),
    };
    if values.is_empty() {
        bail!("no filter values given");
    }
    let rt = tokio::runtime::Runtime::new().context("cannot start the async runtime")?;
    rt.block_on(async move {
        let session = Session::open_reading(&ctx.connect, ctx.quiet()).await?;
        let objects = session.client.objects(kind.clone());
        // Table and CSV need columns: the asked fields, else the id field and the dedupe fields.
        let columns = if a.fields.is_empty() && matches!(ctx.format(), Format::Table | Format::Csv)
        {
            match objects.describe().await {
                Ok(d) => std::iter::once(d.id_field.clone())
                    .chain(d.dedupe_fields.clone())
                    .collect(),
                Err(e) => {
                    session.close().await;
                    return Err(anyhow::Error::new(e).context(format!("Describe {}", kind.name())));
                }
            }
        } else {
            a.fields.clone()
        };
        let refs: Vec<&str> = a.fields.iter().map(String::as_str).collect();
        let mut stream = Box::pin(objects.get(&a.filter_type, values, &refs));
        let mut writer = RecordWriter::new(ctx.format(), columns);
        let mut result: anyhow::Result<()> = Ok(());
        while result.is_ok() {
            match stream.next().await {
                None => break,
                Some(Ok(r)) => result = writer.record(&r).map_err(Into::into),
                Some(Err(e)) => {
                    result = Err(anyhow::Error::new(e).context(format!("Get {}", kind.name())))
                }
            }
        }
        drop(stream);
        session.close().await;
        result?;
        let n = writer.count();
        writer.finish()?;
        if !ctx.quiet() {
            eprintln!("mkto: {n} {}", kind.name());
        }
        Ok(ExitCode::SUCCESS)
    })
}

/// Run `mkto objects TYPE describe`.
pub fn describe(kind: AnyKind, ctx: &Ctx) -> anyhow::Result<ExitCode> {
    if !kind.has_describe() {
        bail!("{} has no describe operation in Marketo", kind.name());
    }
    let rt = tokio::runtime::Runtime::new().context("cannot start the async runtime")?;
    rt.block_on(async move {
        let session = Session::open_reading(&ctx.connect, ctx.quiet()).await?;
        let d = session.client.objects(kind.clone()).describe().await;
        session.close().await;
        let d = d.with_context(|| format!("Describe {}", kind.name()))?;
        if ctx.format() == Format::Json {
            crate::output::write_stdout(&(serde_json::to_string_pretty(&d)? + "\n"))?;
            return Ok(ExitCode::SUCCESS);
        }
        let rows = crate::output::to_rows(&d.fields);
        crate::output::records(
            ctx.format(),
            &["name", "displayName", "dataType", "length", "updateable"],
            &rows,
        )?;
        if !ctx.quiet() {
            let searchable: Vec<String> = d.searchable_fields.iter().map(|s| s.join("+")).collect();
            eprintln!(
                "mkto: {}: id field {}, dedupe fields {}, searchable {}",
                d.name,
                d.id_field,
                d.dedupe_fields.join("+"),
                searchable.join(", ")
            );
        }
        Ok(ExitCode::SUCCESS)
    })
}
