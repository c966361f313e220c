//! Folders: get by id or name, browse, create, update, delete, contents (`/rest/asset/v1/folder...`).

use super::{read, write};
use crate::assets::folders::{self, ByName, Changes};
use crate::assets::params::{self, Paging};
use crate::assets::reply;
use crate::http::error::{Failure, Reply};
use crate::http::router::Route;
use crate::resources::Call;
use crate::state::AppState;
use marketo_types::asset::{FolderId, FolderKind};

/// The Folders operations.
pub const ROUTES: &[Route] = &[
    read(
        "/rest/asset/v1/folder/byName.json",
        "Get Folder by Name",
        by_name,
    ),
    read("/rest/asset/v1/folder/{id}.json", "Get Folder by Id", by_id),
    write(
        "/rest/asset/v1/folder/{id}.json",
        "Update Folder Metadata",
        update,
    ),
    read(
        "/rest/asset/v1/folder/{id}/content.json",
        "Get Folder Contents",
        content,
    ),
    write(
        "/rest/asset/v1/folder/{id}/delete.json",
        "Delete Folder",
        delete,
    ),
    read("/rest/asset/v1/folders.json", "Get Folders", browse),
    write("/rest/asset/v1/folders.json", "Create Folder", create),
];

/// The depth Get Folders walks when `maxDepth` is absent.
const DEFAULT_DEPTH: usize = 2;

/// The folder of the path's `{id}` with the `type` parameter (required).
fn target(call: &Call) -> Result<FolderId, Failure> {
    let kind = params::folder_kind(call, "type", None)?;
    Ok(FolderId {
        id: call.path.int("id"),
        kind,
    })
}

/// `GET /rest/asset/v1/folder/{id}.json?type=Folder`
fn by_id(state: &AppState, call: Call) -> Result<Reply, Failure> {
    let id = target(&call)?;
    let found = folders::get(state.model.store(), id)?;
    reply::by_id(state, &call, found, id.kind.as_str())
}

/// `GET /rest/asset/v1/folder/byName.json?name=&type=&root=&workSpace=`
fn by_name(state: &AppState, call: Call) -> Result<Reply, Failure> {
    let kind = match params::text(&call, "type") {
        Some(t) if !t.trim().is_empty() => Some(params::folder_kind(&call, "type", None)?),
        _ => None,
    };
    let root = params::folder(&call, "root", false)?;
    let q = ByName {
        name: params::required(&call, "name")?,
        kind,
        root,
        workspace: params::text(&call, "workSpace").or(params::text(&call, "workspace")),
    };
    let found = folders::by_name(state.model.store(), &q)?;
    Ok(reply::found(&call, found))
}

/// `GET /rest/asset/v1/folders.json?root=&maxDepth=&maxReturn=&offset=&workSpace=`
fn browse(state: &AppState, call: Call) -> Result<Reply, Failure> {
    let paging = Paging::of(&call)?;
    let root = params::folder(&call, "root", false)?;
    let depth = match call.params.int("maxDepth")? {
        None => DEFAULT_DEPTH,
        Some(d) => usize::try_from(d).unwrap_or(0),
    };
    let ws = params::text(&call, "workSpace").or(params::text(&call, "workspace"));
    let all = folders::browse(state.model.store(), root, depth, ws)?;
    Ok(reply::found(&call, paging.page(all)))
}

/// `POST /rest/asset/v1/folders.json` with `name`, `parent`, `description`.
fn create(state: &AppState, call: Call) -> Result<Reply, Failure> {
    let name = params::required(&call, "name")?;
    let parent =
        params::folder(&call, "parent", true)?.ok_or_else(|| Failure::code(1002, &["parent"]))?;
    let made = folders::create(
        state.model.store(),
        name,
        parent,
        params::text(&call, "description"),
        call.now,
    )?;
    Ok(reply::found(&call, vec![made]))
}

/// `POST /rest/asset/v1/folder/{id}.json` with `type`, `name`, `description`, `isArchive`.
fn update(state: &AppState, call: Call) -> Result<Reply, Failure> {
    let id = target(&call)?;
    let changes = Changes {
        name: params::new_name(&call),
        description: params::text(&call, "description"),
        is_archive: params::boolean(&call, "isArchive")?,
    };
    let done = folders::update(state.model.store(), id, &changes, call.now)?;
    Ok(reply::found(&call, vec![done]))
}

/// `POST /rest/asset/v1/folder/{id}/delete.json` with `type` (a folder when absent).
fn delete(state: &AppState, call: Call) -> Result<Reply, Failure> {
    let kind = params::folder_kind(&call, "type", Some(FolderKind::Folder))?;
    let id = FolderId {
        id: call.path.int("id"),
        kind,
    };
    let gone = folders::delete(state.model.store(), id)?;
    Ok(reply::id_only(&call, gone))
}

/// `GET /rest/asset/v1/folder/{id}/content.json?type=&offset=&maxReturn=`
fn content(state: &AppState, call: Call) -> Result<Reply, Failure> {
    let id = target(&call)?;
    let paging = Paging::of(&call)?;
    let found = folders::contents(state.model.store(), id)?.unwrap_or_default();
    Ok(reply::found(&call, paging.page(found)))
}
