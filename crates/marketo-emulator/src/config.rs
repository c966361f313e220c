//! The emulator's settings: limits, token lifetime, API users and their roles, the latency model, fault rules
//! and custom lead fields. Everything can come from a TOML file (see the README, "Emulator config file").
//!
//! ```
//! use marketo_emulator::EmulatorConfig;
//! let config = EmulatorConfig::from_toml_str(r#"
//!     [limits]
//!     rate_limit = 50
//!     [[users]]
//!     client_id = "reader"
//!     client_secret = "s3cret"
//!     role = "read_only"
//! "#).unwrap();
//! assert_eq!(config.limits.rate_limit, 50);
//! assert_eq!(config.limits.concurrency, 10);
//! ```

use crate::fault::FaultRule;
use crate::latency::LatencyModel;
use crate::model::schema::LeadSchema;
use marketo_types::limits;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::path::Path;
use std::time::Duration;

/// Everything the emulator can be told at startup.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct EmulatorConfig {
    /// Rate window, concurrency, daily quota, size limits.
    pub limits: LimitsConfig,
    /// Access token lifetime in seconds (Marketo: 3600).
    pub token_ttl_secs: u64,
    /// The pod suffix of tokens (`<uuid>:<pod>`).
    pub pod: String,
    /// Accept the legacy `access_token` query parameter (Marketo is removing it; default off).
    pub legacy_access_token: bool,
    /// The API users. When empty, one full-access user with the default credentials is created.
    pub users: Vec<ApiUser>,
    /// Added response time.
    pub latency: LatencyModel,
    /// Fault rules active from startup.
    pub faults: Vec<FaultRule>,
    /// The lead schema: custom fields (on top of the standard ones), partitions, company fields, rules.
    pub lead_schema: LeadSchema,
    /// Data loaded at startup into an empty database (same shape as `POST /_emulator/seed`).
    pub seed: Option<serde_json::Value>,
    /// Bulk import and export: queues, job durations, the daily export allowance, unsupported filters.
    pub bulk: crate::bulk::BulkConfig,
    /// Connection timeouts and the admin token.
    pub server: crate::server_config::ServerConfig,
    /// A native CRM sync and the merge rules it brings.
    pub crm: crate::crm::CrmConfig,
    /// The activity reads' rules and the custom activity limits.
    pub activities: crate::activities::config::ActivitiesConfig,
    /// Custom objects: enabled, the metadata API, types that exist from the start.
    pub custom_objects: crate::engine::custom::CustomObjectsConfig,
    /// The Asset API's inferred behaviours.
    pub assets: crate::assets::config::AssetsConfig,
}

impl Default for EmulatorConfig {
    fn default() -> Self {
        EmulatorConfig {
            limits: LimitsConfig::default(),
            token_ttl_secs: limits::TOKEN_TTL.as_secs(),
            pod: "int".to_owned(),
            legacy_access_token: false,
            users: Vec::new(),
            latency: LatencyModel::default(),
            faults: Vec::new(),
            lead_schema: LeadSchema::default(),
            seed: None,
            bulk: crate::bulk::BulkConfig::default(),
            server: crate::server_config::ServerConfig::default(),
            crm: crate::crm::CrmConfig::default(),
            activities: crate::activities::config::ActivitiesConfig::default(),
            custom_objects: crate::engine::custom::CustomObjectsConfig::default(),
            assets: crate::assets::config::AssetsConfig::default(),
        }
    }
}

/// The limits Marketo enforces, with Marketo's defaults.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct LimitsConfig {
    /// Calls admitted per rate window before 606.
    pub rate_limit: u32,
    /// The rate window, in seconds.
    pub rate_window_secs: u64,
    /// Calls in flight before 615.
    pub concurrency: u32,
    /// Counted calls per quota day before 607.
    pub daily_quota: u64,
    /// Largest request body before HTTP 413.
    pub max_body_bytes: usize,
    /// Longest URI (path and query) before HTTP 414.
    pub max_uri_bytes: usize,
}

impl Default for LimitsConfig {
    fn default() -> Self {
        LimitsConfig {
            rate_limit: limits::RATE_LIMIT_CALLS,
            rate_window_secs: limits::RATE_WINDOW.as_secs(),
            concurrency: limits::MAX_CONCURRENT_CALLS,
            daily_quota: limits::DAILY_QUOTA,
            max_body_bytes: limits::MAX_BODY_BYTES,
            max_uri_bytes: limits::MAX_URI_BYTES,
        }
    }
}

impl LimitsConfig {
    /// The rate window as a duration.
    pub fn rate_window(&self) -> Duration {
        Duration::from_secs(self.rate_window_secs)
    }

    /// Limits so high that a benchmark never meets them.
    pub fn lifted() -> Self {
        LimitsConfig {
            rate_limit: MAX_RATE_LIMIT,
            rate_window_secs: 1,
            concurrency: u32::MAX / 2,
            daily_quota: u64::MAX / 2,
            ..LimitsConfig::default()
        }
    }
}

/// The largest rate limit accepted (the window keeps one timestamp per admitted call).
pub const MAX_RATE_LIMIT: u32 = 1_000_000;

impl LimitsConfig {
    /// Check the limits can be enforced.
    pub fn validate(&self) -> Result<(), String> {
        if self.rate_limit > MAX_RATE_LIMIT {
            return Err(format!(
                "rate_limit {} is above the largest supported, {MAX_RATE_LIMIT}",
                self.rate_limit
            ));
        }
        if self.rate_window_secs == 0 {
            return Err("rate_window_secs must be at least 1".into());
        }
        Ok(())
    }
}

/// What an API user may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Every endpoint.
    #[default]
    Full,
    /// Read endpoints only: a write answers 603 "Access denied".
    ReadOnly,
}

/// An API-only user with its custom service's credentials.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ApiUser {
    /// The custom service's client id.
    pub client_id: String,
    /// Its client secret.
    pub client_secret: String,
    /// The user's email: the token's `scope` and the `userId` in usage stats.
    #[serde(default = "default_email")]
    pub email: String,
    /// What the user may do.
    #[serde(default)]
    pub role: Role,
    /// Lead partitions the user may use (absent: all).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partitions: Option<Vec<String>>,
}

fn default_email() -> String {
    "apiuser@emulator.invalid".to_owned()
}

impl ApiUser {
    /// A full-access user.
    pub fn full(client_id: impl Into<String>, client_secret: impl Into<String>) -> Self {
        ApiUser {
            client_id: client_id.into(),
            client_secret: client_secret.into(),
            email: default_email(),
            role: Role::Full,
            partitions: None,
        }
    }
}

impl fmt::Debug for ApiUser {
    // The secret never reaches a log line.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ApiUser")
            .field("client_id", &self.client_id)
            .field("client_secret", &"<redacted>")
            .field("email", &self.email)
            .field("role", &self.role)
            .field("partitions", &self.partitions)
            .finish()
    }
}

/// The client id used when none is configured.
pub const DEFAULT_CLIENT_ID: &str = "mkto-emulator";
/// The client secret used when none is configured.
pub const DEFAULT_CLIENT_SECRET: &str = "mkto-emulator-secret";

/// A config file that could not be read or parsed.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// The file could not be read.
    #[error("cannot read {path}: {source}")]
    Read {
        /// The file.
        path: String,
        /// Why.
        source: std::io::Error,
    },
    /// The TOML is invalid or has unknown keys.
    #[error("invalid emulator config: {0}")]
    Parse(String),
}

impl EmulatorConfig {
    /// Parse a TOML document.
    pub fn from_toml_str(text: &str) -> Result<Self, ConfigError> {
        toml::from_str(text).map_err(|e| ConfigError::Parse(e.to_string()))
    }

    /// Read and parse a TOML file.
    pub fn from_file(path: &Path) -> Result<Self, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Read {
            path: path.display().to_string(),
            source,
        })?;
        Self::from_toml_str(&text)
    }

    /// The token lifetime.
    pub fn token_ttl(&self) -> Duration {
        Duration::from_secs(self.token_ttl_secs)
    }

    /// The users, with the default user when none is configured.
    pub fn effective_users(&self) -> Vec<ApiUser> {
        if self.users.is_empty() {
            vec![ApiUser::full(DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET)]
        } else {
            self.users.clone()
        }
    }

    /// Make `client_id`/`client_secret` the first (default) user, with full access.
    pub fn set_default_credentials(&mut self, client_id: &str, client_secret: &str) {
        self.users.retain(|u| u.client_id != client_id);
        self.users
            .insert(0, ApiUser::full(client_id, client_secret));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The README's example config file parses, and says what it claims to.
    #[test]
    fn readme_config_example_parses() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../README.md");
        let readme = std::fs::read_to_string(path).unwrap();
        let section = readme.split("### Emulator config file").nth(1).unwrap();
        let block = section.split("```toml\n").nth(1).unwrap();
        let toml_text = block.split("```").next().unwrap();
        let config = EmulatorConfig::from_toml_str(toml_text).unwrap();
        assert_eq!(config.limits, LimitsConfig::default());
        assert_eq!(config.users[1].role, Role::ReadOnly);
        assert_eq!(config.faults.len(), 2);
        assert_eq!(config.lead_schema.custom_fields[0].name, "loyaltyTier");
        assert!(config.seed.is_some());
    }

    #[test]
    fn unknown_keys_are_refused() {
        assert!(EmulatorConfig::from_toml_str("rate = 3").is_err());
        assert!(EmulatorConfig::from_toml_str("[limits]\nrate = 3").is_err());
    }

    #[test]
    fn debug_hides_the_secret() {
        let u = ApiUser::full("id", "hunter2");
        assert!(!format!("{u:?}").contains("hunter2"));
    }

    #[test]
    fn default_credentials_go_first() {
        let mut c = EmulatorConfig::default();
        c.users.push(ApiUser::full("a", "b"));
        c.set_default_credentials("x", "y");
        assert_eq!(c.effective_users()[0].client_id, "x");
        assert_eq!(c.effective_users().len(), 2);
    }
}
