//! Sync Leads: actions, the lookup field, partitions, and one result per input record in input order.
//!
//! Response-level failures (the whole call): an unknown `action` (1001 [INF]), an empty `input` (701), more than
//! `rules.max_batch` (300) records (1003 "Invalid data" [INF]), a `lookupField` that is not a field (1006 "Lookup
//! field '%s' not found"). Everything else is per record:
//!
//! | reason | when |
//! |---|---|
//! | 1003 "Invalid data" | the record is not an object; it carries `id` (or `lookupField=id`) with an action other than `updateOnly` |
//! | 1003 "Invalid value for field 'x'" | a value does not fit the field's type |
//! | 1004 | `updateOnly` found no lead (or the record has no lookup value [INF]) |
//! | 1005 | `createOnly` found a lead with the lookup value |
//! | 1006 "Field 'x' not found" | the record names an unknown field |
//! | 1007 | several leads match the lookup value (e.g. made by `createDuplicate`) |
//! | 1008 | `partitionName` is not a partition, or not one the API user may use; or the lead found is in such a partition |
//! | 1009 | no `partitionName`, and the API user may not use the default partition |
//! | 1010 | `partitionName` given, and the lead found lives in another partition |
//! | 1011 | `lookupField` is a field that cannot be a lookup key (`firstName`) |
//! | 1021 | a company field, see [`super::schema::CompanyRule`] |
//!
//! The whole call is one transaction; records see the effect of earlier records of the same call.

use super::errors::{self, skip};
use super::format_time;
use super::record::{self, CheckedRecord};
use super::schema::{FieldDef, LeadSchema};
use crate::engine::value;
use crate::fault::records::{held_reason, Held};
use crate::store::leads::{self, KeyColumn, StoredLead};
use crate::store::Db;
use crate::store::{Store, StoreError};
use chrono::{DateTime, Utc};
use marketo_types::envelope::ApiError;
use marketo_types::record::{RecordResult, RecordStatus};
use serde_json::Value;

/// A Sync Leads request, as parsed from the body, plus what the caller's API user may touch.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SyncLeads {
    /// `action`; `None`: `createOrUpdate`.
    pub action: Option<String>,
    /// `lookupField`; `None`: `email`.
    pub lookup_field: Option<String>,
    /// `partitionName`.
    pub partition_name: Option<String>,
    /// `input`: the records.
    pub input: Vec<Value>,
    /// Partitions the calling API user may use; `None`: all.
    pub allowed_partitions: Option<Vec<String>>,
    /// Records a record-level fault answers skipped without applying them.
    pub held: Option<Held>,
}

impl SyncLeads {
    /// A `createOrUpdate` by email of `input`.
    pub fn new(input: Vec<Value>) -> Self {
        SyncLeads {
            input,
            ..SyncLeads::default()
        }
    }
}

/// The four sync actions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SyncAction {
    /// Create; a lead with the lookup value already existing is 1005.
    CreateOnly,
    /// Update; no lead with the lookup value is 1004.
    UpdateOnly,
    /// Update the lead found, else create one (the default).
    CreateOrUpdate,
    /// Always create, even when the lookup value exists.
    CreateDuplicate,
}

impl SyncAction {
    /// The action named `s` (wire spelling).
    pub fn parse(s: &str) -> Option<SyncAction> {
        match s {
            "createOnly" => Some(SyncAction::CreateOnly),
            "updateOnly" => Some(SyncAction::UpdateOnly),
            "createOrUpdate" => Some(SyncAction::CreateOrUpdate),
            "createDuplicate" => Some(SyncAction::CreateDuplicate),
            _ => None,
        }
    }
}

/// What the call as a whole decided, shared by every record.
struct Plan<'a> {
    schema: &'a LeadSchema,
    action: SyncAction,
    lookup: &'a FieldDef,
    /// A reason every record gets (1008/1009/1011, or 1003 for `id` misuse), decided once.
    all_skipped: Option<ApiError>,
    /// The partition new leads go to.
    partition: String,
    /// Whether `partitionName` was given (then a lead found elsewhere is 1010).
    partition_named: bool,
    allowed: Option<&'a [String]>,
    now: String,
}

pub(super) fn run(
    schema: &LeadSchema,
    store: &Store,
    req: &SyncLeads,
    now: DateTime<Utc>,
) -> Result<Vec<RecordResult>, ApiError> {
    let action = match req.action.as_deref().map(str::trim) {
        None | Some("") => SyncAction::CreateOrUpdate,
        Some(a) => {
            SyncAction::parse(a).ok_or_else(|| ApiError::catalogued(1001, &[a, "action"]))?
        }
    };
    if req.input.is_empty() {
        return Err(ApiError::catalogued(701, &["input"]));
    }
    if req.input.len() > schema.rules.max_batch {
        return Err(errors::invalid_data());
    }
    let lookup_name = match req.lookup_field.as_deref().map(str::trim) {
        None | Some("") => "email",
        Some(l) => l,
    };
    let lookup = schema
        .field(lookup_name)
        .ok_or_else(|| ApiError::of_meaning(1006, "lookup-field", &[lookup_name]))?;
    let plan = plan(schema, action, lookup, req, now);
    store.transaction(|db| {
        req.input
            .iter()
            .enumerate()
            .map(|(i, raw)| match held_reason(req.held.as_ref(), i) {
                Some(reason) => Ok(skip(reason)),
                None => one(db, &plan, raw).map_err(ApiError::from),
            })
            .collect()
    })
}

fn plan<'a>(
    schema: &'a LeadSchema,
    action: SyncAction,
    lookup: &'a FieldDef,
    req: &'a SyncLeads,
    now: DateTime<Utc>,
) -> Plan<'a> {
    let allowed = req.allowed_partitions.as_deref();
    let may_use = |p: &str| {
        schema.partitions.iter().any(|q| q == p) && allowed.is_none_or(|a| a.iter().any(|q| q == p))
    };
    let named = req
        .partition_name
        .as_deref()
        .map(str::trim)
        .filter(|p| !p.is_empty());
    // partitionName only applies to the creating actions (leads.md); updateOnly ignores it [INF].
    let creates = action != SyncAction::UpdateOnly;
    let partition = named
        .filter(|_| creates)
        .unwrap_or(schema.default_partition())
        .to_string();
    let mut all_skipped = None;
    if lookup.name != "id" && !lookup.is_searchable() {
        all_skipped = Some(ApiError::catalogued(1011, &[&lookup.name]));
    } else if lookup.name == "id" && action != SyncAction::UpdateOnly {
        all_skipped = Some(errors::invalid_data());
    } else if creates && !may_use(&partition) {
        all_skipped = Some(if named.is_some() {
            ApiError::catalogued(1008, &[&partition])
        } else {
            ApiError::catalogued(1009, &[])
        });
    }
    Plan {
        schema,
        action,
        lookup,
        all_skipped,
        partition,
        partition_named: named.is_some() && creates,
        allowed,
        now: format_time(now),
    }
}

/// The result for one record.
fn one(db: &Db, plan: &Plan<'_>, raw: &Value) -> Result<RecordResult, StoreError> {
    if let Some(reason) = &plan.all_skipped {
        return Ok(skip(reason.clone()));
    }
    let rec = match record::check(plan.schema, raw) {
        Ok(r) => r,
        Err(reason) => return Ok(skip(reason)),
    };
    if rec.id.is_some() && plan.action != SyncAction::UpdateOnly {
        return Ok(skip(errors::invalid_data()));
    }
    if plan.action == SyncAction::CreateDuplicate {
        return create(db, plan, &rec);
    }
    let key = match key_value(plan, &rec) {
        Ok(k) => k,
        Err(reason) => return Ok(skip(reason)),
    };
    let found = match &key {
        Some((col, v)) => leads::filter(db, col, std::slice::from_ref(v), 0, 2)?,
        None => Vec::new(),
    };
    match (plan.action, found.len()) {
        (SyncAction::CreateOnly, 0) | (SyncAction::CreateOrUpdate, 0) => create(db, plan, &rec),
        (SyncAction::CreateOnly, _) => Ok(skip(ApiError::catalogued(1005, &[]))),
        (SyncAction::UpdateOnly, 0) => Ok(skip(ApiError::catalogued(1004, &[]))),
        (_, 1) => update(db, plan, rec, &found[0]),
        _ => Ok(skip(ApiError::catalogued(1007, &[]))),
    }
}

/// The lookup column and the record's value for it; `None` when the record has no value.
fn key_value(plan: &Plan<'_>, rec: &CheckedRecord) -> Result<Option<(KeyColumn, Value)>, ApiError> {
    let name = plan.lookup.name.as_str();
    if name == "id" {
        return match &rec.id {
            None | Some(Value::Null) => Ok(None),
            Some(v) => record::as_id(v)
                .map(|id| Some((KeyColumn::Id, Value::from(id))))
                .ok_or_else(|| errors::invalid_value("id")),
        };
    }
    let v = match rec.changes.get(name) {
        None | Some(Value::Null) => return Ok(None),
        Some(v) => v.clone(),
    };
    Ok(Some(match name {
        "email" => (
            KeyColumn::Email,
            Value::String(v.as_str().unwrap_or_default().to_ascii_lowercase()),
        ),
        _ => {
            // The stored form of the value (already normalised by the record check).
            let v = value::normalise(plan.lookup, &v, false).unwrap_or(v);
            (KeyColumn::Field(name.to_string()), v)
        }
    }))
}

fn create(db: &Db, plan: &Plan<'_>, rec: &CheckedRecord) -> Result<RecordResult, StoreError> {
    if record::company_blocked(plan.schema, rec, None) {
        return Ok(skip(ApiError::catalogued(1021, &[])));
    }
    let mut data = rec.changes.clone();
    data.retain(|_, v| !v.is_null());
    let id = leads::insert(db, None, &plan.partition, &plan.now, &data)?;
    crate::activities::record::new_lead(db, id, &plan.now, &data)?;
    Ok(RecordResult::with_id(id, RecordStatus::Created))
}

fn update(
    db: &Db,
    plan: &Plan<'_>,
    rec: CheckedRecord,
    lead: &StoredLead,
) -> Result<RecordResult, StoreError> {
    if plan.allowed.is_some_and(|a| !a.contains(&lead.partition)) {
        return Ok(skip(ApiError::catalogued(1008, &[&lead.partition])));
    }
    if plan.partition_named && lead.partition != plan.partition {
        return Ok(skip(ApiError::catalogued(1010, &[])));
    }
    if record::company_blocked(plan.schema, &rec, Some(&lead.data)) {
        return Ok(skip(ApiError::catalogued(1021, &[])));
    }
    let mut data = lead.data.clone();
    for (k, v) in rec.changes {
        if v.is_null() {
            data.remove(&k);
        } else {
            data.insert(k, v);
        }
    }
    leads::update(db, lead.id, &plan.now, &data)?;
    crate::activities::record::data_changes(
        db,
        plan.schema,
        lead.id,
        &plan.now,
        &lead.data,
        &data,
    )?;
    Ok(RecordResult::with_id(lead.id, RecordStatus::Updated))
}
