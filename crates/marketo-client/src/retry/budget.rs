//! A retry budget shared by every clone of a client: a token bucket that retries drain and successes refill.

use std::sync::atomic::{AtomicU64, Ordering};

/// Tokens are counted in tenths so a success can earn back a tenth of a retry.
const SCALE: u64 = 10;
const RETRY_COST: u64 = SCALE;
const SUCCESS_REFUND: u64 = 1;

/// Bounds the retries of a whole client: each retry costs one, each success earns a tenth back.
///
/// ```
/// use marketo_client::retry::RetryBudget;
/// let b = RetryBudget::new(2);
/// assert!(b.try_spend());
/// assert!(b.try_spend());
/// assert!(!b.try_spend());
/// for _ in 0..10 { b.record_success(); }
/// assert!(b.try_spend());
/// ```
#[derive(Debug)]
pub struct RetryBudget {
    tokens: AtomicU64,
    capacity: u64,
}

impl RetryBudget {
    /// A full budget of `retries`.
    pub fn new(retries: u32) -> Self {
        let capacity = u64::from(retries) * SCALE;
        RetryBudget {
            tokens: AtomicU64::new(capacity),
            capacity,
        }
    }

    /// Take one retry; false when the budget is empty.
    pub fn try_spend(&self) -> bool {
        self.tokens
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |t| {
                t.checked_sub(RETRY_COST)
            })
            .is_ok()
    }

    /// A call succeeded: earn back a tenth of a retry, up to the capacity.
    pub fn record_success(&self) {
        let cap = self.capacity;
        let _ = self
            .tokens
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |t| {
                Some((t + SUCCESS_REFUND).min(cap))
            });
    }

    /// Whole retries left.
    pub fn remaining(&self) -> u64 {
        self.tokens.load(Ordering::Acquire) / SCALE
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn never_refills_past_capacity() {
        let b = RetryBudget::new(1);
        for _ in 0..100 {
            b.record_success();
        }
        assert_eq!(b.remaining(), 1);
        assert!(b.try_spend());
        assert!(!b.try_spend());
    }
}
