//! The subcommands, one file each.

pub mod errors;

use clap::Subcommand;
use std::process::ExitCode;

/// Every subcommand of `mkto`.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Look up Marketo error codes: what they mean and what to do about them.
    Errors(errors::ErrorsArgs),
}

/// Run one subcommand.
pub fn run(command: Command) -> anyhow::Result<ExitCode> {
    match command {
        Command::Errors(args) => errors::run(args),
    }
}
