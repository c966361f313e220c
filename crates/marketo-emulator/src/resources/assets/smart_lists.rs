//! Smart lists (`/rest/asset/v1/smartList...`), and the smart lists of a smart campaign and of a program.

use super::{read, write};
use crate::assets::params::{self, Paging};
use crate::assets::reply;
use crate::assets::smart_lists;
use crate::http::error::{Failure, Reply};
use crate::http::router::Route;
use crate::resources::Call;
use crate::state::AppState;
use marketo_types::asset::parse_time;

/// The Smart Lists operations.
pub const ROUTES: &[Route] = &[
    read(
        "/rest/asset/v1/smartList/byName.json",
        "Get Smart List by Name",
        by_name,
    ),
    read(
        "/rest/asset/v1/smartList/{id}.json",
        "Get Smart List by Id",
        by_id,
    ),
    read("/rest/asset/v1/smartLists.json", "Get Smart Lists", browse),
    write(
        "/rest/asset/v1/smartList/{id}/clone.json",
        "Clone Smart List",
        clone,
    ),
    write(
        "/rest/asset/v1/smartList/{id}/delete.json",
        "Delete Smart List",
        delete,
    ),
    read(
        "/rest/asset/v1/smartCampaign/{id}/smartList.json",
        "Get Smart List by Smart Campaign Id",
        of_campaign,
    ),
    read(
        "/rest/asset/v1/program/{programId}/smartList.json",
        "Get Smart List by Program Id",
        of_program,
    ),
];

fn rules(call: &Call) -> Result<bool, Failure> {
    Ok(params::boolean(call, "includeRules")?.unwrap_or(false))
}

/// `GET /rest/asset/v1/smartList/{id}.json?includeRules=`
fn by_id(state: &AppState, call: Call) -> Result<Reply, Failure> {
    let id = call.path.int("id");
    let found = smart_lists::find(state.model.store(), rules(&call)?, |i, _| i == id)?;
    reply::by_id(state, &call, found.into_iter().next(), "Smart list")
}

/// `GET /rest/asset/v1/smartList/byName.json?name=`
fn by_name(state: &AppState, call: Call) -> Result<Reply, Failure> {
    let name = params::required(&call, "name")?;
    let found = smart_lists::find(state.model.store(), false, |_, d| {
        d.folder.is_some() && d.name == name
    })?;
    Ok(reply::found(&call, found))
}

/// `GET /rest/asset/v1/smartLists.json?folder=&earliestUpdatedAt=&latestUpdatedAt=&offset=&maxReturn=`:
/// the user-made smart lists.
fn browse(state: &AppState, call: Call) -> Result<Reply, Failure> {
    let paging = Paging::of(&call)?;
    let folder = params::folder(&call, "folder", false)?;
    let earliest = params::date(&call, "earliestUpdatedAt")?;
    let latest = params::date(&call, "latestUpdatedAt")?;
    let found = smart_lists::find(state.model.store(), false, |_, d| {
        let at = parse_time(&d.updated_at);
        d.folder.is_some()
            && folder.is_none_or(|f| d.folder == Some(f))
            && earliest.is_none_or(|e| at.is_some_and(|t| t >= e))
            && latest.is_none_or(|l| at.is_some_and(|t| t <= l))
    })?;
    Ok(reply::found(&call, paging.page(found)))
}

/// `POST /rest/asset/v1/smartList/{id}/clone.json` with `name`, `folder`, `description`.
fn clone(state: &AppState, call: Call) -> Result<Reply, Failure> {
    let (name, folder, description) = params::placed(&call)?;
    let made = smart_lists::clone(
        state.model.store(),
        call.path.int("id"),
        name,
        folder,
        description,
        call.now,
    )?;
    Ok(reply::found(&call, vec![made]))
}

/// `POST /rest/asset/v1/smartList/{id}/delete.json`
fn delete(state: &AppState, call: Call) -> Result<Reply, Failure> {
    let id = smart_lists::delete(state.model.store(), call.path.int("id"))?;
    Ok(reply::id_only(&call, id))
}

/// `GET /rest/asset/v1/smartCampaign/{id}/smartList.json?includeRules=`
fn of_campaign(state: &AppState, call: Call) -> Result<Reply, Failure> {
    let id = call.path.int("id");
    let found = smart_lists::find(state.model.store(), rules(&call)?, |_, d| {
        d.campaign == Some(id)
    })?;
    Ok(reply::found(&call, found))
}

/// `GET /rest/asset/v1/program/{programId}/smartList.json?includeRules=`
fn of_program(state: &AppState, call: Call) -> Result<Reply, Failure> {
    let id = call.path.int("programId");
    let found = smart_lists::find(state.model.store(), rules(&call)?, |_, d| {
        d.program == Some(id)
    })?;
    Ok(reply::found(&call, found))
}
