//! Smart lists: user-made ones live in folders and programs (get, browse, clone, delete); a smart campaign's
//! and an Email program's belong to their owner and are read through it.

use super::docs::{SmartListDoc, SMART_LIST};
use super::tree::{Holds, Tree};
use crate::store::{assets, Db, Store, StoreError};
use chrono::{DateTime, Utc};
use marketo_types::asset::{format_time, FolderId, SmartList};
use marketo_types::envelope::ApiError;
use serde_json::json;

/// The first smart list id.
pub const FIRST_ID: i64 = 1001;

/// The rules of a new, empty smart list.
pub fn empty_rules() -> serde_json::Value {
    json!({"filterMatchType": "all", "triggers": [], "filters": []})
}

/// Smart list `id` as the API answers it, with its rules when `rules`.
pub fn wire(id: i64, d: &SmartListDoc, rules: bool) -> SmartList {
    SmartList {
        id,
        name: d.name.clone(),
        description: d.description.clone(),
        created_at: d.created_at.clone(),
        updated_at: d.updated_at.clone(),
        url: None,
        folder: d.folder.unwrap_or_else(|| match (d.program, d.campaign) {
            (Some(p), _) => FolderId::program(p),
            _ => FolderId::folder(super::tree::MARKETING_DEFAULT),
        }),
        workspace: d.workspace.clone(),
        rules: rules.then(|| d.rules.clone()),
    }
}

/// Store a new smart list; its id.
pub fn insert(db: &Db, doc: &SmartListDoc) -> Result<i64, StoreError> {
    let id = assets::next_id(db, SMART_LIST, FIRST_ID)?;
    assets::put(db, SMART_LIST, id, doc)?;
    Ok(id)
}

/// A new empty smart list owned by a campaign or program.
pub fn owned(name: &str, workspace: &str, now: DateTime<Utc>) -> SmartListDoc {
    let stamp = format_time(now);
    SmartListDoc {
        name: name.to_owned(),
        description: None,
        folder: None,
        campaign: None,
        program: None,
        workspace: workspace.to_owned(),
        rules: empty_rules(),
        created_at: stamp.clone(),
        updated_at: stamp,
    }
}

/// Every smart list passing `keep`.
pub fn find(
    store: &Store,
    rules: bool,
    keep: impl Fn(i64, &SmartListDoc) -> bool,
) -> Result<Vec<SmartList>, ApiError> {
    let all: Vec<(i64, SmartListDoc)> = store.with(|db| assets::all(db, SMART_LIST))?;
    Ok(all
        .iter()
        .filter(|(id, d)| keep(*id, d))
        .map(|(id, d)| wire(*id, d, rules))
        .collect())
}

/// Create a user-made smart list in `folder` (seeds: the API has no create call): 710/711 for the folder.
pub fn create(
    store: &Store,
    name: &str,
    folder: FolderId,
    description: Option<&str>,
    rules: Option<serde_json::Value>,
    now: DateTime<Utc>,
) -> Result<i64, ApiError> {
    store.transaction(|db| {
        let tree = Tree::load(db)?;
        let parent = tree.parent_for(folder, Holds::MarketingAsset)?;
        let mut doc = owned(name, &parent.workspace, now);
        doc.folder = Some(folder);
        doc.description = description.map(str::to_owned);
        if let Some(r) = rules {
            doc.rules = r;
        }
        Ok(insert(db, &doc)?)
    })
}

fn not_found() -> ApiError {
    ApiError::of_meaning(702, "object-not-found", &["Smart list"])
}

/// Clone smart list `id` into `folder` (a program or a marketing folder) as `name`: 702 when it does not
/// exist, 710/711 for the folder, 709 when the name is used by another smart list.
pub fn clone(
    store: &Store,
    id: i64,
    name: &str,
    folder: FolderId,
    description: Option<&str>,
    now: DateTime<Utc>,
) -> Result<SmartList, ApiError> {
    store.transaction(|db| {
        let src: SmartListDoc = assets::get(db, SMART_LIST, id)?.ok_or_else(not_found)?;
        let tree = Tree::load(db)?;
        let parent = tree.parent_for(folder, Holds::MarketingAsset)?;
        let all: Vec<(i64, SmartListDoc)> = assets::all(db, SMART_LIST)?;
        if all.iter().any(|(_, d)| d.name.eq_ignore_ascii_case(name)) {
            return Err(ApiError::catalogued(709, &[]));
        }
        let stamp = format_time(now);
        let doc = SmartListDoc {
            name: name.to_owned(),
            description: description.map(str::to_owned).or(src.description),
            folder: Some(folder),
            campaign: None,
            program: None,
            workspace: parent.workspace.clone(),
            rules: src.rules,
            created_at: stamp.clone(),
            updated_at: stamp,
        };
        let new_id = insert(db, &doc)?;
        Ok(wire(new_id, &doc, false))
    })
}

/// Delete smart list `id`: 702 when it does not exist, 709 for one that belongs to a smart campaign or an
/// Email program (delete its owner instead) [INF].
pub fn delete(store: &Store, id: i64) -> Result<i64, ApiError> {
    store.transaction(|db| {
        let d: SmartListDoc = assets::get(db, SMART_LIST, id)?.ok_or_else(not_found)?;
        if d.campaign.is_some() || d.program.is_some() {
            return Err(ApiError::catalogued(709, &[]));
        }
        assets::delete(db, SMART_LIST, id)?;
        Ok(id)
    })
}

/// Forget the smart lists owned by campaigns or programs that no longer exist.
pub fn drop_orphans(db: &Db) -> Result<(), StoreError> {
    let all: Vec<(i64, SmartListDoc)> = assets::all(db, SMART_LIST)?;
    for (id, d) in all {
        let gone = match (d.campaign, d.program) {
            (Some(c), _) => {
                assets::get::<serde_json::Value>(db, super::docs::SMART_CAMPAIGN, c)?.is_none()
            }
            (None, Some(p)) => {
                assets::get::<serde_json::Value>(db, super::docs::PROGRAM, p)?.is_none()
            }
            (None, None) => false,
        };
        if gone {
            assets::delete(db, SMART_LIST, id)?;
        }
    }
    Ok(())
}
