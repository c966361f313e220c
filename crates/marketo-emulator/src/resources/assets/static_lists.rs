//! Static lists in the Asset API (`/rest/asset/v1/staticList...`): the Lead Database's lists with their
//! folders.

use super::{read, write};
use crate::assets::params::{self, Paging};
use crate::assets::reply;
use crate::assets::static_lists;
use crate::http::error::{Failure, Reply};
use crate::http::router::Route;
use crate::resources::Call;
use crate::state::AppState;
use marketo_types::asset::parse_time;

/// The Static Lists operations.
pub const ROUTES: &[Route] = &[
    read(
        "/rest/asset/v1/staticList/byName.json",
        "Get Static List by Name",
        by_name,
    ),
    read(
        "/rest/asset/v1/staticList/{id}.json",
        "Get Static List by Id",
        by_id,
    ),
    write(
        "/rest/asset/v1/staticList/{id}.json",
        "Update Static List Metadata",
        update,
    ),
    write(
        "/rest/asset/v1/staticList/{id}/delete.json",
        "Delete Static List",
        delete,
    ),
    read(
        "/rest/asset/v1/staticLists.json",
        "Get Static Lists",
        browse,
    ),
    write(
        "/rest/asset/v1/staticLists.json",
        "Create Static List",
        create,
    ),
];

/// `GET /rest/asset/v1/staticList/{id}.json`
fn by_id(state: &AppState, call: Call) -> Result<Reply, Failure> {
    let id = call.path.int("id");
    let found = static_lists::find(state.model.store(), |l| l.id == id)?;
    reply::by_id(state, &call, found.into_iter().next(), "Static list")
}

/// `GET /rest/asset/v1/staticList/byName.json?name=`
fn by_name(state: &AppState, call: Call) -> Result<Reply, Failure> {
    let name = params::required(&call, "name")?;
    let found = static_lists::find(state.model.store(), |l| l.name == name)?;
    Ok(reply::found(&call, found))
}

/// `GET /rest/asset/v1/staticLists.json?folder=&earliestUpdatedAt=&latestUpdatedAt=&offset=&maxReturn=`
fn browse(state: &AppState, call: Call) -> Result<Reply, Failure> {
    let paging = Paging::of(&call)?;
    let folder = params::folder(&call, "folder", false)?;
    let earliest = params::date(&call, "earliestUpdatedAt")?;
    let latest = params::date(&call, "latestUpdatedAt")?;
    let found = static_lists::find(state.model.store(), |l| {
        let at = parse_time(&l.updated_at);
        folder.is_none_or(|f| l.folder == f)
            && earliest.is_none_or(|e| at.is_some_and(|a| a >= e))
            && latest.is_none_or(|e| at.is_some_and(|a| a <= e))
    })?;
    Ok(reply::found(&call, paging.page(found)))
}

/// `POST /rest/asset/v1/staticLists.json` with `name`, `folder`, `description`.
fn create(state: &AppState, call: Call) -> Result<Reply, Failure> {
    let (name, folder, description) = params::placed(&call)?;
    let made = static_lists::create(state.model.store(), name, folder, description, call.now)?;
    Ok(reply::found(&call, vec![made]))
}

/// `POST /rest/asset/v1/staticList/{id}.json` with `name`, `description`.
fn update(state: &AppState, call: Call) -> Result<Reply, Failure> {
    let done = static_lists::update(
        state.model.store(),
        call.path.int("id"),
        params::new_name(&call),
        params::text(&call, "description"),
        call.now,
    )?;
    Ok(reply::found(&call, vec![done]))
}

/// `POST /rest/asset/v1/staticList/{id}/delete.json`
fn delete(state: &AppState, call: Call) -> Result<Reply, Failure> {
    let id = static_lists::delete(state.model.store(), call.path.int("id"))?;
    Ok(reply::id_only(&call, id))
}
