//! The draft/approval cycle, written once for every approvable asset type (snippets now; emails, templates,
//! landing pages and forms reuse it). An asset has an approved version, a draft, or both; its metadata (name,
//! description, folder, times) is shared by the two and lives beside them in one stored document
//! ([`Versioned`]), keyed by the asset type's store kind and the asset's id. A version is opaque JSON here:
//! each asset type gives it its shape.
//!
//! The rules, from Adobe's asset documents:
//! - a new asset is a draft only; editing an approved asset creates a draft (a copy of the approved version
//!   with the edit), editing one with a draft changes the draft;
//! - approving needs a draft (709 otherwise: "an asset that has no draft"); the draft replaces the approved
//!   version and is gone;
//! - unapproving needs an approved version (709 for a draft-only asset); the approved version becomes the
//!   draft and any other draft is discarded;
//! - discarding a draft needs a draft beside an approved version (709 for a draft-only or approved-only
//!   asset);
//! - deleting an approved asset is 709 (unapprove it first), except for types whose rule says otherwise
//!   (forms);
//! - a read without `status` shows the approved version when there is one, else the draft.
//!
//! ```
//! use marketo_emulator::assets::versions::{Status, Versioned};
//! let mut s = Versioned::new("meta", serde_json::json!({"html": "v1"}));
//! assert_eq!(s.status(), Status::Draft);
//! s.approve().unwrap();
//! s.edit()["html"] = "v2".into();
//! assert_eq!(s.read(Some(Status::Approved)).unwrap()["html"], "v1");
//! assert_eq!(s.read(None).unwrap()["html"], "v1");
//! assert_eq!(s.read(Some(Status::Draft)).unwrap()["html"], "v2");
//! s.approve().unwrap();
//! assert_eq!(s.approve().unwrap_err().code.0, 709); // no draft left to approve
//! ```

use super::config::BrowseVersions;
use crate::http::error::Failure;
use crate::http::extract::wrong_type;
use crate::resources::Call;
use crate::store::{assets, Db, StoreError};
use marketo_types::envelope::ApiError;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// Which version a record shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// The approved (live) version.
    Approved,
    /// The draft.
    Draft,
}

impl Status {
    /// As the API writes it (`approved`, `draft`).
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Approved => "approved",
            Status::Draft => "draft",
        }
    }

    /// The `status` parameter of a read: `approved` or `draft` (any case); absent or blank is `None`; another
    /// value is 1001.
    pub fn param(call: &Call) -> Result<Option<Status>, Failure> {
        match super::params::text(call, "status")
            .map(str::trim)
            .filter(|s| !s.is_empty())
        {
            None => Ok(None),
            Some(s) if s.eq_ignore_ascii_case("approved") => Ok(Some(Status::Approved)),
            Some(s) if s.eq_ignore_ascii_case("draft") => Ok(Some(Status::Draft)),
            Some(s) => Err(wrong_type(s, "Status")),
        }
    }
}

/// Whether an approved asset may be deleted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DeleteRule {
    /// Only once unapproved (emails, snippets, templates, landing pages).
    UnapprovedOnly,
    /// In any state (forms).
    Any,
}

fn rule() -> ApiError {
    ApiError::catalogued(709, &[])
}

/// One approvable asset: its metadata and its versions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Versioned<M> {
    /// What the versions share (name, folder, times...), stored flat beside them so that a reader of only
    /// the `folder` member (folder contents) reads it.
    #[serde(flatten)]
    pub meta: M,
    /// The approved version.
    #[serde(default)]
    pub approved: Option<Value>,
    /// The draft.
    #[serde(default)]
    pub draft: Option<Value>,
}

impl<M> Versioned<M> {
    /// A new asset: a draft only.
    pub fn new(meta: M, draft: Value) -> Self {
        Versioned {
            meta,
            approved: None,
            draft: Some(draft),
        }
    }

    /// The state a read without `status` shows: approved when there is an approved version.
    pub fn status(&self) -> Status {
        if self.approved.is_some() {
            Status::Approved
        } else {
            Status::Draft
        }
    }

    /// Whether it has a version of `status`.
    pub fn has(&self, status: Status) -> bool {
        match status {
            Status::Approved => self.approved.is_some(),
            Status::Draft => self.draft.is_some(),
        }
    }

    /// The version a read asks for (`None`: the approved one, else the draft).
    pub fn read(&self, status: Option<Status>) -> Option<&Value> {
        match status.unwrap_or(self.status()) {
            Status::Approved => self.approved.as_ref(),
            Status::Draft => self.draft.as_ref(),
        }
    }

    /// The versions a browse lists for this asset: the one asked for by `status`; without it, as `listing`
    /// says (the preferred version, or every version).
    pub fn listed(&self, status: Option<Status>, listing: BrowseVersions) -> Vec<Status> {
        match (status, listing) {
            (Some(s), _) => [s].into_iter().filter(|s| self.has(*s)).collect(),
            (None, BrowseVersions::Preferred) => vec![self.status()],
            (None, BrowseVersions::Each) => [Status::Approved, Status::Draft]
                .into_iter()
                .filter(|s| self.has(*s))
                .collect(),
        }
    }

    /// The version to change: the draft, made from the approved version when there is none.
    pub fn edit(&mut self) -> &mut Value {
        let approved = &self.approved;
        self.draft
            .get_or_insert_with(|| approved.clone().unwrap_or(Value::Null))
    }

    /// What a clone copies: the approved version, else the draft.
    pub fn source(&self) -> Value {
        self.approved
            .clone()
            .or_else(|| self.draft.clone())
            .unwrap_or(Value::Null)
    }

    /// Approve the draft: 709 when there is none.
    pub fn approve(&mut self) -> Result<(), ApiError> {
        let draft = self.draft.take().ok_or_else(rule)?;
        self.approved = Some(draft);
        Ok(())
    }

    /// Unapprove: 709 without an approved version; the approved version becomes the draft.
    pub fn unapprove(&mut self) -> Result<(), ApiError> {
        let approved = self.approved.take().ok_or_else(rule)?;
        self.draft = Some(approved);
        Ok(())
    }

    /// Discard the draft: 709 unless there is a draft beside an approved version.
    pub fn discard(&mut self) -> Result<(), ApiError> {
        if self.approved.is_none() || self.draft.is_none() {
            return Err(rule());
        }
        self.draft = None;
        Ok(())
    }

    /// Whether it may be deleted now: 709 for an approved asset under [`DeleteRule::UnapprovedOnly`].
    pub fn deletable(&self, rule_of_type: DeleteRule) -> Result<(), ApiError> {
        match rule_of_type {
            DeleteRule::UnapprovedOnly if self.approved.is_some() => Err(rule()),
            _ => Ok(()),
        }
    }
}

/// Asset `(kind, id)`, if it exists.
pub fn load<M: DeserializeOwned>(
    db: &Db,
    kind: &str,
    id: i64,
) -> Result<Option<Versioned<M>>, StoreError> {
    assets::get(db, kind, id)
}

/// Every asset of `kind`, by id.
pub fn all<M: DeserializeOwned>(
    db: &Db,
    kind: &str,
) -> Result<Vec<(i64, Versioned<M>)>, StoreError> {
    assets::all(db, kind)
}

/// Store asset `(kind, id)`.
pub fn save<M: Serialize>(
    db: &Db,
    kind: &str,
    id: i64,
    asset: &Versioned<M>,
) -> Result<(), StoreError> {
    assets::put(db, kind, id, asset)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn code(e: ApiError) -> u16 {
        e.code.0
    }

    #[test]
    fn the_cycle_of_a_new_asset() {
        let mut a = Versioned::new((), json!(1));
        // Draft only: no approved version to unapprove, no draft to discard.
        assert_eq!(code(a.unapprove().unwrap_err()), 709);
        assert_eq!(code(a.discard().unwrap_err()), 709);
        assert!(a.deletable(DeleteRule::UnapprovedOnly).is_ok());
        a.approve().unwrap();
        assert_eq!(
            (a.approved.clone(), a.draft.clone()),
            (Some(json!(1)), None)
        );
        // Approved only: nothing to approve or discard; not deletable.
        assert_eq!(code(a.approve().unwrap_err()), 709);
        assert_eq!(code(a.discard().unwrap_err()), 709);
        assert_eq!(
            code(a.deletable(DeleteRule::UnapprovedOnly).unwrap_err()),
            709
        );
        assert!(a.deletable(DeleteRule::Any).is_ok());
        // Editing makes a draft from the approved version.
        *a.edit() = json!(2);
        assert_eq!(a.read(None), Some(&json!(1)));
        assert_eq!(a.read(Some(Status::Draft)), Some(&json!(2)));
        assert_eq!(a.source(), json!(1));
        a.discard().unwrap();
        assert_eq!(a.read(Some(Status::Draft)), None);
        *a.edit() = json!(3);
        // Unapproving keeps the approved version as the draft and drops the other draft.
        a.unapprove().unwrap();
        assert_eq!(
            (a.approved.clone(), a.draft.clone()),
            (None, Some(json!(1)))
        );
        assert_eq!(a.status(), Status::Draft);
    }

    #[test]
    fn browse_lists_the_preferred_or_each_version() {
        let mut a = Versioned::new((), json!(1));
        a.approve().unwrap();
        *a.edit() = json!(2);
        assert_eq!(
            a.listed(None, BrowseVersions::Preferred),
            [Status::Approved]
        );
        assert_eq!(
            a.listed(None, BrowseVersions::Each),
            [Status::Approved, Status::Draft]
        );
        assert_eq!(
            a.listed(Some(Status::Draft), BrowseVersions::Preferred),
            [Status::Draft]
        );
        let b = Versioned::new((), json!(1));
        assert!(b
            .listed(Some(Status::Approved), BrowseVersions::Each)
            .is_empty());
    }
}
