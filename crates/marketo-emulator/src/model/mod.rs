//! The emulator's domain model: leads, static lists, fields. Plain Rust, no HTTP types.
//!
//! Every operation returns either a response-level [`ApiError`] (the whole call fails) or its per-record
//! [`RecordResult`]s in input order. Time comes in as `now`. Storage is [`crate::store`].
//!
//! ```
//! use marketo_emulator::model::{DbLocation, Model, SyncLeads};
//! use marketo_emulator::model::schema::LeadSchema;
//! use chrono::{TimeZone, Utc};
//! let model = Model::open(DbLocation::InMemory, LeadSchema::default()).unwrap();
//! let now = Utc.with_ymd_and_hms(2024, 5, 1, 12, 0, 0).unwrap();
//! let req = SyncLeads::new(vec![serde_json::json!({"email": "ann@example.com"})]);
//! let out = model.sync_leads(&req, now).unwrap();
//! assert_eq!(out[0].id, Some(1));
//! let lead = model.get_lead(1, None).unwrap();
//! assert_eq!(lead[0]["email"], "ann@example.com");
//! assert_eq!(lead[0]["createdAt"], "2024-05-01T12:00:00Z");
//! ```

mod capture;
mod describe;
mod errors;
mod fields;
mod filter;
mod leads;
pub(crate) mod linked;
mod lists;
mod merge;
mod partitions;
mod project;
mod record;
pub mod schema;
mod seed;
mod standard_fields;
mod sync;

use crate::fault::records::Held;
use crate::store::{Store, StoreError};
use chrono::{DateTime, Utc};
use marketo_types::envelope::ApiError;
use marketo_types::record::RecordResult;
use serde_json::{Map, Value};
use std::path::PathBuf;

pub use capture::{FormEntry, PushLeads};
pub use fields::{FieldStatus, FieldUpdate, NewField, MAX_CREATE};
pub use filter::{FilterQuery, Page};
pub use lists::ListScope;
pub use merge::{MergeRequest, MAX_LOSERS};
pub use partitions::{Partition, PartitionMove};
pub use seed::{ListSeed, Seed, SeedReport};
pub use sync::{SyncAction, SyncLeads};

/// Where the database lives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DbLocation {
    /// A private in-memory database, gone when the model is dropped.
    InMemory,
    /// A SQLite file (WAL mode), created if absent; reopening it restores the state.
    Path(PathBuf),
}

/// The domain model: the lead schema (the config's fields plus those created through the API) and the store.
#[derive(Debug)]
pub struct Model {
    base: schema::LeadSchema,
    schema: std::sync::RwLock<std::sync::Arc<schema::LeadSchema>>,
    store: Store,
}

impl Model {
    /// Open (or create) the database and apply migrations.
    pub fn open(db: DbLocation, schema: schema::LeadSchema) -> Result<Model, StoreError> {
        let store = match db {
            DbLocation::InMemory => Store::open_in_memory()?,
            DbLocation::Path(path) => Store::open_file(&path)?,
        };
        let base = schema.clone();
        let schema = fields::with_api_fields(&store, schema)?;
        store.with(|db| {
            for f in schema.custom_fields.iter().filter(|f| f.is_searchable()) {
                crate::store::leads::ensure_field_index(db, &f.name)?;
            }
            Ok(())
        })?;
        Ok(Model {
            base,
            schema: std::sync::RwLock::new(std::sync::Arc::new(schema)),
            store,
        })
    }

    /// The lead schema as it stands (a snapshot: fields created later are in the next one).
    pub fn schema(&self) -> std::sync::Arc<schema::LeadSchema> {
        self.schema
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    /// The store (bulk jobs and activities keep their rows beside the leads).
    pub fn store(&self) -> &Store {
        &self.store
    }

    /// Forget every lead, list and membership; the schema and key-value entries stay.
    pub fn reset(&self) -> Result<(), StoreError> {
        self.store.clear_data()?;
        fields::forget(&self.store)?;
        self.set_schema(self.base.clone());
        Ok(())
    }

    fn set_schema(&self, schema: schema::LeadSchema) {
        *self.schema.write().unwrap_or_else(|e| e.into_inner()) = std::sync::Arc::new(schema);
    }

    /// Get Lead Fields: a page of `schema/fields` records.
    pub fn lead_fields(
        &self,
        batch_size: usize,
        next_page_token: Option<&str>,
    ) -> Result<Page, ApiError> {
        fields::page(&self.schema(), batch_size, next_page_token)
    }

    /// Get Lead Field by Name (1006 for an unknown one).
    pub fn lead_field(&self, name: &str) -> Result<Value, ApiError> {
        fields::record(&self.schema(), name)
    }

    /// Create Lead Fields: custom fields every later call sees.
    pub fn create_lead_fields(
        &self,
        input: &[fields::NewField],
    ) -> Result<Vec<fields::FieldStatus>, ApiError> {
        let (out, schema) = fields::create(&self.store, &self.base, &self.schema(), input)?;
        self.set_schema(schema);
        Ok(out)
    }

    /// Update Lead Field.
    pub fn update_lead_field(
        &self,
        name: &str,
        update: &fields::FieldUpdate,
    ) -> Result<fields::FieldStatus, ApiError> {
        let (out, schema) = fields::update(&self.store, &self.base, &self.schema(), name, update)?;
        self.set_schema(schema);
        Ok(out)
    }

    /// Load leads and lists (the admin API's `POST /_emulator/seed`). All or nothing.
    pub fn seed(&self, seed: &Seed, now: DateTime<Utc>) -> Result<SeedReport, ApiError> {
        let mut report = seed::run(&self.schema(), &self.store, seed, now)?;
        if !seed.assets.is_empty() {
            report.assets = crate::assets::seed::apply(&self.store, &seed.assets, now)?;
        }
        Ok(report)
    }

    /// Sync Leads (`POST /rest/v1/leads.json`): one result per input record, in input order.
    pub fn sync_leads(
        &self,
        req: &SyncLeads,
        now: DateTime<Utc>,
    ) -> Result<Vec<RecordResult>, ApiError> {
        sync::run(&self.schema(), &self.store, req, now)
    }

    /// Get Lead by Id: one record, or none for an unknown id.
    pub fn get_lead(
        &self,
        id: i64,
        fields: Option<&[String]>,
    ) -> Result<Vec<Map<String, Value>>, ApiError> {
        leads::get(&self.schema(), &self.store, id, fields)
    }

    /// Get Leads by Filter Type.
    pub fn leads_by_filter(&self, q: &FilterQuery) -> Result<Page, ApiError> {
        filter::run(&self.schema(), &self.store, q)
    }

    /// Delete Leads: `deleted`, or `skipped` 1004 for unknown ids.
    pub fn delete_leads(
        &self,
        ids: &[i64],
        held: Option<&Held>,
        now: DateTime<Utc>,
    ) -> Result<Vec<RecordResult>, ApiError> {
        leads::delete(&self.schema(), &self.store, ids, held, &format_time(now))
    }

    /// `describe.json` result entries.
    pub fn describe(&self) -> Vec<Value> {
        describe::describe(&self.schema())
    }

    /// `describe2.json` result entries.
    pub fn describe2(&self) -> Vec<Value> {
        describe::describe2(&self.schema())
    }

    /// Add leads to a static list at `now`: `added`, or `skipped` 1004.
    pub fn list_add(
        &self,
        list_id: i64,
        ids: &[i64],
        held: Option<&Held>,
        now: DateTime<Utc>,
    ) -> Result<Vec<RecordResult>, ApiError> {
        lists::add(&self.schema(), &self.store, list_id, ids, held, now)
    }

    /// Remove leads from a static list at `now`: `removed`, or `skipped` 1004 / 1015.
    pub fn list_remove(
        &self,
        list_id: i64,
        ids: &[i64],
        held: Option<&Held>,
        now: DateTime<Utc>,
    ) -> Result<Vec<RecordResult>, ApiError> {
        lists::remove(&self.schema(), &self.store, list_id, ids, held, now)
    }

    /// Membership test: `memberof`, `notmemberof`, or `skipped` 1004.
    pub fn list_is_member(&self, list_id: i64, ids: &[i64]) -> Result<Vec<RecordResult>, ApiError> {
        lists::is_member(&self.schema(), &self.store, list_id, ids)
    }

    /// Associate Lead: add a Munchkin cookie to the lead (1012 malformed, 1004 unknown lead).
    pub fn associate(&self, id: i64, cookie: &str, now: DateTime<Utc>) -> Result<(), ApiError> {
        leads::associate(&self.store, id, cookie, &format_time(now))
    }

    /// Merge Leads (`crm`: the subscription's CRM settings).
    pub fn merge(
        &self,
        crm: &crate::crm::CrmConfig,
        req: &MergeRequest,
        now: DateTime<Utc>,
    ) -> Result<(), ApiError> {
        merge::run(crm, &self.store, req, now)
    }

    /// Push Lead to Marketo: upsert, then a Push Lead to Marketo activity per lead.
    pub fn push_leads(
        &self,
        req: &PushLeads,
        now: DateTime<Utc>,
    ) -> Result<Vec<RecordResult>, ApiError> {
        capture::push(&self.schema(), &self.store, req, now)
    }

    /// Submit Form: upsert by email, a Fill Out Form activity, the cookie associated.
    pub fn submit_form(
        &self,
        form_id: Option<i64>,
        input: &[FormEntry],
        now: DateTime<Utc>,
    ) -> Result<Vec<RecordResult>, ApiError> {
        capture::submit(&self.schema(), &self.store, form_id, input, now)
    }

    /// The lead partitions.
    pub fn partitions(&self) -> Vec<Partition> {
        partitions::list(&self.schema())
    }

    /// Move leads between partitions (`allowed`: the API user's partitions).
    pub fn update_partitions(
        &self,
        moves: &[PartitionMove],
        allowed: Option<&[String]>,
        held: Option<&Held>,
        now: DateTime<Utc>,
    ) -> Result<Vec<RecordResult>, ApiError> {
        partitions::update(&self.schema(), &self.store, moves, allowed, held, now)
    }

    /// A page of static lists: every list matching a filter, or the lists of one lead.
    pub fn lists(
        &self,
        scope: ListScope<'_>,
        batch_size: usize,
        next_page_token: Option<&str>,
    ) -> Result<Page, ApiError> {
        lists::browse(&self.store, scope, batch_size, next_page_token)
    }

    /// One static list.
    pub fn list(
        &self,
        id: i64,
    ) -> Result<Option<marketo_types::lead_database::StaticList>, ApiError> {
        lists::by_id(&self.store, id)
    }

    /// Whether lead `id` exists.
    pub fn lead_exists(&self, id: i64) -> Result<bool, ApiError> {
        Ok(self.store.with(|db| crate::store::leads::exists(db, id))?)
    }

    /// The members of a static list, paged by lead id.
    pub fn list_members(
        &self,
        list_id: i64,
        fields: Option<&[String]>,
        batch_size: usize,
        next_page_token: Option<&str>,
    ) -> Result<Page, ApiError> {
        lists::members(
            &self.schema(),
            &self.store,
            list_id,
            fields,
            batch_size,
            next_page_token,
        )
    }

    /// A value the HTTP side stored (quota counters, usage history).
    pub fn kv_get(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.store.with(|db| crate::store::kv::get(db, key))
    }

    /// Store a value for the HTTP side.
    pub fn kv_set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        self.store.with(|db| crate::store::kv::set(db, key, value))
    }

    /// How many leads exist.
    pub fn lead_count(&self) -> Result<u64, StoreError> {
        self.store.with(crate::store::leads::count)
    }
}

pub use crate::engine::format_time;

#[cfg(test)]
mod tests;
