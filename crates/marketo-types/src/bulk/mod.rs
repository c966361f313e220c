//! The bulk API's wire types, shared by the emulator that answers with them and the client that reads them:
//! the file formats and their delimiters, import batch statuses, export job statuses and records.
//!
//! ```
//! use marketo_types::bulk::{BulkFormat, ExportJob, ExportStatus};
//! let job: ExportJob = serde_json::from_str(
//!     r#"{"exportId":"3fadb012","format":"TSV","status":"Queued","createdAt":"2023-01-07T00:00:00Z","queuedAt":"2023-01-07T00:00:00Z"}"#,
//! ).unwrap();
//! assert_eq!(job.status, ExportStatus::Queued);
//! assert_eq!(job.format.export_delimiter(), b'\t');
//! assert_eq!(BulkFormat::parse("ssv").map(BulkFormat::import_delimiter), Some(b';'));
//! ```

mod export;
mod import;

pub use export::{ExportJob, ExportStatus};
pub use import::{ImportBatch, ImportStatus, ObjectImportBatch};

use serde::{Deserialize, Serialize};
use std::path::Path;

/// The format of a bulk file: an import upload, its failures and warnings files, an export file.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum BulkFormat {
    /// Comma-separated, the default.
    #[default]
    #[serde(rename = "CSV")]
    Csv,
    /// Tab-separated.
    #[serde(rename = "TSV")]
    Tsv,
    /// Semicolon-separated on import, space-separated on export (as the docs say of each).
    #[serde(rename = "SSV")]
    Ssv,
}

impl BulkFormat {
    /// `csv`, `TSV`, ... in any case, blanks around ignored; `None` for anything else.
    pub fn parse(s: &str) -> Option<BulkFormat> {
        match s.trim().to_ascii_uppercase().as_str() {
            "CSV" => Some(BulkFormat::Csv),
            "TSV" => Some(BulkFormat::Tsv),
            "SSV" => Some(BulkFormat::Ssv),
            _ => None,
        }
    }

    /// The wire name export jobs carry (`CSV`).
    pub fn as_str(self) -> &'static str {
        match self {
            BulkFormat::Csv => "CSV",
            BulkFormat::Tsv => "TSV",
            BulkFormat::Ssv => "SSV",
        }
    }

    /// The lower-case name: the `format` value of a bulk import as the docs send it (`format=csv`), and the
    /// file extension.
    pub fn as_lower(self) -> &'static str {
        match self {
            BulkFormat::Csv => "csv",
            BulkFormat::Tsv => "tsv",
            BulkFormat::Ssv => "ssv",
        }
    }

    /// The delimiter of an import file (and of its failures and warnings files).
    pub fn import_delimiter(self) -> u8 {
        match self {
            BulkFormat::Csv => b',',
            BulkFormat::Tsv => b'\t',
            BulkFormat::Ssv => b';',
        }
    }

    /// The delimiter of an export file.
    pub fn export_delimiter(self) -> u8 {
        match self {
            BulkFormat::Csv => b',',
            BulkFormat::Tsv => b'\t',
            BulkFormat::Ssv => b' ',
        }
    }

    /// The content type a file of this format is served with.
    pub fn content_type(self) -> &'static str {
        match self {
            BulkFormat::Csv => "text/csv;charset=UTF-8",
            BulkFormat::Tsv => "text/tab-separated-values;charset=UTF-8",
            BulkFormat::Ssv => "text/plain;charset=UTF-8",
        }
    }

    /// The format a file name's extension names (`.csv`, `.tsv` or `.tab`, `.ssv`, any case), if any.
    pub fn from_path(path: &Path) -> Option<BulkFormat> {
        match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
            "csv" => Some(BulkFormat::Csv),
            "tsv" | "tab" => Some(BulkFormat::Tsv),
            "ssv" => Some(BulkFormat::Ssv),
            _ => None,
        }
    }
}

impl std::fmt::Display for BulkFormat {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}
