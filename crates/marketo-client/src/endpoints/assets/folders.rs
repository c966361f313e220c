//! Folders and My Tokens.

use super::{folder_param, write, Assets};
use crate::error::Error;
use crate::operations::{ApiRequest, FirstResult, Results};
use marketo_types::asset::{Folder, FolderId, Token, TokenSet};

impl Assets<'_> {
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

    /// Get Folders with no root: every root and what lies under it down to `max_depth` levels, every page.
    pub async fn browse_all_folders(&self, max_depth: u32) -> Result<Vec<Folder>, Error> {
        let req =
            ApiRequest::get("/rest/asset/v1/folders.json").param("maxDepth", max_depth.to_string());
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
}
