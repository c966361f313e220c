//! `mkto members sync PROGRAM FILE --status NAME`: Sync Program Member Status for the leads of a file, on the
//! resumable record run ([`crate::record_run`]). The status is checked against the program's channel first,
//! so a misspelt one stops before any lead is sent, naming the statuses there are.

use crate::checkpoint::RunKey;
use crate::global::Ctx;
use crate::record_run::{self, RunArgs, Writer};
use anyhow::{bail, Context};
use clap::Args;
use marketo_client::{Client, RecordOutcome};
use marketo_types::lead_database::programs::MemberResult;
use serde_json::{json, Map, Value};
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
    #[command(flatten)]
    run: RunArgs,
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

/// One outcome per lead of a call from its member results (matched by `seq`; a lead with none is skipped).
pub(super) fn outcomes(n: usize, results: &[MemberResult]) -> Vec<RecordOutcome> {
    let mut out: Vec<RecordOutcome> = (0..n)
        .map(|_| RecordOutcome::Skipped {
            id: None,
            guid: None,
            reasons: Vec::new(),
        })
        .collect();
    for r in results {
        if let Some(slot) = out.get_mut(r.seq) {
            *slot = match r.status.as_str() {
                "created" => RecordOutcome::Created {
                    id: r.lead_id,
                    guid: None,
                },
                "deleted" => RecordOutcome::Deleted {
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
            };
        }
    }
    out
}

/// The statuses of `program`'s channel, or an error naming the program.
async fn statuses(client: &Client, program: i64) -> anyhow::Result<Vec<String>> {
    let assets = client.assets();
    let Some(p) = assets.program(program).await.context("Get Program by Id")? else {
        bail!(
            "program {program} not found (`mkto programs list` lists the programs and their ids)"
        );
    };
    let channels = assets.channels().await.context("Get Channels")?;
    Ok(channels
        .into_iter()
        .find(|c| c.name == p.channel)
        .map(|c| c.progression_statuses.into_iter().map(|s| s.name).collect())
        .unwrap_or_default())
}

/// Send the lead ids of `records` to Sync Program Member Status: one outcome per record.
async fn send(
    client: Client,
    program: i64,
    status: String,
    records: Vec<Map<String, Value>>,
) -> Vec<RecordOutcome> {
    let ids: Vec<i64> = records
        .iter()
        .filter_map(|r| r.get("leadId").and_then(Value::as_i64))
        .collect();
    match client.programs().sync_status(program, &status, &ids).await {
        Ok(results) => outcomes(ids.len(), &results),
        Err(e) => ids
            .iter()
            .map(|_| RecordOutcome::Failed { error: e.clone() })
            .collect(),
    }
}

/// Run `mkto members sync`.
pub fn run(a: SyncArgs, ctx: &Ctx) -> anyhow::Result<ExitCode> {
    let key = RunKey {
        input: a.file.clone(),
        action: format!("status {}", a.status),
        lookup_field: format!("program {}", a.program),
        partition: None,
    };
    let prepared = record_run::start(&a.file, key, &a.run)?;
    let (program, status) = (a.program, a.status.clone());
    let writer = Writer {
        check: Box::new(move |client| {
            Box::pin(async move {
                let known = statuses(&client, program).await?;
                if !known.is_empty() && !known.iter().any(|s| s.eq_ignore_ascii_case(&status)) {
                    bail!(
                        "--status {status:?} is not a status of program {program}'s channel; its statuses: {}",
                        known.join(", ")
                    );
                }
                Ok(())
            })
        }),
        sender: {
            let status = a.status.clone();
            Box::new(move |client| {
                Arc::new(move |records| {
                    Box::pin(send(client.clone(), program, status.clone(), records))
                })
            })
        },
        prepare: Box::new(lead_of),
        head: Map::from_iter([
            ("program".to_owned(), json!(a.program)),
            ("status".to_owned(), json!(a.status)),
        ]),
    };
    prepared.execute(writer, ctx)
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
