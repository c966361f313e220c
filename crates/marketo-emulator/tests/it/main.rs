//! Integration tests of the emulator: over loopback HTTP, or through the router without a socket. The
//! emulator's clock is a manual one; nothing sleeps for real.

mod endpoints;
mod identity;
mod pipeline;
mod support;
