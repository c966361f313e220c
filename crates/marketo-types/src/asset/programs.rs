//! Programs, their tags and costs, channels and tag types.

use super::FolderRef;
use serde::{Deserialize, Serialize};

/// A program as the program calls answer it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Program {
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
    /// `Default`, `Event`, `Event with Webinar`, `Engagement` or `Email`.
    #[serde(rename = "type")]
    pub kind: String,
    /// Its channel's name.
    pub channel: String,
    /// The folder (or program) it lives in.
    pub folder: FolderRef,
    /// `on`/`off` (Engagement), `unlocked`/`locked` (Email), empty otherwise.
    #[serde(default)]
    pub status: String,
    /// Its workspace.
    pub workspace: String,
    /// Its tags (absent from browse answers).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<Tag>>,
    /// Its period costs (absent from browse answers).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub costs: Option<Vec<Cost>>,
    /// Whether Head Start is on.
    #[serde(default)]
    pub head_start: bool,
    /// An Email program's start (UTC).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_date: Option<String>,
    /// An Email program's end (UTC).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_date: Option<String>,
}

/// A program tag: a tag type and one of its values.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Tag {
    /// The tag type.
    pub tag_type: String,
    /// The value.
    pub tag_value: String,
}

/// A period cost of a program.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Cost {
    /// The period's first day (`2015-01-01`).
    pub start_date: String,
    /// The amount.
    pub cost: f64,
    /// A note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A channel: the member statuses a program of that channel walks through.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Channel {
    /// Its id.
    pub id: i64,
    /// Its name.
    pub name: String,
    /// `program`, `event`, `webinar`, `email_batch`, `nurture`...
    pub applicable_program_type: String,
    /// Its statuses, by step.
    pub progression_statuses: Vec<ProgressionStatus>,
    /// When it was created.
    pub created_at: String,
    /// When it was last changed.
    pub updated_at: String,
}

/// One member status of a channel.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ProgressionStatus {
    /// Its name.
    pub name: String,
    /// Its step (0 is `Not in Program`).
    pub step: i64,
    /// Its description.
    #[serde(default)]
    pub description: Option<String>,
    /// Whether it is hidden.
    pub hidden: bool,
    /// Whether reaching it is the program's success.
    pub success: bool,
}

/// A tag type and the program types it applies to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TagType {
    /// Its name.
    pub tag_type: String,
    /// `[program,email_batch,nurture,event,webinar]`, as Marketo writes it (one string).
    pub applicable_program_types: String,
    /// Whether programs of those types must carry it.
    pub required: bool,
    /// Its allowed values (by-name answers only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allowable_values: Option<String>,
}
