//! Custom activities: the types (create, update, describe, approve, discard draft, delete; attributes create,
//! update, delete; list) and Add Custom Activities, whose activities the normal activity reads return. The
//! rules are [`crate::activities::custom`]'s; per added activity:
//!
//! | reason | when |
//! |---|---|
//! | 1013 "Object not found" | `activityTypeId` is no approved custom type |
//! | 1004 "Lead not found" | `leadId` is no lead (custom-activities example in activities.md) |
//! | 1003 "Invalid value for field 'x'" | a missing or malformed `activityDate`, a missing `primaryAttributeValue` |
//! | 1006 "Field 'x' not found" | an attribute the approved type does not have |
//! | 1049 "Failed to Create Activity" | the `attributes` array serialises past 65,536 bytes |

use super::{ok, Call};
use crate::activities::custom::{self, Attribute, AttributeChange, Book, TypeBody};
use crate::activities::token::parse_datetime;
use crate::http::error::{Failure, Reply};
use crate::http::extract;
use crate::http::router::{BodyKind, Route};
use crate::model::format_time;
use crate::state::AppState;
use crate::store::activities::{self as log, NewActivity};
use crate::store::{leads, Db};
use marketo_types::activity::ActivityAttribute;
use marketo_types::envelope::ApiError;
use marketo_types::record::{RecordResult, RecordStatus};
use serde::Deserialize;
use serde_json::Value;

/// The custom activity operations.
pub const ROUTES: &[Route] = &[
    Route::get(
        "/rest/v1/activities/external/types.json",
        "Get Custom Activity Types",
        list,
    ),
    Route::post(
        "/rest/v1/activities/external/type.json",
        "Create Custom Activity Type",
        create,
    ),
    Route::post(
        "/rest/v1/activities/external/type/{apiName:str}.json",
        "Update Custom Activity Type",
        update,
    ),
    Route::get(
        "/rest/v1/activities/external/type/{apiName:str}/describe.json",
        "Describe Custom Activity Type",
        describe,
    ),
    Route::post(
        "/rest/v1/activities/external/type/{apiName:str}/approve.json",
        "Approve Custom Activity Type",
        approve,
    )
    .body(BodyKind::None),
    Route::post(
        "/rest/v1/activities/external/type/{apiName:str}/discardDraft.json",
        "Discard Custom Activity Type Draft",
        discard,
    )
    .body(BodyKind::None),
    Route::post(
        "/rest/v1/activities/external/type/{apiName:str}/delete.json",
        "Delete Custom Activity Type",
        delete,
    )
    .body(BodyKind::None),
    Route::post(
        "/rest/v1/activities/external/type/{apiName:str}/attributes/create.json",
        "Create Custom Activity Type Attributes",
        attrs_create,
    ),
    Route::post(
        "/rest/v1/activities/external/type/{apiName:str}/attributes/update.json",
        "Update Custom Activity Type Attributes",
        attrs_update,
    ),
    Route::post(
        "/rest/v1/activities/external/type/{apiName:str}/attributes/delete.json",
        "Delete Custom Activity Type Attributes",
        attrs_delete,
    ),
    Route::post(
        "/rest/v1/activities/external.json",
        "Add Custom Activities",
        add,
    )
    .records(),
];

/// Run `f` on the book inside one transaction, saving it when `f` succeeds.
fn with_book<T>(
    state: &AppState,
    f: impl FnOnce(&Db, &mut Book) -> Result<T, ApiError>,
) -> Result<T, Failure> {
    Ok(state.model.store().transaction(|db| {
        let mut book = custom::load(db)?;
        let out = f(db, &mut book)?;
        custom::save(db, &book)?;
        Ok::<_, ApiError>(out)
    })?)
}

fn body<T: for<'de> Deserialize<'de>>(call: &Call) -> Result<T, Failure> {
    extract::typed(call.json.clone().unwrap_or(Value::Null))
}

fn list(state: &AppState, call: Call) -> Result<Reply, Failure> {
    let types = with_book(state, |_, book| {
        Ok(book.values().map(|t| t.record(false)).collect::<Vec<_>>())
    })?;
    Ok(ok(&call, types))
}

fn describe(state: &AppState, call: Call) -> Result<Reply, Failure> {
    let draft = call
        .params
        .get("draft")
        .is_some_and(|d| d.eq_ignore_ascii_case("true"));
    let name = call.path.text("apiName").to_owned();
    let t = with_book(state, |_, book| {
        Ok(custom::get_mut(book, &name)?.record(draft))
    })?;
    Ok(ok(&call, vec![t]))
}

fn create(state: &AppState, call: Call) -> Result<Reply, Failure> {
    let b: TypeBody = body(&call)?;
    let (max, at) = (
        state.config.activities.max_custom_types,
        format_time(call.now),
    );
    let t = with_book(state, |_, book| {
        custom::create(book, &b, max, &at)?;
        let name = b.api_name.as_deref().unwrap_or_default().trim();
        Ok(custom::get_mut(book, name)?.record(true))
    })?;
    Ok(ok(&call, vec![t]))
}

/// One change to a type, answered with the type as it now is (its draft when it has one).
fn change(
    state: &AppState,
    call: &Call,
    f: impl FnOnce(&mut custom::CustomType, &str) -> Result<(), ApiError>,
) -> Result<Reply, Failure> {
    let name = call.path.text("apiName").to_owned();
    let at = format_time(call.now);
    let t = with_book(state, |_, book| {
        let t = custom::get_mut(book, &name)?;
        f(t, &at)?;
        Ok(t.record(true))
    })?;
    Ok(ok(call, vec![t]))
}

fn update(state: &AppState, call: Call) -> Result<Reply, Failure> {
    let b: TypeBody = body(&call)?;
    change(state, &call, |t, at| {
        custom::update(t, &b, at);
        Ok(())
    })
}

fn approve(state: &AppState, call: Call) -> Result<Reply, Failure> {
    change(state, &call, custom::approve)
}

fn discard(state: &AppState, call: Call) -> Result<Reply, Failure> {
    change(state, &call, custom::discard)
}

fn delete(state: &AppState, call: Call) -> Result<Reply, Failure> {
    let name = call.path.text("apiName").to_owned();
    let id = with_book(state, |_, book| {
        book.remove(&name)
            .map(|t| t.id)
            .ok_or_else(|| ApiError::catalogued(1013, &[]))
    })?;
    Ok(ok(
        &call,
        vec![serde_json::json!({"id": id, "apiName": name})],
    ))
}

#[derive(Debug, Deserialize)]
struct Attributes {
    #[serde(default)]
    attributes: Vec<Attribute>,
}

fn attrs(state: &AppState, call: Call, kind: AttributeChange) -> Result<Reply, Failure> {
    let b: Attributes = body(&call)?;
    let max = state.config.activities.max_custom_attributes;
    change(state, &call, |t, at| {
        custom::attributes(t, kind, &b.attributes, max, at)
    })
}

fn attrs_create(state: &AppState, call: Call) -> Result<Reply, Failure> {
    attrs(state, call, AttributeChange::Create)
}

fn attrs_update(state: &AppState, call: Call) -> Result<Reply, Failure> {
    attrs(state, call, AttributeChange::Update)
}

fn attrs_delete(state: &AppState, call: Call) -> Result<Reply, Failure> {
    attrs(state, call, AttributeChange::Delete)
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Added {
    lead_id: Option<i64>,
    activity_date: Option<String>,
    activity_type_id: Option<i64>,
    primary_attribute_value: Option<Value>,
    #[serde(default)]
    attributes: Vec<Value>,
}

#[derive(Debug, Deserialize)]
struct AddBody {
    #[serde(default)]
    input: Vec<Added>,
}

/// The most bytes an activity's `attributes` array may take (1049 past it).
const MAX_ATTRIBUTE_BYTES: usize = 65_536;

fn invalid(field: &str) -> ApiError {
    ApiError::of_meaning(1003, "invalid-field-value", &[field])
}

/// One activity's checks, then its row.
fn add_one(db: &Db, book: &Book, a: &Added) -> Result<Result<i64, ApiError>, ApiError> {
    let t = book.values().find(|t| Some(t.id) == a.activity_type_id);
    let Some(version) = t.and_then(|t| t.approved.as_ref()) else {
        return Ok(Err(ApiError::catalogued(1013, &[])));
    };
    let lead = a.lead_id.unwrap_or(0);
    if !leads::exists(db, lead)? {
        return Ok(Err(ApiError::catalogued(1004, &[])));
    }
    let Some(date) = a
        .activity_date
        .as_deref()
        .and_then(|d| parse_datetime(d).ok())
    else {
        return Ok(Err(invalid("activityDate")));
    };
    let Some(primary) = a.primary_attribute_value.as_ref().filter(|v| !v.is_null()) else {
        return Ok(Err(invalid("primaryAttributeValue")));
    };
    if serde_json::to_vec(&a.attributes).map_or(0, |b| b.len()) > MAX_ATTRIBUTE_BYTES {
        return Ok(Err(ApiError::catalogued(1049, &[])));
    }
    let mut attributes = Vec::with_capacity(a.attributes.len());
    for given in &a.attributes {
        let key = given
            .get("apiName")
            .or_else(|| given.get("name"))
            .and_then(Value::as_str)
            .unwrap_or_default();
        let Some(def) = version
            .attributes
            .iter()
            .find(|d| d.api_name == key || d.name == key)
        else {
            return Ok(Err(ApiError::of_meaning(1006, "field", &[key])));
        };
        let value = given.get("value").cloned().unwrap_or(Value::Null);
        attributes.push(ActivityAttribute::new(def.name.clone(), value));
    }
    let primary = match primary {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    let id = log::insert(
        db,
        &NewActivity {
            lead_id: lead,
            type_id: a.activity_type_id.unwrap_or_default(),
            at: &format_time(date),
            primary_id: None,
            primary_value: Some(primary),
            attributes,
            fields: None,
        },
    )?;
    Ok(Ok(id))
}

/// `POST /rest/v1/activities/external.json`: one result per activity in input order (at most 300).
fn add(state: &AppState, call: Call) -> Result<Reply, Failure> {
    let b: AddBody = body(&call)?;
    if b.input.is_empty() {
        return Err(Failure::code(701, &["input"]));
    }
    if b.input.len() > 300 {
        return Err(Failure::code(1003, &[]));
    }
    let held = call.held;
    let result = with_book(state, |db, book| {
        let mut out = Vec::with_capacity(b.input.len());
        for (i, a) in b.input.iter().enumerate() {
            if let Some(reason) = crate::fault::records::held_reason(held.as_ref(), i) {
                out.push(RecordResult::skipped(None, reason));
                continue;
            }
            out.push(match add_one(db, book, a)? {
                Ok(id) => {
                    let mut r = RecordResult::with_id(id, RecordStatus::Added);
                    r.marketo_guid = Some(id.to_string());
                    r
                }
                Err(reason) => RecordResult::skipped(None, reason),
            });
        }
        Ok(out)
    })?;
    Ok(ok(&call, result))
}
