//! On `--resume`: what did the batches whose outcome is not known do? Each was written down before it was
//! sent with its records' lookup values, a server time before it was sent, and the highest lead id the run
//! had created by then ([`Since`](crate::checkpoint::Since)). Nothing is looked up while a run goes well:
//! only here, for the batches that were in flight (a few at most), the values are looked up with each lead's
//! id and `createdAt`. A lead created at or after that time, with an id above that one, is taken as created
//! by the batch; the others were there before (the before-image). That tells, record by record:
//!
//! - `createDuplicate`: a lead with the value that is new since the batch was written down was created by it;
//!   one per record, in the batch's order. A record without a lookup value cannot be told: it goes to the
//!   rejects file (never sent twice, never dropped).
//! - `createOnly`, `createOrUpdate`: a value that had no lead before and has one now was created by the
//!   batch's first record with that value. The batch's other records are sent again, which gives the answer
//!   the batch would have had (1005, or an update).
//! - `updateOnly`, and every record not found created: sent again (an update of the same lead, or the same
//!   skip, whether or not the batch had reached Marketo).
//!
//! The inference has one limit: a lead that another integration creates with the same lookup value in the
//! same second as the batch (after the server time written down) is taken for the batch's. A batch is never
//! sent while another with one of its values is in flight or unsettled, so the batches reconciled together
//! share no value; they are still reconciled newest first, and a lead credited to one is not credited to
//! another. Write-ahead records of format 2 carry the before-image itself, and are reconciled with it.

use super::lookup::{self, normalize, Image};
use crate::checkpoint::{Checkpoint, Unsettled};
use anyhow::Context;
use marketo_client::{Client, SyncAction};
use std::collections::{BTreeSet, HashSet};

/// What a record of an unsettled batch did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// Marketo created this lead from it: count it, do not send it again.
    Created(i64),
    /// Send it again.
    Replay,
    /// Cannot be told: to the rejects file with this reason.
    Undecided(String),
}

/// The verdicts of `batches` (in any order) given, for `batches[i]`, the leads its values had before it was
/// sent (`before[i]`, None when the action needs none) and have now (`now[i]`).
pub fn decide(
    action: SyncAction,
    field: &str,
    batches: &[Unsettled],
    before: &[Option<Image>],
    now: &[Image],
) -> Vec<Vec<Verdict>> {
    let mut order: Vec<usize> = (0..batches.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(batches[i].seq));
    let mut claimed: HashSet<i64> = HashSet::new();
    let mut verdicts = vec![Vec::new(); batches.len()];
    for i in order {
        let (batch, after) = (&batches[i], &now[i]);
        let before = &before[i];
        let mut seen: HashSet<String> = HashSet::new();
        verdicts[i] = batch
            .values
            .iter()
            .map(|value| {
                let Some(before) = before else {
                    return Verdict::Replay;
                };
                let Some(value) = value else {
                    return if action == SyncAction::CreateDuplicate {
                        Verdict::Undecided(format!(
                            "in flight when the run stopped, with no {field} to look it up by: whether Marketo \
                             created it cannot be told; check before sending it again"
                        ))
                    } else {
                        Verdict::Replay
                    };
                };
                let key = normalize(value);
                let had: BTreeSet<i64> = before.get(&key).into_iter().flatten().copied().collect();
                let has = after.get(&key).map(Vec::as_slice).unwrap_or_default();
                let first = seen.insert(key);
                let new = has
                    .iter()
                    .copied()
                    .find(|id| !had.contains(id) && !claimed.contains(id));
                match (action, new) {
                    (SyncAction::CreateDuplicate, Some(id)) => {
                        claimed.insert(id);
                        Verdict::Created(id)
                    }
                    (SyncAction::CreateOnly | SyncAction::CreateOrUpdate, Some(id))
                        if first && had.is_empty() =>
                    {
                        claimed.extend(has.iter().copied());
                        Verdict::Created(id)
                    }
                    _ => Verdict::Replay,
                }
            })
            .collect();
    }
    verdicts
}

/// Settle every unsettled batch of `cp` against the server: created records are counted and done, the rest
/// are left to be sent again, undecided ones are noted for the rejects file. Returns a note for the user, if
/// there was anything to settle. On an error nothing is changed.
pub async fn run(
    client: &Client,
    action: SyncAction,
    field: &str,
    cp: &mut Checkpoint,
) -> anyhow::Result<Option<String>> {
    if cp.unsettled.is_empty() {
        return Ok(None);
    }
    let mut now = Vec::with_capacity(cp.unsettled.len());
    let mut before = Vec::with_capacity(cp.unsettled.len());
    for batch in &cp.unsettled {
        if batch.since.is_none() && batch.before.is_none() {
            now.push(Image::new());
            before.push(None);
            continue;
        }
        let first = batch.lines.first().copied().unwrap_or(0);
        let finds = lookup::find(client, field, &batch.values)
            .await
            .with_context(|| {
                format!(
                    "looking up the batch from line {first} that was in flight when the last run stopped \
                     (run --resume again: nothing was sent)"
                )
            })?;
        before.push(match (&batch.since, &batch.before) {
            (Some(since), _) => Some(lookup::before(&finds, since)),
            (None, old) => old.clone(),
        });
        now.push(lookup::after(&finds));
    }
    let verdicts = decide(action, field, &cp.unsettled, &before, &now);
    let (mut created, mut again, mut undecided) = (0u64, 0u64, 0u64);
    for (batch, verdicts) in cp.unsettled.iter().zip(verdicts) {
        for (&line, verdict) in batch.lines.iter().zip(verdicts) {
            match verdict {
                Verdict::Created(_) => {
                    cp.counts.created += 1;
                    cp.done.insert(line);
                    created += 1;
                }
                Verdict::Replay => again += 1,
                Verdict::Undecided(reason) => {
                    cp.undecided.insert(line, reason);
                    undecided += 1;
                }
            }
        }
    }
    cp.unsettled.clear();
    let mut note = format!(
        "{} records of the last run had no answer: {created} had been created in Marketo (counted), \
         {again} are sent again",
        created + again + undecided
    );
    if undecided > 0 {
        note += &format!(", {undecided} cannot be told and go to the rejects file");
    }
    Ok(Some(note))
}

#[cfg(test)]
mod tests;
