//! `mkto`: sync and export Marketo data with progress, rejects and resume; explain error codes; serve the
//! emulator. Each subcommand lives in its own file under `commands/`.

mod bulk_progress;
mod checkpoint;
mod commands;
mod connect;
mod export_run;
mod fidelity;
mod ids;
mod input;
mod output;
mod progress;
mod rejects;
mod session;
mod summary;
mod sync;
mod validate;

use clap::Parser;
use std::process::ExitCode;

/// mkto: the Marketo command line.
#[derive(Debug, Parser)]
#[command(name = "mkto", version, about, propagate_version = true)]
struct Cli {
    #[command(subcommand)]
    command: commands::Command,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match commands::run(cli.command, <Cli as clap::CommandFactory>::command) {
        Ok(code) => code,
        Err(err) => {
            eprintln!("mkto: {err:#}");
            ExitCode::FAILURE
        }
    }
}
