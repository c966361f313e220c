//! The folder operations' rules: get by id or name, browse, create, update, delete, contents.

use super::contents;
use super::docs::{FolderDoc, FOLDER};
use super::tree::{Holds, Tree};
use crate::store::{assets, Store};
use chrono::{DateTime, Utc};
use marketo_types::asset::{format_time, Folder, FolderContent, FolderId, FolderKind};
use marketo_types::envelope::ApiError;

/// What Get Folder by Name filters by.
#[derive(Debug, Clone, Default)]
pub struct ByName<'a> {
    /// The exact name.
    pub name: &'a str,
    /// Folders or programs only.
    pub kind: Option<FolderKind>,
    /// Under this folder only.
    pub root: Option<FolderId>,
    /// In this workspace only.
    pub workspace: Option<&'a str>,
}

/// A folder's new metadata (Update Folder Metadata).
#[derive(Debug, Clone, Default)]
pub struct Changes<'a> {
    /// New name.
    pub name: Option<&'a str>,
    /// New description.
    pub description: Option<&'a str>,
    /// Archive or restore.
    pub is_archive: Option<bool>,
}

/// Folder or program `id`, if it exists.
pub fn get(store: &Store, id: FolderId) -> Result<Option<Folder>, ApiError> {
    let tree = store.with(Tree::load)?;
    Ok(tree.get(id).map(|n| tree.wire(n)))
}

/// Every folder (and program) named exactly `q.name` that passes the filters.
pub fn by_name(store: &Store, q: &ByName<'_>) -> Result<Vec<Folder>, ApiError> {
    let tree = store.with(Tree::load)?;
    let under = |id: FolderId| {
        q.root
            .is_none_or(|r| tree.ancestry(id).iter().any(|a| a.id == r))
    };
    Ok(tree
        .nodes()
        .filter(|n| n.name == q.name)
        .filter(|n| q.kind.is_none_or(|k| n.id.kind == k))
        .filter(|n| {
            q.workspace
                .is_none_or(|w| n.workspace.eq_ignore_ascii_case(w))
        })
        .filter(|n| under(n.id))
        .map(|n| tree.wire(n))
        .collect())
}

/// `root` and what lies under it down to `max_depth` levels (every root when `None`), in `workspace`.
pub fn browse(
    store: &Store,
    root: Option<FolderId>,
    max_depth: usize,
    workspace: Option<&str>,
) -> Result<Vec<Folder>, ApiError> {
    let tree = store.with(Tree::load)?;
    let starts: Vec<FolderId> = match root {
        Some(r) => vec![r],
        None => tree.roots().map(|n| n.id).collect(),
    };
    Ok(starts
        .into_iter()
        .flat_map(|s| tree.subtree(s, max_depth))
        .filter(|n| workspace.is_none_or(|w| n.workspace.eq_ignore_ascii_case(w)))
        .map(|n| tree.wire(n))
        .collect())
}

/// Create a folder under `parent`: 710 without the parent, 711 when it cannot hold folders, 709 when a
/// sibling folder has the name already [INF: the documents do not say; the Marketo UI refuses it].
pub fn create(
    store: &Store,
    name: &str,
    parent: FolderId,
    description: Option<&str>,
    now: DateTime<Utc>,
) -> Result<Folder, ApiError> {
    store.transaction(|db| {
        let tree = Tree::load(db)?;
        let p = tree.parent_for(parent, Holds::Folder)?;
        if tree
            .children(parent)
            .any(|c| c.id.kind == FolderKind::Folder && c.name.eq_ignore_ascii_case(name))
        {
            return Err(ApiError::catalogued(709, &[]));
        }
        let stamp = format_time(now);
        let doc = FolderDoc {
            name: name.to_owned(),
            description: description.map(str::to_owned),
            folder_type: tree.child_folder_type(p),
            parent,
            is_archive: false,
            workspace: p.workspace.clone(),
            created_at: stamp.clone(),
            updated_at: stamp,
        };
        let id = assets::next_id(db, FOLDER, 1000)?;
        assets::put(db, FOLDER, id, &doc)?;
        let tree = Tree::load(db)?;
        let node = doc.node(id);
        Ok(tree.wire(&node))
    })
}

fn not_found(id: FolderId) -> ApiError {
    let what = match id.kind {
        FolderKind::Folder => "Folder",
        FolderKind::Program => "Program",
    };
    ApiError::of_meaning(702, "object-not-found", &[what])
}

/// The stored folder `id` for a change: 702 when it does not exist, 709 for a program (the Programs API
/// changes those) or a system folder.
fn writable(store_db: &crate::store::Db, id: FolderId) -> Result<FolderDoc, ApiError> {
    if id.kind == FolderKind::Program {
        let tree = Tree::load(store_db)?;
        return Err(match tree.get(id) {
            Some(_) => ApiError::catalogued(709, &[]),
            None => not_found(id),
        });
    }
    if Tree::is_built_in(id) {
        return Err(ApiError::catalogued(709, &[]));
    }
    assets::get::<FolderDoc>(store_db, FOLDER, id.id)?.ok_or_else(|| not_found(id))
}

/// Update folder `id`'s name, description or archive flag.
pub fn update(
    store: &Store,
    id: FolderId,
    changes: &Changes<'_>,
    now: DateTime<Utc>,
) -> Result<Folder, ApiError> {
    store.transaction(|db| {
        let mut doc = writable(db, id)?;
        if let Some(name) = changes.name {
            let tree = Tree::load(db)?;
            let clash = tree.children(doc.parent).any(|c| {
                c.id != id && c.id.kind == FolderKind::Folder && c.name.eq_ignore_ascii_case(name)
            });
            if clash {
                return Err(ApiError::catalogued(709, &[]));
            }
            doc.name = name.to_owned();
        }
        if let Some(d) = changes.description {
            doc.description = Some(d.to_owned());
        }
        if let Some(a) = changes.is_archive {
            doc.is_archive = a;
        }
        doc.updated_at = format_time(now);
        assets::put(db, FOLDER, id.id, &doc)?;
        let tree = Tree::load(db)?;
        Ok(tree.wire(&doc.node(id.id)))
    })
}

/// Delete folder `id`: 702 when it does not exist, 709 for a program, a system folder or a folder that holds
/// anything (subfolders, programs, assets).
pub fn delete(store: &Store, id: FolderId) -> Result<i64, ApiError> {
    store.transaction(|db| {
        writable(db, id)?;
        let tree = Tree::load(db)?;
        if !contents::of(db, &tree, id)?.is_empty() {
            return Err(ApiError::catalogued(709, &[]));
        }
        assets::delete(db, FOLDER, id.id)?;
        super::tokens::forget(db, id)?;
        Ok(id.id)
    })
}

/// What folder `id` holds, or `None` when it does not exist.
pub fn contents(store: &Store, id: FolderId) -> Result<Option<Vec<FolderContent>>, ApiError> {
    store
        .with(|db| {
            let tree = Tree::load(db)?;
            if tree.get(id).is_none() {
                return Ok(None);
            }
            Ok(Some(contents::of(db, &tree, id)?))
        })
        .map_err(ApiError::from)
}
