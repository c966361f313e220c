//! Recording the activities a lead change causes, called by the model inside its write transactions: New
//! Lead (12) when a lead is created, one Change Data Value (13) per field whose value changes, Add to List (24)
//! and Remove from List (25) when a membership really changes.

use super::types;
use crate::model::schema::LeadSchema;
use crate::store::activities::{self as log, NewActivity};
use crate::store::{lists, Db, StoreError};
use marketo_types::activity::{ActivityAttribute, FieldChange};
use serde_json::{Map, Value};

/// The `Source`/`Reason` the emulator's REST writes carry (as Marketo's do).
pub const SOURCE: &str = "Web service API";

/// A lead was created.
pub fn new_lead(
    db: &Db,
    lead_id: i64,
    at: &str,
    data: &Map<String, Value>,
) -> Result<(), StoreError> {
    let name = data
        .get("email")
        .and_then(Value::as_str)
        .map(str::to_owned)
        .unwrap_or_else(|| lead_id.to_string());
    log::insert(
        db,
        &NewActivity {
            lead_id,
            type_id: types::NEW_LEAD,
            at,
            primary_id: Some(lead_id),
            primary_value: Some(name),
            attributes: vec![ActivityAttribute::new("Source Type", SOURCE)],
            fields: None,
        },
    )?;
    Ok(())
}

fn text(v: Option<&Value>) -> Value {
    match v {
        None | Some(Value::Null) => Value::Null,
        Some(Value::String(s)) => Value::String(s.clone()),
        Some(other) => Value::String(other.to_string()),
    }
}

/// A lead's values went from `old` to `new`: one Change Data Value per field that differs.
pub fn data_changes(
    db: &Db,
    schema: &LeadSchema,
    lead_id: i64,
    at: &str,
    old: &Map<String, Value>,
    new: &Map<String, Value>,
) -> Result<(), StoreError> {
    let names = old
        .keys()
        .chain(new.keys().filter(|k| !old.contains_key(*k)));
    for name in names {
        let (before, after) = (old.get(name), new.get(name));
        if before == after {
            continue;
        }
        let Some(pos) = schema.fields().position(|f| &f.name == name) else {
            continue;
        };
        let field = schema.fields().nth(pos).map(|f| f.display_name.clone());
        let field_id = pos as i64 + 1;
        let (old_v, new_v) = (text(before), text(after));
        log::insert(
            db,
            &NewActivity {
                lead_id,
                type_id: types::CHANGE_DATA_VALUE,
                at,
                primary_id: Some(field_id),
                primary_value: field,
                attributes: vec![
                    ActivityAttribute::new("New Value", new_v.clone()),
                    ActivityAttribute::new("Old Value", old_v.clone()),
                    ActivityAttribute::new("Reason", SOURCE),
                    ActivityAttribute::new("Source", SOURCE),
                ],
                fields: Some(vec![FieldChange {
                    id: field_id,
                    name: name.clone(),
                    new_value: new_v,
                    old_value: old_v,
                }]),
            },
        )?;
    }
    Ok(())
}

/// A lead joined (`added`) or left a static list.
pub fn membership(
    db: &Db,
    lead_id: i64,
    list_id: i64,
    at: &str,
    added: bool,
) -> Result<(), StoreError> {
    let name = lists::name(db, list_id)?;
    log::insert(
        db,
        &NewActivity {
            lead_id,
            type_id: if added {
                types::ADD_TO_LIST
            } else {
                types::REMOVE_FROM_LIST
            },
            at,
            primary_id: Some(list_id),
            primary_value: name,
            attributes: vec![ActivityAttribute::new("Source", SOURCE)],
            fields: None,
        },
    )?;
    Ok(())
}

/// Leads `losers` were merged into `winner` (which now holds their activities).
pub fn merged(
    db: &Db,
    winner: i64,
    losers: &[i64],
    in_crm: bool,
    at: &str,
) -> Result<(), StoreError> {
    let ids: Vec<String> = losers.iter().map(i64::to_string).collect();
    log::insert(
        db,
        &NewActivity {
            lead_id: winner,
            type_id: types::MERGE_LEADS,
            at,
            primary_id: Some(winner),
            primary_value: Some(winner.to_string()),
            attributes: vec![
                ActivityAttribute::new("Merge ids", ids.join(",")),
                ActivityAttribute::new("Merged in Sales", in_crm),
                ActivityAttribute::new("Master Updated", true),
                ActivityAttribute::new("Merge Source", SOURCE),
            ],
            fields: None,
        },
    )?;
    Ok(())
}

/// A lead was deleted: the activity Get Deleted Leads reads (its primary attribute is the lead's name).
pub fn deleted(db: &Db, lead_id: i64, name: String, at: &str) -> Result<(), StoreError> {
    log::insert(
        db,
        &NewActivity {
            lead_id,
            type_id: types::DELETE_LEAD,
            at,
            primary_id: Some(lead_id),
            primary_value: Some(name),
            attributes: vec![ActivityAttribute::new("Remove from CRM", false)],
            fields: None,
        },
    )?;
    Ok(())
}

/// A lead was pushed to Marketo (Push Lead) for `program`.
pub fn pushed(
    db: &Db,
    lead_id: i64,
    program: &str,
    source: Option<&str>,
    reason: Option<&str>,
    at: &str,
) -> Result<(), StoreError> {
    log::insert(
        db,
        &NewActivity {
            lead_id,
            type_id: types::PUSH_LEAD,
            at,
            primary_id: None,
            primary_value: Some(program.to_owned()),
            attributes: vec![
                ActivityAttribute::new("Program Name", program),
                ActivityAttribute::new("Source", source.unwrap_or(SOURCE)),
                ActivityAttribute::new("Reason", reason.unwrap_or(SOURCE)),
            ],
            fields: None,
        },
    )?;
    Ok(())
}

/// A lead filled out form `form_id` (Submit Form); `visit` holds the visitor data as sent.
pub fn form_filled(
    db: &Db,
    lead_id: i64,
    form_id: i64,
    fields: &Map<String, Value>,
    visit: &Map<String, Value>,
    at: &str,
) -> Result<(), StoreError> {
    let text = |k: &str| {
        visit
            .get(k)
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_owned()
    };
    log::insert(
        db,
        &NewActivity {
            lead_id,
            type_id: types::FILL_OUT_FORM,
            at,
            primary_id: Some(form_id),
            primary_value: Some(format!("Form {form_id}")),
            attributes: vec![
                ActivityAttribute::new("Client IP Address", text("leadClientIpAddress")),
                ActivityAttribute::new("Form Fields", Value::Object(fields.clone()).to_string()),
                ActivityAttribute::new("Query Parameters", text("queryString")),
                ActivityAttribute::new("Referrer URL", text("pageURL")),
                ActivityAttribute::new("User Agent", text("userAgentString")),
            ],
            fields: None,
        },
    )?;
    Ok(())
}
