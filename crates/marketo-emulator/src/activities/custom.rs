//! Custom activity types: a draft and an approved version each, as Marketo keeps them. Create and updates
//! change the draft (made from the approved version when there is none); approve makes the draft the approved
//! version; discard drops the draft. Kept in the key-value store (a book that does not parse is an error).
//!
//! | answer | when |
//! |---|---|
//! | 1027 "Max Activity Type Limit Reached" | creating past `[activities] max_custom_types` (10) |
//! | 1028 "Max field limit reached" | an attribute set past `[activities] max_custom_attributes` (20) |
//! | 1013 "Object not found" | an `apiName` no type has |
//! | 1017 "Object already exists" | creating an `apiName` a type has [INF] |
//! | 709 "Business Rule Violation" | approving or discarding a type with no draft [INF] |
//! | 1002 | a required member missing (`apiName`, `name`, `triggerName`, `filterName`, `primaryAttribute`) |

use crate::store::{kv, Db, StoreError};
use marketo_types::envelope::ApiError;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

const KEY: &str = "activities.custom_types";
/// The first custom activity type id.
pub const FIRST_ID: i64 = 100_001;

use marketo_types::lead_database::CustomActivityType;
pub use marketo_types::lead_database::CustomAttribute as Attribute;

fn string_type() -> String {
    "string".to_owned()
}

/// One version (draft or approved) of a type.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Version {
    /// Display name.
    pub name: String,
    /// What it records.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Its smart list trigger's name.
    pub trigger_name: String,
    /// Its smart list filter's name.
    pub filter_name: String,
    /// The primary attribute.
    pub primary_attribute: Attribute,
    /// The secondary attributes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attributes: Vec<Attribute>,
}

/// A type with its versions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CustomType {
    /// Its id (from 100001).
    pub id: i64,
    /// Its API name.
    pub api_name: String,
    /// Created.
    pub created_at: String,
    /// Last changed.
    pub updated_at: String,
    /// The approved version.
    pub approved: Option<Version>,
    /// The draft version.
    pub draft: Option<Version>,
}

impl CustomType {
    /// `draft`, `approved` or `approved with draft`.
    pub fn status(&self) -> &'static str {
        match (&self.approved, &self.draft) {
            (Some(_), Some(_)) => "approved with draft",
            (Some(_), None) => "approved",
            _ => "draft",
        }
    }

    /// The type as the API shows it: the approved version unless `draft` asks for the draft (or there is
    /// no approved one).
    pub fn record(&self, draft: bool) -> CustomActivityType {
        let version = match (draft, &self.approved, &self.draft) {
            (true, _, Some(d)) | (_, None, Some(d)) => d,
            (_, Some(a), _) => a,
            // A type always has a version: create makes the draft, discard keeps the approved one.
            (_, None, None) => unreachable_version(),
        };
        CustomActivityType {
            id: self.id,
            api_name: self.api_name.clone(),
            name: version.name.clone(),
            description: version.description.clone(),
            trigger_name: version.trigger_name.clone(),
            filter_name: version.filter_name.clone(),
            created_at: Some(self.created_at.clone()),
            updated_at: Some(self.updated_at.clone()),
            status: self.status().to_owned(),
            primary_attribute: version.primary_attribute.clone(),
            attributes: version.attributes.clone(),
        }
    }

    /// The draft to change: the existing one, else a copy of the approved version.
    fn draft_mut(&mut self) -> &mut Version {
        if self.draft.is_none() {
            self.draft = self.approved.clone();
        }
        self.draft.get_or_insert_with(|| Version {
            name: String::new(),
            description: None,
            trigger_name: String::new(),
            filter_name: String::new(),
            primary_attribute: Attribute {
                api_name: String::new(),
                name: String::new(),
                description: None,
                data_type: string_type(),
                is_primary: None,
            },
            attributes: Vec::new(),
        })
    }
}

/// The version a type without one would show (never stored: create makes a draft, discard keeps the
/// approved version); empty names, so it is visible should it ever appear.
fn unreachable_version() -> &'static Version {
    static EMPTY: std::sync::LazyLock<Version> = std::sync::LazyLock::new(|| Version {
        name: String::new(),
        description: None,
        trigger_name: String::new(),
        filter_name: String::new(),
        primary_attribute: Attribute {
            api_name: String::new(),
            name: String::new(),
            description: None,
            data_type: string_type(),
            is_primary: None,
        },
        attributes: Vec::new(),
    });
    &EMPTY
}

/// Every custom type, by API name.
pub type Book = BTreeMap<String, CustomType>;

/// Read the book.
pub fn load(db: &Db) -> Result<Book, StoreError> {
    Ok(match kv::get(db, KEY)? {
        Some(text) => serde_json::from_str(&text)?,
        None => Book::new(),
    })
}

/// Write the book.
pub fn save(db: &Db, book: &Book) -> Result<(), StoreError> {
    kv::set(db, KEY, &serde_json::to_string(book)?)
}

/// Forget every custom type (reset).
pub fn forget(db: &Db) -> Result<(), StoreError> {
    kv::set(db, KEY, "{}")
}

/// The type `api_name`, or 1013.
pub fn get_mut<'b>(book: &'b mut Book, api_name: &str) -> Result<&'b mut CustomType, ApiError> {
    book.get_mut(api_name)
        .ok_or_else(|| ApiError::catalogued(1013, &[]))
}

/// A Create or Update Custom Activity Type body.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TypeBody {
    /// API name (create only).
    pub api_name: Option<String>,
    /// Display name.
    pub name: Option<String>,
    /// Description.
    pub description: Option<String>,
    /// Trigger name.
    pub trigger_name: Option<String>,
    /// Filter name.
    pub filter_name: Option<String>,
    /// Primary attribute.
    pub primary_attribute: Option<Attribute>,
}

fn required<'a>(v: &'a Option<String>, name: &str) -> Result<&'a str, ApiError> {
    match v.as_deref().map(str::trim) {
        Some(s) if !s.is_empty() => Ok(s),
        _ => Err(ApiError::catalogued(1002, &[name])),
    }
}

/// Create a type (a draft).
pub fn create(book: &mut Book, body: &TypeBody, max: usize, at: &str) -> Result<i64, ApiError> {
    let api_name = required(&body.api_name, "apiName")?.to_owned();
    let version = Version {
        name: required(&body.name, "name")?.to_owned(),
        description: body.description.clone(),
        trigger_name: required(&body.trigger_name, "triggerName")?.to_owned(),
        filter_name: required(&body.filter_name, "filterName")?.to_owned(),
        primary_attribute: body
            .primary_attribute
            .clone()
            .ok_or_else(|| ApiError::catalogued(1002, &["primaryAttribute"]))?,
        attributes: Vec::new(),
    };
    if book.contains_key(&api_name) {
        return Err(ApiError::catalogued(1017, &[]));
    }
    if book.len() >= max {
        return Err(ApiError::catalogued(1027, &[]));
    }
    let id = book.values().map(|t| t.id + 1).max().unwrap_or(FIRST_ID);
    book.insert(
        api_name.clone(),
        CustomType {
            id,
            api_name,
            created_at: at.to_owned(),
            updated_at: at.to_owned(),
            approved: None,
            draft: Some(version),
        },
    );
    Ok(id)
}

/// Update a type's draft.
pub fn update(t: &mut CustomType, body: &TypeBody, at: &str) {
    let d = t.draft_mut();
    for (slot, v) in [
        (&mut d.name, &body.name),
        (&mut d.trigger_name, &body.trigger_name),
        (&mut d.filter_name, &body.filter_name),
    ] {
        if let Some(v) = v {
            slot.clone_from(v);
        }
    }
    if body.description.is_some() {
        d.description.clone_from(&body.description);
    }
    if let Some(p) = &body.primary_attribute {
        d.primary_attribute = p.clone();
    }
    t.updated_at = at.to_owned();
}

/// Approve the draft (709 without one).
pub fn approve(t: &mut CustomType, at: &str) -> Result<(), ApiError> {
    let draft = t
        .draft
        .take()
        .ok_or_else(|| ApiError::catalogued(709, &[]))?;
    t.approved = Some(draft);
    t.updated_at = at.to_owned();
    Ok(())
}

/// Drop the draft (709 without one; a type never approved cannot lose its only version).
pub fn discard(t: &mut CustomType, at: &str) -> Result<(), ApiError> {
    if t.draft.is_none() || t.approved.is_none() {
        return Err(ApiError::catalogued(709, &[]));
    }
    t.draft = None;
    t.updated_at = at.to_owned();
    Ok(())
}

/// What an attribute call does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AttributeChange {
    /// Add new ones (an existing apiName is replaced).
    Create,
    /// Change existing ones (an unknown apiName is 1013).
    Update,
    /// Remove them.
    Delete,
}

/// Change the draft's secondary attributes; 1028 past `max`.
pub fn attributes(
    t: &mut CustomType,
    change: AttributeChange,
    given: &[Attribute],
    max: usize,
    at: &str,
) -> Result<(), ApiError> {
    let d = t.draft_mut();
    let mut next = d.attributes.clone();
    for a in given {
        let at_pos = next.iter().position(|x| x.api_name == a.api_name);
        match (change, at_pos) {
            (AttributeChange::Create, Some(i)) | (AttributeChange::Update, Some(i)) => {
                next[i] = a.clone()
            }
            (AttributeChange::Create, None) => next.push(a.clone()),
            (AttributeChange::Update, None) => return Err(ApiError::catalogued(1013, &[])),
            (AttributeChange::Delete, Some(i)) => {
                next.remove(i);
            }
            (AttributeChange::Delete, None) => {}
        }
    }
    if next.len() > max {
        return Err(ApiError::catalogued(1028, &[]));
    }
    d.attributes = next;
    t.updated_at = at.to_owned();
    Ok(())
}
