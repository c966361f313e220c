//! Sync: create and update records by `action` and `dedupeBy`, one result per input record in input order.

use super::key::{self, Key};
use super::{checked_input, done, invalid_data, skipped, KeyBy};
use crate::engine::format_time;
use crate::engine::schema::{Action, IdKind, ObjectSchema, Verdict, Write};
use crate::engine::value;
use crate::fault::records::{held_reason, Held};
use crate::store::objects as rows;
use crate::store::{Db, Store};
use chrono::{DateTime, Utc};
use marketo_types::envelope::ApiError;
use marketo_types::record::{RecordResult, RecordStatus};
use serde_json::{Map, Value};
use std::collections::HashSet;

/// A sync call.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SyncRequest {
    /// `action`; `None`: the type's default (createOrUpdate for most).
    pub action: Option<String>,
    /// `dedupeBy`; `None`: dedupeFields.
    pub dedupe_by: Option<String>,
    /// The records.
    pub input: Vec<Value>,
    /// Records a record-level fault answers skipped without applying them.
    pub held: Option<Held>,
    /// The subscription syncs natively with a CRM (`[crm] native_sync`): CRM-owned types answer 1018.
    pub crm_sync: bool,
}

impl SyncRequest {
    /// A createOrUpdate by dedupe fields of `input`.
    pub fn new(input: Vec<Value>) -> Self {
        SyncRequest {
            input,
            ..SyncRequest::default()
        }
    }
}

/// Sync `req` into `schema`'s records at `now`.
pub fn sync(
    store: &Store,
    schema: &ObjectSchema,
    req: &SyncRequest,
    now: DateTime<Utc>,
) -> Result<Vec<RecordResult>, ApiError> {
    let action = Action::parse(req.action.as_deref(), schema.default_action)?;
    let by = KeyBy::parse(req.dedupe_by.as_deref(), "dedupeBy")?;
    checked_input(schema, &req.input)?;
    let at = format_time(now);
    let mut seen = HashSet::new();
    store.transaction(|db| {
        req.input
            .iter()
            .enumerate()
            .map(|(seq, raw)| {
                if let Some(reason) = held_reason(req.held.as_ref(), seq) {
                    return Ok(skipped(seq, reason));
                }
                let one = One {
                    schema,
                    action,
                    by,
                    at: &at,
                    crm_sync: req.crm_sync,
                };
                Ok(match one.run(db, raw, &mut seen)? {
                    Ok(result) => result.with_seq(seq),
                    Err(reason) => skipped(seq, reason),
                })
            })
            .collect::<Result<Vec<_>, ApiError>>()
    })
}

/// The outcome of one record before it is numbered.
struct Applied(RecordResult);

impl Applied {
    fn with_seq(mut self, seq: usize) -> RecordResult {
        self.0.seq = Some(seq as u32);
        self.0
    }
}

struct One<'a> {
    schema: &'a ObjectSchema,
    action: Action,
    by: KeyBy,
    at: &'a str,
    crm_sync: bool,
}

/// A record's outcome: applied, or skipped with a reason; `Err` fails the whole call.
type Outcome = Result<Result<Applied, ApiError>, ApiError>;

/// What a type's rule says, as an [`Outcome`] when it stops the record.
fn ruled(verdict: Verdict) -> Option<Outcome> {
    match verdict {
        Verdict::Allow => None,
        Verdict::Skip(reason) => Some(Ok(Err(reason))),
        Verdict::Fail(error) => Some(Err(error)),
    }
}

impl One<'_> {
    fn run(&self, db: &Db, raw: &Value, seen: &mut HashSet<Key>) -> Outcome {
        let schema = self.schema;
        if schema.crm_owned && self.crm_sync {
            return Ok(Err(ApiError::catalogued(1018, &[])));
        }
        let Some(record) = raw.as_object() else {
            return Ok(Err(invalid_data()));
        };
        if self.by == KeyBy::IdField && self.action == Action::CreateOnly {
            return Ok(Err(invalid_data()));
        }
        let values = match checked(schema, record) {
            Ok(v) => v,
            Err(reason) => return Ok(Err(reason)),
        };
        let key = match key::of(schema, self.by, record) {
            Ok(k) => k,
            Err(reason) => return Ok(Err(reason)),
        };
        if !seen.insert(key.clone()) {
            return Ok(Err(ApiError::catalogued(1036, &[])));
        }
        let found = key::find(db, schema, &key)?;
        match (self.action, found) {
            (Action::CreateOnly, Some(_)) => Ok(Err(ApiError::catalogued(1017, &[]))),
            // An id names a record Marketo made: by id a sync only updates.
            (Action::UpdateOnly, None) => Ok(Err(record_not_found())),
            (_, None) if self.by == KeyBy::IdField => Ok(Err(record_not_found())),
            (_, None) => self.create(db, values),
            (_, Some(stored)) => self.update(db, stored, values),
        }
    }

    fn create(&self, db: &Db, mut values: Map<String, Value>) -> Outcome {
        let schema = self.schema;
        schema.rules.fill(&mut values);
        let write = Write {
            data: &values,
            creating: true,
        };
        if let Some(stop) = ruled(schema.rules.check_write(db, &write)?) {
            return stop;
        }
        let guid = (schema.id == IdKind::Guid).then(|| uuid::Uuid::new_v4().to_string());
        let dedupe = key::dedupe_key(schema, &values);
        let id = rows::insert(
            db,
            &schema.kind,
            guid.as_deref(),
            dedupe.as_deref(),
            self.at,
            &values,
        )?;
        let stored = rows::StoredObject {
            id,
            guid,
            created_at: self.at.to_owned(),
            updated_at: self.at.to_owned(),
            data: values,
        };
        Ok(Ok(Applied(super::done(
            0,
            schema,
            &stored,
            RecordStatus::Created,
        ))))
    }

    fn update(
        &self,
        db: &Db,
        mut stored: rows::StoredObject,
        values: Map<String, Value>,
    ) -> Outcome {
        let schema = self.schema;
        // The dedupe fields name the record: an update by them does not change them; an update by id may
        // (a named account list's new name), unless another record has the new key.
        let old_key = key::dedupe_key(schema, &stored.data);
        for (name, v) in values {
            if self.by == KeyBy::IdField || !schema.dedupe_fields.contains(&name) {
                stored.data.insert(name, v);
            }
        }
        let new_key = key::dedupe_key(schema, &stored.data);
        if new_key != old_key {
            let Some(k) = &new_key else {
                return Ok(Err(invalid_data()));
            };
            if rows::by_dedupe(db, &schema.kind, k)?.is_some() {
                return Ok(Err(ApiError::catalogued(1017, &[])));
            }
        }
        let write = Write {
            data: &stored.data,
            creating: false,
        };
        if let Some(stop) = ruled(schema.rules.check_write(db, &write)?) {
            return stop;
        }
        rows::update(
            db,
            &schema.kind,
            stored.id,
            new_key.as_deref(),
            self.at,
            &stored.data,
        )?;
        Ok(Ok(Applied(done(0, schema, &stored, RecordStatus::Updated))))
    }
}

/// 1013 "Record not found" (the object APIs' wording of 1013).
pub(super) fn record_not_found() -> ApiError {
    ApiError::of_meaning(1013, "record-not-found", &[])
}

/// The record's field values, checked and normalised: an unknown field is 1006, a value that does not fit its
/// type 1003; system fields (id, createdAt, updatedAt) are not written.
fn checked(
    schema: &ObjectSchema,
    record: &Map<String, Value>,
) -> Result<Map<String, Value>, ApiError> {
    let mut out = Map::new();
    for (name, raw) in record {
        let field = schema
            .field(name)
            .ok_or_else(|| ApiError::of_meaning(1006, "field", &[name]))?;
        if schema.is_system(name) || field.read_only {
            continue;
        }
        let v = value::normalise(field, raw, true)
            .map_err(|()| ApiError::of_meaning(1003, "invalid-field-value", &[name]))?;
        out.insert(name.clone(), v);
    }
    Ok(out)
}
