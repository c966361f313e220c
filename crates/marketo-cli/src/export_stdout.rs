//! The end of an export to stdout (`-o -`): the file exported into a temporary path is copied to stdout and
//! removed; the summary goes to stderr (stdout is the data). A stopped export cannot be resumed from stdout,
//! so the message says to use `-o FILE` for that.

use anyhow::bail;
use std::path::Path;
use std::process::ExitCode;

/// Copy `file` to stdout and remove it, or report why the export stopped.
pub fn finish(
    file: &Path,
    result: anyhow::Result<()>,
    permanent: Option<String>,
    summary: &str,
    quiet: bool,
) -> anyhow::Result<ExitCode> {
    let outcome = match result {
        Ok(()) => {
            let copied = std::fs::File::open(file).and_then(|mut f| {
                let mut out = std::io::stdout().lock();
                std::io::copy(&mut f, &mut out).map(drop)
            });
            match copied {
                Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
                    Err(anyhow::Error::new(e).context("writing the export to stdout"))
                }
                _ => {
                    if !quiet {
                        eprint!("{summary}");
                    }
                    Ok(ExitCode::SUCCESS)
                }
            }
        }
        Err(e) => Err(match permanent {
            Some(p) => anyhow::anyhow!("{p}; fix the command and run it again"),
            None => anyhow::anyhow!(
                "stopped: {e:#}; an export to stdout cannot be resumed: run it with -o FILE to keep its progress"
            ),
        }),
    };
    remove_with_parts(file);
    match outcome {
        Ok(code) => Ok(code),
        Err(e) => bail!("{e:#}"),
    }
}

/// Remove the file and the job parts downloaded beside it (`FILE.partN`).
fn remove_with_parts(file: &Path) {
    let _ = std::fs::remove_file(file);
    let (Some(dir), Some(name)) = (file.parent(), file.file_name()) else {
        return;
    };
    let prefix = format!("{}.part", name.to_string_lossy());
    if let Ok(entries) = std::fs::read_dir(dir) {
        for e in entries.flatten() {
            if e.file_name().to_string_lossy().starts_with(&prefix) {
                let _ = std::fs::remove_file(e.path());
            }
        }
    }
}
