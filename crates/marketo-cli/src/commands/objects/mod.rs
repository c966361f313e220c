//! `mkto objects TYPE sync|get|delete|describe|import|export`: one command family for every Lead Database
//! object type (companies, opportunities, opportunity-roles, salespersons, namedaccounts, and custom objects
//! by API name), on the client's generic `Objects<K>`; `import` and `export` go through the bulk API (custom
//! objects only, as in Marketo).

mod bulk;
mod delete;
mod read;
mod schema;
mod sync;

use crate::global::Ctx;
use crate::object_kind::AnyKind;
use clap::{Args, Subcommand};
use std::process::ExitCode;

/// Arguments of `mkto objects`: `TYPE ACTION`, or `schema ...` for the custom object types.
#[derive(Debug, Args)]
#[command(subcommand_value_name = "ACTION")]
pub struct ObjectsArgs {
    /// The object type: companies, opportunities, opportunity-roles, salespersons, namedaccounts, or a custom
    /// object's API name (car_c).
    #[arg(value_name = "TYPE")]
    kind: Option<String>,
    #[command(flatten)]
    of_kind: KindArgs,
}

/// The action of `mkto objects TYPE ACTION` or of a type's own command (`mkto companies ACTION`).
#[derive(Debug, Args)]
pub struct KindArgs {
    #[command(subcommand)]
    action: Action,
}

#[derive(Debug, Subcommand)]
enum Action {
    /// Create or update records from a CSV or JSON Lines file, with progress, rejects and --resume.
    Sync(sync::SyncArgs),
    /// Records by a filter (a searchable field, the dedupe fields or the id field).
    Get(read::GetArgs),
    /// Delete records by id (confirmed as leads delete is).
    Delete(delete::DeleteArgs),
    /// The type's id field, dedupe fields, searchable fields and fields.
    Describe,
    /// Import a file of a custom object's records through the bulk API (parts under 10 MB, with rejects).
    Import(bulk::ImportArgs),
    /// Export a custom object's records through the bulk API into one CSV file (resumable).
    Export(bulk::ExportArgs),
    /// `mkto objects schema ...` (no TYPE): custom object types: list, show, create from a TOML or JSON
    /// description, approve.
    Schema(schema::SchemaArgs),
}

/// Run `mkto objects`.
pub fn run(a: ObjectsArgs, ctx: &Ctx) -> anyhow::Result<ExitCode> {
    match (a.kind, a.of_kind.action) {
        (None, Action::Schema(s)) => schema::run(s, ctx),
        (Some(kind), Action::Schema(_)) => {
            anyhow::bail!("`schema` takes no TYPE: mkto objects schema list|show|create|approve (not `{kind}`)")
        }
        (None, _) => anyhow::bail!("which type? mkto objects TYPE ACTION (companies, car_c, ...)"),
        (Some(kind), action) => run_kind(&kind, KindArgs { action }, ctx),
    }
}

/// Run an action on the type named `kind` (`mkto companies sync` is `mkto objects companies sync`).
pub fn run_kind(kind: &str, a: KindArgs, ctx: &Ctx) -> anyhow::Result<ExitCode> {
    let kind = AnyKind::named(kind);
    match a.action {
        Action::Sync(s) => sync::sync(kind, s, ctx),
        Action::Get(g) => read::get(kind, g, ctx),
        Action::Delete(d) => delete::delete(kind, d, ctx),
        Action::Describe => read::describe(kind, ctx),
        Action::Import(i) => bulk::import(kind, i, ctx),
        Action::Export(e) => bulk::export(kind, e, ctx),
        Action::Schema(_) => anyhow::bail!(
            "`schema` is `mkto objects schema ...`, without a type: it works on the custom object types"
        ),
    }
}
