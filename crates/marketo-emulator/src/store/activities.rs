//! The activity log: one row per activity, written inside the model's transactions (so an activity exists
//! exactly when the change it records does) and read in id order for paging. The attributes and the Change
//! Data Value field changes are stored as the JSON arrays the wire carries.

use super::{Db, StoreError};
use marketo_types::activity::{ActivityAttribute, FieldChange};
use rusqlite::{params, Row};
use serde_json::json;

/// One stored activity.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredActivity {
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
    /// `attributes`.
    pub attributes: Vec<ActivityAttribute>,
    /// Change Data Value only: the field that changed.
    pub fields: Option<Vec<FieldChange>>,
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
    pub attributes: Vec<ActivityAttribute>,
    /// Change Data Value fields.
    pub fields: Option<Vec<FieldChange>>,
}

/// Append an activity; returns its id.
pub fn insert(db: &Db, a: &NewActivity<'_>) -> Result<i64, StoreError> {
    let mut stmt = db.prepare_cached(
        "INSERT INTO activities (lead_id, type_id, at, primary_id, primary_value, attributes, fields) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    let fields = a.fields.as_ref().map(serde_json::to_string).transpose()?;
    stmt.execute(params![
        a.lead_id,
        a.type_id,
        a.at,
        a.primary_id,
        a.primary_value,
        serde_json::to_string(&a.attributes)?,
        fields,
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

fn decode(raw: RawActivity) -> Result<StoredActivity, StoreError> {
    let (id, lead_id, type_id, at, primary_id, primary_value, attributes, fields) = raw;
    Ok(StoredActivity {
        id,
        lead_id,
        type_id,
        at,
        primary_id,
        primary_value,
        attributes: serde_json::from_str(&attributes)?,
        fields: fields.map(|f| serde_json::from_str(&f)).transpose()?,
    })
}

/// Up to `limit` activities of the selection, by id.
pub fn select(db: &Db, s: &Selection, limit: usize) -> Result<Vec<StoredActivity>, StoreError> {
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
    rows.map(|r| decode(r?)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn activities_keep_their_attributes_and_changes() {
        let store = crate::store::Store::open_in_memory().unwrap();
        store
            .with(|db| {
                let change = FieldChange {
                    id: 3,
                    name: "firstName".into(),
                    new_value: json!("Ann"),
                    old_value: json!(null),
                };
                for (type_id, at) in [(12, "2024-05-01T00:00:00Z"), (13, "2024-05-02T00:00:00Z")] {
                    insert(
                        db,
                        &NewActivity {
                            lead_id: 7,
                            type_id,
                            at,
                            primary_id: Some(7),
                            primary_value: None,
                            attributes: vec![ActivityAttribute::new("Source", "x")],
                            fields: (type_id == 13).then(|| vec![change.clone()]),
                        },
                    )?;
                }
                let all = select(db, &Selection::default(), 10)?;
                assert_eq!(all.len(), 2);
                assert_eq!(all[0].attributes[0].value, json!("x"));
                assert_eq!(all[1].fields.as_deref(), Some(&[change][..]));
                let later = Selection {
                    since: "2024-05-02T00:00:00Z".into(),
                    type_ids: vec![13],
                    ..Selection::default()
                };
                assert_eq!(select(db, &later, 10)?.len(), 1);
                let bounded = Selection {
                    until: Some("2024-05-02T00:00:00Z".into()),
                    ..Selection::default()
                };
                assert_eq!(select(db, &bounded, 10)?[0].type_id, 12);
                Ok(())
            })
            .unwrap();
    }
}
