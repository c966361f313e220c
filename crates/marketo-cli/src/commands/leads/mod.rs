//! `mkto leads ...`.

pub mod delete;
pub mod describe;
pub mod export;
pub mod fields;
pub mod get;
pub mod import;
pub mod merge;
pub mod mode;
pub mod partitions;
pub mod sync;

use crate::global::Ctx;
use clap::{Args, Subcommand};
use std::process::ExitCode;

/// Arguments of `mkto leads`.
#[derive(Debug, Args)]
pub struct LeadsArgs {
    #[command(subcommand)]
    action: LeadsAction,
}

#[derive(Debug, Subcommand)]
enum LeadsAction {
    /// Create or update leads from a CSV or JSON Lines file, with rejects and resume.
    Sync(sync::SyncArgs),
    /// Import a large CSV/TSV/SSV file through Bulk Lead Import, with rejects.
    Import(import::ImportArgs),
    /// Export leads (by creation or update date, or list) to a CSV file through Bulk Extract.
    Export(export::ExportArgs),
    /// Fetch leads by a filter (email, id, ...), any number of values.
    Get(get::GetArgs),
    /// Delete leads by id.
    Delete(delete::DeleteArgs),
    /// Show the instance's lead fields.
    Describe(describe::DescribeArgs),
    /// Merge leads into one (the losers are deleted).
    Merge(merge::MergeArgs),
    /// The lead field schema: list, get, create and update custom fields.
    Fields(fields::FieldsArgs),
    /// The lead partitions, and moving leads between them.
    Partitions(partitions::PartitionsArgs),
}

impl LeadsArgs {
    /// `leads sync` and `leads import` keep a failed-calls file beside their rejects.
    pub fn keeps_failed_calls(&self) -> bool {
        matches!(self.action, LeadsAction::Sync(_) | LeadsAction::Import(_))
    }
}

/// Run `mkto leads`.
pub fn run(args: LeadsArgs, ctx: &Ctx) -> anyhow::Result<ExitCode> {
    match args.action {
        LeadsAction::Sync(a) => sync::run(a, ctx),
        LeadsAction::Import(a) => import::run(a, ctx),
        LeadsAction::Export(a) => export::run(a, ctx),
        LeadsAction::Get(a) => get::run(a, ctx),
        LeadsAction::Delete(a) => delete::run(a, ctx),
        LeadsAction::Describe(a) => describe::run(a, ctx),
        LeadsAction::Merge(a) => merge::run(a, ctx),
        LeadsAction::Fields(a) => fields::run(a, ctx),
        LeadsAction::Partitions(a) => partitions::run(a, ctx),
    }
}
