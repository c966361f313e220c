//! Segmentations and their segments (dynamic content).

use super::FolderRef;
use serde::{Deserialize, Serialize};

/// A segmentation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Segmentation {
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
    /// Where it lives.
    pub folder: FolderRef,
    /// `approved` or `draft`.
    pub status: String,
    /// Its workspace.
    pub workspace: String,
}

/// One segment of a segmentation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Segment {
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
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// `approved` or `draft`.
    pub status: String,
    /// Its segmentation.
    pub segmentation_id: i64,
}
