//! `mkto`: sync and export Marketo data with progress, rejects and resume; explain error codes; serve the
//! emulator. Each subcommand lives in its own file under `commands/`.

mod activity_input;
mod bulk_progress;
mod checkpoint;
mod commands;
mod config_file;
mod confirm;
mod connect;
mod export_run;
mod export_stdout;
mod fidelity;
mod global;
mod home;
mod ids;
mod input;
mod interrupt;
mod lead_fields;
mod limiter;
mod list_ref;
mod logging;
mod object_kind;
mod outcome_report;
mod output;
mod progress;
mod record_run;
mod rejects;
mod server_time;
mod session;
mod signals;
mod sniff;
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
    #[command(flatten)]
    global: global::GlobalArgs,
    #[command(flatten)]
    connect: connect::ConnectArgs,
    #[command(subcommand)]
    command: commands::Command,
}

/// The exit status of a usage or configuration error (clap's included): 2 is "records failed or pending".
pub const EXIT_USAGE: u8 = 1;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() {
                ExitCode::from(EXIT_USAGE)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    let ctx = global::Ctx {
        global: cli.global,
        connect: cli.connect,
    };
    logging::init(ctx.verbosity(), cli.command.keeps_failed_calls());
    match commands::run(cli.command, &ctx, <Cli as clap::CommandFactory>::command) {
        Ok(code) => code,
        Err(err) if output::is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            if ctx.global.debug {
                eprintln!("mkto: {err:?}");
            } else {
                eprintln!("mkto: {err:#}");
            }
            ExitCode::from(EXIT_USAGE)
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_command_line_is_consistent() {
        <super::Cli as clap::CommandFactory>::command().debug_assert();
    }
}
