//! Codes produced by the bulk APIs (import, extract), the activity reads and custom activities.

/// See [`super::production`].
pub(super) fn production(code: u16) -> Option<&'static str> {
    Some(match code {
        1027 => {
            "naturally: Create Custom Activity Type when the subscription has `[activities] max_custom_types` \
             (10) types (test: custom_activities::code_1027_past_the_custom_activity_type_limit)"
        }
        1028 => {
            "naturally: custom activity type attributes past `[activities] max_custom_attributes` (20) (test: \
             custom_activities::code_1028_past_the_attribute_limit)"
        }
        1049 => {
            "naturally: Add Custom Activities with an attributes array over 65,536 bytes (record level) (test: \
             custom_activities::code_1049_attributes_past_65536_bytes)"
        }
        613 => {
            "naturally: a bulk import body sent as multipart/form-data that is not valid multipart (no \
             boundary, no parts, a part without headers, no closing delimiter) (test: \
             bulk_import::code_613_malformed_multipart)"
        }
        704 => {
            "naturally: Get Paging Token with a sinceDatetime that is not an ISO-8601 date or datetime; also a \
             bulk export filter date (test: activities::code_704_invalid_date_format)"
        }
        1016 => {
            "naturally: a bulk import while bulk.import_queued (10) imports are queued or running (2 at once, \
             bulk.import_running), on the emulator's clock (test: bulk_import::code_1016_too_many_imports)"
        }
        1019 => {
            "naturally: a bulk import with a listId while another import into that list is queued or running \
             (test: bulk_import::code_1019_import_in_progress_for_the_list)"
        }
        1029 => {
            "naturally: three messages. \"Too many jobs (10) in queue\": enqueueing an export while \
             bulk.export_queued (10) jobs, leads and activities together, are queued or processing; \"Export \
             daily quota 500MB exceeded.\": creating or enqueueing once the quota day's export file bytes \
             reached bulk.export_daily_bytes, until midnight America/Chicago; \"Job already queued\": enqueueing \
             a queued or processing job (tests: \
             bulk_extract::code_1029_too_many_jobs_in_queue_shared_with_activities, \
             bulk_extract::code_1029_export_daily_quota_until_chicago_midnight, \
             bulk_extract::code_1029_job_already_queued)"
        }
        1035 => {
            "naturally: a lead export filter (updatedAt, smartListId, smartListName) listed in \
             bulk.unsupported_export_filters (test: bulk_extract::code_1035_unsupported_filter_type)"
        }
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_arm_names_its_test() {
        for code in [613u16, 704, 1016, 1019, 1029, 1035] {
            let text = super::production(code).unwrap();
            assert!(
                text.starts_with("naturally:") && text.contains("test"),
                "{code}"
            );
        }
        assert!(super::production(413).is_none());
    }
}
