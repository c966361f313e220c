//! The Marketo emulator (in progress).
pub mod fidelity;
