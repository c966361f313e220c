//! `mkto`: sync and export Marketo data with progress, rejects and resume; explain error codes; serve the
//! emulator. Each subcommand lives in its own file under `commands/`.

mod bulk_progress;
mod checkpoint;
mod commands;
mod config_file;
mod connect;
mod export_run;
mod fidelity;
mod home;
mod ids;
mod input;
mod interrupt;
mod lead_fields;
mod limiter;
mod output;
mod progress;
mod rejects;
mod server_time;
mod session;
mod signals;
mod summary;
mod sync;
mod validate;
mod wire;

use clap::Parser;
use std::process::ExitCode;

/// mkto: the Marketo command line.
#[derive(Debug, Parser)]
#[command(name = "mkto", version, about, propagate_version = true)]
struct Cli {
    /// More log lines on stderr: -v every wait, retry and failed call's request and response (redacted),
    /// -vv one line per call. MKTO_LOG, when set, takes precedence.
    #[arg(short, long, action = clap::ArgAction::Count, global = true)]
    verbose: u8,
    #[command(subcommand)]
    command: commands::Command,
}

/// Log lines go to stderr: by default warnings only, such as the one short line of a failed call (its
/// request and response go to the run's failed-calls file). `-v` adds the client's debug lines, `-vv` its
/// trace; `MKTO_LOG` takes any filter, such as `info` or `marketo_client=trace`.
fn init_logging(verbose: u8) {
    use std::io::IsTerminal;
    let default = match verbose {
        0 => "warn",
        1 => "warn,mkto=debug,marketo_client=debug",
        _ => "warn,mkto=trace,marketo_client=trace",
    };
    let filter = tracing_subscriber::EnvFilter::try_from_env("MKTO_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(default));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(std::io::stderr().is_terminal())
        .with_target(false)
        .try_init();
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    init_logging(cli.verbose);
    match commands::run(cli.command, <Cli as clap::CommandFactory>::command) {
        Ok(code) => code,
        Err(err) => {
            eprintln!("mkto: {err:#}");
            ExitCode::FAILURE
        }
    }
}
