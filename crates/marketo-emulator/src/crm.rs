//! The `[crm]` section: whether the subscription syncs natively with a CRM (Salesforce), and what Merge
//! Leads then checks. Where Marketo documents only the message of a code, the cause here is inferred and
//! configurable [INF] (see `docs/fidelity.md`).
//!
//! ```toml
//! [crm]
//! native_sync = true              # merge checks the CRM rules below
//! default_record_type = true      # false: a merge with mergeInCRM answers 714 [INF]
//! field_lengths = { firstName = 40, lastName = 80 }   # a merged value longer than this: 1077 [INF]
//! ```
//!
//! Seeded leads say what the CRM knows of them: `{"email": "..", "_crm": {"type": "contact"}}` (`lead`,
//! `contact` or `personAccount`; absent: the lead is in Marketo only), `"deleted": true` for a record deleted in
//! the CRM, and `"_purl": "ann-smith"` for a personalized URL.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The `[crm]` section.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct CrmConfig {
    /// The subscription syncs natively with a CRM.
    pub native_sync: bool,
    /// The CRM has a default record type (false: merges in the CRM answer 714).
    pub default_record_type: bool,
    /// CRM field lengths by lead field: a merged value longer than its length answers 1077.
    pub field_lengths: BTreeMap<String, usize>,
}

impl Default for CrmConfig {
    fn default() -> Self {
        CrmConfig {
            native_sync: false,
            default_record_type: true,
            field_lengths: BTreeMap::new(),
        }
    }
}
