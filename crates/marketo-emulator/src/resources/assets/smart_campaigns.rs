//! Smart campaigns (`/rest/asset/v1/smartCampaign...`).

use super::{read, write};
use crate::assets::campaigns::{self, NewCampaign};
use crate::assets::params::{self, Paging};
use crate::assets::reply;
use crate::http::error::{Failure, Reply};
use crate::http::router::Route;
use crate::resources::Call;
use crate::state::AppState;
use marketo_types::asset::parse_time;

/// The Smart Campaigns operations (Get Smart List by Smart Campaign Id is with the smart lists).
pub const ROUTES: &[Route] = &[
    read(
        "/rest/asset/v1/smartCampaign/byName.json",
        "Get Smart Campaign by Name",
        by_name,
    ),
    read(
        "/rest/asset/v1/smartCampaign/{id}.json",
        "Get Smart Campaign by Id",
        by_id,
    ),
    write(
        "/rest/asset/v1/smartCampaign/{id}.json",
        "Update Smart Campaign",
        update,
    ),
    read(
        "/rest/asset/v1/smartCampaigns.json",
        "Get Smart Campaigns",
        browse,
    ),
    write(
        "/rest/asset/v1/smartCampaigns.json",
        "Create Smart Campaign",
        create,
    ),
    write(
        "/rest/asset/v1/smartCampaign/{id}/activate.json",
        "Activate Smart Campaign",
        activate,
    ),
    write(
        "/rest/asset/v1/smartCampaign/{id}/deactivate.json",
        "Deactivate Smart Campaign",
        deactivate,
    ),
    write(
        "/rest/asset/v1/smartCampaign/{id}/clone.json",
        "Clone Smart Campaign",
        clone,
    ),
    write(
        "/rest/asset/v1/smartCampaign/{id}/delete.json",
        "Delete Smart Campaign",
        delete,
    ),
];

/// `GET /rest/asset/v1/smartCampaign/{id}.json`
fn by_id(state: &AppState, call: Call) -> Result<Reply, Failure> {
    let id = call.path.int("id");
    let found = campaigns::get(state.model.store(), id)?;
    reply::by_id(state, &call, found, "Smart campaign")
}

/// `GET /rest/asset/v1/smartCampaign/byName.json?name=`
fn by_name(state: &AppState, call: Call) -> Result<Reply, Failure> {
    let name = params::required(&call, "name")?;
    let found = campaigns::find(state.model.store(), |c| c.name == name)?;
    Ok(reply::found(&call, found))
}

/// `GET /rest/asset/v1/smartCampaigns.json?folder=&earliestUpdatedAt=&latestUpdatedAt=&isActive=&offset=&maxReturn=`
fn browse(state: &AppState, call: Call) -> Result<Reply, Failure> {
    let paging = Paging::of(&call)?;
    let folder = params::folder(&call, "folder", false)?;
    let earliest = params::date(&call, "earliestUpdatedAt")?;
    let latest = params::date(&call, "latestUpdatedAt")?;
    let active = params::boolean(&call, "isActive")?;
    let found = campaigns::find(state.model.store(), |c| {
        let at = parse_time(&c.updated_at);
        folder.is_none_or(|f| c.folder == f)
            && active.is_none_or(|a| !a || (c.is_active && c.kind == "trigger"))
            && earliest.is_none_or(|e| at.is_some_and(|t| t >= e))
            && latest.is_none_or(|l| at.is_some_and(|t| t <= l))
    })?;
    Ok(reply::found(&call, paging.page(found)))
}

/// `POST /rest/asset/v1/smartCampaigns.json` with `name`, `folder`, `description`.
fn create(state: &AppState, call: Call) -> Result<Reply, Failure> {
    let (name, folder, description) = params::placed(&call)?;
    let new = NewCampaign {
        name: name.to_owned(),
        folder: Some(folder),
        description: description.map(str::to_owned),
        ..NewCampaign::default()
    };
    let made = campaigns::create(state.model.store(), new, call.now)?;
    Ok(reply::found(&call, vec![made]))
}

/// `POST /rest/asset/v1/smartCampaign/{id}.json` with `name`, `description`.
fn update(state: &AppState, call: Call) -> Result<Reply, Failure> {
    let done = campaigns::update(
        state.model.store(),
        call.path.int("id"),
        params::new_name(&call),
        params::text(&call, "description"),
        call.now,
    )?;
    Ok(reply::found(&call, vec![done]))
}

/// `POST /rest/asset/v1/smartCampaign/{id}/clone.json` with `name`, `folder`, `description`.
fn clone(state: &AppState, call: Call) -> Result<Reply, Failure> {
    let (name, folder, description) = params::placed(&call)?;
    let made = campaigns::clone(
        state.model.store(),
        call.path.int("id"),
        name,
        folder,
        description,
        call.now,
    )?;
    Ok(reply::found(&call, vec![made]))
}

/// `POST /rest/asset/v1/smartCampaign/{id}/delete.json`
fn delete(state: &AppState, call: Call) -> Result<Reply, Failure> {
    let id = campaigns::delete(state.model.store(), call.path.int("id"))?;
    Ok(reply::id_only(&call, id))
}

/// `POST /rest/asset/v1/smartCampaign/{id}/activate.json`
fn activate(state: &AppState, call: Call) -> Result<Reply, Failure> {
    let id = campaigns::activate(state.model.store(), call.path.int("id"), true, call.now)?;
    Ok(reply::id_only(&call, id))
}

/// `POST /rest/asset/v1/smartCampaign/{id}/deactivate.json`
fn deactivate(state: &AppState, call: Call) -> Result<Reply, Failure> {
    let id = campaigns::activate(state.model.store(), call.path.int("id"), false, call.now)?;
    Ok(reply::id_only(&call, id))
}
