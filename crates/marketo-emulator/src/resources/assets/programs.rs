//! Programs: get by id, name or tag, browse, create, update, approve/unapprove, clone, delete
//! (`/rest/asset/v1/program...`).

use super::{read, write};
use crate::assets::params::{self, Paging};
use crate::assets::programs::{self, Detail, NewProgram, ProgramChanges};
use crate::assets::reply;
use crate::http::error::{Failure, Reply};
use crate::http::router::Route;
use crate::resources::Call;
use crate::state::AppState;
use marketo_types::asset::{Cost, Tag};

/// The Programs operations (Get Smart List by Program Id is with the smart lists).
pub const ROUTES: &[Route] = &[
    read(
        "/rest/asset/v1/program/byName.json",
        "Get Program by Name",
        by_name,
    ),
    read(
        "/rest/asset/v1/program/byTag.json",
        "Get Programs by Tag",
        by_tag,
    ),
    read(
        "/rest/asset/v1/program/{id}.json",
        "Get Program by Id",
        by_id,
    ),
    write(
        "/rest/asset/v1/program/{id}.json",
        "Update Program Metadata",
        update,
    ),
    write(
        "/rest/asset/v1/program/{id}/approve.json",
        "Approve Program",
        approve,
    ),
    write(
        "/rest/asset/v1/program/{id}/unapprove.json",
        "Unapprove Program",
        unapprove,
    ),
    write(
        "/rest/asset/v1/program/{id}/clone.json",
        "Clone Program",
        clone,
    )
    .blocking(),
    write(
        "/rest/asset/v1/program/{id}/delete.json",
        "Delete Program",
        delete,
    ),
    read("/rest/asset/v1/programs.json", "Get Programs", browse),
    write("/rest/asset/v1/programs.json", "Create Program", create),
];

/// `GET /rest/asset/v1/program/{id}.json`
fn by_id(state: &AppState, call: Call) -> Result<Reply, Failure> {
    let found = programs::get(state.model.store(), call.path.int("id"))?;
    reply::by_id(state, &call, found, "Program")
}

/// `GET /rest/asset/v1/program/byName.json?name=&includeTags=&includeCosts=`
fn by_name(state: &AppState, call: Call) -> Result<Reply, Failure> {
    let name = params::required(&call, "name")?;
    let detail = Detail {
        tags: params::boolean(&call, "includeTags")?.unwrap_or(false),
        costs: params::boolean(&call, "includeCosts")?.unwrap_or(false),
    };
    let found = programs::find(state.model.store(), detail, |p| p.name == name)?;
    Ok(reply::found(&call, found))
}

/// `GET /rest/asset/v1/program/byTag.json?tagType=&tagValue=&offset=&maxReturn=`
fn by_tag(state: &AppState, call: Call) -> Result<Reply, Failure> {
    let ty = params::required(&call, "tagType")?;
    let value = params::required(&call, "tagValue")?;
    let paging = Paging::of(&call)?;
    let found = programs::find(state.model.store(), Detail::FULL, |p| {
        p.tags
            .iter()
            .any(|t| t.tag_type == ty && t.tag_value == value)
    })?;
    Ok(reply::found(&call, paging.page(found)))
}

/// `GET /rest/asset/v1/programs.json?status=&earliestUpdatedAt=&latestUpdatedAt=&offset=&maxReturn=`
fn browse(state: &AppState, call: Call) -> Result<Reply, Failure> {
    let paging = Paging::of(&call)?;
    let status = params::text(&call, "status")
        .map(str::trim)
        .filter(|s| !s.is_empty());
    let earliest = params::date(&call, "earliestUpdatedAt")?;
    let latest = params::date(&call, "latestUpdatedAt")?;
    let found = programs::find(state.model.store(), Detail::BRIEF, |p| {
        status.is_none_or(|s| p.status.eq_ignore_ascii_case(s))
            && programs::updated_between(p, earliest, latest)
    })?;
    Ok(reply::found(&call, paging.page(found)))
}

fn tags(call: &Call) -> Result<Vec<Tag>, Failure> {
    Ok(params::typed(call, "tags")?.unwrap_or_default())
}

fn costs(call: &Call) -> Result<Vec<Cost>, Failure> {
    Ok(params::typed(call, "costs")?.unwrap_or_default())
}

/// `POST /rest/asset/v1/programs.json` with `name`, `folder`, `type`, `channel`, `description`, `tags`,
/// `costs`.
fn create(state: &AppState, call: Call) -> Result<Reply, Failure> {
    let new = NewProgram {
        name: params::required(&call, "name")?.to_owned(),
        folder: params::target_folder(&call)?,
        kind: params::required(&call, "type")?.to_owned(),
        channel: params::required(&call, "channel")?.to_owned(),
        description: params::text(&call, "description").map(str::to_owned),
        tags: tags(&call)?,
        costs: costs(&call)?,
        contains: Vec::new(),
    };
    let made = programs::create(state.model.store(), new, call.now)?;
    Ok(reply::found(&call, vec![made]))
}

/// `POST /rest/asset/v1/program/{id}.json` with `name`, `description`, `tags`, `costs`,
/// `costsDestructiveUpdate`, `startDate`, `endDate`.
fn update(state: &AppState, call: Call) -> Result<Reply, Failure> {
    let text = |n: &str| {
        params::text(&call, n)
            .filter(|v| !v.trim().is_empty())
            .map(str::to_owned)
    };
    let changes = ProgramChanges {
        name: text("name"),
        description: params::text(&call, "description").map(str::to_owned),
        tags: tags(&call)?,
        costs: costs(&call)?,
        destructive: params::boolean(&call, "costsDestructiveUpdate")?.unwrap_or(false),
        start_date: text("startDate"),
        end_date: text("endDate"),
    };
    let done = programs::update(state.model.store(), call.path.int("id"), changes, call.now)?;
    Ok(reply::found(&call, vec![done]))
}

/// `POST /rest/asset/v1/program/{id}/approve.json`
fn approve(state: &AppState, call: Call) -> Result<Reply, Failure> {
    let id = programs::approve(state.model.store(), call.path.int("id"), true, call.now)?;
    Ok(reply::id_only(&call, id))
}

/// `POST /rest/asset/v1/program/{id}/unapprove.json`
fn unapprove(state: &AppState, call: Call) -> Result<Reply, Failure> {
    let id = programs::approve(state.model.store(), call.path.int("id"), false, call.now)?;
    Ok(reply::id_only(&call, id))
}

/// `POST /rest/asset/v1/program/{id}/clone.json` with `name`, `folder`, `description`. (719 "Lock wait
/// timeout" comes from a fault rule: the documents give it no cause the emulator could reproduce.)
fn clone(state: &AppState, call: Call) -> Result<Reply, Failure> {
    let (name, folder, description) = params::placed(&call)?;
    let description = description.map(str::to_owned);
    let made = programs::clone(
        state.model.store(),
        call.path.int("id"),
        name,
        folder,
        description,
        call.now,
    )?;
    Ok(reply::found(&call, vec![made]))
}

/// `POST /rest/asset/v1/program/{id}/delete.json`
fn delete(state: &AppState, call: Call) -> Result<Reply, Failure> {
    let id = programs::delete(state.model.store(), call.path.int("id"))?;
    Ok(reply::id_only(&call, id))
}
