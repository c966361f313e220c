//! The activity log in SQLite: one row per activity, written inside the model's transactions (so an activity
//! exists exactly when the change it records does) and read in id order for paging.

use crate::store::StoreError;
use rusqlite::{params, Connection, Row};
use serde_json::{json, Value};

/// One stored activity.
#[derive(Debug, Clone, PartialEq)]
pub struct Activity {
    /// The activity id (also its `marketoGUID`).
    pub id: i64,
    /// The lead it belongs to.
    pub lead_id: i64,
    /// Its type id.
    pub type_id: i64,
    /// `activityDate`, formatted (`2023-01-16T23:32:19Z`).
    pub at: String,
    /// `primaryAttributeValueId`.
    pub primary_id: Option<i64>,
    /// `primaryAttributeValue`.
    pub primary_value: Option<String>,
    /// `attributes`: `[{"name":..,"value":..}]`.
    pub attributes: Value,
    /// Change Data Value only: `[{"id":..,"name":..,"newValue":..,"oldValue":..}]`.
    pub fields: Option<Value>,
}

/// A new activity, before it has an id.
#[derive(Debug, Clone, PartialEq)]
pub struct NewActivity<'a> {
    /// The lead.
    pub lead_id: i64,
    /// The type id.
    pub type_id: i64,
    /// When, formatted.
    pub at: &'a str,
    /// `primaryAttributeValueId`.
    pub primary_id: Option<i64>,
    /// `primaryAttributeValue`.
    pub primary_value: Option<String>,
    /// `attributes`.
    pub attributes: Value,
    /// Change Data Value fields.
    pub fields: Option<Value>,
}

/// Append an activity.
pub fn insert(db: &Connection, a: &NewActivity<'_>) -> Result<i64, StoreError> {
    let mut stmt = db.prepare_cached(
        "INSERT INTO activities (lead_id, type_id, at, primary_id, primary_value, attributes, fields) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    stmt.execute(params![
        a.lead_id,
        a.type_id,
        a.at,
        a.primary_id,
        a.primary_value,
        a.attributes.to_string(),
        a.fields.as_ref().map(Value::to_string),
    ])?;
    Ok(db.last_insert_rowid())
}

/// Which activities a read wants.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Selection {
    /// Activity dates at or after this (formatted).
    pub since: String,
    /// Activity dates before this (formatted), if bounded.
    pub until: Option<String>,
    /// Ids above this.
    pub after_id: i64,
    /// Only these types (empty: all).
    pub type_ids: Vec<i64>,
    /// Only these leads (empty: all).
    pub lead_ids: Vec<i64>,
    /// Only members of this static list.
    pub list_id: Option<i64>,
}

/// A row as read: id, lead, type, date, primary id and value, attributes and fields JSON.
type RawActivity = (
    i64,
    i64,
    i64,
    String,
    Option<i64>,
    Option<String>,
    String,
    Option<String>,
);

fn from_row(r: &Row<'_>) -> rusqlite::Result<RawActivity> {
    Ok((
        r.get(0)?,
        r.get(1)?,
        r.get(2)?,
        r.get(3)?,
        r.get(4)?,
        r.get(5)?,
        r.get(6)?,
        r.get(7)?,
    ))
}

/// Up to `limit` activities of the selection, by id.
pub fn select(db: &Connection, s: &Selection, limit: usize) -> Result<Vec<Activity>, StoreError> {
    let mut sql = String::from(
        "SELECT id, lead_id, type_id, at, primary_id, primary_value, attributes, fields FROM activities \
         WHERE at >= ?1 AND id > ?2 AND (?3 IS NULL OR at < ?3)",
    );
    if !s.type_ids.is_empty() {
        sql.push_str(" AND type_id IN (SELECT value FROM json_each(?4))");
    } else {
        sql.push_str(" AND ?4 IS NOT NULL");
    }
    if !s.lead_ids.is_empty() {
        sql.push_str(" AND lead_id IN (SELECT value FROM json_each(?5))");
    } else {
        sql.push_str(" AND ?5 IS NOT NULL");
    }
    sql.push_str(
        " AND (?6 IS NULL OR lead_id IN (SELECT lead_id FROM list_members WHERE list_id = ?6)) \
         ORDER BY id LIMIT ?7",
    );
    let mut stmt = db.prepare_cached(&sql)?;
    let limit = i64::try_from(limit).unwrap_or(i64::MAX);
    let rows = stmt.query_map(
        params![
            s.since,
            s.after_id,
            s.until,
            json!(s.type_ids).to_string(),
            json!(s.lead_ids).to_string(),
            s.list_id,
            limit
        ],
        from_row,
    )?;
    rows.map(|r| {
        let (id, lead_id, type_id, at, primary_id, primary_value, attributes, fields) = r?;
        Ok(Activity {
            id,
            lead_id,
            type_id,
            at,
            primary_id,
            primary_value,
            attributes: serde_json::from_str(&attributes)?,
            fields: fields.map(|f| serde_json::from_str(&f)).transpose()?,
        })
    })
    .collect()
}

impl Activity {
    /// The `activities.json` (and bulk export) form.
    pub fn to_json(&self) -> Value {
        json!({
            "id": self.id,
            "marketoGUID": self.id.to_string(),
            "leadId": self.lead_id,
            "activityDate": self.at,
            "activityTypeId": self.type_id,
            "primaryAttributeValueId": self.primary_id,
            "primaryAttributeValue": self.primary_value,
            "attributes": self.attributes,
        })
    }

    /// The `leadchanges.json` form, keeping only the changes of `fields`.
    pub fn to_change_json(&self, fields: &[String]) -> Value {
        let changes: Vec<Value> = self
            .fields
            .as_ref()
            .and_then(Value::as_array)
            .map(|a| {
                a.iter()
                    .filter(|c| {
                        c["name"]
                            .as_str()
                            .is_some_and(|n| fields.iter().any(|f| f == n))
                    })
                    .cloned()
                    .collect()
            })
            .unwrap_or_default();
        json!({
            "id": self.id,
            "marketoGUID": self.id.to_string(),
            "leadId": self.lead_id,
            "activityDate": self.at,
            "activityTypeId": self.type_id,
            "fields": changes,
            "attributes": self.attributes,
        })
    }
}
