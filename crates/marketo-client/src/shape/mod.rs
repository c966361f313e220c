//! Request shaping: batches that never pass 300 records or the safe body size (exact serialized bytes),
//! in input order. (Long GETs become `POST` + `_method=GET` in the request builder; 413 answers are split
//! by the record runner; 1003 "too many results" splits filter values in the filter stream.)

mod batch;
mod body;

pub use batch::{plan_batches, Piece};
pub use body::BodyTemplate;
