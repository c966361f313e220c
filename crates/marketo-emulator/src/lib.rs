//! The Marketo emulator (in progress).
pub mod fidelity;
pub mod model;
pub mod store;
