//! `mkto members sync|get|delete|import|export`: the members of a program in the Lead Database. `sync` sets
//! a status for the leads of a file (streamed, rejects, checkpoint and `--resume`, as `leads sync`); `import`
//! and `export` go through the bulk API.

mod bulk;
mod read;
mod sync;

use crate::global::Ctx;
use clap::{Args, Subcommand};
use std::process::ExitCode;

/// Arguments of `mkto members`.
#[derive(Debug, Args)]
pub struct MembersArgs {
    #[command(subcommand)]
    action: Action,
}

#[derive(Debug, Subcommand)]
enum Action {
    /// Give the leads of a file (a `leadId` column) a status in a program, with progress, rejects and --resume.
    Sync(sync::SyncArgs),
    /// A program's members by a filter (leadId, statusName, reachedSuccess, a custom field) or update time.
    Get(read::GetArgs),
    /// Remove leads from a program (confirmed as leads delete is).
    Delete(read::DeleteArgs),
    /// Import a file of members through the bulk API, all with one status.
    Import(bulk::ImportArgs),
    /// Export the members of up to 10 programs through the bulk API into one CSV file (resumable).
    Export(bulk::ExportArgs),
}

/// Run `mkto members`.
pub fn run(a: MembersArgs, ctx: &Ctx) -> anyhow::Result<ExitCode> {
    match a.action {
        Action::Sync(s) => sync::run(s, ctx),
        Action::Get(g) => read::get(g, ctx),
        Action::Delete(d) => read::delete(d, ctx),
        Action::Import(i) => bulk::import(i, ctx),
        Action::Export(e) => bulk::export(e, ctx),
    }
}
