//! The snippet operations' rules: create, get, browse, update metadata, approve, unapprove, discard draft,
//! clone and delete, on the shared draft/approval cycle ([`super::versions`]). Snippets live in Design
//! Studio's Snippets folders or in programs. Their content is in [`super::snippet_content`].

use super::config::BrowseVersions;
use super::docs::{SnippetMeta, SNIPPET};
use super::tree::{Holds, Tree};
use super::versions::{self, DeleteRule, Status, Versioned};
use crate::store::{assets, Db, Store};
use chrono::{DateTime, Utc};
use marketo_types::asset::{format_time, FolderId, FolderRef, Snippet};
use marketo_types::envelope::ApiError;
use serde_json::{json, Value};

/// A stored snippet.
pub type Stored = Versioned<SnippetMeta>;

/// The folder type that holds snippets in Design Studio.
pub const FOLDER_TYPE: &str = "Snippet";

/// 702 "Snippet not found".
pub fn not_found() -> ApiError {
    ApiError::of_meaning(702, "object-not-found", &["Snippet"])
}

/// Snippet `id`: 702 when it does not exist.
pub fn stored(db: &Db, id: i64) -> Result<Stored, ApiError> {
    versions::load(db, SNIPPET, id)?.ok_or_else(not_found)
}

/// Snippet `id` as the API answers it, showing its `status` version.
pub fn wire(tree: &Tree, id: i64, s: &Stored, status: Status) -> Snippet {
    Snippet {
        id,
        name: s.meta.name.clone(),
        description: s.meta.description.clone(),
        created_at: s.meta.created_at.clone(),
        updated_at: s.meta.updated_at.clone(),
        url: None,
        folder: FolderRef {
            kind: s.meta.folder.kind,
            value: s.meta.folder.id,
            folder_name: tree.get(s.meta.folder).map(|n| n.name.clone()),
        },
        status: status.as_str().to_owned(),
        workspace: s.meta.workspace.clone(),
    }
}

/// The content of a new snippet: an empty HTML section.
fn empty() -> Value {
    json!({})
}

/// 709 when another snippet in `folder` is named `name` [INF: the documents do not say; the UI refuses it].
fn check_name(db: &Db, name: &str, folder: FolderId, except: Option<i64>) -> Result<(), ApiError> {
    let all: Vec<(i64, Stored)> = versions::all(db, SNIPPET)?;
    let taken = all.iter().any(|(id, s)| {
        Some(*id) != except && s.meta.folder == folder && s.meta.name.eq_ignore_ascii_case(name)
    });
    if taken {
        Err(ApiError::catalogued(709, &[]))
    } else {
        Ok(())
    }
}

/// A new draft-only snippet with `content` in `folder`: 710/711 for the folder, 709 for a used name.
fn insert(
    db: &Db,
    name: &str,
    folder: FolderId,
    description: Option<&str>,
    content: Value,
    now: DateTime<Utc>,
) -> Result<Snippet, ApiError> {
    let tree = Tree::load(db)?;
    let parent = tree.parent_for(folder, Holds::DesignAsset(FOLDER_TYPE))?;
    check_name(db, name, folder, None)?;
    let stamp = format_time(now);
    let s = Versioned::new(
        SnippetMeta {
            name: name.to_owned(),
            description: description.map(str::to_owned),
            folder,
            workspace: parent.workspace.clone(),
            created_at: stamp.clone(),
            updated_at: stamp,
        },
        content,
    );
    let id = assets::next_id(db, SNIPPET, 1)?;
    versions::save(db, SNIPPET, id, &s)?;
    Ok(wire(&tree, id, &s, Status::Draft))
}

/// Create Snippet: a draft with no content yet.
pub fn create(
    store: &Store,
    name: &str,
    folder: FolderId,
    description: Option<&str>,
    now: DateTime<Utc>,
) -> Result<Snippet, ApiError> {
    store.transaction(|db| insert(db, name, folder, description, empty(), now))
}

/// Snippet `id`'s `status` version (the approved one, else the draft, without a status); `None` when it does
/// not exist or has no such version.
pub fn get(store: &Store, id: i64, status: Option<Status>) -> Result<Option<Snippet>, ApiError> {
    store
        .with(|db| {
            let tree = Tree::load(db)?;
            Ok(
                versions::load::<SnippetMeta>(db, SNIPPET, id)?.and_then(|s| {
                    s.read(status)?;
                    Some(wire(&tree, id, &s, status.unwrap_or(s.status())))
                }),
            )
        })
        .map_err(ApiError::from)
}

/// Get Snippets: every snippet's versions that `status` and `listing` select, by id.
pub fn browse(
    store: &Store,
    status: Option<Status>,
    listing: BrowseVersions,
) -> Result<Vec<Snippet>, ApiError> {
    store
        .with(|db| {
            let tree = Tree::load(db)?;
            let all: Vec<(i64, Stored)> = versions::all(db, SNIPPET)?;
            Ok(all
                .iter()
                .flat_map(|(id, s)| {
                    s.listed(status, listing)
                        .into_iter()
                        .map(|v| wire(&tree, *id, s, v))
                        .collect::<Vec<_>>()
                })
                .collect())
        })
        .map_err(ApiError::from)
}

/// Change snippet `id` with `f` and store it, `updatedAt` now; answer it as a read without status does.
pub fn change(
    store: &Store,
    id: i64,
    now: DateTime<Utc>,
    f: impl FnOnce(&Db, &mut Stored) -> Result<(), ApiError>,
) -> Result<Snippet, ApiError> {
    store.transaction(|db| {
        let mut s = stored(db, id)?;
        f(db, &mut s)?;
        s.meta.updated_at = format_time(now);
        versions::save(db, SNIPPET, id, &s)?;
        Ok(wire(&Tree::load(db)?, id, &s, s.status()))
    })
}

/// Update Snippet Metadata: name and description (shared by both versions [INF]); 702 when it does not
/// exist, 709 for a name another snippet in its folder has.
pub fn update(
    store: &Store,
    id: i64,
    name: Option<&str>,
    description: Option<&str>,
    now: DateTime<Utc>,
) -> Result<Snippet, ApiError> {
    change(store, id, now, |db, s| {
        if let Some(n) = name {
            check_name(db, n, s.meta.folder, Some(id))?;
            s.meta.name = n.to_owned();
        }
        if let Some(d) = description {
            s.meta.description = Some(d.to_owned());
        }
        Ok(())
    })
}

/// Approve Snippet Draft: 702 when it does not exist, 709 when it has no draft.
pub fn approve(store: &Store, id: i64, now: DateTime<Utc>) -> Result<Snippet, ApiError> {
    change(store, id, now, |_, s| s.approve())
}

/// Unapprove Snippet: 702 when it does not exist, 709 when it has no approved version.
pub fn unapprove(store: &Store, id: i64, now: DateTime<Utc>) -> Result<Snippet, ApiError> {
    change(store, id, now, |_, s| s.unapprove())
}

/// Discard Snippet Draft: 702 when it does not exist, 709 unless it has a draft beside an approved version.
pub fn discard(store: &Store, id: i64, now: DateTime<Utc>) -> Result<i64, ApiError> {
    change(store, id, now, |_, s| s.discard()).map(|s| s.id)
}

/// Delete Snippet: 702 when it does not exist, 709 while it is approved (unapprove it first).
pub fn delete(store: &Store, id: i64) -> Result<i64, ApiError> {
    store.transaction(|db| {
        stored(db, id)?.deletable(DeleteRule::UnapprovedOnly)?;
        assets::delete(db, SNIPPET, id)?;
        Ok(id)
    })
}

/// Clone Snippet `id` into `folder` as `name`: a new draft with the source's approved version (else its
/// draft); 702 when the source does not exist, 710/711 for the folder, 709 for a used name.
pub fn clone(
    store: &Store,
    id: i64,
    name: &str,
    folder: FolderId,
    description: Option<&str>,
    now: DateTime<Utc>,
) -> Result<Snippet, ApiError> {
    store.transaction(|db| {
        let src = stored(db, id)?;
        let description = description.or(src.meta.description.as_deref());
        insert(db, name, folder, description, src.source(), now)
    })
}
