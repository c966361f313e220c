//! What a folder holds: its subfolders and programs, and the assets stored with it as their folder.

use super::docs::InFolder;
use super::tree::Tree;
use crate::store::{assets, lists, Db, StoreError};
use marketo_types::asset::{FolderContent, FolderId, FolderKind};

/// The asset kinds stored with a `folder` member, and the type Get Folder Contents names them by.
pub const HELD: &[(&str, &str)] = &[
    (super::docs::SMART_CAMPAIGN, "SmartCampaign"),
    (super::docs::SMART_LIST, "SmartList"),
    (super::docs::SNIPPET, "Snippet"),
];

/// Everything directly in `id`: subfolders and programs first, then the assets.
pub fn of(db: &Db, tree: &Tree, id: FolderId) -> Result<Vec<FolderContent>, StoreError> {
    let mut out: Vec<FolderContent> = tree
        .children(id)
        .map(|n| FolderContent {
            id: n.id.id,
            kind: match n.id.kind {
                FolderKind::Folder => "Folder",
                FolderKind::Program => "Program",
            }
            .to_owned(),
        })
        .collect();
    for (kind, name) in HELD {
        for (asset, doc) in assets::all::<InFolder>(db, kind)? {
            if doc.folder == Some(id) {
                out.push(FolderContent {
                    id: asset,
                    kind: (*name).to_owned(),
                });
            }
        }
    }
    for list in lists::in_folder(db, &serde_json::to_string(&id)?)? {
        out.push(FolderContent {
            id: list,
            kind: "StaticList".to_owned(),
        });
    }
    Ok(out)
}

/// Delete the assets stored in `id` (its program or folder is being deleted).
pub fn drop_held(db: &Db, id: FolderId) -> Result<(), StoreError> {
    for (kind, _) in HELD {
        for (asset, doc) in assets::all::<InFolder>(db, kind)? {
            if doc.folder == Some(id) {
                assets::delete(db, kind, asset)?;
            }
        }
    }
    for list in lists::in_folder(db, &serde_json::to_string(&id)?)? {
        lists::delete(db, list)?;
    }
    super::smart_lists::drop_orphans(db)
}
