//! Wire types of programs in the Lead Database: program members (their record results and membership
//! records), the program memberships of a lead, Change Lead Program Status, and the Lead Database's campaigns
//! (Get Campaigns, Request Campaign, Schedule Campaign).
//!
//! ```
//! use marketo_types::lead_database::programs::MemberResult;
//! let r: MemberResult = serde_json::from_str(
//!     r#"{"seq":0,"status":"skipped","reasons":[{"code":"1037",
//!         "message":"Lead skipped because it is already in or past this status"}]}"#).unwrap();
//! assert_eq!(r.reasons[0].code.value(), 1037);
//! assert_eq!(r.lead_id, None);
//! ```

use crate::envelope::Reason;
use serde::{Deserialize, Serialize};

/// One record's outcome of Sync Program Member Status, Sync Program Member Data or Delete Program Members.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MemberResult {
    /// The position of the record in the request.
    pub seq: usize,
    /// `created`, `updated`, `deleted` or `skipped`.
    pub status: String,
    /// The lead (absent on a skipped record, as in the docs' examples).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lead_id: Option<i64>,
    /// Why it was skipped.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reasons: Vec<Reason>,
}

/// One lead's outcome of Change Lead Program Status (`/rest/v1/leads/programs/{id}/status.json`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LeadStatusResult {
    /// The lead.
    pub id: i64,
    /// `updated` or `skipped`.
    pub status: String,
    /// Why it was skipped.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reasons: Vec<Reason>,
}

/// A lead's membership of one program (Get Programs by Lead Id; `membership` of Get Leads by Program Id).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Membership {
    /// The program (Get Programs by Lead Id) or the membership record (Get Leads by Program Id).
    pub id: i64,
    /// The lead's status in the program.
    pub progression_status: String,
    /// Whether the lead is exhausted in the stream (engagement programs; `false` otherwise).
    #[serde(default)]
    pub is_exhausted: bool,
    /// Whether the lead was acquired by the program.
    pub acquired_by: bool,
    /// Whether the lead's status is a success status.
    pub reached_success: bool,
    /// When the lead first became a member.
    pub membership_date: String,
    /// When the membership last changed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<String>,
    /// The stream (engagement programs).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stream: Option<String>,
    /// The cadence (engagement programs): `norm` or `paus`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nurture_cadence: Option<String>,
}

/// A smart campaign as the Lead Database's Get Campaigns answers it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Campaign {
    /// Its id.
    pub id: i64,
    /// Its name.
    pub name: String,
    /// Its description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// `batch` or `trigger`.
    #[serde(rename = "type")]
    pub kind: String,
    /// Its program's name, when it lives in a program.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub program_name: Option<String>,
    /// Its program's id, when it lives in a program.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub program_id: Option<i64>,
    /// Its workspace.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub workspace_name: Option<String>,
    /// Created.
    pub created_at: String,
    /// Last changed.
    pub updated_at: String,
    /// Whether a trigger campaign is active.
    #[serde(default)]
    pub active: bool,
}

/// A My Token overridden for one campaign run: `{{my.name}}` and its value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RunToken {
    /// The token, as `{{my.name}}`.
    pub name: String,
    /// Its value for the run.
    pub value: String,
}

/// A lead named by id (Request Campaign's `leads`, Change Lead Program Status's `input`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct LeadRef {
    /// The lead's id.
    pub id: i64,
}

/// The `input` of Request Campaign.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TriggerInput {
    /// The leads (at most 100).
    #[serde(default)]
    pub leads: Vec<LeadRef>,
    /// Token overrides (at most 100).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tokens: Vec<RunToken>,
}

/// The `input` of Schedule Campaign.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ScheduleInput {
    /// When to run (ISO-8601); absent: five minutes after the call.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub run_at: Option<String>,
    /// Clone the campaign's program under this name and schedule the clone's campaign.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub clone_to_program_name: Option<String>,
    /// Token overrides.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tokens: Vec<RunToken>,
}

/// The id of the campaign a Request or Schedule Campaign call acted on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct CampaignRef {
    /// The campaign's id.
    pub id: i64,
}
