//! `mkto leads get`: leads by filter type, any number of values (the client pages and splits).

use crate::connect::ConnectArgs;
use crate::session::Session;
use anyhow::{bail, Context};
use clap::{Args, ValueEnum};
use futures::StreamExt;
use serde_json::Value;
use std::io::Write;
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
    /// A file with one value per line.
    #[arg(long)]
    values_file: Option<String>,
    /// Fields to return (comma-separated).
    #[arg(long, value_delimiter = ',')]
    fields: Vec<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,
    #[command(flatten)]
    connect: ConnectArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Table,
    Csv,
    Jsonl,
}

fn values(a: &GetArgs) -> anyhow::Result<Vec<String>> {
    let v: Vec<String> = match &a.values_file {
        Some(path) => std::fs::read_to_string(path)
            .with_context(|| format!("cannot read {path}"))?
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

fn cell(v: Option<&Value>) -> String {
    match v {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) => s.clone(),
        Some(other) => other.to_string(),
    }
}

/// Writes leads to stdout in the chosen format.
struct LeadWriter {
    format: Format,
    columns: Vec<String>,
    out: std::io::BufWriter<std::io::Stdout>,
}

impl LeadWriter {
    fn row_bytes(&self, cells: &[String]) -> anyhow::Result<Vec<u8>> {
        Ok(match self.format {
            Format::Table => (cells.join("\t") + "\n").into_bytes(),
            Format::Csv => {
                let mut w = csv::Writer::from_writer(Vec::new());
                w.write_record(cells)?;
                w.into_inner().map_err(|e| anyhow::anyhow!("{e}"))?
            }
            Format::Jsonl => Vec::new(),
        })
    }

    fn header(&mut self) -> anyhow::Result<()> {
        if self.format == Format::Jsonl {
            return Ok(());
        }
        let bytes = self.row_bytes(&self.columns.clone())?;
        self.out.write_all(&bytes)?;
        Ok(())
    }

    fn lead(&mut self, lead: &serde_json::Map<String, Value>) -> anyhow::Result<()> {
        let bytes = match self.format {
            Format::Jsonl => serde_json::to_vec(lead)?
                .into_iter()
                .chain(*b"\n")
                .collect(),
            _ => {
                let cells: Vec<String> = self.columns.iter().map(|c| cell(lead.get(c))).collect();
                self.row_bytes(&cells)?
            }
        };
        self.out.write_all(&bytes)?;
        Ok(())
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.downcast_ref::<std::io::Error>()
        .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
}

/// Run `mkto leads get`.
pub fn run(a: GetArgs) -> anyhow::Result<ExitCode> {
    let values = values(&a)?;
    let columns: Vec<String> = if a.fields.is_empty() {
        DEFAULT_FIELDS.iter().map(|s| (*s).to_owned()).collect()
    } else {
        a.fields.clone()
    };
    let rt = tokio::runtime::Runtime::new().context("cannot start the async runtime")?;
    rt.block_on(async move {
        let session = Session::open(&a.connect, false).await?;
        let field_refs: Vec<&str> = columns.iter().map(String::as_str).collect();
        let mut stream = Box::pin(session.client.leads().by_filter(
            &a.filter_type,
            values,
            &field_refs,
        ));
        let mut writer = LeadWriter {
            format: a.format,
            columns: columns.clone(),
            out: std::io::BufWriter::new(std::io::stdout()),
        };
        let mut count = 0u64;
        let mut result = writer.header();
        while result.is_ok() {
            match stream.next().await {
                None => break,
                Some(Ok(lead)) => {
                    count += 1;
                    result = writer.lead(&lead);
                }
                Some(Err(e)) => {
                    result = Err(anyhow::Error::new(e).context("Get Leads by Filter Type"))
                }
            }
        }
        let result = result.and_then(|()| writer.out.flush().map_err(Into::into));
        drop(stream);
        session.close().await;
        match result {
            Err(e) if is_broken_pipe(&e) => Ok(ExitCode::SUCCESS),
            Err(e) => Err(e),
            Ok(()) => {
                eprintln!("mkto: {count} leads");
                Ok(ExitCode::SUCCESS)
            }
        }
    })
}
