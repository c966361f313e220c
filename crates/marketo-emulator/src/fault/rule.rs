//! One fault rule: what it matches, its one effect, and when it fires. The effect is one enum, so a rule with
//! two effects (`error` and `drop`), `records` without `record_error`, or a code the catalogue does not have
//! does not parse: the admin API answers 400 with the reason.

use marketo_types::codes::{self, Level};
use marketo_types::envelope::Code;
use serde::{Deserialize, Serialize};
use std::time::Duration;

/// What a fired rule does to the call.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FaultEffect {
    /// Answer this catalogued code in the envelope.
    Error(u16),
    /// Answer this HTTP status.
    HttpStatus(u16),
    /// Drop the connection.
    Drop,
    /// Skip the first `records` records of the call (all when `None`) with this record-level code: on a write
    /// they are held back from the model and answered skipped (see [`super::records`]).
    SkipRecords {
        /// The record-level code.
        code: u16,
        /// How many records, from the first.
        records: Option<u32>,
    },
    /// Only the latency: proceed.
    Proceed,
}

/// One fault rule.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "RuleSpec", into = "RuleSpec")]
pub struct FaultRule {
    /// The HTTP method to match (`"*"`: any).
    pub method: String,
    /// The path to match: exact, or a prefix followed by `*` (`"/rest/v1/*"`, `"*"`).
    pub path: String,
    /// What it does.
    pub effect: FaultEffect,
    /// Wait this long first (with [`FaultEffect::Proceed`]: the call then proceeds normally).
    pub latency_ms: Option<u64>,
    /// Fire this many times, then retire (absent: forever).
    pub times: Option<u32>,
    /// Fire on this fraction of matching calls (absent: every one).
    pub probability: Option<f64>,
}

/// The rule as the admin API and the config file spell it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleSpec {
    #[serde(default = "any_method")]
    method: String,
    path: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    error: Option<Code>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    http_status: Option<u16>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    drop: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    record_error: Option<Code>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    records: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    latency_ms: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    times: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    probability: Option<f64>,
}

fn any_method() -> String {
    "*".to_owned()
}

impl TryFrom<RuleSpec> for FaultRule {
    type Error = String;

    fn try_from(s: RuleSpec) -> Result<FaultRule, String> {
        let effect = match (s.error, s.http_status, s.drop, s.record_error) {
            (Some(code), None, false, None) => FaultEffect::Error(code.value()),
            (None, Some(status), false, None) => FaultEffect::HttpStatus(status),
            (None, None, true, None) => FaultEffect::Drop,
            (None, None, false, Some(code)) => FaultEffect::SkipRecords {
                code: code.value(),
                records: s.records,
            },
            (None, None, false, None) if s.latency_ms.is_some() => FaultEffect::Proceed,
            (None, None, false, None) => {
                return Err(
                    "a fault rule needs one of error, http_status, drop, record_error, latency_ms"
                        .into(),
                )
            }
            _ => {
                return Err(
                    "a fault rule has at most one of error, http_status, drop, record_error".into(),
                )
            }
        };
        if s.records.is_some() && !matches!(effect, FaultEffect::SkipRecords { .. }) {
            return Err("records is only meaningful with record_error".into());
        }
        let rule = FaultRule {
            method: s.method,
            path: s.path,
            effect,
            latency_ms: s.latency_ms,
            times: s.times,
            probability: s.probability,
        };
        rule.validate()?;
        Ok(rule)
    }
}

impl From<FaultRule> for RuleSpec {
    fn from(r: FaultRule) -> RuleSpec {
        let mut s = RuleSpec {
            method: r.method,
            path: r.path,
            error: None,
            http_status: None,
            drop: false,
            record_error: None,
            records: None,
            latency_ms: r.latency_ms,
            times: r.times,
            probability: r.probability,
        };
        match r.effect {
            FaultEffect::Error(code) => s.error = Some(Code(code)),
            FaultEffect::HttpStatus(status) => s.http_status = Some(status),
            FaultEffect::Drop => s.drop = true,
            FaultEffect::SkipRecords { code, records } => {
                s.record_error = Some(Code(code));
                s.records = records;
            }
            FaultEffect::Proceed => {}
        }
        s
    }
}

impl FaultRule {
    fn new(method: &str, path: &str, effect: FaultEffect) -> Self {
        FaultRule {
            method: method.to_owned(),
            path: path.to_owned(),
            effect,
            latency_ms: None,
            times: None,
            probability: None,
        }
    }

    /// Answer `code` in Marketo's envelope.
    pub fn error(method: &str, path: &str, code: u16) -> Self {
        Self::new(method, path, FaultEffect::Error(code))
    }

    /// Answer with an HTTP status (e.g. 502).
    pub fn http_status(method: &str, path: &str, status: u16) -> Self {
        Self::new(method, path, FaultEffect::HttpStatus(status))
    }

    /// Drop the connection without answering.
    pub fn drop_connection(method: &str, path: &str) -> Self {
        Self::new(method, path, FaultEffect::Drop)
    }

    /// Answer the call's records skipped with the record-level `code`, leaving their data as it was.
    pub fn record_error(method: &str, path: &str, code: u16) -> Self {
        Self::new(
            method,
            path,
            FaultEffect::SkipRecords {
                code,
                records: None,
            },
        )
    }

    /// With [`Self::record_error`]: skip only the first `n` records (on another effect: nothing).
    pub fn records(mut self, n: u32) -> Self {
        if let FaultEffect::SkipRecords { records, .. } = &mut self.effect {
            *records = Some(n);
        }
        self
    }

    /// Add latency, then answer normally.
    pub fn latency(method: &str, path: &str, delay: Duration) -> Self {
        Self::new(method, path, FaultEffect::Proceed).with_latency(delay)
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

    /// Check what the type cannot: codes the catalogue has at the right level, a valid status, count and
    /// probability, a path.
    pub fn validate(&self) -> Result<(), String> {
        match self.effect {
            FaultEffect::Error(code) if codes::lookup(code).is_none() => {
                return Err(format!(
                    "error {code} is not a code of the catalogue (mkto errors list shows them)"
                ))
            }
            FaultEffect::SkipRecords { code, records } => {
                if !codes::lookup(code).is_some_and(|c| c.level == Level::Record) {
                    return Err(format!(
                        "record_error {code} is not a record-level code of the catalogue"
                    ));
                }
                if records == Some(0) {
                    return Err("records must be at least 1".into());
                }
            }
            FaultEffect::HttpStatus(s) if !(100..=599).contains(&s) => {
                return Err(format!("http_status {s} is not an HTTP status"));
            }
            _ => {}
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

    /// Whether the rule matches this call.
    pub(super) fn matches(&self, method: &str, path: &str) -> bool {
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
