//! Scenario files: the data, fault rules and clock steps a test suite starts from, in one TOML or JSON
//! document, loaded at start (`mkto serve --scenario FILE`, [`crate::EmulatorBuilder::scenario`]) or through
//! `POST /_emulator/scenario`.
//!
//! A scenario has an optional `seed` (the shape of `POST /_emulator/seed`) and `faults` (fault rules), then
//! `steps` run in order, each one of `seed`, `faults`, `advance_secs` (move the clock forward) or `advance_to`
//! (move it forward to a time). Loading one starts from the config's baseline (its `[seed]` and `[[faults]]`
//! on emptied data), runs the scenario, and makes it part of the baseline that `POST /_emulator/reset` returns
//! to: a reset replays its seeds and fault rules, never its clock steps (the clock only moves forward).
//!
//! ```
//! use marketo_emulator::scenario::Scenario;
//! let s = Scenario::from_toml_str(r#"
//!     name = "nightly sync"
//!     faults = [{ method = "POST", path = "/rest/v1/leads.json", error = "604", times = 1 }]
//!     [seed]
//!     lists = [{ id = 1001, name = "Newsletter" }]
//!     [[steps]]
//!     advance_secs = 86400
//!     [[steps]]
//!     seed = { leads = [{ email = "late@example.com" }] }
//! "#).unwrap();
//! assert_eq!(s.steps.len(), 2);
//! assert!(Scenario::from_toml_str("[[steps]]\nadvance_secs = 1\nseed = {}").is_err());
//! ```

use crate::fault::FaultRule;
use crate::model::Seed;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::path::Path;

/// A scenario (see the module docs).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Scenario {
    /// What it is called (shown by `GET /_emulator/scenario`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// What it sets up.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Data loaded first.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub seed: Option<Seed>,
    /// Fault rules added after the seed.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub faults: Vec<FaultRule>,
    /// Then these, in order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub steps: Vec<Step>,
}

/// One step of a scenario: exactly one of its fields.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "StepSpec")]
pub struct Step {
    /// Load this data.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub seed: Option<Seed>,
    /// Add these fault rules.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub faults: Option<Vec<FaultRule>>,
    /// Move the clock forward by this many seconds.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub advance_secs: Option<f64>,
    /// Move the clock forward to this time (a time already past is refused).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub advance_to: Option<DateTime<Utc>>,
}

#[derive(Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
struct StepSpec {
    seed: Option<Seed>,
    faults: Option<Vec<FaultRule>>,
    advance_secs: Option<f64>,
    advance_to: Option<DateTime<Utc>>,
}

impl TryFrom<StepSpec> for Step {
    type Error = String;
    fn try_from(s: StepSpec) -> Result<Step, String> {
        let given = usize::from(s.seed.is_some())
            + usize::from(s.faults.is_some())
            + usize::from(s.advance_secs.is_some())
            + usize::from(s.advance_to.is_some());
        if given != 1 {
            return Err(
                "a scenario step has exactly one of seed, faults, advance_secs, advance_to".into(),
            );
        }
        if let Some(secs) = s.advance_secs {
            if !secs.is_finite() || secs < 0.0 {
                return Err(format!(
                    "advance_secs must be a non-negative number of seconds, not {secs}"
                ));
            }
        }
        Ok(Step {
            seed: s.seed,
            faults: s.faults,
            advance_secs: s.advance_secs,
            advance_to: s.advance_to,
        })
    }
}

/// A scenario file that could not be read or parsed.
#[derive(Debug, thiserror::Error)]
pub enum ScenarioError {
    /// The file could not be read.
    #[error("cannot read {path}: {source}")]
    Read {
        /// The file.
        path: String,
        /// Why.
        source: std::io::Error,
    },
    /// The document is invalid.
    #[error("invalid scenario: {0}")]
    Parse(String),
    /// It could not be applied (a seed refused, a clock step into the past).
    #[error("scenario refused: {0}")]
    Apply(String),
}

/// What loading a scenario did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScenarioReport {
    /// The ids of the seeded leads, in order.
    pub leads: Vec<i64>,
    /// The ids of the seeded lists, in order.
    pub lists: Vec<i64>,
    /// The ids of the fault rules added, in order.
    pub faults: Vec<u64>,
    /// The emulator's clock once it ran.
    pub now: Option<DateTime<Utc>>,
}

impl Scenario {
    /// Parse a TOML document.
    pub fn from_toml_str(text: &str) -> Result<Scenario, ScenarioError> {
        toml::from_str::<Scenario>(text)
            .map_err(|e| ScenarioError::Parse(e.to_string()))?
            .checked()
    }

    /// Parse a JSON document.
    pub fn from_json_str(text: &str) -> Result<Scenario, ScenarioError> {
        serde_json::from_str::<Scenario>(text)
            .map_err(|e| ScenarioError::Parse(e.to_string()))?
            .checked()
    }

    /// Read a file: JSON when its name ends in `.json`, TOML otherwise.
    pub fn from_file(path: &Path) -> Result<Scenario, ScenarioError> {
        let text = std::fs::read_to_string(path).map_err(|source| ScenarioError::Read {
            path: path.display().to_string(),
            source,
        })?;
        if path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("json"))
        {
            Scenario::from_json_str(&text)
        } else {
            Scenario::from_toml_str(&text)
        }
    }

    /// Every fault rule valid (the catalogue's codes only).
    fn checked(self) -> Result<Scenario, ScenarioError> {
        let step_rules = self
            .steps
            .iter()
            .filter_map(|s| s.faults.as_ref())
            .flatten();
        for rule in self.faults.iter().chain(step_rules) {
            rule.validate().map_err(ScenarioError::Parse)?;
        }
        Ok(self)
    }

    /// The actions in order: the top-level seed and faults, then the steps.
    pub fn actions(&self) -> impl Iterator<Item = Action<'_>> {
        let head = self
            .seed
            .iter()
            .map(Action::Seed)
            .chain((!self.faults.is_empty()).then_some(Action::Faults(&self.faults)));
        head.chain(self.steps.iter().map(|s| {
            if let Some(seed) = &s.seed {
                Action::Seed(seed)
            } else if let Some(rules) = &s.faults {
                Action::Faults(rules)
            } else if let Some(to) = s.advance_to {
                Action::AdvanceTo(to)
            } else {
                Action::AdvanceSecs(s.advance_secs.unwrap_or(0.0))
            }
        }))
    }
}

/// One thing a scenario does.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Action<'a> {
    /// Load data.
    Seed(&'a Seed),
    /// Add fault rules.
    Faults(&'a [FaultRule]),
    /// Move the clock forward by seconds.
    AdvanceSecs(f64),
    /// Move the clock forward to a time.
    AdvanceTo(DateTime<Utc>),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_and_toml_read_the_same() {
        let json = r#"{"seed":{"lists":[{"id":1,"name":"L"}]},
            "steps":[{"advance_to":"2026-03-11T00:00:00Z"},{"faults":[{"path":"*","error":"604"}]}]}"#;
        let toml_text = r#"
            seed = { lists = [{ id = 1, name = "L" }] }
            [[steps]]
            advance_to = "2026-03-11T00:00:00Z"
            [[steps]]
            faults = [{ path = "*", error = "604" }]
        "#;
        let a = Scenario::from_json_str(json).unwrap();
        assert_eq!(a, Scenario::from_toml_str(toml_text).unwrap());
        assert_eq!(a.actions().count(), 3);
    }

    #[test]
    fn refusals_say_why() {
        let bad_code = Scenario::from_json_str(r#"{"faults":[{"path":"*","error":"9999"}]}"#);
        assert!(bad_code.unwrap_err().to_string().contains("catalogue"));
        let nested =
            Scenario::from_json_str(r#"{"steps":[{"faults":[{"path":"*","error":"9999"}]}]}"#);
        assert!(nested.is_err());
        let two = Scenario::from_json_str(r#"{"steps":[{}]}"#).unwrap_err();
        assert!(two.to_string().contains("exactly one"), "{two}");
        let back = Scenario::from_json_str(r#"{"steps":[{"advance_secs":-1}]}"#).unwrap_err();
        assert!(back.to_string().contains("non-negative"), "{back}");
        assert!(Scenario::from_json_str(r#"{"bogus":1}"#).is_err());
    }
}
