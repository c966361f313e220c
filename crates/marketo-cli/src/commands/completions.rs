//! `mkto completions SHELL`: shell completion scripts.

use clap::Args;
use clap_complete::Shell;

/// Arguments of `mkto completions`.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell: bash, zsh, fish, elvish or powershell.
    pub shell: Shell,
}

/// Write the completion script for `shell` to stdout.
pub fn run(args: &CompletionsArgs, mut cmd: clap::Command) -> anyhow::Result<()> {
    let mut buf = Vec::new();
    clap_complete::generate(args.shell, &mut cmd, "mkto", &mut buf);
    crate::output::write_stdout(&String::from_utf8_lossy(&buf))?;
    Ok(())
}
