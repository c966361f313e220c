//! `mkto`: sync and export Marketo data with progress, rejects and resume; explain error codes; serve the
//! emulator. Each subcommand lives in its own file under `commands/`.

mod commands;
mod fidelity;
mod output;

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
    match commands::run(cli.command) {
        Ok(code) => code,
        Err(err) => {
            eprintln!("mkto: {err:#}");
            ExitCode::FAILURE
        }
    }
}
