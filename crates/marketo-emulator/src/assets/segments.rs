//! Segmentations and their segments, as a seed defines them (an admin builds them in the UI; the API only
//! reads them). Each segmentation has its `Default` segment last, as in Marketo.

use super::tree::MARKETING_DEFAULT;
use crate::store::{assets, Db, Store, StoreError};
use chrono::{DateTime, Utc};
use marketo_types::asset::{format_time, FolderKind, FolderRef, Segment, Segmentation};
use marketo_types::envelope::ApiError;
use serde::{Deserialize, Serialize};

/// Store kind of segmentations.
const SEGMENTATION: &str = "segmentation";
/// Store kind of segment ids.
const SEGMENT: &str = "segment";

/// A stored segmentation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct SegmentationDoc {
    name: String,
    description: Option<String>,
    status: String,
    /// Segment ids and names, the Default segment last.
    segments: Vec<(i64, String)>,
    created_at: String,
}

/// One segmentation to seed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SegmentationSeed {
    /// Its name.
    pub name: String,
    /// Its description.
    #[serde(default)]
    pub description: Option<String>,
    /// `approved` (the default) or `draft`.
    #[serde(default = "approved")]
    pub status: String,
    /// Its segments, in priority order (the Default segment is added last).
    pub segments: Vec<String>,
}

fn approved() -> String {
    "approved".to_owned()
}

/// Store a seeded segmentation; its id.
pub fn seed(db: &Db, s: &SegmentationSeed, now: DateTime<Utc>) -> Result<i64, StoreError> {
    let mut segments = Vec::new();
    for name in s.segments.iter().map(String::as_str).chain(["Default"]) {
        segments.push((assets::next_id(db, SEGMENT, 1001)?, name.to_owned()));
    }
    let id = assets::next_id(db, SEGMENTATION, 1001)?;
    let doc = SegmentationDoc {
        name: s.name.clone(),
        description: s.description.clone(),
        status: s.status.clone(),
        segments,
        created_at: format_time(now),
    };
    assets::put(db, SEGMENTATION, id, &doc)?;
    Ok(id)
}

/// A segmentation's status and its segments (id, name; Default last).
pub type Segments = (String, Vec<(i64, String)>);

/// Segmentation `id`'s status and segments, if it exists.
pub fn of(db: &Db, id: i64) -> Result<Option<Segments>, StoreError> {
    let doc: Option<SegmentationDoc> = assets::get(db, SEGMENTATION, id)?;
    Ok(doc.map(|d| (d.status, d.segments)))
}

fn wanted(status: Option<&str>, of: &str) -> bool {
    status.is_none_or(|s| s.eq_ignore_ascii_case(of))
}

/// Every segmentation with `status` (any when `None`).
pub fn segmentations(store: &Store, status: Option<&str>) -> Result<Vec<Segmentation>, ApiError> {
    let all: Vec<(i64, SegmentationDoc)> = store.with(|db| assets::all(db, SEGMENTATION))?;
    Ok(all
        .into_iter()
        .filter(|(_, d)| wanted(status, &d.status))
        .map(|(id, d)| Segmentation {
            id,
            name: d.name,
            description: d.description,
            created_at: d.created_at.clone(),
            updated_at: d.created_at,
            url: None,
            folder: FolderRef {
                kind: FolderKind::Folder,
                value: MARKETING_DEFAULT,
                folder_name: None,
            },
            status: d.status,
            workspace: "Default".to_owned(),
        })
        .collect())
}

/// The segments of segmentation `id` with `status`; `None` when it does not exist.
pub fn segments(
    store: &Store,
    id: i64,
    status: Option<&str>,
) -> Result<Option<Vec<Segment>>, ApiError> {
    let doc: Option<SegmentationDoc> = store.with(|db| assets::get(db, SEGMENTATION, id))?;
    Ok(doc.map(|d| {
        if !wanted(status, &d.status) {
            return Vec::new();
        }
        d.segments
            .into_iter()
            .map(|(sid, name)| Segment {
                id: sid,
                name,
                description: None,
                created_at: d.created_at.clone(),
                updated_at: d.created_at.clone(),
                url: None,
                status: d.status.clone(),
                segmentation_id: id,
            })
            .collect()
    }))
}
