//! The stored forms of the assets (JSON documents in the store's asset table), and their store kinds.

use super::tree::Node;
use marketo_types::asset::{Cost, FolderId, Tag, Token};
use serde::{Deserialize, Serialize};

/// Store kind of folders.
pub const FOLDER: &str = "folder";
/// Store kind of programs.
pub const PROGRAM: &str = "program";
/// Store kind of the tokens of folders (keyed by the folder's id).
pub const FOLDER_TOKENS: &str = "tokens.folder";
/// Store kind of the tokens of programs (keyed by the program's id).
pub const PROGRAM_TOKENS: &str = "tokens.program";
/// Store kind of smart campaigns.
pub const SMART_CAMPAIGN: &str = "smartCampaign";
/// Store kind of smart lists.
pub const SMART_LIST: &str = "smartList";
/// Store kind of snippets (a [`super::versions::Versioned`] of [`SnippetMeta`]).
pub const SNIPPET: &str = "snippet";
/// Store kind of channels added by seeding.
pub const CHANNEL: &str = "channel";
/// Store kind of tag types added by seeding.
pub const TAG_TYPE: &str = "tagType";

/// A folder created through the API or a seed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FolderDoc {
    /// Its name.
    pub name: String,
    /// Its description.
    #[serde(default)]
    pub description: Option<String>,
    /// Its folder type.
    pub folder_type: String,
    /// Its parent.
    pub parent: FolderId,
    /// Archived.
    #[serde(default)]
    pub is_archive: bool,
    /// Its workspace.
    pub workspace: String,
    /// Created.
    pub created_at: String,
    /// Last changed.
    pub updated_at: String,
}

impl FolderDoc {
    /// As a node of the tree.
    pub fn node(&self, id: i64) -> Node {
        Node {
            id: FolderId::folder(id),
            name: self.name.clone(),
            description: self.description.clone(),
            parent: Some(self.parent),
            folder_type: self.folder_type.clone(),
            program_type: None,
            workspace: self.workspace.clone(),
            is_system: false,
            is_archive: self.is_archive,
            created_at: self.created_at.clone(),
            updated_at: self.updated_at.clone(),
        }
    }
}

/// A program.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ProgramDoc {
    /// Its name.
    pub name: String,
    /// Its description.
    #[serde(default)]
    pub description: Option<String>,
    /// `Default`, `Event`, `Event with Webinar`, `Engagement`, `Email`.
    #[serde(rename = "type")]
    pub kind: String,
    /// Its channel.
    pub channel: String,
    /// The folder or program it lives in.
    pub parent: FolderId,
    /// `on`/`off`, `unlocked`/`locked`, or empty.
    #[serde(default)]
    pub status: String,
    /// Its workspace.
    pub workspace: String,
    /// Its tags.
    #[serde(default)]
    pub tags: Vec<Tag>,
    /// Its costs.
    #[serde(default)]
    pub costs: Vec<Cost>,
    /// An Email program's start.
    #[serde(default)]
    pub start_date: Option<String>,
    /// An Email program's end.
    #[serde(default)]
    pub end_date: Option<String>,
    /// The kinds of assets it contains that cloning refuses (`Push Notification`, `In-App Message`, `Report`,
    /// `Social`), as a seed declares them.
    #[serde(default)]
    pub contains: Vec<String>,
    /// Created.
    pub created_at: String,
    /// Last changed.
    pub updated_at: String,
}

impl ProgramDoc {
    /// As a node of the tree.
    pub fn node(&self, id: i64) -> Node {
        Node {
            id: FolderId::program(id),
            name: self.name.clone(),
            description: self.description.clone(),
            parent: Some(self.parent),
            folder_type: "Program".to_owned(),
            program_type: Some(self.kind.clone()),
            workspace: self.workspace.clone(),
            is_system: false,
            is_archive: false,
            created_at: self.created_at.clone(),
            updated_at: self.updated_at.clone(),
        }
    }
}

/// The My Tokens a folder or program defines itself.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TokensDoc {
    /// In creation order.
    pub tokens: Vec<Token>,
}

/// Only the folder of a stored asset (what Get Folder Contents and Delete Folder need); `None` for an asset
/// that belongs to another (a smart campaign's smart list).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub struct InFolder {
    /// The folder or program it lives in.
    #[serde(default)]
    pub folder: Option<FolderId>,
}

/// A smart list: a user-made one lives in a folder; a smart campaign's or an Email program's belongs to it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SmartListDoc {
    /// Its name.
    pub name: String,
    /// Its description.
    #[serde(default)]
    pub description: Option<String>,
    /// Its folder (a user-made smart list).
    #[serde(default)]
    pub folder: Option<FolderId>,
    /// The smart campaign it belongs to.
    #[serde(default)]
    pub campaign: Option<i64>,
    /// The Email program it belongs to.
    #[serde(default)]
    pub program: Option<i64>,
    /// Its workspace.
    pub workspace: String,
    /// Its rules (`filterMatchType`, `triggers`, `filters`).
    pub rules: serde_json::Value,
    /// Created.
    pub created_at: String,
    /// Last changed.
    pub updated_at: String,
}

/// A smart campaign.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CampaignDoc {
    /// Its name.
    pub name: String,
    /// Its description.
    #[serde(default)]
    pub description: Option<String>,
    /// Its folder or program.
    pub folder: FolderId,
    /// `batch` or `trigger`.
    #[serde(rename = "type")]
    pub kind: String,
    /// Its smart list's triggers (names).
    #[serde(default)]
    pub triggers: Vec<String>,
    /// Its flow steps (names).
    #[serde(default)]
    pub flow: Vec<String>,
    /// Whether a trigger campaign is active.
    #[serde(default)]
    pub is_active: bool,
    /// Whether it has a `Campaign is Requested` trigger.
    #[serde(default)]
    pub is_requestable: bool,
    /// `Never Run`, `Active`, `Inactive`.
    pub status: String,
    /// Its smart list.
    pub smart_list_id: i64,
    /// Its workspace.
    pub workspace: String,
    /// Created.
    pub created_at: String,
    /// Last changed.
    pub updated_at: String,
}

/// What a snippet's approved version and draft share.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SnippetMeta {
    /// Its name.
    pub name: String,
    /// Its description.
    #[serde(default)]
    pub description: Option<String>,
    /// The folder or program it lives in.
    pub folder: FolderId,
    /// Its workspace.
    pub workspace: String,
    /// Created.
    pub created_at: String,
    /// Last changed.
    pub updated_at: String,
}
