//! Where a reset takes the emulator: back to its baseline (the config's `[seed]` and `[[faults]]`, then the
//! loaded scenario's seeds and fault rules) or to empty (no data, no fault rules), and loading a scenario,
//! which becomes part of the baseline.
//!
//! Both forget leads, lists, activities, bulk jobs, records of every object type and the lead fields created
//! through the API, empty the rate window, the daily quota, the request log and the usage history. Tokens and
//! the clock are kept: the clock only moves forward, so a reset never replays a scenario's clock steps.

use crate::fault::FaultRule;
use crate::model::Seed;
use crate::scenario::{Action, Scenario, ScenarioError, ScenarioReport};
use crate::state::AppState;
use std::time::Duration;

/// Where a reset goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ResetTo {
    /// The config's seed and fault rules, then the loaded scenario's (`POST /_emulator/reset`).
    #[default]
    Baseline,
    /// No data and no fault rules (`POST /_emulator/reset?to=empty`).
    Empty,
}

impl ResetTo {
    /// `seed` (or `baseline`) and `empty`, as the admin API's `to` parameter spells them.
    pub fn parse(text: &str) -> Option<ResetTo> {
        match text {
            "seed" | "baseline" | "" => Some(ResetTo::Baseline),
            "empty" => Some(ResetTo::Empty),
            _ => None,
        }
    }
}

impl AppState {
    /// Back to the baseline (see the module docs).
    pub fn reset(&self) -> Result<ScenarioReport, ScenarioError> {
        self.reset_to(ResetTo::Baseline)
    }

    /// Back to the baseline or to empty; what the baseline's seeds and rules created.
    pub fn reset_to(&self, to: ResetTo) -> Result<ScenarioReport, ScenarioError> {
        self.clear_everything()?;
        let mut report = ScenarioReport::default();
        if to == ResetTo::Baseline {
            self.apply_config(&mut report)?;
            let baseline = self.baseline_scenario();
            if let Some(scenario) = baseline {
                self.run_scenario(&scenario, false, &mut report)?;
            }
        }
        report.now = Some(self.now());
        Ok(report)
    }

    /// Start from the config's baseline on emptied data, run `scenario` (clock steps included), and keep it
    /// as the baseline later resets return to. A scenario that fails part way is not kept: the emulator is
    /// then reset to the previous baseline's config part and the error returned.
    pub fn load_scenario(&self, scenario: Scenario) -> Result<ScenarioReport, ScenarioError> {
        self.clear_everything()?;
        *self.baseline.lock().unwrap_or_else(|e| e.into_inner()) = None;
        let mut report = ScenarioReport::default();
        self.apply_config(&mut report)?;
        if let Err(e) = self.run_scenario(&scenario, true, &mut report) {
            self.clear_everything()?;
            self.apply_config(&mut ScenarioReport::default())?;
            return Err(e);
        }
        *self.baseline.lock().unwrap_or_else(|e| e.into_inner()) = Some(scenario);
        report.now = Some(self.now());
        Ok(report)
    }

    /// Forget the loaded scenario: later resets go back to the config's baseline only.
    pub fn forget_scenario(&self) -> Option<Scenario> {
        self.baseline
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .take()
    }

    /// The loaded scenario, if any.
    pub fn baseline_scenario(&self) -> Option<Scenario> {
        self.baseline
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    fn clear_everything(&self) -> Result<(), ScenarioError> {
        self.model
            .reset()
            .map_err(|e| ScenarioError::Apply(format!("storage: {e}")))?;
        let storage = |e: crate::store::StoreError| ScenarioError::Apply(format!("storage: {e}"));
        self.model
            .store()
            .with(crate::activities::custom::forget)
            .map_err(storage)?;
        self.objects
            .reset_custom(
                self.model.store(),
                &self.config.custom_objects,
                &self.model.schema(),
                self.now(),
            )
            .map_err(storage)?;
        self.bulk.reset(&self.model);
        self.limiter.reset();
        self.clear_log_and_usage();
        self.faults.clear();
        self.flush_usage();
        Ok(())
    }

    fn apply_config(&self, report: &mut ScenarioReport) -> Result<(), ScenarioError> {
        if let Some(seed) = &self.config.seed {
            let seed: Seed = serde_json::from_value(seed.clone())
                .map_err(|e| ScenarioError::Apply(format!("the config's seed: {e}")))?;
            self.seed_into(&seed, report)?;
        }
        self.add_rules(&self.config.faults, report);
        Ok(())
    }

    fn run_scenario(
        &self,
        scenario: &Scenario,
        clock: bool,
        report: &mut ScenarioReport,
    ) -> Result<(), ScenarioError> {
        for action in scenario.actions() {
            match action {
                Action::Seed(seed) => self.seed_into(seed, report)?,
                Action::Faults(rules) => self.add_rules(rules, report),
                Action::AdvanceSecs(secs) if clock => {
                    let by = Duration::try_from_secs_f64(secs)
                        .map_err(|e| ScenarioError::Apply(format!("advance_secs {secs}: {e}")))?;
                    self.clock
                        .try_advance(by)
                        .map_err(|e| ScenarioError::Apply(e.to_string()))?;
                }
                Action::AdvanceTo(to) if clock => {
                    let now = self.now();
                    let by = (to - now).to_std().map_err(|_| {
                        ScenarioError::Apply(format!(
                            "advance_to {to}: the emulator's clock is already at {now} and only moves forward"
                        ))
                    })?;
                    self.clock
                        .try_advance(by)
                        .map_err(|e| ScenarioError::Apply(e.to_string()))?;
                }
                Action::AdvanceSecs(_) | Action::AdvanceTo(_) => {}
            }
        }
        Ok(())
    }

    fn seed_into(&self, seed: &Seed, report: &mut ScenarioReport) -> Result<(), ScenarioError> {
        let done = self
            .model
            .seed(seed, self.now())
            .map_err(|e| ScenarioError::Apply(format!("seed: {} {}", e.code, e.message)))?;
        report.leads.extend(done.leads);
        report.lists.extend(done.lists);
        Ok(())
    }

    fn add_rules(&self, rules: &[FaultRule], report: &mut ScenarioReport) {
        report
            .faults
            .extend(rules.iter().map(|r| self.faults.add(r.clone())));
    }
}
