//! Activities: the types the emulator knows, the activities it records when its leads change (New Lead,
//! Change Data Value, Add to List, Remove from List; the log itself is [`crate::store::activities`]), paging
//! tokens from a datetime, and the two paged reads (`activities.json`, `activities/leadchanges.json`), answered
//! with the wire types of [`marketo_types::activity`]. Plain Rust, no HTTP types.
//!
//! ```
//! use marketo_emulator::activities::{query, types};
//! use marketo_emulator::model::{DbLocation, Model, SyncLeads};
//! use marketo_emulator::model::schema::LeadSchema;
//! use chrono::{TimeZone, Utc};
//! let model = Model::open(DbLocation::InMemory, LeadSchema::default()).unwrap();
//! let now = Utc.with_ymd_and_hms(2024, 5, 1, 12, 0, 0).unwrap();
//! model.sync_leads(&SyncLeads::new(vec![serde_json::json!({"email": "ann@example.com"})]), now).unwrap();
//! let token = query::paging_token("2024-05-01T00:00:00Z").unwrap();
//! let page = query::activities(&model, &token, &[types::NEW_LEAD], &Default::default()).unwrap();
//! assert_eq!(page.items[0].lead_id, 1);
//! assert!(!page.more_result);
//! ```

pub mod config;
pub mod custom;
pub mod query;
pub mod record;
pub mod standard_types;
pub mod token;
pub mod types;
