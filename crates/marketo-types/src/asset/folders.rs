//! Folders, the references between assets and their folders, and tokens.

use serde::{Deserialize, Serialize};

/// Whether a folder reference names a folder or a program (a program is a folder too).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum FolderKind {
    /// A folder.
    #[serde(alias = "FOLDER", alias = "folder")]
    Folder,
    /// A program.
    #[serde(alias = "PROGRAM", alias = "program")]
    Program,
}

impl FolderKind {
    /// `Folder` or `Program`, as the API spells it (any case is accepted).
    pub fn parse(text: &str) -> Option<FolderKind> {
        match text.trim().to_ascii_lowercase().as_str() {
            "folder" => Some(FolderKind::Folder),
            "program" => Some(FolderKind::Program),
            _ => None,
        }
    }

    /// The name the API writes.
    pub fn as_str(self) -> &'static str {
        match self {
            FolderKind::Folder => "Folder",
            FolderKind::Program => "Program",
        }
    }
}

/// `{"id":12,"type":"Folder"}`: a folder's id (`folderId`, `parent`, the `folder` and `root` parameters).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct FolderId {
    /// The folder's or program's id.
    pub id: i64,
    /// Which of the two it is.
    #[serde(rename = "type")]
    pub kind: FolderKind,
}

impl FolderId {
    /// A folder's id.
    pub fn folder(id: i64) -> FolderId {
        FolderId {
            id,
            kind: FolderKind::Folder,
        }
    }

    /// A program's id.
    pub fn program(id: i64) -> FolderId {
        FolderId {
            id,
            kind: FolderKind::Program,
        }
    }
}

/// `{"type":"Folder","value":1910,"folderName":"..."}`: where a program or token set lives.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FolderRef {
    /// Folder or program.
    #[serde(rename = "type")]
    pub kind: FolderKind,
    /// Its id.
    pub value: i64,
    /// Its name, where the call gives it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub folder_name: Option<String>,
}

/// A folder (or a program seen as a folder) as the folder calls answer it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Folder {
    /// Its id.
    pub id: i64,
    /// Its name.
    pub name: String,
    /// Its description.
    #[serde(default)]
    pub description: Option<String>,
    /// When it was created.
    pub created_at: String,
    /// When it was last changed.
    pub updated_at: String,
    /// Its URL in the Marketo UI.
    #[serde(default)]
    pub url: Option<String>,
    /// Its id and kind.
    pub folder_id: FolderId,
    /// What it holds: `Zone`, `Marketing Folder`, `Program`, `Email`, `Landing Page`, ...
    pub folder_type: String,
    /// Its parent; `null` for a root.
    #[serde(default)]
    pub parent: Option<FolderId>,
    /// `/Marketing Activities/Default/...`.
    pub path: String,
    /// Whether it is archived.
    pub is_archive: bool,
    /// Whether it is a read-only system folder.
    pub is_system: bool,
    /// Its access zone.
    #[serde(default)]
    pub access_zone_id: Option<i64>,
    /// Its workspace.
    pub workspace: String,
}

/// One entry of Get Folder Contents.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FolderContent {
    /// The asset's id.
    pub id: i64,
    /// Its type (`Folder`, `Program`, `SmartCampaign`, `StaticList`, `SmartList`, ...).
    #[serde(rename = "type")]
    pub kind: String,
}

/// A My Token.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Token {
    /// Its name (at most 50 characters).
    pub name: String,
    /// `date`, `number`, `rich text`, `score`, `sfdc campaign` or `text`.
    #[serde(rename = "type")]
    pub kind: String,
    /// Its value.
    pub value: String,
    /// The URL of its folder in the UI.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub computed_url: Option<String>,
}

/// The tokens of a folder or program (its own and those it inherits).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TokenSet {
    /// The folder or program.
    pub folder: FolderRef,
    /// Its tokens.
    pub tokens: Vec<Token>,
}
