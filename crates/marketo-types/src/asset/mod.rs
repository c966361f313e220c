//! Wire types of the Asset API (`/rest/asset/v1/...`), shared by the emulator (which answers with them) and
//! the client (which reads them): folders, programs, tokens, channels, tag types, smart campaigns, smart lists,
//! static lists, segmentations and snippets, plus the asset API's conventions (its date format, its warning,
//! its paging bounds).
//!
//! ```
//! use marketo_types::asset::{Folder, FolderKind};
//! let f: Folder = serde_json::from_str(r#"{"id":341,"name":"Social Media","description":null,
//!     "createdAt":"2011-03-04T17:01:32Z+0000","updatedAt":"2011-03-04T17:01:32Z+0000","url":null,
//!     "folderId":{"id":341,"type":"Folder"},"folderType":"Email","parent":{"id":11,"type":"Folder"},
//!     "path":"/Design Studio/Default/Emails/Social Media","isArchive":false,"isSystem":false,
//!     "accessZoneId":1,"workspace":"Default"}"#).unwrap();
//! assert_eq!(f.folder_id.kind, FolderKind::Folder);
//! ```

mod campaigns;
mod folders;
mod programs;
mod segments;
mod snippets;

pub use campaigns::{SmartCampaign, SmartList, StaticList};
pub use folders::{Folder, FolderContent, FolderId, FolderKind, FolderRef, Token, TokenSet};
pub use programs::{Channel, Cost, Program, ProgressionStatus, Tag, TagType};
pub use segments::{Segment, Segmentation};
pub use snippets::{DynamicSection, Snippet, SnippetContent, SnippetDynamicContent};

use chrono::{DateTime, Utc};

/// The warning of a search that found nothing (`success:true`, no `result`).
pub const NO_ASSETS: &str = "No assets found for the given search criteria.";

/// `maxReturn` when the call does not say.
pub const DEFAULT_MAX_RETURN: usize = 20;

/// The largest `maxReturn` the browse calls honour.
pub const MAX_RETURN: usize = 200;

/// A time as the asset API writes it: `2015-06-23T06:27:04Z+0000` (both `Z` and `+0000`).
///
/// ```
/// use chrono::{TimeZone, Utc};
/// let t = Utc.with_ymd_and_hms(2015, 6, 23, 6, 27, 4).unwrap();
/// assert_eq!(marketo_types::asset::format_time(t), "2015-06-23T06:27:04Z+0000");
/// ```
pub fn format_time(at: DateTime<Utc>) -> String {
    at.format("%Y-%m-%dT%H:%M:%SZ+0000").to_string()
}

/// Read a time the asset API wrote (`...Z+0000`), or an RFC 3339 time (`earliestUpdatedAt` parameters).
///
/// ```
/// let t = marketo_types::asset::parse_time("2015-06-23T06:27:04Z+0000").unwrap();
/// assert_eq!(marketo_types::asset::format_time(t), "2015-06-23T06:27:04Z+0000");
/// assert!(marketo_types::asset::parse_time("2017-01-01T00:00:00-05:00").is_some());
/// ```
pub fn parse_time(text: &str) -> Option<DateTime<Utc>> {
    let t = text.trim();
    let t = t.strip_suffix("+0000").unwrap_or(t);
    if let Ok(at) = DateTime::parse_from_rfc3339(t) {
        return Some(at.with_timezone(&Utc));
    }
    if let Ok(at) = DateTime::parse_from_str(t, "%Y-%m-%dT%H:%M:%S%z") {
        return Some(at.with_timezone(&Utc));
    }
    chrono::NaiveDate::parse_from_str(t, "%Y-%m-%d")
        .ok()
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .map(|d| d.and_utc())
}
