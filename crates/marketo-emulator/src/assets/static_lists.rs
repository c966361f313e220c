//! Static lists seen through the Asset API. They are the Lead Database's lists (the same table, the same
//! ids, the same members as `/rest/v1/lists.json`); the asset API adds the folder each lives in. A list
//! made without one (seeded through the Lead Database) is in the program its `programName` names, else in
//! Marketing Activities' Default workspace.

use super::docs::{ProgramDoc, PROGRAM};
use super::tree::{Holds, Tree, MARKETING_DEFAULT};
use crate::store::{assets, lists, Db, Store, StoreError};
use chrono::{DateTime, Utc};
use marketo_types::asset::{format_time, parse_time, FolderId, FolderKind, StaticList};
use marketo_types::envelope::ApiError;

/// The first id the asset API gives a list.
const FIRST_ID: i64 = 1001;

fn asset_time(lead_db: &str) -> String {
    parse_time(lead_db).map_or_else(|| lead_db.to_owned(), format_time)
}

/// Every static list as the asset API answers it, by id.
pub fn all(db: &Db) -> Result<Vec<StaticList>, StoreError> {
    let programs: Vec<(i64, ProgramDoc)> = assets::all(db, PROGRAM)?;
    let rows = lists::all_with_folders(db)?;
    Ok(rows
        .into_iter()
        .map(|(l, folder)| {
            let folder = folder
                .and_then(|f| serde_json::from_str::<FolderId>(&f).ok())
                .or_else(|| {
                    let program = l.program_name.as_deref()?;
                    let (id, _) = programs.iter().find(|(_, p)| p.name == program)?;
                    Some(FolderId::program(*id))
                })
                .unwrap_or(FolderId::folder(MARKETING_DEFAULT));
            StaticList {
                id: l.id,
                name: l.name,
                description: l.description,
                created_at: asset_time(&l.created_at),
                updated_at: asset_time(&l.updated_at),
                folder,
                computed_url: None,
                workspace: Some(l.workspace_name),
            }
        })
        .collect())
}

/// Every static list passing `keep`.
pub fn find(
    store: &Store,
    keep: impl Fn(&StaticList) -> bool,
) -> Result<Vec<StaticList>, ApiError> {
    Ok(store.with(all)?.into_iter().filter(|l| keep(l)).collect())
}

fn not_found() -> ApiError {
    ApiError::of_meaning(702, "object-not-found", &["Static list"])
}

fn one(db: &Db, id: i64) -> Result<StaticList, ApiError> {
    all(db)?
        .into_iter()
        .find(|l| l.id == id)
        .ok_or_else(not_found)
}

fn stored(db: &Db, id: i64) -> Result<lists::StoredList, ApiError> {
    let filter = lists::ListFilter {
        ids: vec![id],
        ..lists::ListFilter::default()
    };
    lists::query(db, &filter, 0, 1)?.pop().ok_or_else(not_found)
}

/// Create a static list in `folder`: 710/711 for the folder, 709 when a list of that name is already in it
/// [INF].
pub fn create(
    store: &Store,
    name: &str,
    folder: FolderId,
    description: Option<&str>,
    now: DateTime<Utc>,
) -> Result<StaticList, ApiError> {
    store.transaction(|db| {
        let tree = Tree::load(db)?;
        let parent = tree.parent_for(folder, Holds::MarketingAsset)?;
        if all(db)?
            .iter()
            .any(|l| l.folder == folder && l.name.eq_ignore_ascii_case(name))
        {
            return Err(ApiError::catalogued(709, &[]));
        }
        let stamp = crate::engine::format_time(now);
        let id = lists::max_id(db)?.max(FIRST_ID - 1) + 1;
        lists::upsert(
            db,
            &lists::StoredList {
                id,
                name: name.to_owned(),
                description: description.map(str::to_owned),
                program_name: (folder.kind == FolderKind::Program).then(|| parent.name.clone()),
                workspace_name: parent.workspace.clone(),
                created_at: stamp.clone(),
                updated_at: stamp,
            },
        )?;
        lists::set_folder(
            db,
            id,
            &serde_json::to_string(&folder).map_err(StoreError::from)?,
        )?;
        one(db, id)
    })
}

/// Rename or describe list `id`: 702 when it does not exist.
pub fn update(
    store: &Store,
    id: i64,
    name: Option<&str>,
    description: Option<&str>,
    now: DateTime<Utc>,
) -> Result<StaticList, ApiError> {
    store.transaction(|db| {
        let mut l = stored(db, id)?;
        if let Some(n) = name {
            l.name = n.to_owned();
        }
        if let Some(d) = description {
            l.description = Some(d.to_owned());
        }
        l.updated_at = crate::engine::format_time(now);
        lists::upsert(db, &l)?;
        one(db, id)
    })
}

/// Delete list `id` and its memberships: 702 when it does not exist.
pub fn delete(store: &Store, id: i64) -> Result<i64, ApiError> {
    store.transaction(|db| {
        stored(db, id)?;
        lists::delete(db, id)?;
        Ok(id)
    })
}
