//! `mkto leads describe`: the instance's lead fields.

use crate::connect::ConnectArgs;
use crate::session::Session;
use anyhow::Context;
use clap::{Args, ValueEnum};
use std::process::ExitCode;

/// Arguments of `mkto leads describe`.
#[derive(Debug, Args)]
pub struct DescribeArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,
    #[command(flatten)]
    connect: ConnectArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Table,
    Json,
}

/// Run `mkto leads describe`.
pub fn run(a: DescribeArgs) -> anyhow::Result<ExitCode> {
    let rt = tokio::runtime::Runtime::new().context("cannot start the async runtime")?;
    rt.block_on(async move {
        let session = Session::open(&a.connect, false).await?;
        let fields = session.client.leads().describe().await;
        session.close().await;
        let fields = fields.context("Describe Lead")?;
        match a.format {
            Format::Json => {
                crate::output::write_stdout(&(serde_json::to_string_pretty(&fields)? + "\n"))?
            }
            Format::Table => crate::output::stdout_lines(fields.iter().map(|f| {
                let name = f.rest.as_ref().map_or("", |r| r.name.as_str());
                let len = f.length.map(|l| l.to_string()).unwrap_or_default();
                format!(
                    "{name:<28} {:<10} {len:>6}  {}",
                    f.data_type, f.display_name
                )
            }))?,
        }
        Ok(ExitCode::SUCCESS)
    })
}
