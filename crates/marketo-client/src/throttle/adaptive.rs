//! An adaptive cap under the configured window limit: halved on each 606, raised by one after a cap's worth of
//! calls got through (additive increase, multiplicative decrease). Two integrations sharing a subscription
//! that both do this settle on shares that fit the window together, instead of trading 606 answers. The
//! shared limiter keeps the same arithmetic in Redis (`cap` hash), so every job of a subscription slows
//! together.

/// The cap on places held in the window, moving between 1 and the limit.
#[derive(Debug, Clone)]
pub(crate) struct AdaptiveCap {
    limit: u32,
    cap: u32,
    through: u32,
}

impl AdaptiveCap {
    pub(crate) fn new(limit: u32) -> Self {
        AdaptiveCap {
            limit,
            cap: limit,
            through: 0,
        }
    }

    /// Marketo answered 606: halve the cap.
    pub(crate) fn rate_limited(&mut self) {
        self.cap = (self.cap / 2).max(1);
        self.through = 0;
    }

    /// A call got through: after a cap's worth of them, raise the cap by one, up to the limit.
    pub(crate) fn got_through(&mut self) {
        if self.cap < self.limit {
            self.through += 1;
            if self.through >= self.cap {
                self.cap += 1;
                self.through = 0;
            }
        }
    }

    /// The cap now.
    pub(crate) fn cap(&self) -> u32 {
        self.cap
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn halves_on_606_and_climbs_back_one_by_one() {
        let mut a = AdaptiveCap::new(8);
        a.rate_limited();
        assert_eq!(a.cap(), 4);
        for _ in 0..4 {
            a.got_through();
        }
        assert_eq!(a.cap(), 5);
        for _ in 0..100 {
            a.got_through();
        }
        assert_eq!(a.cap(), 8);
        for _ in 0..10 {
            a.rate_limited();
        }
        assert_eq!(a.cap(), 1);
    }
}
