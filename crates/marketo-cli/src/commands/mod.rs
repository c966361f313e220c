//! The subcommands, one file each.

pub mod activities;
pub mod activities_add;
pub mod activity_types;
pub mod assets;
pub mod bulk_args;
pub mod completions;
pub mod configure;
pub mod doctor;
pub mod errors;
pub mod leads;
pub mod lists;
pub mod man;
pub mod members;
pub mod objects;
pub mod serve;
pub mod usage;

use crate::global::Ctx;
use clap::Subcommand;
use std::process::ExitCode;

/// Every subcommand of `mkto`.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Look up Marketo error codes: what they mean and what to do about them.
    Errors(errors::ErrorsArgs),
    /// Sync, fetch, delete and describe leads.
    Leads(leads::LeadsArgs),
    /// Static lists: list them; add, remove or check leads in one.
    Lists(lists::ListsArgs),
    /// Activities: export through Bulk Extract, add custom ones, list the types.
    Activities(activities::ActivitiesArgs),
    /// Companies, opportunities, opportunity roles, sales persons, named accounts and custom objects: sync,
    /// get, delete, describe; a custom object's import and export through the bulk API.
    Objects(objects::ObjectsArgs),
    /// Companies: sync, get, delete, describe (`mkto objects companies ...`).
    Companies(objects::KindArgs),
    /// Opportunities: sync, get, delete, describe (`mkto objects opportunities ...`).
    Opportunities(objects::KindArgs),
    /// Opportunity roles: sync, get, delete, describe (`mkto objects opportunity-roles ...`).
    #[command(name = "opportunity-roles")]
    OpportunityRoles(objects::KindArgs),
    /// Sales persons: sync, get, delete, describe (`mkto objects salespersons ...`).
    Salespersons(objects::KindArgs),
    /// Named accounts: sync, get, delete, describe (`mkto objects namedaccounts ...`).
    Namedaccounts(objects::KindArgs),
    /// A program's members: sync a status from a file, get, delete, bulk import and export.
    Members(members::MembersArgs),
    /// Asset folders and programs as a tree; one folder or program; a new folder.
    Folders(assets::folders::FoldersArgs),
    /// Programs: list, get, create, clone, delete.
    Programs(assets::programs::ProgramsArgs),
    /// My Tokens of a folder or program: get, set, delete.
    Tokens(assets::tokens::TokensArgs),
    /// Smart campaigns: list, activate, deactivate.
    Campaigns(assets::campaigns::CampaignsArgs),
    /// Snippets: list, get (metadata or content), approve a draft.
    Snippets(assets::snippets::SnippetsArgs),
    /// API calls used today and in the last 7 days, and errors by code.
    Usage(usage::UsageArgs),
    /// Write a profile (endpoint, client id, secret asked for) to the config file.
    Configure(configure::ConfigureArgs),
    /// Which instance mkto uses, and whether its credentials work.
    Whoami(doctor::DoctorArgs),
    /// Check the setup: config, credentials, quota, clock, limits, limiter; says what to fix.
    Doctor(doctor::DoctorArgs),
    /// Print a shell completion script.
    Completions(completions::CompletionsArgs),
    /// Write man pages for mkto and every subcommand into a directory.
    Man(man::ManArgs),
    /// Run the Marketo emulator: a local, stateful, Marketo-compatible server.
    Serve(serve::ServeArgs),
}

impl Command {
    /// Whether the command writes failed calls to a file (then the client's warning naming it is shown).
    pub fn keeps_failed_calls(&self) -> bool {
        matches!(self, Command::Leads(l) if l.keeps_failed_calls())
    }
}

/// Run one subcommand. `definition` gives the whole command line's definition (for completions).
pub fn run(
    command: Command,
    ctx: &Ctx,
    definition: fn() -> clap::Command,
) -> anyhow::Result<ExitCode> {
    match command {
        Command::Errors(args) => errors::run(args, ctx),
        Command::Leads(args) => leads::run(args, ctx),
        Command::Lists(args) => lists::run(args, ctx),
        Command::Activities(args) => activities::run(args, ctx),
        Command::Usage(args) => usage::run(args, ctx),
        Command::Objects(args) => objects::run(args, ctx),
        Command::Companies(args) => objects::run_kind("companies", args, ctx),
        Command::Opportunities(args) => objects::run_kind("opportunities", args, ctx),
        Command::OpportunityRoles(args) => objects::run_kind("opportunity-roles", args, ctx),
        Command::Salespersons(args) => objects::run_kind("salespersons", args, ctx),
        Command::Namedaccounts(args) => objects::run_kind("namedaccounts", args, ctx),
        Command::Members(args) => members::run(args, ctx),
        Command::Folders(args) => assets::folders::run(args, ctx),
        Command::Programs(args) => assets::programs::run(args, ctx),
        Command::Tokens(args) => assets::tokens::run(args, ctx),
        Command::Campaigns(args) => assets::campaigns::run(args, ctx),
        Command::Snippets(args) => assets::snippets::run(args, ctx),
        Command::Configure(args) => configure::run(args, ctx),
        Command::Whoami(args) => doctor::run(args, ctx, false),
        Command::Doctor(args) => doctor::run(args, ctx, true),
        Command::Serve(args) => serve::run(args),
        Command::Man(args) => man::run(&args, definition()),
        Command::Completions(args) => {
            completions::run(&args, definition()).map(|()| ExitCode::SUCCESS)
        }
    }
}
