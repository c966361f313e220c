//! Folders and My Tokens.

use super::{folder_param, write, Assets};
use crate::error::Error;
use crate::operations::{ApiRequest, FirstResult, Results};
use marketo_types::asset::{Folder, FolderContent, FolderId, FolderKind, Token, TokenSet};

/// What Get Folder by Name looks for ([`Assets::find_folders`]): a name, and optionally a kind, a root to
/// look under and a workspace.
///
/// ```
/// use marketo_client::endpoints::assets::FolderSearch;
/// use marketo_types::asset::FolderId;
/// let under_default = FolderSearch { root: Some(FolderId::folder(15)), ..FolderSearch::named("Webinars") };
/// assert_eq!(under_default.name, "Webinars");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FolderSearch<'a> {
    /// The exact name.
    pub name: &'a str,
    /// Only folders, or only programs.
    pub kind: Option<FolderKind>,
    /// Only under this folder.
    pub root: Option<FolderId>,
    /// Only in this workspace.
    pub workspace: Option<&'a str>,
}

impl<'a> FolderSearch<'a> {
    /// Every folder or program named `name`.
    pub fn named(name: &'a str) -> Self {
        FolderSearch {
            name,
            kind: None,
            root: None,
            workspace: None,
        }
    }
}

/// What Update Folder Metadata changes ([`Assets::update_folder`]); `None` leaves a part as it is.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct FolderChanges<'a> {
    /// A new name.
    pub name: Option<&'a str>,
    /// A new description.
    pub description: Option<&'a str>,
    /// Archive (`true`) or unarchive it.
    pub is_archive: Option<bool>,
}

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

    /// Get Folder by Name with a kind, a root or a workspace: every match.
    pub async fn find_folders(&self, search: &FolderSearch<'_>) -> Result<Vec<Folder>, Error> {
        let mut req =
            ApiRequest::get("/rest/asset/v1/folder/byName.json").param("name", search.name);
        if let Some(k) = search.kind {
            req = req.param("type", k.as_str());
        }
        if let Some(r) = search.root {
            req = req.param("root", folder_param(r));
        }
        if let Some(w) = search.workspace {
            req = req.param("workSpace", w);
        }
        self.client.send(&Results::new(req)).await
    }

    /// Update Folder Metadata: rename, describe, archive or unarchive a folder (or program); the folder as it
    /// now is (709 for a system folder or a used name).
    pub async fn update_folder(
        &self,
        id: FolderId,
        changes: &FolderChanges<'_>,
    ) -> Result<Folder, Error> {
        let mut req = super::name_and_description(
            write(format!("/rest/asset/v1/folder/{}.json", id.id)).param("type", id.kind.as_str()),
            changes.name,
            changes.description,
        );
        if let Some(a) = changes.is_archive {
            req = req.param("isArchive", a.to_string());
        }
        self.client.send(&FirstResult::new(req)).await
    }

    /// Get Folder Contents: what a folder or program holds (its folders, programs, lists, campaigns...),
    /// every page; empty when it holds nothing.
    pub async fn folder_contents(&self, id: FolderId) -> Result<Vec<FolderContent>, Error> {
        let req = ApiRequest::get(format!("/rest/asset/v1/folder/{}/content.json", id.id))
            .param("type", id.kind.as_str());
        self.all(req).await
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
