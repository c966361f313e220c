//! The `[activities]` section: the rules of the activity reads and of custom activity types.
//!
//! ```toml
//! [activities]
//! list_member_limit = 10000   # a listId read of a list with this many members or more: 1003
//! scan_window = 0             # 0: off; N: a read scans at most N activity ids past its token, so a page can
//!                             # come back short or empty with moreResult:true, as Marketo's do
//! max_custom_types = 10       # custom activity types per subscription before 1027
//! max_custom_attributes = 20  # secondary attributes per custom activity type before 1028
//! ```

use serde::{Deserialize, Serialize};

/// The `[activities]` section.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ActivitiesConfig {
    /// A `listId` read of a list with this many members or more answers 1003 (activities.md).
    pub list_member_limit: u64,
    /// 0: off; otherwise a read scans at most this many activity ids past its position, so a page may come
    /// back short, or empty, with `moreResult:true` (as Marketo's do: clients must page on).
    pub scan_window: u64,
    /// Custom activity types a subscription may have (1027 past it).
    pub max_custom_types: usize,
    /// Secondary attributes a custom activity type may have (1028 past it).
    pub max_custom_attributes: usize,
}

impl Default for ActivitiesConfig {
    fn default() -> Self {
        ActivitiesConfig {
            list_member_limit: 10_000,
            scan_window: 0,
            max_custom_types: 10,
            max_custom_attributes: 20,
        }
    }
}
