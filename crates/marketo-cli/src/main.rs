//! `mkto`: sync and export Marketo data with progress, rejects and resume; explain error codes; serve the
//! emulator. Each subcommand lives in its own file under `commands/`.

mod bulk_progress;
mod checkpoint;
mod commands;
mod config_file;
mod connect;
mod export_run;
mod fidelity;
mod ids;
mod input;
mod output;
mod progress;
mod rejects;
mod session;
mod signals;
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

/// Log lines (the client's warnings about unexpected answers, with secrets redacted) go to stderr; `MKTO_LOG`
/// takes a filter such as `debug` or `marketo_client=trace` (default: `warn`).
fn init_logging() {
    use std::io::IsTerminal;
    let filter = tracing_subscriber::EnvFilter::try_from_env("MKTO_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("warn"));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(std::io::stderr().is_terminal())
        .with_target(false)
        .try_init();
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    init_logging();
    match commands::run(cli.command, <Cli as clap::CommandFactory>::command) {
        Ok(code) => code,
        Err(err) => {
            eprintln!("mkto: {err:#}");
            ExitCode::FAILURE
        }
    }
}
