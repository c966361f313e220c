//! Activities and the records of the generic object table in the data view.

use super::{object, sql_limit, Page};
use crate::store::{Db, StoreError};
use rusqlite::params;
use serde::Serialize;
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// An activity as the wire spells it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ActivityRow {
    /// The activity id.
    pub id: i64,
    /// The lead.
    pub lead_id: i64,
    /// Its type.
    pub activity_type_id: i64,
    /// When.
    pub activity_date: String,
    /// `primaryAttributeValueId`.
    pub primary_attribute_value_id: Option<i64>,
    /// `primaryAttributeValue`.
    pub primary_attribute_value: Option<String>,
    /// `attributes`, as stored.
    pub attributes: Value,
    /// Change Data Value: the fields that changed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fields: Option<Value>,
}

/// A record of an object type in the generic table.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ObjectRow {
    /// Its integer id.
    pub id: i64,
    /// Its GUID, for GUID-keyed types.
    #[serde(rename = "marketoGUID", skip_serializing_if = "Option::is_none")]
    pub marketo_guid: Option<String>,
    /// `createdAt`.
    pub created_at: String,
    /// `updatedAt`.
    pub updated_at: String,
    /// Its field values.
    #[serde(flatten)]
    pub fields: Map<String, Value>,
}

/// Activities, newest first, of one lead and/or one type when given.
pub fn activities(
    db: &Db,
    lead_id: Option<i64>,
    type_id: Option<i64>,
    offset: usize,
    limit: usize,
) -> Result<Page<ActivityRow>, StoreError> {
    const WHERE: &str = "WHERE (?1 IS NULL OR lead_id = ?1) AND (?2 IS NULL OR type_id = ?2)";
    let total: i64 = db
        .prepare_cached(&format!("SELECT count(*) FROM activities {WHERE}"))?
        .query_row(params![lead_id, type_id], |r| r.get(0))?;
    let mut stmt = db.prepare_cached(&format!(
        "SELECT id, lead_id, type_id, at, primary_id, primary_value, attributes, fields \
         FROM activities {WHERE} ORDER BY id DESC LIMIT ?3 OFFSET ?4"
    ))?;
    type Raw = (
        i64,
        i64,
        i64,
        String,
        Option<i64>,
        Option<String>,
        String,
        Option<String>,
    );
    let rows = stmt.query_map(
        params![lead_id, type_id, sql_limit(limit), sql_limit(offset)],
        |r| -> rusqlite::Result<Raw> {
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
        },
    )?;
    let mut items = Vec::new();
    for row in rows {
        let (id, lead_id, type_id, at, primary_id, primary_value, attributes, fields) = row?;
        items.push(ActivityRow {
            id,
            lead_id,
            activity_type_id: type_id,
            activity_date: at,
            primary_attribute_value_id: primary_id,
            primary_attribute_value: primary_value,
            attributes: serde_json::from_str(&attributes)?,
            fields: fields.map(|f| serde_json::from_str(&f)).transpose()?,
        });
    }
    Ok(Page {
        total: u64::try_from(total).unwrap_or(0),
        items,
    })
}

/// Every object type the generic table holds records of, with its count.
pub fn object_kinds(db: &Db) -> Result<BTreeMap<String, u64>, StoreError> {
    let mut stmt =
        db.prepare_cached("SELECT kind, count(*) FROM objects GROUP BY kind ORDER BY kind")?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, String>(0)?,
            u64::try_from(r.get::<_, i64>(1)?).unwrap_or(0),
        ))
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Records of `kind` by id.
pub fn objects(
    db: &Db,
    kind: &str,
    offset: usize,
    limit: usize,
) -> Result<Page<ObjectRow>, StoreError> {
    let total: i64 = db
        .prepare_cached("SELECT count(*) FROM objects WHERE kind = ?1")?
        .query_row([kind], |r| r.get(0))?;
    let mut stmt = db.prepare_cached(
        "SELECT id, guid, created_at, updated_at, data FROM objects WHERE kind = ?1 \
         ORDER BY id LIMIT ?2 OFFSET ?3",
    )?;
    let rows = stmt.query_map(params![kind, sql_limit(limit), sql_limit(offset)], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, Option<String>>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, String>(3)?,
            r.get::<_, String>(4)?,
        ))
    })?;
    let mut items = Vec::new();
    for row in rows {
        let (id, marketo_guid, created_at, updated_at, data) = row?;
        items.push(ObjectRow {
            id,
            marketo_guid,
            created_at,
            updated_at,
            fields: object(&data)?,
        });
    }
    Ok(Page {
        total: u64::try_from(total).unwrap_or(0),
        items,
    })
}
