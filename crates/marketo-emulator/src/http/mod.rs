//! The HTTP layer: the route table built from every resource's rows, the ordered pipeline of guards,
//! extractors, and the one error renderer. The handlers live with their resources (`crate::resources`).

pub mod auth;
pub mod error;
pub mod extract;
pub mod log;
pub mod multipart;
pub mod pipeline;
pub mod router;
