//! `mkto activities types [--custom]`: the activity types of the instance, standard and custom (custom types
//! have ids from 100,000), or with `--custom` the custom types with their status (draft, approved) and API
//! names, which `mkto activities add --type` takes.

use crate::global::Ctx;
use crate::session::Session;
use anyhow::Context;
use clap::Args;
use serde_json::{json, Map, Value};
use std::process::ExitCode;

/// Custom activity type ids start here.
const FIRST_CUSTOM_ID: i64 = 100_000;

/// Arguments of `mkto activities types`.
#[derive(Debug, Args)]
pub struct TypesArgs {
    /// Custom activity types only, with their API names and status.
    #[arg(long)]
    pub custom: bool,
}

/// Run `mkto activities types`.
pub fn run(a: TypesArgs, ctx: &Ctx) -> anyhow::Result<ExitCode> {
    let rt = tokio::runtime::Runtime::new().context("cannot start the async runtime")?;
    rt.block_on(async move {
        let session = Session::open_reading(&ctx.connect, ctx.quiet()).await?;
        let result = if a.custom {
            session
                .client
                .custom_activities()
                .types()
                .await
                .context("Get Custom Activity Types")
                .map(|types| {
                    let rows = types
                        .iter()
                        .map(|t| {
                            let v = json!({
                                "id": t.id, "apiName": t.api_name, "name": t.name, "status": t.status,
                                "primaryAttribute": t.primary_attribute.api_name,
                                "attributes": t.attributes.iter().map(|x| x.api_name.clone()).collect::<Vec<_>>().join(" "),
                            });
                            v.as_object().cloned().unwrap_or_default()
                        })
                        .collect::<Vec<Map<String, Value>>>();
                    (rows, &["id", "apiName", "name", "status", "primaryAttribute", "attributes"][..])
                })
        } else {
            session
                .client
                .activities()
                .types()
                .await
                .context("Get Activity Types")
                .map(|types| {
                    let rows = types
                        .iter()
                        .map(|t| {
                            let v = json!({
                                "id": t.id,
                                "kind": if t.id >= FIRST_CUSTOM_ID { "custom" } else { "standard" },
                                "name": t.name,
                                "primaryAttribute": t.primary_attribute.as_ref().map(|p| p.name.clone()),
                                "attributes": t.attributes.len(),
                            });
                            v.as_object().cloned().unwrap_or_default()
                        })
                        .collect::<Vec<Map<String, Value>>>();
                    (rows, &["id", "kind", "name", "primaryAttribute", "attributes"][..])
                })
        };
        session.close().await;
        let (rows, columns) = result?;
        crate::output::records(ctx.format(), columns, &rows)?;
        Ok(ExitCode::SUCCESS)
    })
}
