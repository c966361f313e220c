//! How the client handles each catalogued code, for `docs/fidelity.md`. Every arm names the integration test
//! (in `crates/marketo-client/tests/it/`) that proves it against the emulator.

/// How the client handles `code`: `None` while it has no tested handling.
///
/// Each answer says what the client does and names the test that proves it.
///
/// ```
/// let text = marketo_client::fidelity::handling(606).unwrap();
/// assert!(text.contains("test"));
/// assert!(marketo_client::fidelity::handling(999).is_none());
/// ```
pub fn handling(code: u16) -> Option<&'static str> {
    Some(match code {
        401 => "fails at once with ErrorKind::Credentials and the OAuth error description; the identity call is not retried (test: auth::code_401_bad_credentials_fail_at_once)",
        413 => "avoided: batches are cut at 300 records and 1,000,000 bytes of exact serialized body; when forced by a smaller server limit, the batch is split in two halves, never resent as is (tests: shaping::code_413_avoided_by_splitting_batches_at_1_mb, shaping::code_413_survived_by_splitting_never_by_resending); bulk import files are cut at row boundaries into parts under 10,000,000 bytes, each repeating the header (test: bulk_import::code_413_avoided_by_splitting_a_file_over_10_mb)",
        414 => "avoided: a GET whose URI would pass 8 KB travels as POST with _method=GET in a form body; when forced by a smaller server limit, the GET is resent once as POST (tests: shaping::code_414_avoided_by_post_with_method_get, shaping::code_414_survived_by_resending_as_post)",
        502 => "retried with exponential backoff and full jitter within max_attempts and the retry budget (test: transient::code_502_bad_gateway_is_retried_with_backoff)",
        600 => "fetches a new token, rebuilds the request with it and replays it; produced by a fault rule, since the client always sends its token (test: auth::code_600_token_not_specified_reauthenticates_and_replays)",
        601 => "drops the cached token, fetches a new one (single flight) and replays the rebuilt request; the call is given back to the window (test: auth::code_601_invalid_token_reauthenticates_and_replays)",
        602 => "refreshes the token before expiry; when the server expires it anyway, fetches a new one and replays the batch: nothing lost or doubled (tests: auth::code_602_mid_sync_refreshes_the_token_and_replays_the_batch, auth::tokens_are_refreshed_before_they_expire_so_602_never_comes)",
        603 => "not retried: the records fail with ErrorKind::Request and code 603 (test: requests::code_603_access_denied_is_not_retried)",
        604 => "retried with exponential backoff and full jitter; given back to the window since it is not counted (test: transient::code_604_request_timed_out_is_retried_with_backoff)",
        605 => "not retried: ErrorKind::Request with the code; produced by a fault rule, since the client uses each endpoint's method (test: requests::code_605_method_not_supported_is_not_retried)",
        606 => "never provoked alone (exact sliding window with a margin, shared by clones); when another integration fills the window, the whole client pauses, sends one probe at a time until a call gets through, and halves its own calls per window (climbing back by one per window's worth of calls that got through) (tests: limits::one_client_alone_never_trips_the_window_or_the_slots, limits::code_606_from_a_second_client_sharing_the_window_slows_down_and_completes, limits::a_reserve_share_keeps_two_clients_clear_of_606_and_615)",
        607 => "stops: no further call until the quota day turns; records not done fail with ErrorKind::QuotaExhausted whose reset_at() is the next midnight America/Chicago (tests: limits::code_607_stops_the_sync_with_the_reset_time, limits::the_daily_budget_stops_before_the_server_quota)",
        608 => "retried with exponential backoff and full jitter; not counted (test: transient::code_608_api_temporarily_unavailable_is_retried_with_backoff)",
        609 => "not retried: ErrorKind::Request; produced by a fault rule, since the client only sends serde-serialized JSON (test: requests::code_609_invalid_json_is_not_retried)",
        610 => "not retried: ErrorKind::Request with code 610 (test: requests::code_610_resource_not_found_is_not_retried)",
        611 => "retried with exponential backoff and full jitter; when it outlasts max_attempts the records fail with ErrorKind::Transient (tests: transient::code_611_system_error_is_retried_with_backoff, transient::a_fault_that_outlasts_the_retries_fails_its_records_with_the_code)",
        612 => "not retried: ErrorKind::Request; produced by a fault rule, since the client always sets the content type (test: requests::code_612_invalid_content_type_is_not_retried)",
        613 => "not retried: the import stops with ErrorKind::Request and code 613, its parts reported NotSent; produced by a fault rule, since the client assembles every multipart body itself (test: bulk_import::code_613_invalid_multipart_fails_clearly_and_is_not_retried)",
        614 => "retried with exponential backoff and full jitter (test: transient::code_614_invalid_subscription_is_retried_with_backoff)",
        615 => "never provoked alone (one semaphore of slots shared by clones); when another integration takes the slots, the whole client pauses with jittered backoff and probes one call at a time (tests: limits::code_615_from_a_second_client_sharing_the_slots_waits_and_completes, limits::a_reserve_share_keeps_two_clients_clear_of_606_and_615)",
        701 => "not retried: ErrorKind::Request with code 701 (test: requests::code_701_blank_parameter_is_not_retried)",
        704 => "not retried: ErrorKind::Request with code 704 for a paging-token datetime Marketo cannot read (test: activities::code_704_invalid_date_format_fails_the_paging_token)",
        713 => "retried with exponential backoff and full jitter (test: transient::code_713_transient_error_is_retried_with_backoff)",
        719 => "retried with exponential backoff and full jitter (test: transient::code_719_lock_wait_timeout_is_retried_with_backoff)",
        1001 => "not retried: ErrorKind::Request; produced by a fault rule, since the client types its parameters (test: requests::code_1001_wrong_typed_parameter_is_not_retried)",
        1002 => "not retried: ErrorKind::Request; produced by a fault rule, since the client always sends required parameters (test: requests::code_1002_missing_parameter_is_not_retried)",
        1003 => "invalid value: a Skipped outcome with the reason for that record; too many results: the filter values are split until each call matches at most 1,000 leads, and one value matching more fails with ErrorKind::TooLarge (tests: records::code_1003_invalid_value_is_a_skipped_outcome, shaping::code_1003_too_many_results_splits_the_filter_values, shaping::code_1003_too_many_results_for_one_value_is_an_error)",
        1004 => "a Skipped outcome with the reason, for sync, delete, list add and is-member (tests: records::code_1004_lead_not_found_is_a_skipped_outcome, lists::code_1004_unknown_lead_is_skipped_by_add_and_is_member)",
        1005 => "a Skipped outcome with the reason (test: records::code_1005_lead_already_exists_is_a_skipped_outcome)",
        1006 => "unknown field: a Skipped outcome; unknown lookup field (response level): the records fail with ErrorKind::Request, not retried (test: records::code_1006_unknown_field_skips_and_unknown_lookup_field_fails_the_call)",
        1007 => "a Skipped outcome with the reason (test: records::code_1007_multiple_leads_match_is_a_skipped_outcome)",
        1008 => "a Skipped outcome with the reason (test: records::code_1008_access_denied_to_partition_is_a_skipped_outcome)",
        1009 => "a Skipped outcome with the reason (test: records::code_1009_partition_name_must_be_specified_is_a_skipped_outcome)",
        1010 => "a Skipped outcome with the reason (test: records::code_1010_partition_update_not_allowed_is_a_skipped_outcome)",
        1011 => "lookup field: a Skipped outcome; filter type (response level): the stream ends with ErrorKind::Request (test: records::code_1011_field_not_supported_skips_a_sync_and_fails_a_filter)",
        1012 => "at response level on a filter: the stream ends with ErrorKind::Request, not retried (test: records::code_1012_invalid_cookie_fails_the_filter_stream)",
        1013 => "at response level on an unknown list: the records fail with ErrorKind::Request, the members stream ends with it; not retried; record not found (an object updateOnly or delete of a key no record has): a Skipped outcome with the reason, the other records stand (tests: lists::code_1013_unknown_list_fails_the_call, companies::companies_sync_update_only_updates_and_skips_unknown_ones_with_1013, companies::companies_delete_by_dedupe_fields_deletes_and_skips_unknown_ones_with_1013)",
        1015 => "a Skipped outcome with the reason (test: lists::code_1015_lead_not_in_list_is_a_skipped_outcome)",
        1016 => "bulk import: the part is submitted again after a wait that starts at poll_first and doubles to poll_max, while submitted parts are polled; never retried by the call loop (test: bulk_import::code_1016_too_many_imports_is_waited_out)",
        1019 => "bulk import to a list already being imported to: waited out like 1016, then submitted again (test: bulk_import::code_1019_import_in_progress_to_the_same_list_is_waited_out)",
        1020 => "not retried: Schedule Campaign with cloneToProgramName fails with ErrorKind::Request and code 1020 after one call; the allowance returns the next day (US Central) (test: programs::code_1020_clone_to_program_allowance_spent_is_an_error)",
        1021 => "a Skipped outcome with the reason; the other records stand (test: records::code_1021_company_update_not_allowed_is_a_skipped_outcome)",
        1025 => "not retried: Sync Program Member Status or Change Lead Program Status fails with ErrorKind::Request and code 1025 after one call (test: programs::code_1025_status_not_in_the_channel_is_an_error_not_retried)",
        1029 => "told apart by message through the catalogue: queue full, waits with backoff and enqueues again; export daily quota, stops with ErrorKind::QuotaExhausted whose reset_at() is the next midnight America/Chicago, not retried; job already queued, polls the job's status instead (tests: bulk_export::code_1029_queue_full_waits_then_enqueues_again, bulk_export::code_1029_export_daily_quota_stops_with_the_reset_time, bulk_export::code_1029_job_already_queued_polls_instead)",
        1035 => "not retried: create fails with ErrorKind::Request, code 1035 and Marketo's message (test: bulk_export::code_1035_unsupported_filter_fails_clearly)",
        1037 => "a skipped member result with the code and Marketo's message for that lead, no retry; the other leads of the call stand (test: programs::code_1037_lead_in_or_past_the_status_is_a_skipped_record)",
        1042 => "not retried: Schedule Campaign fails with ErrorKind::Request and code 1042 after one call (test: programs::schedule_campaign_and_code_1042_run_at_too_far)",
        _ => return crate::fidelity_catalogue::handling(code),
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_arm_names_a_test() {
        for info in marketo_types::codes::CATALOGUE {
            if let Some(text) = super::handling(info.code) {
                assert!(
                    text.contains("(test: ") || text.contains("(tests: "),
                    "{}",
                    info.code
                );
            }
        }
    }
}
