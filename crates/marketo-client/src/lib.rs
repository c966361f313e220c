//! The Marketo client (in progress).
pub mod fidelity;
