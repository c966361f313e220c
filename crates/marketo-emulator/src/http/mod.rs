//! The HTTP layer: the URL table, the ordered pipeline of guards, extractors, the one error renderer, and the
//! handlers.

pub mod auth;
pub mod error;
pub mod extract;
pub mod handlers;
pub mod multipart;
pub mod pipeline;
pub mod routes;
