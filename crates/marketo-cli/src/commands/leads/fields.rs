//! `mkto leads fields list|get|create|update`: the lead field schema (`/rest/v1/leads/schema/fields`), and
//! custom lead fields created or changed through the API. Sync and describe see a new field at once.

use crate::global::Ctx;
use crate::session::Session;
use anyhow::Context;
use clap::{Args, Subcommand};
use futures::TryStreamExt;
use marketo_types::lead_database::{FieldStatus, FieldUpdate, NewField};
use serde_json::{json, Map, Value};
use std::process::ExitCode;

/// Arguments of `mkto leads fields`.
#[derive(Debug, Args)]
pub struct FieldsArgs {
    #[command(subcommand)]
    action: Action,
}

#[derive(Debug, Subcommand)]
enum Action {
    /// Every lead field.
    List {
        /// Custom fields only.
        #[arg(long)]
        custom: bool,
    },
    /// One field by its API name.
    Get {
        /// The field's API name.
        name: String,
    },
    /// Create a custom lead field.
    Create {
        /// Its API name (`loyaltyTier`).
        #[arg(long)]
        name: String,
        /// Its name in the UI (`Loyalty Tier`).
        #[arg(long)]
        display_name: String,
        /// Its type: string, text, integer, float, currency, boolean, date, datetime, email, phone, url...
        #[arg(long = "type", value_name = "TYPE")]
        data_type: String,
        /// What it holds.
        #[arg(long)]
        description: Option<String>,
        /// Hidden in the UI.
        #[arg(long)]
        hidden: bool,
        /// Sensitive (masked for users without the permission).
        #[arg(long)]
        sensitive: bool,
    },
    /// Change a custom field's display name, description or flags.
    Update {
        /// The field's API name.
        name: String,
        /// New name in the UI.
        #[arg(long)]
        display_name: Option<String>,
        /// New description.
        #[arg(long)]
        description: Option<String>,
        /// Hide or show it in the UI.
        #[arg(long)]
        hidden: Option<bool>,
        /// Mark it sensitive or not.
        #[arg(long)]
        sensitive: Option<bool>,
    },
}

const COLUMNS: &[&str] = &[
    "name",
    "displayName",
    "dataType",
    "length",
    "isCustom",
    "isHidden",
];

fn statuses(ctx: &Ctx, statuses: &[FieldStatus]) -> anyhow::Result<ExitCode> {
    let rows: Vec<Map<String, Value>> = statuses
        .iter()
        .map(|s| {
            let first = s.reasons.first();
            let v = json!({
                "name": s.name,
                "status": s.status,
                "code": first.map(|r| r.code.to_string()),
                "reason": first.map(|r| r.message.clone()),
            });
            v.as_object().cloned().unwrap_or_default()
        })
        .collect();
    crate::output::records(ctx.format(), &["name", "status", "code", "reason"], &rows)?;
    let skipped = statuses.iter().filter(|s| s.status == "skipped").count();
    Ok(if skipped > 0 {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}

/// Run `mkto leads fields`.
pub fn run(a: FieldsArgs, ctx: &Ctx) -> anyhow::Result<ExitCode> {
    let rt = tokio::runtime::Runtime::new().context("cannot start the async runtime")?;
    rt.block_on(async move {
        let session = Session::open(&ctx.connect, ctx.quiet()).await?;
        let fields = session.client.lead_fields();
        let result = match a.action {
            Action::List { custom } => {
                let all: Result<Vec<_>, _> = fields.list().try_collect().await;
                all.context("Get Lead Fields").and_then(|all| {
                    let all: Vec<_> = all.into_iter().filter(|f| !custom || f.is_custom).collect();
                    crate::output::records(ctx.format(), COLUMNS, &crate::output::to_rows(&all))?;
                    Ok(ExitCode::SUCCESS)
                })
            }
            Action::Get { name } => fields
                .get(&name)
                .await
                .with_context(|| format!("Get Lead Field by Name {name}"))
                .and_then(|f| {
                    crate::output::records(ctx.format(), COLUMNS, &crate::output::to_rows(&[f]))?;
                    Ok(ExitCode::SUCCESS)
                }),
            Action::Create {
                name,
                display_name,
                data_type,
                description,
                hidden,
                sensitive,
            } => {
                let field = NewField {
                    name,
                    display_name,
                    data_type,
                    description,
                    is_hidden: hidden.then_some(true),
                    is_sensitive: sensitive.then_some(true),
                    ..NewField::default()
                };
                match fields.create(&[field]).await.context("Create Lead Fields") {
                    Ok(s) => statuses(ctx, &s),
                    Err(e) => Err(e),
                }
            }
            Action::Update {
                name,
                display_name,
                description,
                hidden,
                sensitive,
            } => {
                let update = FieldUpdate {
                    display_name,
                    description,
                    is_hidden: hidden,
                    is_sensitive: sensitive,
                    ..FieldUpdate::default()
                };
                match fields
                    .update(&name, &update)
                    .await
                    .context("Update Lead Field")
                {
                    Ok(s) => statuses(ctx, &[s]),
                    Err(e) => Err(e),
                }
            }
        };
        session.close().await;
        result
    })
}
