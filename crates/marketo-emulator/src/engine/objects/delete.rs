//! Delete records by `deleteBy` (dedupeFields or idField): `deleted`, or skipped with 1013 "Record not found",
//! 1018 for a type a CRM sync owns, or what the type's rules say (1022 while others use it).

use super::key;
use super::sync::record_not_found;
use super::{checked_input, done, invalid_data, skipped, KeyBy};
use crate::engine::schema::{ObjectSchema, Verdict};
use crate::fault::records::{held_reason, Held};
use crate::store::objects as rows;
use crate::store::Store;
use marketo_types::envelope::ApiError;
use marketo_types::record::{RecordResult, RecordStatus};
use serde_json::Value;

/// A delete call.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DeleteRequest {
    /// `deleteBy`; `None`: dedupeFields.
    pub delete_by: Option<String>,
    /// The records naming what to delete.
    pub input: Vec<Value>,
    /// Records a record-level fault answers skipped without deleting them.
    pub held: Option<Held>,
    /// The subscription syncs natively with a CRM: CRM-owned types answer 1018.
    pub crm_sync: bool,
}

/// Delete what `req` names.
pub fn delete(
    store: &Store,
    schema: &ObjectSchema,
    req: &DeleteRequest,
) -> Result<Vec<RecordResult>, ApiError> {
    let by = KeyBy::parse(req.delete_by.as_deref(), "deleteBy")?;
    checked_input(schema, &req.input)?;
    store.transaction(|db| {
        let mut out = Vec::with_capacity(req.input.len());
        for (seq, raw) in req.input.iter().enumerate() {
            if let Some(reason) = held_reason(req.held.as_ref(), seq) {
                out.push(skipped(seq, reason));
                continue;
            }
            if schema.crm_owned && req.crm_sync {
                out.push(skipped(seq, ApiError::catalogued(1018, &[])));
                continue;
            }
            let Some(record) = raw.as_object() else {
                out.push(skipped(seq, invalid_data()));
                continue;
            };
            let k = match key::of(schema, by, record) {
                Ok(k) => k,
                Err(reason) => {
                    out.push(skipped(seq, reason));
                    continue;
                }
            };
            let Some(stored) = key::find(db, schema, &k)? else {
                out.push(skipped(seq, record_not_found()));
                continue;
            };
            match schema.rules.check_delete(db, &stored.data)? {
                Verdict::Allow => {}
                Verdict::Skip(reason) => {
                    out.push(skipped(seq, reason));
                    continue;
                }
                Verdict::Fail(error) => return Err(error),
            }
            rows::delete(db, &schema.kind, stored.id)?;
            schema.rules.after_delete(db, stored.id)?;
            out.push(done(seq, schema, &stored, RecordStatus::Deleted));
        }
        Ok::<_, ApiError>(out)
    })
}
