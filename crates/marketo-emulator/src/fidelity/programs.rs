//! Codes produced by programs in the Lead Database (program members, Change Lead Program Status, campaigns).

/// See [`super::production`].
pub(super) fn production(code: u16) -> Option<&'static str> {
    Some(match code {
        1020 => {
            "naturally: the 21st Schedule Campaign call with `cloneToProgramName` in one day (US Central) \
             [INF, counted per subscription day]; answered in `errors` (test: \
             campaigns::code_1020_clone_to_program_name_past_twenty_a_day)"
        }
        1025 => {
            "naturally: Sync Program Member Status or Change Lead Program Status naming a status the \
             program's channel does not have (or `Not in Program`); answered in `errors` [INF, the level is \
             inferred] (test: program_members::code_1025_status_not_in_the_programs_channel)"
        }
        1037 => {
            "naturally: Sync Program Member Status or Change Lead Program Status of a lead already at or past \
             the status's step (\"Lead skipped because it is already in or past this status\"), Delete Program \
             Members of a lead that is not a member (\"Lead not in program\"); that lead skipped (test: \
             program_members::code_1037_lead_already_in_or_past_the_status)"
        }
        1042 => {
            "naturally: Schedule Campaign with a `runAt` more than two years ahead; answered in `errors` \
             (test: campaigns::code_1042_run_at_more_than_two_years_ahead)"
        }
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_arm_is_natural_and_names_its_test() {
        for code in [1020u16, 1025, 1037, 1042] {
            let text = super::production(code).unwrap();
            assert!(
                text.starts_with("naturally:") && text.contains("(test: "),
                "{code}"
            );
        }
        assert!(super::production(1003).is_none());
    }
}
