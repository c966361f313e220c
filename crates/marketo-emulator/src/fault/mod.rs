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

use marketo_types::codes::{self, Level};
use marketo_types::envelope::Code;
use serde::{Deserialize, Serialize};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Mutex;
use std::time::Duration;

/// One fault rule.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FaultRule {
    /// The HTTP method to match (`"*"` or absent: any).
    #[serde(default = "any_method")]
    pub method: String,
    /// The path to match: exact, or a prefix followed by `*` (`"/rest/v1/*"`, `"*"`).
    pub path: String,
    /// Answer with this code in Marketo's envelope (HTTP 200).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<Code>,
    /// Answer with this HTTP status.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub http_status: Option<u16>,
    /// Close the connection without answering.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub drop: bool,
    /// Answer records of the call `skipped` with this record-level code and its catalogue message; the
    /// handler never sees them, so the data stays as it was for them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub record_error: Option<Code>,
    /// With `record_error`: how many records, from the first (absent: all).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub records: Option<u32>,
    /// Wait this long first (alone: the call then proceeds normally).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub latency_ms: Option<u64>,
    /// Fire this many times, then retire (absent: forever).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub times: Option<u32>,
    /// Fire on this fraction of matching calls (absent: every one).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub probability: Option<f64>,
}

fn any_method() -> String {
    "*".to_owned()
}

impl FaultRule {
    fn new(method: &str, path: &str) -> Self {
        FaultRule {
            method: method.to_owned(),
            path: path.to_owned(),
            error: None,
            http_status: None,
            drop: false,
            record_error: None,
            records: None,
            latency_ms: None,
            times: None,
            probability: None,
        }
    }

    /// Answer `code` in Marketo's envelope.
    pub fn error(method: &str, path: &str, code: u16) -> Self {
        FaultRule {
            error: Some(Code(code)),
            ..Self::new(method, path)
        }
    }

    /// Answer with an HTTP status (e.g. 502).
    pub fn http_status(method: &str, path: &str, status: u16) -> Self {
        FaultRule {
            http_status: Some(status),
            ..Self::new(method, path)
        }
    }

    /// Drop the connection without answering.
    pub fn drop_connection(method: &str, path: &str) -> Self {
        FaultRule {
            drop: true,
            ..Self::new(method, path)
        }
    }

    /// Let the handler answer, then skip its records with the record-level `code`.
    pub fn record_error(method: &str, path: &str, code: u16) -> Self {
        FaultRule {
            record_error: Some(Code(code)),
            ..Self::new(method, path)
        }
    }

    /// With `record_error`: skip only the first `n` records.
    pub fn records(mut self, n: u32) -> Self {
        self.records = Some(n);
        self
    }

    /// Add latency, then answer normally.
    pub fn latency(method: &str, path: &str, delay: Duration) -> Self {
        Self::new(method, path).with_latency(delay)
    }

    /// Also wait `delay` before the effect.
    pub fn with_latency(mut self, delay: Duration) -> Self {
        self.latency_ms = Some(u64::try_from(delay.as_millis()).unwrap_or(u64::MAX));
        self
    }

    /// Fire `n` times only.
    pub fn times(mut self, n: u32) -> Self {
        self.times = Some(n);
        self
    }

    /// Fire on a fraction `p` (0..=1) of matching calls.
    pub fn probability(mut self, p: f64) -> Self {
        self.probability = Some(p);
        self
    }

    /// Check the rule makes sense: one effect at most, a valid status and probability.
    pub fn validate(&self) -> Result<(), String> {
        let effects = usize::from(self.error.is_some())
            + usize::from(self.http_status.is_some())
            + usize::from(self.drop)
            + usize::from(self.record_error.is_some());
        if effects > 1 {
            return Err(
                "a fault rule has at most one of error, http_status, drop, record_error".into(),
            );
        }
        if effects == 0 && self.latency_ms.is_none() {
            return Err(
                "a fault rule needs one of error, http_status, drop, record_error, latency_ms"
                    .into(),
            );
        }
        if let Some(code) = self.record_error {
            let record_level =
                codes::lookup(code.value()).is_some_and(|c| c.level == Level::Record);
            if !record_level {
                return Err(format!(
                    "record_error {code} is not a record-level code of the catalogue"
                ));
            }
        }
        match self.records {
            Some(_) if self.record_error.is_none() => {
                return Err("records is only meaningful with record_error".into())
            }
            Some(0) => return Err("records must be at least 1".into()),
            _ => {}
        }
        if let Some(s) = self.http_status {
            if !(100..=599).contains(&s) {
                return Err(format!("http_status {s} is not an HTTP status"));
            }
        }
        if let Some(p) = self.probability {
            if !(0.0..=1.0).contains(&p) {
                return Err(format!("probability {p} is not within 0..=1"));
            }
        }
        if self.path.is_empty() {
            return Err("a fault rule needs a path".into());
        }
        Ok(())
    }

    fn matches(&self, method: &str, path: &str) -> bool {
        let method_ok = self.method.is_empty()
            || self.method == "*"
            || self.method.eq_ignore_ascii_case(method);
        let path_ok = match self.path.strip_suffix('*') {
            Some(prefix) => path.starts_with(prefix),
            None => self.path == path,
        };
        method_ok && path_ok
    }
}

pub mod records;

/// What a fired rule does to the call.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FaultEffect {
    /// Answer this code in the envelope.
    Error(u16),
    /// Answer this HTTP status.
    HttpStatus(u16),
    /// Drop the connection.
    Drop,
    /// Skip the first `records` records of the call (all when `None`) with this record-level code: they are
    /// held back from the handler and answered `skipped` (see [`records`]).
    SkipRecords {
        /// The record-level code.
        code: u16,
        /// How many records, from the first.
        records: Option<u32>,
    },
    /// Only the latency: proceed.
    Proceed,
}

/// A fired rule: wait `latency`, then apply `effect`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FiredFault {
    /// Wait first.
    pub latency: Duration,
    /// Then this.
    pub effect: FaultEffect,
}

/// A rule with its remaining count, as `GET /_emulator/faults` lists it.
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
        rules.push(ActiveFault {
            id,
            remaining: rule.times,
            rule,
            fired: 0,
        });
        self.any.store(true, Ordering::Release);
        id
    }

    /// Remove every rule.
    pub fn clear(&self) {
        self.lock().clear();
        self.any.store(false, Ordering::Release);
    }

    /// The active rules.
    pub fn list(&self) -> Vec<ActiveFault> {
        self.lock().clone()
    }

    /// The first rule that matches and fires for this call, counted down.
    pub fn fire(&self, method: &str, path: &str) -> Option<FiredFault> {
        if !self.any.load(Ordering::Acquire) {
            return None;
        }
        let mut rules = self.lock();
        let idx = rules.iter().position(|r| {
            r.remaining != Some(0)
                && r.rule.matches(method, path)
                && r.rule.probability.is_none_or(|p| rand::random::<f64>() < p)
        })?;
        let active = &mut rules[idx];
        active.fired += 1;
        if let Some(n) = active.remaining.as_mut() {
            *n = n.saturating_sub(1);
        }
        let rule = &active.rule;
        let fired = FiredFault {
            latency: Duration::from_millis(rule.latency_ms.unwrap_or(0)),
            effect: match (rule.error, rule.http_status, rule.drop, rule.record_error) {
                (Some(code), _, _, _) => FaultEffect::Error(code.value()),
                (None, Some(status), _, _) => FaultEffect::HttpStatus(status),
                (None, None, true, _) => FaultEffect::Drop,
                (None, None, false, Some(code)) => FaultEffect::SkipRecords {
                    code: code.value(),
                    records: rule.records,
                },
                (None, None, false, None) => FaultEffect::Proceed,
            },
        };
        if active.remaining == Some(0) {
            rules.remove(idx);
        }
        if rules.is_empty() {
            self.any.store(false, Ordering::Release);
        }
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
        assert!(set.list().is_empty());
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
        assert!(FaultRule::error("*", "*", 604).validate().is_ok());
        let mut both = FaultRule::error("*", "*", 604);
        both.drop = true;
        assert!(both.validate().is_err());
        assert!(FaultRule::http_status("*", "*", 1000).validate().is_err());
        assert!(FaultRule::error("*", "*", 604)
            .probability(1.5)
            .validate()
            .is_err());
        let json = r#"{"path":"/x","http_status":502,"latency_ms":800,"probability":0.1}"#;
        let r: FaultRule = serde_json::from_str(json).unwrap();
        assert_eq!(r.method, "*");
        assert!(serde_json::from_str::<FaultRule>(r#"{"path":"/x","bogus":1}"#).is_err());
        assert!(FaultRule::record_error("*", "*", 1036).validate().is_ok());
        assert!(FaultRule::record_error("*", "*", 604).validate().is_err());
        assert!(FaultRule::record_error("*", "*", 1036)
            .records(0)
            .validate()
            .is_err());
        assert!(FaultRule::error("*", "*", 604)
            .records(1)
            .validate()
            .is_err());
        let mut both = FaultRule::record_error("*", "*", 1036);
        both.error = Some(Code(604));
        assert!(both.validate().is_err());
    }
}
