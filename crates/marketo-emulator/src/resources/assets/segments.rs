//! Segmentations and segments (`/rest/asset/v1/segmentation...`).

use super::read;
use crate::assets::params::Paging;
use crate::assets::reply;
use crate::assets::segments;
use crate::assets::versions::Status;
use crate::http::error::{Failure, Reply};
use crate::http::router::Route;
use crate::resources::Call;
use crate::state::AppState;

/// The Segments operations.
pub const ROUTES: &[Route] = &[
    read(
        "/rest/asset/v1/segmentation.json",
        "Get Segmentations",
        segmentations,
    ),
    read(
        "/rest/asset/v1/segmentation/{id}/segments.json",
        "Get Segments For Segmentation",
        segments_of,
    ),
];

/// `status`: `approved` or `draft`; another value is 1001.
fn status(call: &Call) -> Result<Option<&'static str>, Failure> {
    Ok(Status::param(call)?.map(Status::as_str))
}

/// `GET /rest/asset/v1/segmentation.json?status=`
fn segmentations(state: &AppState, call: Call) -> Result<Reply, Failure> {
    let found = segments::segmentations(state.model.store(), status(&call)?)?;
    Ok(reply::found(&call, found))
}

/// `GET /rest/asset/v1/segmentation/{id}/segments.json?status=&offset=&maxReturn=`
fn segments_of(state: &AppState, call: Call) -> Result<Reply, Failure> {
    let paging = Paging::of(&call)?;
    let found = segments::segments(state.model.store(), call.path.int("id"), status(&call)?)?;
    Ok(reply::found(&call, paging.page(found.unwrap_or_default())))
}
