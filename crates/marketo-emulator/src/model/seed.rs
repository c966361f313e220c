//! Seeding: leads and static lists loaded through the admin API or the config file.
//!
//! A seeded lead is checked like a synced one (unknown field: 1006, bad value: 1003), but may also set
//! read-only fields (`createdAt`, `updatedAt`, `cookies`, ...), an explicit `id` (an existing lead with that
//! id is replaced) and `partitionName` (default: the default partition). All or nothing.

use super::errors::{self};
use super::format_time;
use super::schema::LeadSchema;
use crate::engine::value;
use crate::store::{leads, lists, Store};
use chrono::{DateTime, Utc};
use marketo_types::envelope::ApiError;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// The admin API's seed document: `{"leads":[{field:value}], "lists":[{"id":N,"name":"..."}]}`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Seed {
    /// Leads, as field maps.
    pub leads: Vec<Map<String, Value>>,
    /// Static lists.
    pub lists: Vec<ListSeed>,
    /// Asset folders, programs, channels and tag types.
    #[serde(flatten)]
    pub assets: crate::assets::seed::AssetSeed,
}

/// One static list to create (or update), as a Marketo user makes it in the UI.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ListSeed {
    /// The list id.
    pub id: i64,
    /// The list name.
    pub name: String,
    /// Its description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The program it belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub program_name: Option<String>,
    /// Its workspace (default: `Default`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub workspace_name: Option<String>,
}

/// What a seed created.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SeedReport {
    /// The ids of the seeded leads, in input order.
    pub leads: Vec<i64>,
    /// The ids of the seeded lists, in input order.
    pub lists: Vec<i64>,
    /// The ids of the seeded asset folders and programs.
    #[serde(flatten)]
    pub assets: crate::assets::seed::AssetSeedReport,
}

pub(super) fn run(
    schema: &LeadSchema,
    store: &Store,
    seed: &Seed,
    now: DateTime<Utc>,
) -> Result<SeedReport, ApiError> {
    let stamp = format_time(now);
    let prepared = seed
        .leads
        .iter()
        .map(|l| prepare(schema, l, &stamp))
        .collect::<Result<Vec<_>, _>>()?;
    store.transaction(|db| {
        let mut report = SeedReport::default();
        for p in &prepared {
            let id = match p.id {
                Some(id) if leads::exists(db, id)? => {
                    leads::update(db, id, &p.updated, &p.data)?;
                    id
                }
                explicit => leads::insert(db, explicit, &p.partition, &p.created, &p.data)?,
            };
            leads::set_times(db, id, &p.created, &p.updated)?;
            report.leads.push(id);
        }
        for l in &seed.lists {
            lists::upsert(
                db,
                &lists::StoredList {
                    id: l.id,
                    name: l.name.clone(),
                    description: l.description.clone(),
                    program_name: l.program_name.clone(),
                    workspace_name: l
                        .workspace_name
                        .clone()
                        .unwrap_or_else(|| "Default".to_owned()),
                    created_at: stamp.clone(),
                    updated_at: stamp.clone(),
                },
            )?;
            report.lists.push(l.id);
        }
        Ok(report)
    })
}

struct Prepared {
    id: Option<i64>,
    partition: String,
    created: String,
    updated: String,
    data: Map<String, Value>,
}

fn prepare(
    schema: &LeadSchema,
    lead: &Map<String, Value>,
    now: &str,
) -> Result<Prepared, ApiError> {
    let mut p = Prepared {
        id: None,
        partition: schema.default_partition().to_string(),
        created: now.to_string(),
        updated: now.to_string(),
        data: Map::new(),
    };
    for (name, v) in lead {
        match name.as_str() {
            "id" => {
                p.id = Some(
                    super::record::as_id(v)
                        .filter(|id| *id > 0)
                        .ok_or_else(|| errors::invalid_value("id"))?,
                )
            }
            // What the CRM knows of the lead (`{"type":"contact|lead|personAccount","deleted":bool}`) and its
            // personalized URL: kept beside the fields, read by Merge Leads.
            "_crm" | "_purl" => {
                p.data.insert(name.clone(), v.clone());
            }
            "partitionName" => {
                let part = v.as_str().unwrap_or_default();
                if !schema.partitions.iter().any(|q| q == part) {
                    return Err(ApiError::catalogued(1008, &[part]));
                }
                p.partition = part.to_string();
            }
            _ => {
                let field = schema
                    .field(name)
                    .ok_or_else(|| errors::field_not_found(name))?;
                let v =
                    value::normalise(field, v, false).map_err(|()| errors::invalid_value(name))?;
                match (name.as_str(), v.as_str()) {
                    ("createdAt", Some(t)) => p.created = t.to_string(),
                    ("updatedAt", Some(t)) => p.updated = t.to_string(),
                    _ if !v.is_null() => {
                        p.data.insert(name.clone(), v);
                    }
                    _ => {}
                }
            }
        }
    }
    Ok(p)
}
