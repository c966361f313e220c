//! Programs, channels and tag types.

use super::{folder_param, write, Assets};
use crate::error::Error;
use crate::operations::{ApiRequest, FirstResult};
use marketo_types::asset::{Channel, FolderId, Program, TagType};

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
}

impl Assets<'_> {
    /// Get Program by Id; `None` when there is none.
    pub async fn program(&self, id: i64) -> Result<Option<Program>, Error> {
        self.first(ApiRequest::get(format!("/rest/asset/v1/program/{id}.json")))
            .await
    }

    /// Get Programs: every program, every page.
    pub async fn programs(&self) -> Result<Vec<Program>, Error> {
        self.all(ApiRequest::get("/rest/asset/v1/programs.json"))
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
        self.client.send(&FirstResult::new(req)).await
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

    /// Get Channels: every channel with its progression statuses.
    pub async fn channels(&self) -> Result<Vec<Channel>, Error> {
        self.all(ApiRequest::get("/rest/asset/v1/channels.json"))
            .await
    }

    /// Get Tag Types.
    pub async fn tag_types(&self) -> Result<Vec<TagType>, Error> {
        self.all(ApiRequest::get("/rest/asset/v1/tagTypes.json"))
            .await
    }
}
