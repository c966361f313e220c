//! My Tokens of folders and programs (`/rest/asset/v1/folder/{id}/tokens...`).

use super::{read, write};
use crate::assets::params;
use crate::assets::reply;
use crate::assets::tokens;
use crate::http::error::{Failure, Reply};
use crate::http::router::Route;
use crate::resources::Call;
use crate::state::AppState;
use marketo_types::asset::{FolderId, FolderKind, Token};

/// The Tokens operations.
pub const ROUTES: &[Route] = &[
    read(
        "/rest/asset/v1/folder/{id}/tokens.json",
        "Get Tokens by Folder Id",
        get,
    ),
    write(
        "/rest/asset/v1/folder/{id}/tokens.json",
        "Create Token",
        create,
    ),
    write(
        "/rest/asset/v1/folder/{id}/tokens/delete.json",
        "Delete Token by Name",
        delete,
    ),
];

/// The folder or program of the path, by `folderType` (a folder when absent).
fn owner(call: &Call) -> Result<FolderId, Failure> {
    Ok(FolderId {
        id: call.path.int("id"),
        kind: params::folder_kind(call, "folderType", Some(FolderKind::Folder))?,
    })
}

/// `GET /rest/asset/v1/folder/{id}/tokens.json?folderType=`
fn get(state: &AppState, call: Call) -> Result<Reply, Failure> {
    let set = tokens::get(state.model.store(), owner(&call)?)?;
    Ok(reply::found(&call, set.into_iter().collect()))
}

/// `POST /rest/asset/v1/folder/{id}/tokens.json` with `name`, `type`, `value`, `folderType`.
fn create(state: &AppState, call: Call) -> Result<Reply, Failure> {
    let id = owner(&call)?;
    let token = Token {
        name: params::required(&call, "name")?.to_owned(),
        kind: params::required(&call, "type")?.to_owned(),
        value: params::required(&call, "value")?.to_owned(),
        computed_url: None,
    };
    let set = tokens::set(state.model.store(), id, token)?;
    Ok(reply::found(&call, vec![set]))
}

/// `POST /rest/asset/v1/folder/{id}/tokens/delete.json` with `name`, `type`, `folderType`.
fn delete(state: &AppState, call: Call) -> Result<Reply, Failure> {
    let id = owner(&call)?;
    let name = params::required(&call, "name")?;
    let kind = params::required(&call, "type")?;
    let gone = tokens::delete(state.model.store(), id, name, kind)?;
    Ok(reply::id_only(&call, gone))
}
