//! Programs: get by id, name or tag, browse, create, update, approve/unapprove (Email programs), clone,
//! delete.

use super::{folder_param, updated_between, write, Assets};
use crate::error::Error;
use crate::operations::{ApiRequest, FirstResult};
use chrono::{DateTime, Utc};
use marketo_types::asset::{Cost, FolderId, Program, Tag};

/// A program to create ([`Assets::create_program`]).
#[derive(Debug, Clone)]
pub struct NewProgram<'a> {
    /// Its name (unique in the instance).
    pub name: &'a str,
    /// The folder (or program) it goes in.
    pub folder: FolderId,
    /// `Default`, `Event`, `Event with Webinar`, `Engagement` or `Email`.
    pub kind: &'a str,
    /// A channel that applies to that type.
    pub channel: &'a str,
    /// Its description.
    pub description: Option<&'a str>,
    /// Its tags (one per tag type; required tag types must be given, else 709).
    pub tags: Vec<Tag>,
    /// Its period costs.
    pub costs: Vec<Cost>,
}

/// What Update Program Metadata changes ([`Assets::update_program`]); `None` and empty leave a part as it is.
///
/// ```
/// use marketo_client::endpoints::assets::ProgramChanges;
/// let rename = ProgramChanges { name: Some("Spring Webinar"), ..ProgramChanges::default() };
/// assert!(rename.tags.is_empty());
/// ```
#[derive(Debug, Clone, Default)]
pub struct ProgramChanges<'a> {
    /// A new name.
    pub name: Option<&'a str>,
    /// A new description.
    pub description: Option<&'a str>,
    /// Tags to set (each replaces the program's tag of its type).
    pub tags: Vec<Tag>,
    /// Period costs to add, or to replace them all with `costs_destructive_update`.
    pub costs: Vec<Cost>,
    /// Replace the existing costs with `costs` (an empty list then clears them).
    pub costs_destructive_update: bool,
    /// When an Email, Event or Webinar program starts (UTC).
    pub start_date: Option<DateTime<Utc>>,
    /// When it ends (UTC).
    pub end_date: Option<DateTime<Utc>>,
}

/// What Get Programs keeps ([`Assets::programs_where`]); the default keeps every program.
#[derive(Debug, Clone, Copy, Default)]
pub struct ProgramFilter<'a> {
    /// `on` / `off` (Engagement programs) or `unlocked` / `locked` (Email programs).
    pub status: Option<&'a str>,
    /// Only those updated at or after this time.
    pub earliest_updated_at: Option<DateTime<Utc>>,
    /// Only those updated at or before this time.
    pub latest_updated_at: Option<DateTime<Utc>>,
}

/// A program date as Marketo's examples write it: `2026-04-01T15:00:00.000Z`.
fn program_date(t: DateTime<Utc>) -> String {
    t.format("%Y-%m-%dT%H:%M:%S%.3fZ").to_string()
}

fn json_param<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

impl Assets<'_> {
    /// Get Program by Id, with its tags and costs; `None` when there is none.
    pub async fn program(&self, id: i64) -> Result<Option<Program>, Error> {
        self.first(ApiRequest::get(format!("/rest/asset/v1/program/{id}.json")))
            .await
    }

    /// Get Program by Name, with its tags and costs when asked; `None` when there is none.
    pub async fn program_named(
        &self,
        name: &str,
        include_tags: bool,
        include_costs: bool,
    ) -> Result<Option<Program>, Error> {
        let req = ApiRequest::get("/rest/asset/v1/program/byName.json")
            .param("name", name)
            .param("includeTags", include_tags.to_string())
            .param("includeCosts", include_costs.to_string());
        self.first(req).await
    }

    /// Get Programs by Tag: every program carrying `tag_value` for `tag_type`, every page.
    pub async fn programs_by_tag(
        &self,
        tag_type: &str,
        tag_value: &str,
    ) -> Result<Vec<Program>, Error> {
        let req = ApiRequest::get("/rest/asset/v1/program/byTag.json")
            .param("tagType", tag_type)
            .param("tagValue", tag_value);
        self.all(req).await
    }

    /// Get Programs: every program, every page (browse answers carry no tags or costs).
    pub async fn programs(&self) -> Result<Vec<Program>, Error> {
        self.programs_where(&ProgramFilter::default()).await
    }

    /// Get Programs of a status and updated within a range, every page.
    pub async fn programs_where(&self, filter: &ProgramFilter<'_>) -> Result<Vec<Program>, Error> {
        let mut req = ApiRequest::get("/rest/asset/v1/programs.json");
        if let Some(s) = filter.status {
            req = req.param("status", s);
        }
        self.all(updated_between(
            req,
            filter.earliest_updated_at,
            filter.latest_updated_at,
        ))
        .await
    }

    /// Create Program.
    pub async fn create_program(&self, p: &NewProgram<'_>) -> Result<Program, Error> {
        let mut req = write("/rest/asset/v1/programs.json".into())
            .param("name", p.name)
            .param("folder", folder_param(p.folder))
            .param("type", p.kind)
            .param("channel", p.channel);
        if let Some(d) = p.description {
            req = req.param("description", d);
        }
        if !p.tags.is_empty() {
            req = req.param("tags", json_param(&p.tags));
        }
        if !p.costs.is_empty() {
            req = req.param("costs", json_param(&p.costs));
        }
        self.client.send(&FirstResult::new(req)).await
    }

    /// Update Program Metadata: the program as it now is (709 for a used name or a tag its types refuse).
    pub async fn update_program(
        &self,
        id: i64,
        changes: &ProgramChanges<'_>,
    ) -> Result<Program, Error> {
        let mut req = super::name_and_description(
            write(format!("/rest/asset/v1/program/{id}.json")),
            changes.name,
            changes.description,
        );
        if !changes.tags.is_empty() {
            req = req.param("tags", json_param(&changes.tags));
        }
        if !changes.costs.is_empty() || changes.costs_destructive_update {
            req = req.param("costs", json_param(&changes.costs));
        }
        if changes.costs_destructive_update {
            req = req.param("costsDestructiveUpdate", "true");
        }
        if let Some(t) = changes.start_date {
            req = req.param("startDate", program_date(t));
        }
        if let Some(t) = changes.end_date {
            req = req.param("endDate", program_date(t));
        }
        self.client.send(&FirstResult::new(req)).await
    }

    /// Approve Program: an Email program with both dates set is locked and runs in its window (709
    /// otherwise).
    pub async fn approve_program(&self, id: i64) -> Result<i64, Error> {
        self.id(write(format!("/rest/asset/v1/program/{id}/approve.json")))
            .await
    }

    /// Unapprove Program: an approved Email program is unlocked (709 when it is not approved).
    pub async fn unapprove_program(&self, id: i64) -> Result<i64, Error> {
        self.id(write(format!("/rest/asset/v1/program/{id}/unapprove.json")))
            .await
    }

    /// Clone Program into `folder` as `name` (709 for a used name; 719, a lock wait timeout, is Marketo's).
    pub async fn clone_program(
        &self,
        id: i64,
        name: &str,
        folder: FolderId,
    ) -> Result<Program, Error> {
        let req = write(format!("/rest/asset/v1/program/{id}/clone.json"))
            .param("name", name)
            .param("folder", folder_param(folder));
        self.client.send(&FirstResult::new(req)).await
    }

    /// Delete Program with what it holds.
    pub async fn delete_program(&self, id: i64) -> Result<i64, Error> {
        self.id(write(format!("/rest/asset/v1/program/{id}/delete.json")))
            .await
    }
}
