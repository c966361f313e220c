//! Smart campaigns, smart lists and static lists as the asset API answers them.

use super::FolderId;
use serde::{Deserialize, Serialize};

/// A smart campaign.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SmartCampaign {
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
    /// `Never Run`, `Active`, `Inactive`, ...
    pub status: String,
    /// `batch` or `trigger`.
    #[serde(rename = "type")]
    pub kind: String,
    /// Whether it is a system campaign.
    pub is_system: bool,
    /// Whether a trigger campaign is active.
    pub is_active: bool,
    /// Whether it can be requested (`Campaign is Requested` trigger).
    pub is_requestable: bool,
    /// Whether communication limits apply.
    #[serde(default)]
    pub is_communication_limit_enabled: bool,
    /// `once`, `any`, ...
    #[serde(default)]
    pub qualification_rule_type: Option<String>,
    /// Its workspace.
    pub workspace: String,
    /// The folder or program it lives in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub folder: Option<FolderId>,
    /// Its smart list.
    pub smart_list_id: i64,
    /// Its flow.
    pub flow_id: i64,
    /// Its URL in the UI.
    #[serde(default)]
    pub computed_url: Option<String>,
}

/// A smart list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SmartList {
    /// Its id.
    pub id: i64,
    /// Its name.
    pub name: String,
    /// Its description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// When it was created.
    pub created_at: String,
    /// When it was last changed.
    pub updated_at: String,
    /// Its URL in the UI.
    #[serde(default)]
    pub url: Option<String>,
    /// The folder or program it lives in.
    pub folder: FolderId,
    /// Its workspace.
    pub workspace: String,
    /// Its rules (`includeRules=true`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rules: Option<serde_json::Value>,
}

/// A static list as the asset API answers it (the same lists as the Lead Database's `lists.json`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct StaticList {
    /// Its id.
    pub id: i64,
    /// Its name.
    pub name: String,
    /// Its description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// When it was created.
    pub created_at: String,
    /// When it was last changed.
    pub updated_at: String,
    /// The folder or program it lives in.
    pub folder: FolderId,
    /// Its URL in the UI.
    #[serde(default)]
    pub computed_url: Option<String>,
    /// Its workspace.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub workspace: Option<String>,
}
