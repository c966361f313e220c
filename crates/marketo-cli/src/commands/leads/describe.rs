//! `mkto leads describe`: the instance's lead fields.

use crate::global::Ctx;
use crate::session::Session;
use anyhow::Context;
use clap::Args;
use serde_json::{json, Map, Value};
use std::process::ExitCode;

/// Arguments of `mkto leads describe`.
#[derive(Debug, Args)]
pub struct DescribeArgs {}

/// Run `mkto leads describe`.
pub fn run(_a: DescribeArgs, ctx: &Ctx) -> anyhow::Result<ExitCode> {
    let rt = tokio::runtime::Runtime::new().context("cannot start the async runtime")?;
    rt.block_on(async move {
        let session = Session::open_reading(&ctx.connect, ctx.quiet()).await?;
        let fields = session.client.leads().describe().await;
        session.close().await;
        let fields = fields.context("Describe Lead")?;
        if ctx.format() == crate::output::Format::Json {
            crate::output::write_stdout(&(serde_json::to_string_pretty(&fields)? + "\n"))?;
            return Ok(ExitCode::SUCCESS);
        }
        let rows: Vec<Map<String, Value>> = fields
            .iter()
            .map(|f| {
                let v = json!({
                    "name": f.rest.as_ref().map(|r| r.name.clone()),
                    "dataType": f.data_type,
                    "length": f.length,
                    "displayName": f.display_name,
                    "readOnly": f.rest.as_ref().map(|r| r.read_only),
                });
                v.as_object().cloned().unwrap_or_default()
            })
            .collect();
        crate::output::records(
            ctx.format(),
            &["name", "dataType", "length", "displayName", "readOnly"],
            &rows,
        )?;
        Ok(ExitCode::SUCCESS)
    })
}
