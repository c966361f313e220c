//! Bulk settings: the import and export queues, how long a job takes on the emulator's clock, the daily export
//! allowance, and which export filters the subscription supports. The `[bulk]` table of the config file.

use marketo_types::limits;
use serde::{Deserialize, Serialize};

/// The `[bulk]` settings, with Marketo's limits as defaults.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct BulkConfig {
    /// Largest bulk import file before HTTP 413 (10 MB).
    pub max_import_bytes: usize,
    /// Imports running at once (2).
    pub import_running: usize,
    /// Imports queued, running ones included, before 1016 (10).
    pub import_queued: usize,
    /// Seconds of emulator time an import takes once it starts.
    pub import_secs: u64,
    /// Export jobs processing at once, across leads and activities (2).
    pub export_processing: usize,
    /// Export jobs queued, processing ones included, before 1029 "Too many jobs (10) in queue" (10).
    pub export_queued: usize,
    /// Seconds of emulator time an export takes once it starts processing.
    pub export_secs: u64,
    /// Export file bytes a quota day (midnight America/Chicago) before 1029 "Export daily quota ..MB exceeded."
    pub export_daily_bytes: u64,
    /// Lead export filters this subscription does not support (any of `updatedAt`, `smartListId`,
    /// `smartListName`): creating a job with one is 1035.
    pub unsupported_export_filters: Vec<String>,
}

impl Default for BulkConfig {
    fn default() -> Self {
        BulkConfig {
            max_import_bytes: limits::MAX_BULK_IMPORT_BYTES,
            import_running: limits::BULK_IMPORT_RUNNING,
            import_queued: limits::BULK_IMPORT_QUEUED,
            import_secs: 10,
            export_processing: limits::BULK_EXPORT_PROCESSING,
            export_queued: limits::BULK_EXPORT_QUEUED,
            export_secs: 60,
            export_daily_bytes: limits::BULK_EXPORT_DAILY_BYTES,
            unsupported_export_filters: Vec::new(),
        }
    }
}

impl BulkConfig {
    /// The daily allowance in whole megabytes (rounded up), as the 1029 message names it.
    pub fn export_daily_mb(&self) -> u64 {
        self.export_daily_bytes.div_ceil(1_048_576)
    }

    /// Whether the subscription supports the lead export filter `name`.
    pub fn supports_filter(&self, name: &str) -> bool {
        !self.unsupported_export_filters.iter().any(|f| f == name)
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn defaults_are_marketos() {
        let c = super::BulkConfig::default();
        assert_eq!(c.export_daily_mb(), 500);
        assert_eq!((c.import_running, c.import_queued), (2, 10));
        assert_eq!((c.export_processing, c.export_queued), (2, 10));
        assert!(c.supports_filter("updatedAt"));
    }
}
