//! Usage statistics (`GET /rest/v1/stats/usage.json`, `usage/last7days.json`) and error statistics
//! (`stats/errors.json`, `errors/last7days.json`): one record per quota day.
//!
//! ```
//! use marketo_types::stats::UsageDay;
//! let day: UsageDay = serde_json::from_str(
//!     r#"{"date":"2015-10-17","total":1120,"users":[{"userId":"some.body@yahoo.com","count":200}]}"#,
//! ).unwrap();
//! assert_eq!(day.users[0].count, 200);
//! ```

use serde::{Deserialize, Serialize};

/// Calls one API user made on a day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UserCount {
    /// The API user.
    pub user_id: String,
    /// Calls.
    pub count: u64,
}

/// Calls on one day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UsageDay {
    /// The day (`2024-05-01`, the subscription's quota day).
    pub date: String,
    /// Calls counted against the quota.
    #[serde(default)]
    pub total: u64,
    /// By API user.
    #[serde(default)]
    pub users: Vec<UserCount>,
}

/// Answers with one error code on a day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ErrorCount {
    /// The code (`606`), a string on the wire.
    pub error_code: String,
    /// How many.
    pub count: u64,
}

/// Errors on one day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorDay {
    /// The day.
    pub date: String,
    /// Errors, all codes.
    #[serde(default)]
    pub total: u64,
    /// By code.
    #[serde(default)]
    pub errors: Vec<ErrorCount>,
}
