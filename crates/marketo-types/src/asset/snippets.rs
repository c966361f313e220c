//! Snippets as the asset API answers them: the snippet, its content sections and its dynamic content.

use super::FolderRef;
use serde::{Deserialize, Serialize};

/// A snippet (one version of it: `status` says which).
///
/// ```
/// use marketo_types::asset::Snippet;
/// let s: Snippet = serde_json::from_str(r#"{"id":13,"name":"Footer","description":null,
///     "createdAt":"2015-06-24T01:11:43Z+0000","updatedAt":"2015-06-24T01:11:43Z+0000","url":null,
///     "folder":{"type":"Folder","value":395,"folderName":"Snippets"},"status":"draft","workspace":"Default"}"#)
///     .unwrap();
/// assert_eq!(s.folder.folder_name.as_deref(), Some("Snippets"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Snippet {
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
    /// Its URL in the UI.
    #[serde(default)]
    pub url: Option<String>,
    /// The folder or program it lives in, with its name.
    pub folder: FolderRef,
    /// `approved` or `draft`: the version this record shows.
    pub status: String,
    /// Its workspace.
    pub workspace: String,
}

/// One section of a snippet's content (Get Snippet Content): `HTML`, `Text`, or `DynamicContent` (whose
/// `content` is the segmentation's id).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SnippetContent {
    /// `HTML`, `Text` or `DynamicContent`.
    #[serde(rename = "type")]
    pub kind: String,
    /// The markup, the text, or the segmentation id.
    #[serde(default)]
    pub content: Option<String>,
}

/// A snippet's dynamic content: its segmentation and one section per segment and type.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SnippetDynamicContent {
    /// The snippet's id.
    pub id: i64,
    /// The segmentation's id.
    pub segmentation: i64,
    /// When the dynamic content was set up.
    pub created_at: String,
    /// When it last changed.
    pub updated_at: String,
    /// The sections, by segment (in the segmentation's order), HTML before Text.
    pub content: Vec<DynamicSection>,
}

/// The content one segment sees.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DynamicSection {
    /// The dynamic content's id (an opaque string).
    pub id: String,
    /// The segment's id.
    pub segment_id: i64,
    /// The segment's name.
    pub segment_name: String,
    /// The markup or text.
    #[serde(default)]
    pub content: Option<String>,
    /// `HTML` or `Text`.
    #[serde(rename = "type")]
    pub kind: String,
}
