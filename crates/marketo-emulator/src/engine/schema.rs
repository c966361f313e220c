//! An object type's descriptor: its name, id field, dedupe fields, searchable fields and fields, plus the
//! rules that are its own ([`ObjectRules`]). The engine's operations read nothing else, so a new type is a
//! descriptor, not a copy of the engine.
//!
//! ```
//! use marketo_emulator::engine::{DataType, FieldDef, IdKind, ObjectSchema};
//! let car = ObjectSchema::new("car_c", "Car", IdKind::Guid, &["vin"])
//!     .with_field(FieldDef::new("vin", "VIN", DataType::String))
//!     .with_field(FieldDef::new("color", "Color", DataType::String));
//! assert_eq!(car.id_field(), "marketoGUID");
//! assert!(car.field("createdAt").is_some());
//! assert_eq!(car.searchable, vec![vec!["vin".to_string()], vec!["marketoGUID".to_string()]]);
//! ```

use super::field::{DataType, FieldDef};
use crate::store::{Db, StoreError};
use marketo_types::envelope::ApiError;
use serde_json::{Map, Value};
use std::fmt::Debug;
use std::sync::Arc;

/// How records of a type are named.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdKind {
    /// An integer `id` (companies, sales persons).
    Integer,
    /// A `marketoGUID` string (opportunities, named accounts, custom objects).
    Guid,
}

/// What one write is about to do, for a type's own rules.
#[derive(Debug)]
pub struct Write<'a> {
    /// The record's field values after the write.
    pub data: &'a Map<String, Value>,
    /// True for a new record.
    pub creating: bool,
}

/// What a type's rule says of one write or delete.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// Go ahead.
    Allow,
    /// Skip this record with this reason (1022 while others use it, say).
    Skip(ApiError),
    /// Fail the whole call with this response-level error (718 for an unknown sales person, say); nothing
    /// of the call is applied.
    Fail(ApiError),
}

/// A type's own rules, asked by the engine inside the call's transaction. Each default allows.
pub trait ObjectRules: Send + Sync + Debug {
    /// Before a record is created or updated.
    fn check_write(&self, _db: &Db, _write: &Write<'_>) -> Result<Verdict, StoreError> {
        Ok(Verdict::Allow)
    }

    /// Before a record is deleted.
    fn check_delete(&self, _db: &Db, _data: &Map<String, Value>) -> Result<Verdict, StoreError> {
        Ok(Verdict::Allow)
    }

    /// The values a new record starts with that the input does not set (a named account list's `type`).
    fn fill(&self, _data: &mut Map<String, Value>) {}

    /// After a record is deleted: forget what only it used (a list's memberships).
    fn after_delete(&self, _db: &Db, _id: i64) -> Result<(), StoreError> {
        Ok(())
    }
}

/// What a sync does when the call names no `action`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Create records that do not exist; skip the others with 1017.
    CreateOnly,
    /// Update records that exist; skip the others with 1013.
    UpdateOnly,
    /// Create or update.
    CreateOrUpdate,
}

impl Action {
    /// Parse `action` (absent or blank: `default`); another value is 1001.
    pub fn parse(value: Option<&str>, default: Action) -> Result<Action, ApiError> {
        match value.map(str::trim) {
            None | Some("") => Ok(default),
            Some("createOrUpdate") => Ok(Action::CreateOrUpdate),
            Some("createOnly") => Ok(Action::CreateOnly),
            Some("updateOnly") => Ok(Action::UpdateOnly),
            Some(other) => Err(ApiError::catalogued(1001, &[other, "action"])),
        }
    }
}

/// A link a type declares to another (a custom object's link field): describe's `relationships` entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Relationship {
    /// The field holding the link value.
    pub field: String,
    /// `child` (this type points at its parent) or `parent`.
    pub kind: &'static str,
    /// The related type's name (`Lead`, `Company`, a custom object's API name).
    pub related_name: String,
    /// The related type's field the link value matches.
    pub related_field: String,
}

/// The rules of a type that has none of its own.
#[derive(Debug, Default)]
pub struct NoRules;

impl ObjectRules for NoRules {}

/// An object type.
#[derive(Debug, Clone)]
pub struct ObjectSchema {
    /// Storage kind and paging-token tag (`company`, `car_c`).
    pub kind: String,
    /// The name `describe` reports (`Company`).
    pub name: String,
    /// How records are named.
    pub id: IdKind,
    /// The fields that identify a record for `dedupeBy: dedupeFields`.
    pub dedupe_fields: Vec<String>,
    /// The field sets a read may filter by (`filterType`), in describe order.
    pub searchable: Vec<Vec<String>>,
    /// Every field: the system ones (id, createdAt, updatedAt) first.
    pub fields: Vec<FieldDef>,
    /// Records per sync, get or delete call.
    pub max_batch: usize,
    /// The type's own rules.
    pub rules: Arc<dyn ObjectRules>,
    /// Owned by a native CRM sync: with `[crm] native_sync`, every write and delete is skipped with 1018
    /// "CRM Enabled" (companies, opportunities, their roles, sales persons).
    pub crm_owned: bool,
    /// The `displayName` describe reports, when the type has one apart from its name.
    pub display_name: Option<String>,
    /// The `description` describe reports (`None`: "<name> object").
    pub description: Option<String>,
    /// The action of a sync that names none (createOrUpdate; createOnly for named account lists).
    pub default_action: Action,
    /// The links to other types (custom objects).
    pub relationships: Vec<Relationship>,
    /// The fields a read returns without `fields`, when not the id, the dedupe fields and the timestamps.
    pub read_fields: Option<Vec<String>>,
}

fn system(name: &str, display: &str, data_type: DataType) -> FieldDef {
    let mut f = FieldDef::new(name, display, data_type);
    f.read_only = true;
    f.standard = true;
    f
}

impl ObjectSchema {
    /// A type with its system fields, its dedupe fields searchable and its id field searchable.
    pub fn new(kind: &str, name: &str, id: IdKind, dedupe_fields: &[&str]) -> ObjectSchema {
        let id_field = match id {
            IdKind::Integer => system("id", "Id", DataType::Integer),
            IdKind::Guid => {
                let mut f = system("marketoGUID", "Marketo GUID", DataType::String);
                f.length = Some(36);
                f
            }
        };
        let dedupe: Vec<String> = dedupe_fields.iter().map(|s| s.to_string()).collect();
        ObjectSchema {
            kind: kind.to_owned(),
            name: name.to_owned(),
            id,
            searchable: vec![dedupe.clone(), vec![id_field.name.clone()]],
            dedupe_fields: dedupe,
            fields: vec![
                id_field,
                system("createdAt", "Created At", DataType::Datetime),
                system("updatedAt", "Updated At", DataType::Datetime),
            ],
            max_batch: 300,
            rules: Arc::new(NoRules),
            crm_owned: false,
            display_name: None,
            description: None,
            default_action: Action::CreateOrUpdate,
            relationships: Vec::new(),
            read_fields: None,
        }
    }

    /// Describe with this display name and description.
    pub fn described(mut self, display_name: Option<&str>, description: &str) -> ObjectSchema {
        self.display_name = display_name.map(str::to_owned);
        self.description = Some(description.to_owned());
        self
    }

    /// A sync without `action` does this.
    pub fn with_default_action(mut self, action: Action) -> ObjectSchema {
        self.default_action = action;
        self
    }

    /// A read without `fields` returns these (after the id).
    pub fn with_read_fields(mut self, fields: &[&str]) -> ObjectSchema {
        self.read_fields = Some(fields.iter().map(|s| s.to_string()).collect());
        self
    }

    /// Add a field.
    pub fn with_field(mut self, field: FieldDef) -> ObjectSchema {
        self.fields.push(field);
        self
    }

    /// Add a standard field (one Marketo defines: `isCustom` false in `schema/fields` reads).
    pub fn with_standard(self, name: &str, display: &str, data_type: DataType) -> ObjectSchema {
        let mut f = FieldDef::new(name, display, data_type);
        f.standard = true;
        self.with_field(f)
    }

    /// Add a standard field of at most `length` characters.
    pub fn with_standard_len(
        self,
        name: &str,
        display: &str,
        data_type: DataType,
        length: u32,
    ) -> ObjectSchema {
        let mut f = FieldDef::new(name, display, data_type);
        f.standard = true;
        f.length = Some(length);
        self.with_field(f)
    }

    /// Add a standard field the API never writes (Marketo computes it).
    pub fn with_computed(self, name: &str, display: &str, data_type: DataType) -> ObjectSchema {
        let mut f = FieldDef::new(name, display, data_type);
        f.standard = true;
        f.read_only = true;
        self.with_field(f)
    }

    /// Add a searchable field set.
    pub fn with_searchable(mut self, fields: &[&str]) -> ObjectSchema {
        self.searchable
            .push(fields.iter().map(|s| s.to_string()).collect());
        self
    }

    /// Use these rules.
    pub fn with_rules(mut self, rules: impl ObjectRules + 'static) -> ObjectSchema {
        self.rules = Arc::new(rules);
        self
    }

    /// Owned by a native CRM sync (see [`Self::crm_owned`]).
    pub fn owned_by_crm(mut self) -> ObjectSchema {
        self.crm_owned = true;
        self
    }

    /// The id field's name: `id` or `marketoGUID`.
    pub fn id_field(&self) -> &'static str {
        match self.id {
            IdKind::Integer => "id",
            IdKind::Guid => "marketoGUID",
        }
    }

    /// The field named `name`.
    pub fn field(&self, name: &str) -> Option<&FieldDef> {
        self.fields.iter().find(|f| f.name == name)
    }

    /// Whether `name` is a system field (id, createdAt, updatedAt), which a write never sets.
    pub fn is_system(&self, name: &str) -> bool {
        matches!(name, "createdAt" | "updatedAt") || name == self.id_field()
    }

    /// Whether `fields` is one of the searchable field sets.
    pub fn is_searchable(&self, fields: &[String]) -> bool {
        self.searchable.iter().any(|s| s.as_slice() == fields)
    }

    /// The fields a read returns without `fields`: the id, the dedupe fields, updatedAt, createdAt (or the
    /// type's own set).
    pub fn default_fields(&self) -> Vec<String> {
        if let Some(fields) = &self.read_fields {
            return std::iter::once(self.id_field().to_owned())
                .chain(fields.iter().filter(|f| *f != self.id_field()).cloned())
                .collect();
        }
        std::iter::once(self.id_field().to_owned())
            .chain(self.dedupe_fields.iter().cloned())
            .chain(["updatedAt".to_owned(), "createdAt".to_owned()])
            .collect()
    }
}
