//! Codes produced by the emulator's HTTP layer (pipeline, auth, limits, faults, admin).

/// See [`super::production`].
pub(super) fn production(code: u16) -> Option<&'static str> {
    Some(match code {
        401 => {
            "naturally: the identity endpoint gets an unknown client_id or a wrong client_secret; HTTP 401 with \
             Spring Security OAuth2's body (tests: identity::code_401_unknown_client_id, \
             identity::code_401_wrong_client_secret)"
        }
        413 => {
            "naturally: a request body over 1 MB (limits.max_body_bytes), refused as soon as the limit is passed \
             while reading, whether or not Content-Length is sent (tests: pipeline::code_413_body_over_1mb, \
             pipeline::code_413_counted_while_streaming_without_content_length); on the bulk import endpoint, a \
             file over 10 MB (bulk.max_import_bytes) (test: bulk_import::code_413_import_file_over_10mb)"
        }
        414 => {
            "naturally: a URI (path and query) over 8 KB (limits.max_uri_bytes) (test: \
             pipeline::code_414_uri_over_8kb)"
        }
        502 => {
            "fault rule: {\"path\":\"/rest/*\",\"http_status\":502} answers HTTP 502 (test: \
             faults::code_502_bad_gateway_http_status)"
        }
        600 => {
            "naturally: no Authorization header (or, with the legacy switch off, only an access_token \
             parameter) (tests: pipeline::code_600_access_token_not_specified, \
             pipeline::legacy_access_token_parameter_is_refused_by_default_and_accepted_with_the_switch)"
        }
        601 => {
            "naturally: a bearer token the emulator never issued; not counted (test: \
             pipeline::code_601_access_token_invalid)"
        }
        602 => {
            "naturally: a token past its lifetime (token_ttl_secs) by the emulator's clock; not counted (test: \
             pipeline::code_602_access_token_expired)"
        }
        603 => {
            "naturally: an API user with role read_only calls a write endpoint (test: \
             pipeline::code_603_read_only_user_writes)"
        }
        604 => {
            "fault rule: {\"error\":\"604\"}; not counted (test: faults::code_604_request_timed_out)"
        }
        605 => {
            "naturally: a method the path does not take, e.g. PUT on leads.json; not counted (test: \
             pipeline::code_605_method_not_supported)"
        }
        606 => {
            "naturally: more than rate_limit (100) calls admitted in the past rate_window_secs (20), a true \
             sliding window shared by every user (tests: pipeline::code_606_rate_window_full, \
             window::window_never_admits_more_than_the_limit)"
        }
        607 => {
            "naturally: daily_quota (50,000) counted calls in the quota day, which turns at midnight \
             America/Chicago; the count survives a restart (tests: \
             pipeline::code_607_daily_quota_reached_until_chicago_midnight, \
             quota_day::quota_day_turns_at_chicago_midnight_across_dst, \
             admin::quota_count_and_data_survive_a_restart)"
        }
        608 => {
            "fault rule: {\"error\":\"608\"}; not counted (test: \
             faults::code_608_api_temporarily_unavailable)"
        }
        609 => {
            "naturally: a JSON body that does not parse (syntax, invalid UTF-8, nesting, truncation) or has the \
             wrong shape (tests: pipeline::code_609_invalid_json, \
             robustness::truncated_body_on_the_wire_is_609_and_the_server_survives)"
        }
        610 => {
            "naturally: a path no resource matches, e.g. /rest/v1/lead/abc.json (test: \
             pipeline::code_610_unknown_path)"
        }
        611 => {
            "fault rule: {\"error\":\"611\"}; also a storage failure; not counted (test: \
             faults::code_611_system_error)"
        }
        612 => {
            "naturally: a JSON endpoint called without Content-Type: application/json (test: \
             pipeline::code_612_missing_or_wrong_content_type)"
        }
        614 => "fault rule: {\"error\":\"614\"} (test: faults::code_614_invalid_subscription)",
        615 => {
            "naturally: more than `concurrency` (10) calls in flight; the latency model holds the slot (test: \
             pipeline::code_615_concurrent_access_limit)"
        }
        701 => {
            "naturally: a required parameter sent blank, e.g. filterType= (test: \
             pipeline::code_701_blank_required_parameter)"
        }
        713 => "fault rule: {\"error\":\"713\"} (test: faults::code_713_transient_error)",
        719 => "fault rule: {\"error\":\"719\"} (test: faults::code_719_lock_wait_timeout)",
        1001 => {
            "naturally: a parameter of the wrong type, e.g. batchSize=abc (test: \
             pipeline::code_1001_wrong_typed_parameter)"
        }
        1002 => {
            "naturally: a required parameter missing, e.g. no filterType (test: \
             pipeline::code_1002_missing_parameter)"
        }
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_arm_names_its_test_and_how() {
        for code in [
            401u16, 413, 414, 502, 600, 601, 602, 603, 604, 605, 606, 607, 608, 609, 610, 611, 612,
        ] {
            let text = super::production(code).unwrap();
            assert!(text.starts_with("naturally:") || text.starts_with("fault rule:"));
            assert!(text.contains("test"), "{code}");
        }
        assert!(super::production(613).is_none());
    }
}
