//! Confirmation of what cannot be undone (deletes, merges): on a terminal `mkto` asks, saying how many and
//! where; without one, or when the ids come from stdin, it refuses unless `--yes` was given (as `gh` does).

use crate::connect::ConnectArgs;
use anyhow::{bail, Context};
use std::io::{BufRead, IsTerminal, Write};

/// Go ahead? `what` is the question's object (`delete 3 leads`), `yes` the `--yes` flag, `stdin_used` whether
/// the command reads its input from stdin (then there is no one to ask). Ok(false) when the answer is no.
pub fn confirm(
    what: &str,
    yes: bool,
    stdin_used: bool,
    connect: &ConnectArgs,
) -> anyhow::Result<bool> {
    if yes {
        return Ok(true);
    }
    let interactive =
        !stdin_used && std::io::stdin().is_terminal() && std::io::stderr().is_terminal();
    if !interactive {
        bail!(
            "refusing to {what} without confirmation: stdin is not a terminal{}; pass --yes to go ahead (or \
             --dry-run to see what it would do)",
            if stdin_used { " (the ids come from it)" } else { "" }
        );
    }
    let target = crate::connect::describe_target(connect)?;
    let mut question = what.to_owned();
    if let Some(first) = question.get_mut(0..1) {
        first.make_ascii_uppercase();
    }
    eprint!("{question} in {target}? This cannot be undone. [y/N] ");
    std::io::stderr().flush().ok();
    let mut answer = String::new();
    std::io::stdin()
        .lock()
        .read_line(&mut answer)
        .context("cannot read the answer")?;
    Ok(matches!(
        answer.trim().to_ascii_lowercase().as_str(),
        "y" | "yes"
    ))
}
