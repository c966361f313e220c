//! The program member field schema: the standard fields every subscription has (program-members.md's
//! describe), the custom fields created through the API (at most 20), Describe Program Member, and the
//! `schema/fields` calls.
//!
//! | answer | when |
//! |---|---|
//! | 1006 "Field 'x' not found" | Get or Update of a field the schema does not have |
//! | skipped 1017 "Object already exists" | Create of a name or display name the schema has [INF] |
//! | skipped 1003 "Invalid value for field 'x'" | a bad name, a blank display name, an unknown data type [INF] |
//! | skipped 1003 "Invalid data" | a 21st custom field; an update of a standard field [INF] |

use crate::engine::paging;
use crate::store::program_members as stored;
use crate::store::Store;
use marketo_types::envelope::ApiError;
use marketo_types::lead_database::{FieldRecord, FieldStatus, FieldUpdate, NewField};
use serde_json::{json, Value};

/// Most custom program member fields a subscription has.
pub const MAX_CUSTOM: usize = 20;

/// Token kind of `schema/fields` pages (the token carries a position).
const FIELDS_PAGE: paging::Kind = "pmf";

/// When the standard schema was made (what Describe answers).
const SCHEMA_AT: &str = "2021-03-20T01:30:05Z";

/// A standard field: name, display name, data type, length, updateable.
type Standard = (&'static str, &'static str, &'static str, Option<u32>, bool);

/// The standard fields, in the docs' order.
pub const STANDARD: &[Standard] = &[
    ("acquiredBy", "Acquired By", "boolean", None, false),
    (
        "attendanceLikelihood",
        "Attendance Likelihood",
        "integer",
        None,
        false,
    ),
    ("createdAt", "Created At", "datetime", None, false),
    ("isExhausted", "Nurture Exhausted", "boolean", None, false),
    ("leadId", "Lead Id", "integer", None, false),
    ("membershipDate", "Member Date", "datetime", None, false),
    (
        "nurtureCadence",
        "Nurture Cadence",
        "string",
        Some(4),
        false,
    ),
    ("program", "Program", "string", Some(255), false),
    ("programId", "Program Id", "integer", None, false),
    ("reachedSuccess", "Success", "boolean", None, false),
    (
        "reachedSuccessDate",
        "Success Date",
        "datetime",
        None,
        false,
    ),
    (
        "registrationLikelihood",
        "Registration Likelihood",
        "integer",
        None,
        false,
    ),
    ("statusName", "Status", "string", Some(255), false),
    ("statusReason", "Status Reason", "string", Some(255), false),
    ("trackName", "Track Name", "string", Some(255), false),
    ("updatedAt", "Updated At", "datetime", None, false),
    (
        "waitlistPriority",
        "Waitlist Priority",
        "integer",
        None,
        false,
    ),
    (
        "registrationCode",
        "Registration Code",
        "string",
        Some(100),
        true,
    ),
    ("webinarUrl", "Webinar Url", "string", Some(2000), true),
];

/// The data types a custom field may have (the lead fields' list).
const CREATABLE: &[&str] = &[
    "boolean", "currency", "date", "datetime", "email", "float", "integer", "percent", "phone",
    "score", "string", "url",
];

fn standard_record(&(name, display, ty, length, _): &Standard) -> FieldRecord {
    FieldRecord {
        display_name: display.to_owned(),
        name: name.to_owned(),
        description: None,
        data_type: ty.to_owned(),
        length,
        is_hidden: false,
        is_html_encoding_in_email: ty == "string",
        is_sensitive: false,
        is_custom: false,
        is_api_created: false,
    }
}

/// Every field: the standard ones, then the custom ones in creation order.
pub fn all(store: &Store) -> Result<Vec<FieldRecord>, ApiError> {
    let custom = store.with(stored::fields)?;
    let mut out: Vec<FieldRecord> = STANDARD.iter().map(standard_record).collect();
    for doc in custom {
        out.push(serde_json::from_value(doc).map_err(|_| ApiError::catalogued(611, &[]))?);
    }
    Ok(out)
}

/// Whether field `f` can be written by Sync Program Member Data: a custom field or an updateable standard one.
pub fn updateable(f: &FieldRecord) -> bool {
    f.is_custom || STANDARD.iter().any(|s| s.0 == f.name && s.4)
}

/// Whether Get Program Members can filter on `f`: `leadId`, `reachedSuccess`, `statusName`, and custom string
/// or integer fields (program-members.md).
pub fn searchable(f: &FieldRecord) -> bool {
    matches!(f.name.as_str(), "leadId" | "reachedSuccess" | "statusName")
        || (f.is_custom && matches!(f.data_type.as_str(), "string" | "integer"))
}

/// Describe Program Member's one result.
pub fn describe(store: &Store) -> Result<Value, ApiError> {
    let fields = all(store)?;
    let searchable: Vec<Value> = fields
        .iter()
        .filter(|f| searchable(f))
        .map(|f| json!([f.name]))
        .collect();
    let described: Vec<Value> = fields
        .iter()
        .map(|f| {
            let mut v = json!({
                "name": f.name,
                "displayName": f.name,
                "dataType": f.data_type,
                "updateable": updateable(f),
                "crmManaged": false,
            });
            if let Some(l) = f.length {
                v["length"] = json!(l);
            }
            v
        })
        .collect();
    Ok(json!({
        "name": "API Program Membership",
        "description": "Map for API program membership fields",
        "createdAt": SCHEMA_AT,
        "updatedAt": SCHEMA_AT,
        "dedupeFields": ["leadId", "programId"],
        "searchableFields": searchable,
        "fields": described,
    }))
}

/// Field `name`, or 1006.
pub fn by_name(store: &Store, name: &str) -> Result<FieldRecord, ApiError> {
    all(store)?
        .into_iter()
        .find(|f| f.name == name)
        .ok_or_else(|| ApiError::of_meaning(1006, "field", &[name]))
}

/// A page of `schema/fields`: at most `batch_size` (300 when 0) after the token's position.
pub fn page(
    store: &Store,
    batch_size: usize,
    token: Option<&str>,
) -> Result<(Vec<FieldRecord>, Option<String>), ApiError> {
    let start = paging::decode(FIELDS_PAGE, token)? as usize;
    let size = if batch_size == 0 {
        300
    } else {
        batch_size.min(300)
    };
    let all = all(store)?;
    let items: Vec<FieldRecord> = all.iter().skip(start).take(size).cloned().collect();
    let end = start + items.len();
    let next = (end < all.len()).then(|| paging::encode(FIELDS_PAGE, end as i64));
    Ok((items, next))
}

fn outcome(name: &str, status: &str, reason: Option<ApiError>) -> FieldStatus {
    FieldStatus {
        name: name.to_owned(),
        status: status.to_owned(),
        reasons: reason.into_iter().collect(),
    }
}

fn valid_name(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// Create Program Member Fields: one outcome per field, in input order.
pub fn create(store: &Store, input: &[NewField]) -> Result<Vec<FieldStatus>, ApiError> {
    if input.is_empty() {
        return Err(ApiError::catalogued(701, &["input"]));
    }
    let mut known = all(store)?;
    store.transaction(|db| {
        let mut out = Vec::new();
        for f in input {
            let bad = |what: &str| ApiError::of_meaning(1003, "invalid-field-value", &[what]);
            let reason = if !valid_name(&f.name) {
                Some(bad("name"))
            } else if f.display_name.trim().is_empty() {
                Some(bad("displayName"))
            } else if !CREATABLE.contains(&f.data_type.as_str()) {
                Some(bad("dataType"))
            } else if known.iter().any(|k| {
                k.name.eq_ignore_ascii_case(&f.name)
                    || k.display_name.eq_ignore_ascii_case(&f.display_name)
            }) {
                Some(ApiError::catalogued(1017, &[]))
            } else if known.iter().filter(|k| k.is_custom).count() >= MAX_CUSTOM {
                Some(ApiError::of_meaning(1003, "invalid-data", &[]))
            } else {
                None
            };
            if let Some(r) = reason {
                out.push(outcome(&f.name, "skipped", Some(r)));
                continue;
            }
            let record = FieldRecord {
                display_name: f.display_name.clone(),
                name: f.name.clone(),
                description: f.description.clone(),
                data_type: f.data_type.clone(),
                length: (f.data_type == "string").then_some(255),
                is_hidden: f.is_hidden.unwrap_or(false),
                is_html_encoding_in_email: f.is_html_encoding_in_email.unwrap_or(true),
                is_sensitive: f.is_sensitive.unwrap_or(false),
                is_custom: true,
                is_api_created: true,
            };
            let doc = serde_json::to_value(&record).map_err(crate::store::StoreError::from)?;
            stored::put_field(db, &record.name, &doc)?;
            known.push(record);
            out.push(outcome(&f.name, "created", None));
        }
        Ok(out)
    })
}

/// Update Program Member Field `name`: 1006 for an unknown field; a standard field is skipped 1003 [INF].
pub fn update(store: &Store, name: &str, u: &FieldUpdate) -> Result<FieldStatus, ApiError> {
    let mut f = by_name(store, name)?;
    if !f.is_custom {
        return Ok(outcome(
            name,
            "skipped",
            Some(ApiError::of_meaning(1003, "invalid-data", &[])),
        ));
    }
    if let Some(d) = &u.display_name {
        f.display_name = d.clone();
    }
    if let Some(d) = &u.description {
        f.description = Some(d.clone());
    }
    if let Some(h) = u.is_hidden {
        f.is_hidden = h;
    }
    if let Some(h) = u.is_html_encoding_in_email {
        f.is_html_encoding_in_email = h;
    }
    if let Some(s) = u.is_sensitive {
        f.is_sensitive = s;
    }
    let doc = serde_json::to_value(&f).map_err(|_| ApiError::catalogued(611, &[]))?;
    store.with(|db| stored::put_field(db, name, &doc))?;
    Ok(outcome(name, "updated", None))
}
