//! How the client handles the codes the emulator produces only by fault rules (their endpoints are not
//! emulated): the fall-back of [`crate::fidelity::handling`]. Every arm names its test in
//! `tests/it/catalogue.rs`.

/// See [`crate::fidelity::handling`].
pub(crate) fn handling(code: u16) -> Option<&'static str> {
    Some(match code {
        616 => "not retried: the records fail with ErrorKind::Request, code 616 and Marketo's message after one call (test: catalogue::code_616_invalid_subscription_type_is_not_retried)",
        702 => "no data found: an empty result, not an error, and not retried; a search stream answered 702 ends with no records (test: catalogue::code_702_no_data_in_a_search_is_an_empty_result)",
        703 => "not retried: the records fail with ErrorKind::Request, code 703 and Marketo's message after one call (test: catalogue::code_703_feature_not_enabled_is_not_retried)",
        709 => "not retried: the records fail with ErrorKind::Request, code 709 and Marketo's message after one call (test: catalogue::code_709_business_rule_violation_is_not_retried)",
        710 => "not retried: the records fail with ErrorKind::Request, code 710 and Marketo's message after one call (test: catalogue::code_710_parent_folder_not_found_is_not_retried)",
        711 => "not retried: the records fail with ErrorKind::Request, code 711 and Marketo's message after one call (test: catalogue::code_711_incompatible_folder_type_is_not_retried)",
        712 => "not retried: the records fail with ErrorKind::Request, code 712 and Marketo's message after one call (test: catalogue::code_712_merge_to_person_account_invalid_is_not_retried)",
        714 => "not retried: the records fail with ErrorKind::Request, code 714 and Marketo's message after one call (test: catalogue::code_714_no_default_record_type_is_not_retried)",
        718 => "not retried: the records fail with ErrorKind::Request, code 718 and Marketo's message after one call (test: catalogue::code_718_external_sales_person_id_not_found_is_not_retried)",
        1014 => "a Skipped outcome with code 1014 and Marketo's message for that record, no retry; the other records of the batch stand (test: catalogue::code_1014_failed_to_create_object_is_a_skipped_outcome)",
        1017 => "a Skipped outcome with code 1017 and Marketo's message for that record, no retry; the other records of the batch stand (test: catalogue::code_1017_object_already_exists_is_a_skipped_outcome)",
        1018 => "a Skipped outcome with code 1018 and Marketo's message for that record, no retry; the other records of the batch stand (test: catalogue::code_1018_crm_enabled_is_a_skipped_outcome)",
        1022 => "a Skipped outcome with code 1022 and Marketo's message for that record, no retry; the other records of the batch stand (test: catalogue::code_1022_object_in_use_is_a_skipped_outcome)",
        1026 => "a Skipped outcome with code 1026 and Marketo's message for that record, no retry; the other records of the batch stand (test: catalogue::code_1026_custom_object_not_enabled_is_a_skipped_outcome)",
        1027 => "a Skipped outcome with code 1027 and Marketo's message for that record, no retry; the other records of the batch stand (test: catalogue::code_1027_max_activity_type_limit_is_a_skipped_outcome)",
        1028 => "a Skipped outcome with code 1028 and Marketo's message for that record, no retry; the other records of the batch stand (test: catalogue::code_1028_max_field_limit_is_a_skipped_outcome)",
        1036 => "a Skipped outcome with code 1036 and Marketo's message for that record, no retry; the other records of the batch stand (test: catalogue::code_1036_duplicate_object_in_input_is_a_skipped_outcome)",
        1048 => "a Skipped outcome with code 1048 and Marketo's message for that record, no retry; the other records of the batch stand (test: catalogue::code_1048_discard_draft_failed_is_a_skipped_outcome)",
        1049 => "a Skipped outcome with code 1049 and Marketo's message for that record, no retry; the other records of the batch stand (test: catalogue::code_1049_failed_to_create_activity_is_a_skipped_outcome)",
        1076 => "a Skipped outcome with code 1076 and Marketo's message for that record, no retry; the other records of the batch stand (test: catalogue::code_1076_merge_in_crm_is_a_skipped_outcome)",
        1077 => "a Skipped outcome with code 1077 and Marketo's message for that record, no retry; the other records of the batch stand (test: catalogue::code_1077_merge_field_length_is_a_skipped_outcome)",
        1078 => "a Skipped outcome with code 1078 and Marketo's message for that record, no retry; the other records of the batch stand (test: catalogue::code_1078_merge_failed_in_crm_is_a_skipped_outcome)",
        1079 => "a Skipped outcome with code 1079 and Marketo's message for that record, no retry; the other records of the batch stand (test: catalogue::code_1079_merge_purl_conflict_is_a_skipped_outcome)",
        1080 => "a Skipped outcome with code 1080 and Marketo's message for that record, no retry; the other records of the batch stand (test: catalogue::code_1080_too_many_lead_ids_in_merge_is_a_skipped_outcome)",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_arm_names_its_test_in_the_catalogue_module() {
        let mut arms = 0;
        for info in marketo_types::codes::CATALOGUE {
            if let Some(text) = super::handling(info.code) {
                let name = format!("(test: catalogue::code_{}_", info.code);
                assert!(text.contains(&name), "{}", info.code);
                arms += 1;
            }
        }
        assert_eq!(arms, 24);
    }
}
