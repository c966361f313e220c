//! The errors the bulk APIs answer with, built from the catalogue where it has the message, and the few
//! emulator-chosen 1003 messages ([INF]: Marketo's exact wording is not recorded) as constants tests share.

use marketo_types::envelope::ApiError;

/// 1003 for a date range longer than the limit.
pub const RANGE_TOO_LONG: &str = "Date range must not exceed 31 days";
/// 1003 for `endAt` before `startAt`.
pub const RANGE_REVERSED: &str = "endAt must not be before startAt";
/// 1003 for a filter that is not exactly one of the supported types.
pub const ONE_FILTER: &str = "Exactly one filter type must be specified";
/// 1003 for an activity export without `filter.createdAt`.
pub const CREATED_AT_REQUIRED: &str = "filter.createdAt is required";
/// 1003 for a format other than CSV, TSV, SSV.
pub const BAD_FORMAT: &str = "Invalid format, must be one of CSV, TSV, SSV";
/// 1003 for enqueueing or cancelling a job in a state that does not allow it.
pub const BAD_STATE: &str = "Job is not in a valid state for this operation";
/// 1003 for more than 50 `primaryAttributeValueIds`/`primaryAttributeValues`, or both.
pub const PRIMARY_VALUES: &str = "Invalid primaryAttributeValueIds or primaryAttributeValues";
/// 1003 for a `columnHeaderNames` key that is not an exported field.
pub const HEADER_NOT_EXPORTED: &str = "columnHeaderNames names a field that is not exported";

/// A 1003 with one of the messages above.
pub fn invalid(message: &str) -> ApiError {
    ApiError::new(1003, message)
}

/// 1029 "Too many jobs (10) in queue".
pub fn queue_full() -> ApiError {
    ApiError::of_meaning(1029, "queue-full", &[])
}

/// 1029 "Export daily quota 500MB exceeded."
pub fn daily_quota(mb: u64) -> ApiError {
    ApiError::of_meaning(1029, "export-daily-quota", &[&mb.to_string()])
}

/// 1029 "Job already queued".
pub fn already_queued() -> ApiError {
    ApiError::of_meaning(1029, "job-already-queued", &[])
}

/// 1013 "Object not found": an unknown job (or one another API user created), an unknown list.
pub fn not_found() -> ApiError {
    ApiError::catalogued(1013, &[])
}

/// 1003 "Empty file".
pub fn empty_file() -> ApiError {
    ApiError::of_meaning(1003, "empty-file", &[])
}

#[cfg(test)]
mod tests {
    #[test]
    fn messages() {
        assert_eq!(super::queue_full().message, "Too many jobs (10) in queue");
        assert_eq!(
            super::daily_quota(500).message,
            "Export daily quota 500MB exceeded."
        );
        assert_eq!(super::already_queued().message, "Job already queued");
        assert_eq!(super::empty_file().message, "Empty file");
    }
}
