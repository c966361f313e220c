//! Exponential backoff with full jitter, as an iterator of durations.

use rand::{Rng, SeedableRng};
use std::time::Duration;

/// The ceiling of retry `n` (0-based): `base * 2^n`, capped at `cap`.
pub(crate) fn ceiling(base: Duration, cap: Duration, n: u32) -> Duration {
    let factor = 1u32.checked_shl(n.min(31)).unwrap_or(u32::MAX);
    base.checked_mul(factor).unwrap_or(cap).min(cap)
}

/// Full jitter: a point `fraction` (in `[0, 1)`) of the way to the ceiling of retry `n`.
///
/// ```
/// use marketo_client::retry::full_jitter;
/// use std::time::Duration;
/// let d = full_jitter(Duration::from_millis(100), Duration::from_secs(1), 10, 0.999);
/// assert!(d <= Duration::from_secs(1));
/// ```
pub fn full_jitter(base: Duration, cap: Duration, n: u32, fraction: f64) -> Duration {
    ceiling(base, cap, n).mul_f64(fraction.clamp(0.0, 1.0))
}

/// Delays for successive retries: retry `n` waits a uniformly random time in `[0, min(cap, base * 2^n)]`.
///
/// ```
/// use marketo_client::retry::Backoff;
/// use std::time::Duration;
/// let cap = Duration::from_secs(2);
/// let delays: Vec<_> = Backoff::new(Duration::from_millis(100), cap).with_seed(7).take(20).collect();
/// assert_eq!(delays.len(), 20);
/// assert!(delays.iter().all(|d| *d <= cap));
/// ```
#[derive(Debug, Clone)]
pub struct Backoff {
    base: Duration,
    cap: Duration,
    n: u32,
    rng: rand::rngs::StdRng,
}

impl Backoff {
    /// Starting at `base`, never above `cap`.
    pub fn new(base: Duration, cap: Duration) -> Self {
        Backoff {
            base,
            cap,
            n: 0,
            rng: rand::rngs::StdRng::from_os_rng(),
        }
    }

    /// The same delays every time, for tests.
    pub fn with_seed(mut self, seed: u64) -> Self {
        self.rng = rand::rngs::StdRng::seed_from_u64(seed);
        self
    }
}

impl Iterator for Backoff {
    type Item = Duration;

    fn next(&mut self) -> Option<Duration> {
        let d = full_jitter(self.base, self.cap, self.n, self.rng.random::<f64>());
        self.n = self.n.saturating_add(1);
        Some(d)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Backoff never exceeds its cap, and each delay stays under its own exponential ceiling.
        #[test]
        fn backoff_never_exceeds_its_cap(base_ms in 1u64..5_000, cap_ms in 1u64..120_000, seed: u64, n in 1usize..80) {
            let base = Duration::from_millis(base_ms);
            let cap = Duration::from_millis(cap_ms.max(base_ms));
            for (i, d) in Backoff::new(base, cap).with_seed(seed).take(n).enumerate() {
                prop_assert!(d <= cap);
                prop_assert!(d <= ceiling(base, cap, i as u32));
            }
        }
    }

    #[test]
    fn ceilings_double_then_cap() {
        let b = Duration::from_millis(100);
        let cap = Duration::from_secs(1);
        let c: Vec<_> = (0..6).map(|n| ceiling(b, cap, n).as_millis()).collect();
        assert_eq!(c, [100, 200, 400, 800, 1000, 1000]);
        assert_eq!(ceiling(b, cap, 1000), cap);
    }

    #[test]
    fn jitter_spreads_delays() {
        let delays: Vec<_> = Backoff::new(Duration::from_secs(1), Duration::from_secs(1))
            .with_seed(1)
            .take(50)
            .collect();
        let distinct: std::collections::HashSet<_> = delays.iter().collect();
        assert!(distinct.len() > 40, "full jitter gives distinct delays");
    }
}
