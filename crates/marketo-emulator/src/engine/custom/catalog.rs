//! The custom object types of a subscription and their versions, as custom-objects.md describes them: Sync
//! Custom Object Type creates a type as a draft (or changes a type: the change goes to its draft, made from
//! the approved version when there is none); approval makes the draft the approved version and deletes the
//! draft; a draft can be discarded (1048 when there is none); a type can be deleted with its records (1022
//! while another type links to it). Field changes are in `fields.rs`. The catalog is kept in the key-value
//! table, so a file-backed emulator keeps its types.

use super::definition::{kind_of, TypeDef};
use super::errors::{self, invalid};
use crate::engine::schema::Action;
use crate::store::{kv, objects, Db, StoreError};
use marketo_types::envelope::ApiError;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The key-value entry holding the catalog.
const KEY: &str = "custom_objects.catalog";
/// Most types a subscription has.
pub const MAX_TYPES: usize = 10;

/// A type's versions.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomType {
    /// The approved version: what records use.
    #[serde(default)]
    pub approved: Option<TypeDef>,
    /// The draft: where changes go until approval.
    #[serde(default)]
    pub draft: Option<TypeDef>,
}

impl CustomType {
    /// `draft`, `approved` or `approvedWithDraft`.
    pub fn state(&self) -> &'static str {
        match (&self.approved, &self.draft) {
            (Some(_), Some(_)) => "approvedWithDraft",
            (Some(_), None) => "approved",
            _ => "draft",
        }
    }
}

/// A Sync Custom Object Type body.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TypeRequest {
    /// `createOnly`, `updateOnly`, `createOrUpdate` (the default).
    pub action: Option<String>,
    /// The API name.
    pub api_name: Option<String>,
    /// The display name (required to create).
    pub display_name: Option<String>,
    /// The plural display name.
    pub plural_name: Option<String>,
    /// What it is.
    pub description: Option<String>,
    /// Shown in the lead detail page of the UI.
    pub show_in_lead_detail: Option<bool>,
}

/// Every custom object type, by API name.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Catalog {
    /// The types.
    #[serde(default)]
    pub types: BTreeMap<String, CustomType>,
}

impl Catalog {
    /// The stored catalog (empty when none is stored).
    pub fn load(db: &Db) -> Result<Catalog, StoreError> {
        match kv::get(db, KEY)? {
            Some(text) => Ok(serde_json::from_str(&text)?),
            None => Ok(Catalog::default()),
        }
    }

    /// Store the catalog.
    pub fn save(&self, db: &Db) -> Result<(), StoreError> {
        kv::set(db, KEY, &serde_json::to_string(self)?)
    }

    /// The type named `api`.
    pub fn get(&self, api: &str) -> Result<&CustomType, ApiError> {
        self.types.get(api).ok_or_else(errors::no_type)
    }

    /// The draft of `api` to change: the existing one, or a copy of the approved version.
    pub(super) fn draft_mut(
        &mut self,
        api: &str,
    ) -> Result<(&mut TypeDef, Option<&TypeDef>), ApiError> {
        let t = self.types.get_mut(api).ok_or_else(errors::no_type)?;
        if t.draft.is_none() {
            t.draft = t.approved.clone();
        }
        match &mut t.draft {
            Some(d) => Ok((d, t.approved.as_ref())),
            None => Err(errors::no_type()),
        }
    }

    /// Sync Custom Object Type: create a type (as a draft) or change one (in its draft).
    pub fn sync_type(&mut self, req: &TypeRequest) -> Result<(), ApiError> {
        let action = Action::parse(req.action.as_deref(), Action::CreateOrUpdate)?;
        let api = req
            .api_name
            .as_deref()
            .map(str::trim)
            .filter(|a| !a.is_empty())
            .ok_or_else(|| errors::missing("apiName"))?;
        if let Some(d) = &req.display_name {
            if !errors::valid_display_name(d) {
                return Err(invalid(errors::BAD_DISPLAY_NAME));
            }
        }
        let exists = self.types.contains_key(api);
        match (action, exists) {
            (Action::CreateOnly, true) => Err(ApiError::catalogued(1017, &[])),
            (Action::UpdateOnly, false) => Err(errors::no_type()),
            (_, false) => self.create(api, req),
            (_, true) => self.update(api, req),
        }
    }

    fn create(&mut self, api: &str, req: &TypeRequest) -> Result<(), ApiError> {
        let display = req
            .display_name
            .clone()
            .ok_or_else(|| errors::missing("displayName"))?;
        if !errors::valid_api_name(api) {
            return Err(invalid(errors::BAD_API_NAME));
        }
        if self.types.len() >= MAX_TYPES {
            return Err(invalid(errors::TOO_MANY_TYPES));
        }
        let draft = TypeDef {
            api_name: api.to_owned(),
            display_name: display,
            plural_name: req.plural_name.clone(),
            description: req.description.clone(),
            show_in_lead_detail: req.show_in_lead_detail.unwrap_or(false),
            fields: Vec::new(),
            created_at: None,
            updated_at: None,
        };
        let t = CustomType {
            approved: None,
            draft: Some(draft),
        };
        self.types.insert(api.to_owned(), t);
        Ok(())
    }

    fn update(&mut self, api: &str, req: &TypeRequest) -> Result<(), ApiError> {
        let (draft, approved) = self.draft_mut(api)?;
        if let (Some(d), Some(a)) = (&req.display_name, approved) {
            if *d != a.display_name {
                return Err(invalid(errors::APPROVED_LOCKED));
            }
        }
        if let Some(d) = &req.display_name {
            draft.display_name = d.clone();
        }
        if req.plural_name.is_some() {
            draft.plural_name = req.plural_name.clone();
        }
        if req.description.is_some() {
            draft.description = req.description.clone();
        }
        if let Some(s) = req.show_in_lead_detail {
            draft.show_in_lead_detail = s;
        }
        Ok(())
    }

    /// Approve Custom Object Type: the draft (with 1 to 3 dedupe fields) becomes the approved version.
    pub fn approve(&mut self, api: &str, now: &str) -> Result<(), ApiError> {
        let t = self.types.get_mut(api).ok_or_else(errors::no_type)?;
        let Some(mut draft) = t.draft.take() else {
            return Err(invalid(errors::NO_DRAFT));
        };
        let dedupe = draft.dedupe_fields().len();
        let problem = match dedupe {
            0 => Some(errors::DEDUPE_REQUIRED),
            n if n > 3 => Some(errors::TOO_MANY_DEDUPE),
            _ => None,
        };
        if let Some(message) = problem {
            t.draft = Some(draft);
            return Err(invalid(message));
        }
        draft.created_at = t
            .approved
            .as_ref()
            .and_then(|a| a.created_at.clone())
            .or_else(|| Some(now.to_owned()));
        draft.updated_at = Some(now.to_owned());
        t.approved = Some(draft);
        Ok(())
    }

    /// Discard Custom Object Type Draft: 1048 when there is no draft. A type never approved goes with it.
    pub fn discard(&mut self, api: &str) -> Result<(), ApiError> {
        let t = self.types.get_mut(api).ok_or_else(errors::no_type)?;
        if t.draft.take().is_none() {
            return Err(ApiError::catalogued(1048, &[]));
        }
        if t.approved.is_none() {
            self.types.remove(api);
        }
        Ok(())
    }

    /// The types (other than `api`) one of whose versions links to `api`.
    pub fn linked_from(&self, api: &str) -> Vec<&str> {
        self.types
            .iter()
            .filter(|(name, _)| name.as_str() != api)
            .filter(|(_, t)| {
                [&t.approved, &t.draft].into_iter().flatten().any(|v| {
                    v.fields
                        .iter()
                        .filter_map(|f| f.related_to.as_ref())
                        .any(|r| r.name == api)
                })
            })
            .map(|(name, _)| name.as_str())
            .collect()
    }

    /// Delete Custom Object Type, with its records; 1022 while another type links to it.
    pub fn delete(&mut self, db: &Db, api: &str) -> Result<(), ApiError> {
        self.get(api)?;
        if !self.linked_from(api).is_empty() {
            return Err(ApiError::catalogued(1022, &[]));
        }
        self.types.remove(api);
        objects::delete_kind(db, &kind_of(api))?;
        Ok(())
    }
}
