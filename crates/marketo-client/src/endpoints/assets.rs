//! The Asset API's foundation (`/rest/asset/v1/...`): folders, programs, My Tokens, channels, tag types,
//! static lists and smart campaigns. Get the handle with [`Client::assets`].
//!
//! Writes send their parameters in the query string of a `POST`, which Marketo reads as it reads a form body
//! (the most used Python client does the same); JSON-valued parameters (`folder`, `parent`) are sent as JSON.
//! Browse calls are read page by page (`offset`/`maxReturn`, 200 a page) until a short page. A search that
//! finds nothing answers `success:true` with a warning and no `result`: an empty `Vec` or `None` here.

use crate::client::Client;
use crate::error::Error;
use crate::operations::{ApiRequest, FirstResult, Results};
use crate::transport::Method;
use marketo_types::asset::{
    Channel, Folder, FolderId, FolderKind, Program, SmartCampaign, StaticList, TagType, Token,
    TokenSet, MAX_RETURN,
};
use serde::de::DeserializeOwned;
use serde::Deserialize;

impl Client {
    /// The Asset API: folders, programs, tokens, channels, tag types, static lists, smart campaigns.
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

    /// Get Folder by Id (`type` Folder or Program); `None` when there is none.
    pub async fn folder(&self, id: FolderId) -> Result<Option<Folder>, Error> {
        let req = ApiRequest::get(format!("/rest/asset/v1/folder/{}.json", id.id))
            .param("type", id.kind.as_str());
        self.first(req).await
    }

    /// Get Folder by Name: every folder (or program) named exactly `name`.
    pub async fn folders_named(&self, name: &str) -> Result<Vec<Folder>, Error> {
        let req = ApiRequest::get("/rest/asset/v1/folder/byName.json").param("name", name);
        self.client.send(&Results::new(req)).await
    }

    /// Get Folders: `root` and what lies under it down to `max_depth` levels, every page.
    pub async fn browse_folders(
        &self,
        root: FolderId,
        max_depth: u32,
    ) -> Result<Vec<Folder>, Error> {
        let req = ApiRequest::get("/rest/asset/v1/folders.json")
            .param("root", folder_param(root))
            .param("maxDepth", max_depth.to_string());
        self.all(req).await
    }

    /// Create Folder under `parent` (710 when it does not exist, 711 when it cannot hold folders).
    pub async fn create_folder(
        &self,
        name: &str,
        parent: FolderId,
        description: Option<&str>,
    ) -> Result<Folder, Error> {
        let mut req = write("/rest/asset/v1/folders.json".into())
            .param("name", name)
            .param("parent", folder_param(parent));
        if let Some(d) = description {
            req = req.param("description", d);
        }
        self.client.send(&FirstResult::new(req)).await
    }

    /// Delete Folder (709 when it is not empty or a system folder).
    pub async fn delete_folder(&self, id: i64) -> Result<i64, Error> {
        self.id(write(format!("/rest/asset/v1/folder/{id}/delete.json")).param("type", "Folder"))
            .await
    }

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

    /// Get Tokens by Folder Id: the tokens of a folder or program, its own and inherited.
    pub async fn tokens(&self, of: FolderId) -> Result<Option<TokenSet>, Error> {
        let req = ApiRequest::get(format!("/rest/asset/v1/folder/{}/tokens.json", of.id))
            .param("folderType", of.kind.as_str());
        self.first(req).await
    }

    /// Create Token (or replace the one of that name) on a folder or program.
    pub async fn set_token(&self, on: FolderId, token: &Token) -> Result<TokenSet, Error> {
        let req = write(format!("/rest/asset/v1/folder/{}/tokens.json", on.id))
            .param("folderType", on.kind.as_str())
            .param("name", token.name.as_str())
            .param("type", token.kind.as_str())
            .param("value", token.value.as_str());
        self.client.send(&FirstResult::new(req)).await
    }

    /// Delete Token by Name.
    pub async fn delete_token(&self, on: FolderId, name: &str, kind: &str) -> Result<i64, Error> {
        let req = write(format!(
            "/rest/asset/v1/folder/{}/tokens/delete.json",
            on.id
        ))
        .param("folderType", on.kind.as_str())
        .param("name", name)
        .param("type", kind);
        self.id(req).await
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

    /// Get Static Lists: every page.
    pub async fn static_lists(&self) -> Result<Vec<StaticList>, Error> {
        self.all(ApiRequest::get("/rest/asset/v1/staticLists.json"))
            .await
    }

    /// Create Static List in a folder or program.
    pub async fn create_static_list(
        &self,
        name: &str,
        folder: FolderId,
    ) -> Result<StaticList, Error> {
        let req = write("/rest/asset/v1/staticLists.json".into())
            .param("name", name)
            .param("folder", folder_param(folder));
        self.client.send(&FirstResult::new(req)).await
    }

    /// Get Smart Campaigns: every page.
    pub async fn smart_campaigns(&self) -> Result<Vec<SmartCampaign>, Error> {
        self.all(ApiRequest::get("/rest/asset/v1/smartCampaigns.json"))
            .await
    }

    /// Activate (`true`) or deactivate a trigger campaign (709 when it cannot be).
    pub async fn set_campaign_active(&self, id: i64, active: bool) -> Result<i64, Error> {
        let verb = if active { "activate" } else { "deactivate" };
        self.id(write(format!(
            "/rest/asset/v1/smartCampaign/{id}/{verb}.json"
        )))
        .await
    }
}

/// Marketing Activities' `Default` workspace in a new instance.
pub const MARKETING_DEFAULT: FolderId = FolderId {
    id: 15,
    kind: FolderKind::Folder,
};
