#![doc = include_str!("../README.md")]

mod auth;
mod builder;
mod client;
mod config;
pub mod endpoints;
mod error;
mod execute;
mod failed_calls;
pub mod fidelity;
mod fidelity_catalogue;
mod limiter;
pub mod operations;
mod outcome;
mod paging;
mod progress;
mod redact;
mod request;
pub mod retry;
mod secret;
pub mod shape;
mod throttle;
pub mod transport;
mod usage;

pub use builder::{ClientBuilder, ENV_CLIENT_ID, ENV_CLIENT_SECRET, ENV_ENDPOINT};
pub use client::Client;
pub use config::{Config, Limits, RetryPolicy, Timeouts};
pub use endpoints::{Lead, Leads, Lists, SyncAction, SyncOptions};
pub use error::{Error, ErrorKind};
pub use limiter::{JobSlots, LimiterView, OnUnreachable, SharedLimiter, DEFAULT_PREFIX};
pub use operations::objects::kinds::types::*;
pub use operations::{
    IdKind, KeyBy, ObjectDescription, ObjectKind, ObjectSyncOptions, Objects, Operation,
};
pub use outcome::{stopped_by, RecordOutcome};
pub use progress::{Progress, ProgressEvent, WaitReason};
pub use secret::Secret;
pub use usage::UsageSnapshot;
