//! `mkto members sync PROGRAM FILE --status NAME`: Sync Program Member Status for the leads of a file, on the
//! resumable record run ([`crate::record_run`]). The status is checked against the program's channel first,
//! so a misspelt one stops before any lead is sent, naming the statuses there are.

use crate::checkpoint::{self, RunKey};
use crate::global::Ctx;
use crate::input::{InputFormat, Rows};
use crate::progress::Reporter;
use crate::record_run::{Run, Sender};
use crate::rejects;
use crate::session::Session;
use anyhow::{bail, Context};
use clap::Args;
use marketo_client::{Client, RecordOutcome};
use marketo_types::lead_database::programs::MemberResult;
use serde_json::{json, Map, Value};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

/// Arguments of `mkto members sync`.
#[derive(Debug, Args)]
pub struct SyncArgs {
    /// The program's id.
    program: i64,
    /// CSV (a `leadId` column) or JSON Lines (`{"leadId": 5}`) file; `-` reads stdin.
    file: String,
    /// The status to give each lead: one of the program's channel (Registered, Attended, ...).
    #[arg(long)]
    status: String,
    /// Input format; by default from the file's extension (stdin: csv).
    #[arg(long, value_enum)]
    input_format: Option<InputFormat>,
    /// Where records not synced go (default: beside the input, NAME.rejects.csv|jsonl).
    #[arg(long)]
    rejects: Option<PathBuf>,
    /// Checkpoint file (default: beside the input, NAME.state.json). Written before and after every batch.
    #[arg(long)]
    state: Option<PathBuf>,
    /// Continue an interrupted run from its checkpoint.
    #[arg(long)]
    resume: bool,
}

/// The record sent for a row: its lead id (`leadId`, or `id`), or why it has none.
fn lead_of(fields: Map<String, Value>) -> Result<Map<String, Value>, String> {
    let v = fields.get("leadId").or_else(|| fields.get("id"));
    let id = match v {
        Some(Value::Number(n)) => n.as_i64(),
        Some(Value::String(s)) => s.trim().parse::<i64>().ok(),
        _ => None,
    };
    match (id, v) {
        (Some(id), _) if id > 0 => Ok(Map::from_iter([("leadId".to_owned(), json!(id))])),
        (_, Some(v)) => Err(format!("leadId {v} is not a lead id")),
        (_, None) => Err("no leadId (a column named leadId or id is needed)".to_owned()),
    }
}

/// A member result as a record outcome.
fn outcome(r: &MemberResult) -> RecordOutcome {
    match r.status.as_str() {
        "created" => RecordOutcome::Created {
            id: r.lead_id,
            guid: None,
        },
        "skipped" => RecordOutcome::Skipped {
            id: r.lead_id,
            guid: None,
            reasons: r.reasons.clone(),
        },
        _ => RecordOutcome::Updated {
            id: r.lead_id,
            guid: None,
        },
    }
}

/// The statuses of `program`'s channel, or an error naming the program.
async fn statuses(client: &Client, program: i64) -> anyhow::Result<Vec<String>> {
    let assets = client.assets();
    let Some(p) = assets.program(program).await.context("Get Program by Id")? else {
        bail!("program {program} not found");
    };
    let channels = assets.channels().await.context("Get Channels")?;
    Ok(channels
        .into_iter()
        .find(|c| c.name == p.channel)
        .map(|c| c.progression_statuses.into_iter().map(|s| s.name).collect())
        .unwrap_or_default())
}

/// Run `mkto members sync`.
pub fn run(a: SyncArgs, ctx: &Ctx) -> anyhow::Result<ExitCode> {
    let format = InputFormat::resolve(a.input_format, &a.file)?;
    if a.file != "-" {
        crate::input::check_input(std::path::Path::new(&a.file))?;
    }
    if a.file == "-" && a.resume && a.state.is_none() {
        bail!("--resume with stdin needs --state FILE, and the same input again");
    }
    let rows = Rows::open(&a.file, format)?;
    let key = RunKey {
        input: a.file.clone(),
        action: format!("status {}", a.status),
        lookup_field: format!("program {}", a.program),
        partition: None,
    };
    let mut run = Run::open(
        &a.file,
        key,
        a.state
            .clone()
            .unwrap_or_else(|| checkpoint::default_path(&a.file)),
        a.resume,
        a.rejects
            .clone()
            .unwrap_or_else(|| rejects::default_path(&a.file, format == InputFormat::Jsonl)),
        rows.header(),
    )?;
    let total = crate::commands::leads::sync::count_lines(&a.file, format);
    let rt = tokio::runtime::Runtime::new().context("cannot start the async runtime")?;
    rt.block_on(async move {
        crate::interrupt::install();
        let _graceful = crate::interrupt::graceful();
        let session = Session::open(&ctx.connect, ctx.quiet()).await?;
        let client = session.client.clone();
        let known = statuses(&client, a.program).await;
        let known = match known {
            Ok(k) => k,
            Err(e) => {
                session.close().await;
                return Err(e);
            }
        };
        if !known.is_empty() && !known.iter().any(|s| s.eq_ignore_ascii_case(&a.status)) {
            session.close().await;
            bail!(
                "--status {:?} is not a status of program {}'s channel; its statuses: {}",
                a.status,
                a.program,
                known.join(", ")
            );
        }
        let reporter = Reporter::new(total, Some(client.clone()), ctx.quiet());
        let send: Sender = {
            let (client, program, status) = (client.clone(), a.program, a.status.clone());
            Arc::new(move |records| {
                let (client, status) = (client.clone(), status.clone());
                Box::pin(async move {
                    let ids: Vec<i64> = records
                        .iter()
                        .filter_map(|r| r.get("leadId").and_then(Value::as_i64))
                        .collect();
                    match client.programs().sync_status(program, &status, &ids).await {
                        Ok(results) => {
                            let mut out: Vec<RecordOutcome> = ids
                                .iter()
                                .map(|_| RecordOutcome::Skipped {
                                    id: None,
                                    guid: None,
                                    reasons: Vec::new(),
                                })
                                .collect();
                            for r in &results {
                                if let Some(slot) = out.get_mut(r.seq) {
                                    *slot = outcome(r);
                                }
                            }
                            out
                        }
                        Err(e) => ids
                            .iter()
                            .map(|_| RecordOutcome::Failed { error: e.clone() })
                            .collect(),
                    }
                })
            })
        };
        let result = run.drive(rows, &client, &reporter, &send, &lead_of).await;
        reporter.finish();
        let calls = client.usage_snapshot().calls_sent;
        session.close().await;
        result?;
        let head = Map::from_iter([
            ("program".to_owned(), json!(a.program)),
            ("status".to_owned(), json!(a.status)),
        ]);
        run.finish(calls, head, ctx)
    })
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    #[test]
    fn a_row_names_its_lead_by_lead_id_or_id() {
        let row = |v: serde_json::Value| v.as_object().cloned().unwrap();
        assert_eq!(
            super::lead_of(row(json!({"leadId": "7"}))).unwrap()["leadId"],
            7
        );
        assert_eq!(super::lead_of(row(json!({"id": 8}))).unwrap()["leadId"], 8);
        assert!(super::lead_of(row(json!({"leadId": "x"})))
            .unwrap_err()
            .contains("not a lead id"));
        assert!(super::lead_of(row(json!({"email": "a@b"})))
            .unwrap_err()
            .contains("no leadId"));
    }
}
