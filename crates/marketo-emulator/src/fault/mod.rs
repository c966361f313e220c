//! Fault rules: the trouble Marketo has on its own side (502, 604, 608, 611, 614, 713, 719, dropped connections,
//! slow answers), injected on demand. A rule matches a method and a path and answers with a catalogued code, an
//! HTTP status, a dropped connection or added latency, a given number of times or with a probability.
//!
//! The admin JSON (`POST /_emulator/faults`) and the config file use the same shape:
//!
//! ```
//! use marketo_emulator::FaultRule;
//! let rule: FaultRule = serde_json::from_str(
//!     r#"{"method":"POST","path":"/rest/v1/leads.json","error":"604","times":2}"#).unwrap();
//! assert_eq!(rule, FaultRule::error("POST", "/rest/v1/leads.json", 604).times(2));
//! ```
//!
//! Record-level codes (1xxx) arrive inside a successful answer, as `skipped` records: a rule with `record_error`
//! skips the first `records` records of the call (all of them when absent) with the catalogue's message, and
//! leaves the data as it was for them (see [`records`]).
//!
//! ```
//! use marketo_emulator::FaultRule;
//! let rule: FaultRule = serde_json::from_str(
//!     r#"{"method":"POST","path":"/rest/v1/leads.json","record_error":"1036","records":1,"times":1}"#).unwrap();
//! assert_eq!(rule, FaultRule::record_error("POST", "/rest/v1/leads.json", 1036).records(1).times(1));
//! assert!(rule.validate().is_ok());
//! ```

use serde::Serialize;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Mutex;
use std::time::Duration;

mod rule;

pub use rule::{FaultEffect, FaultRule};

pub mod records;

/// Retired rules kept for their counts; past this, the oldest retired rule is forgotten.
const RETIRED_KEPT: usize = 1000;

/// A fired rule: wait `latency`, then apply `effect`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FiredFault {
    /// The rule's id.
    pub rule: u64,
    /// Wait first.
    pub latency: Duration,
    /// Then this.
    pub effect: FaultEffect,
}

/// A rule with its counts, as `GET /_emulator/faults` lists it. A rule with `times` that has fired that many
/// times is retired: it stays listed (with `active: false`) so its count can be read, and never fires again.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ActiveFault {
    /// Its id, in order of addition.
    pub id: u64,
    /// The rule as given.
    #[serde(flatten)]
    pub rule: FaultRule,
    /// How many more times it fires (absent: forever).
    pub remaining: Option<u32>,
    /// How many times it fired.
    pub fired: u64,
    /// Whether it can still fire.
    pub active: bool,
}

/// The active rules, shared by every connection.
#[derive(Debug, Default)]
pub struct FaultSet {
    rules: Mutex<Vec<ActiveFault>>,
    any: AtomicBool,
    next_id: AtomicU64,
}

impl FaultSet {
    fn lock(&self) -> std::sync::MutexGuard<'_, Vec<ActiveFault>> {
        self.rules.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Add a rule (already validated); returns its id.
    pub fn add(&self, rule: FaultRule) -> u64 {
        let id = self.next_id.fetch_add(1, Ordering::Relaxed) + 1;
        let mut rules = self.lock();
        let active = rule.times != Some(0);
        if rules.iter().filter(|r| !r.active).count() >= RETIRED_KEPT {
            if let Some(oldest) = rules.iter().position(|r| !r.active) {
                rules.remove(oldest);
            }
        }
        rules.push(ActiveFault {
            id,
            remaining: rule.times,
            rule,
            fired: 0,
            active,
        });
        self.refresh(&rules);
        id
    }

    /// Remove every rule (ids go on from where they were).
    pub fn clear(&self) {
        self.lock().clear();
        self.any.store(false, Ordering::Release);
    }

    /// Remove the rule `id`; false when there is none.
    pub fn remove(&self, id: u64) -> bool {
        let mut rules = self.lock();
        let before = rules.len();
        rules.retain(|r| r.id != id);
        self.refresh(&rules);
        rules.len() < before
    }

    /// Every rule, retired ones included, in order of addition.
    pub fn list(&self) -> Vec<ActiveFault> {
        self.lock().clone()
    }

    /// The rule `id`.
    pub fn get(&self, id: u64) -> Option<ActiveFault> {
        self.lock().iter().find(|r| r.id == id).cloned()
    }

    fn refresh(&self, rules: &[ActiveFault]) {
        self.any
            .store(rules.iter().any(|r| r.active), Ordering::Release);
    }

    /// The first rule that matches and fires for this call, counted down.
    pub fn fire(&self, method: &str, path: &str) -> Option<FiredFault> {
        if !self.any.load(Ordering::Acquire) {
            return None;
        }
        let mut rules = self.lock();
        let idx = rules.iter().position(|r| {
            r.active
                && r.rule.matches(method, path)
                && r.rule.probability.is_none_or(|p| rand::random::<f64>() < p)
        })?;
        let active = &mut rules[idx];
        active.fired += 1;
        if let Some(n) = active.remaining.as_mut() {
            *n = n.saturating_sub(1);
        }
        active.active = active.remaining != Some(0);
        let rule = &active.rule;
        let fired = FiredFault {
            rule: active.id,
            latency: Duration::from_millis(rule.latency_ms.unwrap_or(0)),
            effect: rule.effect,
        };
        self.refresh(&rules);
        Some(fired)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counted_rules_retire() {
        let set = FaultSet::default();
        set.add(FaultRule::error("POST", "/rest/v1/leads.json", 604).times(2));
        assert!(set.fire("GET", "/rest/v1/leads.json").is_none());
        for _ in 0..2 {
            let f = set.fire("post", "/rest/v1/leads.json").unwrap();
            assert_eq!(f.effect, FaultEffect::Error(604));
        }
        assert!(set.fire("POST", "/rest/v1/leads.json").is_none());
        let retired = &set.list()[0];
        assert_eq!(
            (retired.fired, retired.remaining, retired.active),
            (2, Some(0), false)
        );
    }

    #[test]
    fn rules_are_removed_one_by_one() {
        let set = FaultSet::default();
        let a = set.add(FaultRule::error("*", "/a", 604));
        let b = set.add(FaultRule::error("*", "/b", 608));
        assert!(set.remove(a));
        assert!(!set.remove(a));
        assert!(set.fire("GET", "/a").is_none());
        assert_eq!(set.fire("GET", "/b").unwrap().rule, b);
        assert_eq!(set.get(b).unwrap().fired, 1);
        assert!(set.remove(b));
        assert!(set.list().is_empty());
        assert!(set.fire("GET", "/b").is_none());
    }

    #[test]
    fn prefix_and_probability_zero() {
        let set = FaultSet::default();
        set.add(FaultRule::http_status("*", "/rest/*", 502).probability(0.0));
        assert!(set.fire("GET", "/rest/v1/lead/1.json").is_none());
        set.clear();
        set.add(FaultRule::drop_connection("*", "/rest/*"));
        assert_eq!(
            set.fire("GET", "/rest/v1/lead/1.json").unwrap().effect,
            FaultEffect::Drop
        );
    }

    #[test]
    fn validation() {
        let parse = |json: &str| serde_json::from_str::<FaultRule>(json);
        assert!(FaultRule::error("*", "*", 604).validate().is_ok());
        assert!(parse(r#"{"path":"*","error":"604","drop":true}"#).is_err());
        assert!(FaultRule::http_status("*", "*", 1000).validate().is_err());
        assert!(FaultRule::error("*", "*", 604)
            .probability(1.5)
            .validate()
            .is_err());
        let json = r#"{"path":"/x","http_status":502,"latency_ms":800,"probability":0.1}"#;
        let r: FaultRule = serde_json::from_str(json).unwrap();
        assert_eq!(r.method, "*");
        assert!(parse(r#"{"path":"/x","bogus":1}"#).is_err());
        assert!(FaultRule::record_error("*", "*", 1036).validate().is_ok());
        assert!(FaultRule::record_error("*", "*", 604).validate().is_err());
        assert!(FaultRule::record_error("*", "*", 1036)
            .records(0)
            .validate()
            .is_err());
        assert!(parse(r#"{"path":"*","error":"604","records":1}"#).is_err());
        assert!(parse(r#"{"path":"*","error":"604","record_error":"1036"}"#).is_err());
        // Only catalogued codes.
        let unknown = parse(r#"{"path":"*","error":"9999"}"#).unwrap_err();
        assert!(
            unknown.to_string().contains("not a code of the catalogue"),
            "{unknown}"
        );
        // The wire shape round-trips.
        let rule = FaultRule::record_error("POST", "/x", 1036)
            .records(2)
            .times(1);
        let text = serde_json::to_string(&rule).unwrap();
        assert_eq!(
            text,
            r#"{"method":"POST","path":"/x","record_error":"1036","records":2,"times":1}"#
        );
        assert_eq!(parse(&text).unwrap(), rule);
    }
}
