//! Printing one outcome per id (list membership, deletes, merges): a record per id on stdout in the chosen
//! `--format` (columns `id`, `status`, `code`, `reason`), and a one-line count on stderr that says what
//! happened: `3 leads deleted`, `2 leads added, 1 skipped: 1004 Lead not found`.

use crate::global::Ctx;
use marketo_client::RecordOutcome;
use serde_json::{json, Map, Value};
use std::collections::BTreeMap;
use std::process::ExitCode;

/// The stderr line for these outcomes.
pub fn count_line(outcomes: &[RecordOutcome], noun: &str) -> String {
    let mut statuses = BTreeMap::<&str, u64>::new();
    let mut reasons = BTreeMap::<String, u64>::new();
    for o in outcomes {
        *statuses.entry(o.status()).or_default() += 1;
        match o {
            RecordOutcome::Skipped { reasons: rs, .. } => {
                for r in rs.iter().take(1) {
                    *reasons
                        .entry(format!("{} {}", r.code, r.message))
                        .or_default() += 1;
                }
            }
            RecordOutcome::Failed { error } => {
                *reasons.entry(format!("{error}")).or_default() += 1;
            }
            _ => {}
        }
    }
    let plural = |n: u64| {
        if n == 1 {
            noun.to_owned()
        } else {
            format!("{noun}s")
        }
    };
    let mut parts = Vec::new();
    let mut first = true;
    for (status, n) in &statuses {
        if matches!(*status, "skipped" | "failed") {
            continue;
        }
        parts.push(if first {
            format!("{n} {} {status}", plural(*n))
        } else {
            format!("{n} {status}")
        });
        first = false;
    }
    for status in ["skipped", "failed"] {
        let Some(n) = statuses.get(status) else {
            continue;
        };
        let head = if first {
            format!("{n} {} {status}", plural(*n))
        } else {
            format!("{n} {status}")
        };
        first = false;
        let why: Vec<String> = reasons
            .iter()
            .map(|(r, k)| {
                if reasons.len() == 1 {
                    r.clone()
                } else {
                    format!("{r} ({k})")
                }
            })
            .collect();
        parts.push(format!("{head}: {}", why.join(", ")));
        reasons.clear();
    }
    parts.join(", ")
}

/// One record per outcome.
pub fn rows(keys: &[String], outcomes: &[RecordOutcome]) -> Vec<Map<String, Value>> {
    keys.iter()
        .zip(outcomes)
        .map(|(key, o)| {
            let (code, reason) = match o {
                RecordOutcome::Skipped { reasons, .. } => (
                    reasons.first().map(|r| r.code.to_string()),
                    Some(
                        reasons
                            .iter()
                            .map(|r| r.message.clone())
                            .collect::<Vec<_>>()
                            .join("; "),
                    ),
                ),
                RecordOutcome::Failed { error } => {
                    (error.code().map(|c| c.to_string()), Some(error.to_string()))
                }
                _ => (None, None),
            };
            let id: Value = key
                .parse::<i64>()
                .map_or_else(|_| key.clone().into(), Value::from);
            let v = json!({"id": id, "status": o.status(), "code": code, "reason": reason});
            v.as_object().cloned().unwrap_or_default()
        })
        .collect()
}

/// Print the outcomes of a call on `ids` and say what happened. One error for the whole call (an unknown
/// list, a quota) is the command's error. Exit 2 when a record failed or when every one was skipped (the
/// run did nothing), 0 otherwise.
pub fn report(
    ctx: &Ctx,
    ids: &[i64],
    outcomes: &[RecordOutcome],
    noun: &str,
) -> anyhow::Result<ExitCode> {
    let keys: Vec<String> = ids.iter().map(i64::to_string).collect();
    report_keys(ctx, &keys, outcomes, noun)
}

/// [`report`] for records named by any key (a `marketoGUID`, say).
pub fn report_keys(
    ctx: &Ctx,
    keys: &[String],
    outcomes: &[RecordOutcome],
    noun: &str,
) -> anyhow::Result<ExitCode> {
    if let (Some(first), true) = (
        outcomes.first().and_then(RecordOutcome::error),
        outcomes.iter().all(|o| o.error().is_some()),
    ) {
        anyhow::bail!("{first}");
    }
    crate::output::records(
        ctx.format(),
        &["id", "status", "code", "reason"],
        &rows(keys, outcomes),
    )?;
    if !ctx.quiet() {
        eprintln!("mkto: {}", count_line(outcomes, noun));
    }
    let failed = outcomes
        .iter()
        .any(|o| matches!(o, RecordOutcome::Failed { .. }));
    let all_skipped = outcomes
        .iter()
        .all(|o| matches!(o, RecordOutcome::Skipped { .. }));
    Ok(if failed || (all_skipped && !outcomes.is_empty()) {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}
