//! The Asset API's foundation (`/rest/asset/v1/...`): folders and My Tokens (`folders`), programs
//! (`programs`), channels and tag types (`channels`), static lists (`static_lists`), smart campaigns
//! (`campaigns`), smart lists (`smart_lists`), segmentations (`segments`) and snippets (`snippets`). Get the
//! handle with [`Client::assets`].
//!
//! Writes send their parameters in the query string of a `POST`, which Marketo reads as it reads a form body
//! (the most used Python client does the same), except content, which goes in a form body; JSON-valued parameters (`folder`, `parent`) are sent as JSON.
//! Browse calls are read page by page (`offset`/`maxReturn`, 200 a page) until a short page. A search that
//! finds nothing answers `success:true` with a warning and no `result`: an empty `Vec` or `None` here.

mod campaigns;
mod channels;
mod folders;
mod programs;
mod segments;
mod smart_lists;
mod snippets;
mod static_lists;

pub use folders::{FolderChanges, FolderSearch};
pub use programs::{NewProgram, ProgramChanges, ProgramFilter};
pub use snippets::{NewSnippetContent, SectionType};

use crate::client::Client;
use crate::error::Error;
use crate::operations::{ApiRequest, FirstResult, Results};
use crate::transport::Method;
use chrono::{DateTime, SecondsFormat, Utc};
use marketo_types::asset::{FolderId, FolderKind, MAX_RETURN};
use serde::de::DeserializeOwned;
use serde::Deserialize;

impl Client {
    /// The Asset API: folders, programs, tokens, channels, tag types, static lists, smart campaigns, smart
    /// lists, segmentations, snippets.
    ///
    /// ```no_run
    /// # async fn run(client: marketo_client::Client) -> Result<(), marketo_client::Error> {
    /// use marketo_types::asset::FolderId;
    /// let folder = client.assets().create_folder("Webinars", FolderId::folder(15), None).await?;
    /// println!("{}", folder.path);
    /// # Ok(()) }
    /// ```
    pub fn assets(&self) -> Assets<'_> {
        Assets { client: self }
    }
}

/// The Asset API endpoints. Get one with [`Client::assets`].
#[derive(Debug, Clone, Copy)]
pub struct Assets<'a> {
    client: &'a Client,
}

/// Which version of an approvable asset a read asks for (`status=approved|draft`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VersionStatus {
    /// The approved (live) version.
    Approved,
    /// The draft.
    Draft,
}

impl VersionStatus {
    /// As the API writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            VersionStatus::Approved => "approved",
            VersionStatus::Draft => "draft",
        }
    }

    fn param(req: ApiRequest, status: Option<VersionStatus>) -> ApiRequest {
        match status {
            Some(s) => req.param("status", s.as_str()),
            None => req,
        }
    }
}

/// What a browse of static lists, smart lists or smart campaigns keeps: those in one folder (or program),
/// updated within a range. The default keeps everything.
///
/// ```
/// use marketo_client::endpoints::assets::BrowseFilter;
/// use marketo_types::asset::FolderId;
/// let in_default = BrowseFilter { folder: Some(FolderId::folder(15)), ..BrowseFilter::default() };
/// assert!(in_default.earliest_updated_at.is_none());
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct BrowseFilter {
    /// Only the assets in this folder or program (`folder`).
    pub folder: Option<FolderId>,
    /// Only those updated at or after this time (`earliestUpdatedAt`).
    pub earliest_updated_at: Option<DateTime<Utc>>,
    /// Only those updated at or before this time (`latestUpdatedAt`).
    pub latest_updated_at: Option<DateTime<Utc>>,
}

impl BrowseFilter {
    fn apply(&self, mut req: ApiRequest) -> ApiRequest {
        if let Some(f) = self.folder {
            req = req.param("folder", folder_param(f));
        }
        updated_between(req, self.earliest_updated_at, self.latest_updated_at)
    }
}

/// `earliestUpdatedAt` / `latestUpdatedAt` as ISO-8601 times, when given.
fn updated_between(
    mut req: ApiRequest,
    earliest: Option<DateTime<Utc>>,
    latest: Option<DateTime<Utc>>,
) -> ApiRequest {
    if let Some(t) = earliest {
        req = req.param("earliestUpdatedAt", iso(t));
    }
    if let Some(t) = latest {
        req = req.param("latestUpdatedAt", iso(t));
    }
    req
}

fn iso(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// `name` and `description` when given (the metadata updates).
fn name_and_description(
    mut req: ApiRequest,
    name: Option<&str>,
    description: Option<&str>,
) -> ApiRequest {
    if let Some(n) = name {
        req = req.param("name", n);
    }
    if let Some(d) = description {
        req = req.param("description", d);
    }
    req
}

#[derive(Deserialize)]
struct IdOnly {
    id: i64,
}

fn folder_param(id: FolderId) -> String {
    serde_json::to_string(&id).unwrap_or_default()
}

fn write(path: String) -> ApiRequest {
    ApiRequest::get(path).with_method(Method::Post)
}

impl Assets<'_> {
    async fn all<T: DeserializeOwned + Send>(&self, base: ApiRequest) -> Result<Vec<T>, Error> {
        let mut out = Vec::new();
        loop {
            let req = base
                .clone()
                .param("offset", out.len().to_string())
                .param("maxReturn", MAX_RETURN.to_string());
            let page: Vec<T> = self.client.send(&Results::new(req)).await?;
            let n = page.len();
            out.extend(page);
            if n < MAX_RETURN {
                return Ok(out);
            }
        }
    }

    async fn first<T: DeserializeOwned + Send>(&self, req: ApiRequest) -> Result<Option<T>, Error> {
        let mut all: Vec<T> = self.client.send(&Results::new(req)).await?;
        Ok((!all.is_empty()).then(|| all.remove(0)))
    }

    /// A write that makes a named asset in `folder` (create or clone at `path`): the asset made.
    async fn make_in<T: DeserializeOwned + Send>(
        &self,
        path: String,
        name: &str,
        folder: FolderId,
        description: Option<&str>,
    ) -> Result<T, Error> {
        let req = write(path)
            .param("name", name)
            .param("folder", folder_param(folder));
        let req = name_and_description(req, None, description);
        self.client.send(&FirstResult::new(req)).await
    }

    /// A metadata update at `path` (a new name, description, or both): the asset as it now is.
    async fn rename<T: DeserializeOwned + Send>(
        &self,
        path: String,
        name: Option<&str>,
        description: Option<&str>,
    ) -> Result<T, Error> {
        let req = name_and_description(write(path), name, description);
        self.client.send(&FirstResult::new(req)).await
    }

    async fn id(&self, req: ApiRequest) -> Result<i64, Error> {
        Ok(self.client.send(&FirstResult::<IdOnly>::new(req)).await?.id)
    }
}

/// Marketing Activities' `Default` workspace in a new instance.
pub const MARKETING_DEFAULT: FolderId = FolderId {
    id: 15,
    kind: FolderKind::Folder,
};
