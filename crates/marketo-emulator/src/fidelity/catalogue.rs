//! Codes the emulator has no natural cause for (the endpoint that sends them is not emulated, or the cause
//! is Marketo's own state), produced by fault rules: response-level ones with `error`, record-level ones with
//! `record_error` (see `crate::fault`). Each arm says why there is no natural cause and names its test in
//! `tests/it/catalogue.rs`.

/// See [`super::production`].
pub(super) fn production(code: u16) -> Option<&'static str> {
    Some(match code {
        703 => {
            "fault rule: {\"error\":\"703\"} on any path answers it in a success:false envelope with the \
             catalogue's message; counted. No natural cause: beta features are not modeled (test: catalogue::code_703_by_fault_rule)"
        }
        1014 => {
            "fault rule: {\"record_error\":\"1014\",\"records\":N} answers the first N records (all by \
             default) skipped with the code and the catalogue's message, leaving their data as it was (a Sync \
             Leads record has no id); counted. No natural \
             cause: Marketo's own failure to create an object (test: catalogue::code_1014_record_level_by_fault_rule)"
        }
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_arm_is_a_fault_rule_naming_its_test() {
        for info in marketo_types::codes::CATALOGUE {
            if let Some(text) = super::production(info.code) {
                assert!(text.starts_with("fault rule:"), "{}", info.code);
                assert!(
                    text.contains(&format!("catalogue::code_{}_", info.code)),
                    "{}",
                    info.code
                );
            }
        }
        assert!(super::production(606).is_none());
    }
}
