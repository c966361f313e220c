//! Channels and tag types (`/rest/asset/v1/channels.json`, `/rest/asset/v1/tagTypes.json`).

use super::read;
use crate::assets::catalog;
use crate::assets::params::{self, Paging};
use crate::assets::reply;
use crate::http::error::{Failure, Reply};
use crate::http::router::Route;
use crate::resources::Call;
use crate::state::AppState;

/// The Channels and Tags operations.
pub const ROUTES: &[Route] = &[
    read("/rest/asset/v1/channels.json", "Get Channels", channels),
    read(
        "/rest/asset/v1/channel/byName.json",
        "Get Channel by Name",
        channel,
    ),
    read("/rest/asset/v1/tagTypes.json", "Get Tag Types", tag_types),
    read(
        "/rest/asset/v1/tagType/byName.json",
        "Get Tag By Name",
        tag_type,
    ),
];

/// `name`, or `Name` as the reference spells it for channels.
fn name(call: &Call) -> Result<&str, Failure> {
    match params::text(call, "Name") {
        Some(n) if params::text(call, "name").is_none() => Ok(n),
        _ => params::required(call, "name"),
    }
}

/// `GET /rest/asset/v1/channels.json?offset=&maxReturn=`
fn channels(state: &AppState, call: Call) -> Result<Reply, Failure> {
    let paging = Paging::of(&call)?;
    let all = state
        .model
        .store()
        .with(catalog::channels)
        .map_err(marketo_types::envelope::ApiError::from)?;
    Ok(reply::found(&call, paging.page(all)))
}

/// `GET /rest/asset/v1/channel/byName.json?name=`
fn channel(state: &AppState, call: Call) -> Result<Reply, Failure> {
    let found = catalog::channel(state.model.store(), name(&call)?)?;
    Ok(reply::found(&call, found.into_iter().collect()))
}

/// `GET /rest/asset/v1/tagTypes.json?offset=&maxReturn=`: without their allowed values.
fn tag_types(state: &AppState, call: Call) -> Result<Reply, Failure> {
    let paging = Paging::of(&call)?;
    let mut all = state
        .model
        .store()
        .with(catalog::tag_types)
        .map_err(marketo_types::envelope::ApiError::from)?;
    for t in &mut all {
        t.allowable_values = None;
    }
    Ok(reply::found(&call, paging.page(all)))
}

/// `GET /rest/asset/v1/tagType/byName.json?name=`: with its allowed values.
fn tag_type(state: &AppState, call: Call) -> Result<Reply, Failure> {
    let name = params::required(&call, "name")?;
    let all = state
        .model
        .store()
        .with(catalog::tag_types)
        .map_err(marketo_types::envelope::ApiError::from)?;
    let found: Vec<_> = all.into_iter().filter(|t| t.tag_type == name).collect();
    Ok(reply::found(&call, found))
}
