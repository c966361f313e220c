//! Retrying: classify an answer against the catalogue, decide what to do (a pure function), back off with
//! full jitter, and bound the whole client's retries with a budget.
//!
//! ```
//! use marketo_client::retry::{decide, Attempts, Decision};
//! use marketo_client::RetryPolicy;
//! use marketo_types::codes::Handling;
//! use std::time::Duration;
//! let policy = RetryPolicy::default();
//! let d = decide(Handling::RetryWithBackoff, &Attempts::default(), &policy, Duration::from_secs(20), 0.5);
//! assert!(matches!(d, Decision::Retry { shared: false, .. }));
//! assert_eq!(decide(Handling::StopUntilQuotaReset, &Attempts::default(), &policy, Duration::from_secs(20), 0.5), Decision::Stop);
//! ```

mod backoff;
mod budget;
mod classify;
mod decide;

pub use backoff::{full_jitter, Backoff};
pub use budget::RetryBudget;
pub(crate) use classify::counted_answer;
pub use classify::{classify_answer, Answer};
pub use decide::{decide, Attempts, Decision};
