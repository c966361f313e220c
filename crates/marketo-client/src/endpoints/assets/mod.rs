//! The Asset API's foundation (`/rest/asset/v1/...`): folders and My Tokens (`folders`), programs, channels
//! and tag types (`programs`), static lists, smart campaigns and their smart lists (`lists`), segmentations
//! (`segments`) and snippets (`snippets`). Get the handle with [`Client::assets`].
//!
//! Writes send their parameters in the query string of a `POST`, which Marketo reads as it reads a form body
//! (the most used Python client does the same), except content, which goes in a form body; JSON-valued parameters (`folder`, `parent`) are sent as JSON.
//! Browse calls are read page by page (`offset`/`maxReturn`, 200 a page) until a short page. A search that
//! finds nothing answers `success:true` with a warning and no `result`: an empty `Vec` or `None` here.

mod folders;
mod lists;
mod programs;
mod segments;
mod snippets;

pub use programs::NewProgram;
pub use snippets::{NewSnippetContent, SectionType};

use crate::client::Client;
use crate::error::Error;
use crate::operations::{ApiRequest, FirstResult, Results};
use crate::transport::Method;
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

    async fn id(&self, req: ApiRequest) -> Result<i64, Error> {
        Ok(self.client.send(&FirstResult::<IdOnly>::new(req)).await?.id)
    }
}

/// Marketing Activities' `Default` workspace in a new instance.
pub const MARKETING_DEFAULT: FolderId = FolderId {
    id: 15,
    kind: FolderKind::Folder,
};
