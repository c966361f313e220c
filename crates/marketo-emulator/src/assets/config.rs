//! The Asset API's inferred behaviours, configurable (`[assets]` in the config file).
//!
//! ```
//! use marketo_emulator::EmulatorConfig;
//! use marketo_emulator::assets::config::MissingRead;
//! let config = EmulatorConfig::from_toml_str("[assets]\nmissing_by_id = \"not_found\"").unwrap();
//! assert_eq!(config.assets.missing_by_id, MissingRead::NotFound);
//! ```

use serde::{Deserialize, Serialize};

/// What a read by id (Get Folder by Id, Get Program by Id, ...) answers for an asset that does not exist.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MissingRead {
    /// `success:true`, the warning "No assets found for the given search criteria.", no `result` (what
    /// real asset searches send; the default) [INF for reads by id].
    #[default]
    Warning,
    /// 702 "<Asset> not found".
    NotFound,
}

/// What a browse of approvable assets (Get Snippets, ...) lists without a `status` for an asset that has both
/// an approved version and a draft.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BrowseVersions {
    /// One record per asset: the approved version (the default) [INF].
    #[default]
    Preferred,
    /// One record per version: the approved one, then the draft [INF].
    Each,
}

/// `[assets]`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct AssetsConfig {
    /// What a read by id of a missing asset answers.
    pub missing_by_id: MissingRead,
    /// What a browse lists for an asset with an approved version and a draft.
    pub browse_versions: BrowseVersions,
}
