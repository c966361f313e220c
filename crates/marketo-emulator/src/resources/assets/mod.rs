//! The Asset API's resources (`/rest/asset/v1/...`): one module each, its routes and thin handlers over the
//! asset engine (`crate::assets`).

pub mod channels;
pub mod folders;
pub mod programs;
pub mod segments;
pub mod smart_campaigns;
pub mod smart_lists;
pub mod snippets;
pub mod static_lists;
pub mod tokens;

use crate::http::router::{BodyKind, HandlerFn, Route};

/// An asset read: parameters from the query string or a form or JSON body.
pub(crate) const fn read(path: &'static str, name: &'static str, handler: HandlerFn) -> Route {
    Route::get(path, name, handler).body(BodyKind::Form)
}

/// An asset write: a `POST` whose parameters come form-encoded (or as JSON, or in the query string).
pub(crate) const fn write(path: &'static str, name: &'static str, handler: HandlerFn) -> Route {
    Route::post(path, name, handler).body(BodyKind::Form)
}
