//! The options every command takes, before or after the subcommand (`mkto -v --format json leads get ...`
//! and `mkto leads get ... --format json -v` are the same): `--format`, `-q/--quiet`, `-v/--verbose`,
//! `--debug`, and the connection flags of [`ConnectArgs`] (`--profile` or `MKTO_PROFILE`, `--endpoint`...).
//! `main` parses them once into a [`Ctx`] that every command receives.

use crate::connect::ConnectArgs;
use crate::output::Format;
use clap::Args;

/// Output and verbosity options of every command.
#[derive(Debug, Clone, Default, Args)]
pub struct GlobalArgs {
    /// Output format of records and summaries: table (aligned columns, for people), json, jsonl or csv.
    #[arg(long, global = true, value_enum)]
    pub format: Option<Format>,
    /// No progress and no notes on stderr: only errors, warnings and the output itself.
    #[arg(long, short, global = true)]
    pub quiet: bool,
    /// More on stderr: -v says which profile and endpoint are used and shows every wait, retry and failed
    /// call's request and response (redacted); -vv one line per call; -vvv everything mkto and the client log.
    #[arg(long, short, action = clap::ArgAction::Count, global = true)]
    pub verbose: u8,
    /// Everything -vvv shows, and errors with their whole chain of causes.
    #[arg(long, global = true)]
    pub debug: bool,
}

/// What every command receives: the global options and where to connect.
#[derive(Debug, Clone, Default)]
pub struct Ctx {
    /// `--format`, `-q`, `-v`, `--debug`.
    pub global: GlobalArgs,
    /// `--profile`, `--endpoint`, the limits...
    pub connect: ConnectArgs,
}

impl Ctx {
    /// `--format`, or the command's default when it is not given.
    pub fn format_or(&self, default: Format) -> Format {
        self.global.format.unwrap_or(default)
    }

    /// `--format`, table by default.
    pub fn format(&self) -> Format {
        self.format_or(Format::Table)
    }

    /// `-q`.
    pub fn quiet(&self) -> bool {
        self.global.quiet
    }

    /// The verbosity: the number of `-v`, 3 with `--debug`.
    pub fn verbosity(&self) -> u8 {
        if self.global.debug {
            self.global.verbose.max(3)
        } else {
            self.global.verbose
        }
    }
}
