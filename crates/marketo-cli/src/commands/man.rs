//! `mkto man DIR`: man pages generated from the same clap definitions as `--help`, one page for `mkto` and
//! one for each subcommand at every depth (`mkto-leads-sync.1`), so they cannot drift from the binary.

use clap::Args;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Arguments of `mkto man`.
#[derive(Debug, Args)]
pub struct ManArgs {
    /// The directory to write the pages to (created if missing), e.g. ~/.local/share/man/man1.
    pub dir: PathBuf,
}

/// Write `mkto.1` and a page per subcommand into `args.dir`; prints how many.
pub fn run(args: &ManArgs, cmd: clap::Command) -> anyhow::Result<ExitCode> {
    std::fs::create_dir_all(&args.dir)
        .map_err(|e| anyhow::anyhow!("{}: cannot create the directory: {e}", args.dir.display()))?;
    let mut cmd = cmd.name("mkto");
    cmd.build();
    let written = write_pages(&cmd, "mkto", &args.dir)?;
    eprintln!(
        "mkto man: {written} pages written to {}",
        args.dir.display()
    );
    Ok(ExitCode::SUCCESS)
}

/// The page of `cmd` (named `name`) and of its subcommands; returns how many were written.
fn write_pages(cmd: &clap::Command, name: &str, dir: &Path) -> anyhow::Result<usize> {
    let mut out = Vec::new();
    clap_mangen::Man::new(cmd.clone())
        .title(name.to_owned())
        .render(&mut out)?;
    let path = dir.join(format!("{name}.1"));
    std::fs::write(&path, out)
        .map_err(|e| anyhow::anyhow!("{}: cannot write: {e}", path.display()))?;
    let mut written = 1;
    for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
        written += write_pages(sub, &format!("{name}-{}", sub.get_name()), dir)?;
    }
    Ok(written)
}
