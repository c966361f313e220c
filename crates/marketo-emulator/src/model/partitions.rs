//! Lead partitions: the list (`GET /rest/v1/leads/partitions.json`) and moving leads between them
//! (`POST`), each lead answered in input order:
//!
//! | reason | when |
//! |---|---|
//! | 1009 "Partition name must be specified" | the record names no partition |
//! | 1004 "Lead not found" | no lead has the id |
//! | 1008 "Access denied to partition 'x'" | the partition does not exist, or the API user may not use it or the lead's current one |

use super::errors::skip_id;
use super::schema::LeadSchema;
use crate::fault::records::{held_reason, Held};
use crate::store::{leads, Store, StoreError};
use chrono::{DateTime, Utc};
use marketo_types::envelope::ApiError;
use marketo_types::record::{RecordResult, RecordStatus};

pub use marketo_types::lead_database::Partition;

/// The partitions of the instance.
pub(super) fn list(schema: &LeadSchema) -> Vec<Partition> {
    schema
        .partitions
        .iter()
        .enumerate()
        .map(|(i, name)| Partition {
            id: i as i64 + 1,
            name: name.clone(),
            description: Some(format!("{name} lead partition")),
        })
        .collect()
}

/// One move: a lead id and the partition it goes to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartitionMove {
    /// The lead.
    pub id: i64,
    /// Where it goes; `None` or blank is 1009.
    pub partition_name: Option<String>,
}

/// Move leads; `allowed` is the API user's partitions (`None`: all).
pub(super) fn update(
    schema: &LeadSchema,
    store: &Store,
    moves: &[PartitionMove],
    allowed: Option<&[String]>,
    held: Option<&Held>,
    now: DateTime<Utc>,
) -> Result<Vec<RecordResult>, ApiError> {
    if moves.is_empty() {
        return Err(ApiError::catalogued(701, &["input"]));
    }
    if moves.len() > schema.rules.max_batch {
        return Err(super::errors::invalid_data());
    }
    let at = super::format_time(now);
    let may_use = |p: &str| {
        schema.partitions.iter().any(|q| q == p) && allowed.is_none_or(|a| a.iter().any(|q| q == p))
    };
    store
        .transaction(|db| {
            let mut out = Vec::with_capacity(moves.len());
            for (i, m) in moves.iter().enumerate() {
                if let Some(reason) = held_reason(held, i) {
                    out.push(skip_id(m.id, reason));
                    continue;
                }
                let Some(target) = m
                    .partition_name
                    .as_deref()
                    .map(str::trim)
                    .filter(|p| !p.is_empty())
                else {
                    out.push(skip_id(m.id, ApiError::catalogued(1009, &[])));
                    continue;
                };
                let Some(lead) = leads::get(db, m.id)? else {
                    out.push(skip_id(m.id, ApiError::catalogued(1004, &[])));
                    continue;
                };
                if !may_use(target) {
                    out.push(skip_id(m.id, ApiError::catalogued(1008, &[target])));
                    continue;
                }
                if !may_use(&lead.partition) {
                    out.push(skip_id(
                        m.id,
                        ApiError::catalogued(1008, &[&lead.partition]),
                    ));
                    continue;
                }
                leads::set_partition(db, m.id, target, &at)?;
                out.push(RecordResult::with_id(m.id, RecordStatus::Updated));
            }
            Ok::<_, StoreError>(out)
        })
        .map_err(ApiError::from)
}
