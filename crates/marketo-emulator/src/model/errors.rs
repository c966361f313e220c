//! The catalogued errors the model produces, built from `marketo_types::codes` (never spelled here).

use crate::store::StoreError;
use marketo_types::envelope::ApiError;
use marketo_types::record::RecordResult;

/// A storage failure is Marketo's 611 "System error" to the caller.
pub(super) fn system(e: StoreError) -> ApiError {
    tracing::error!(error = %e, "store failure");
    ApiError::catalogued(611, &[])
}

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> ApiError {
        system(e)
    }
}

/// 1003 "Invalid value for field '%s'".
pub(super) fn invalid_value(field: &str) -> ApiError {
    ApiError::of_meaning(1003, "invalid-field-value", &[field])
}

/// 1003 "Invalid data".
pub(super) fn invalid_data() -> ApiError {
    ApiError::of_meaning(1003, "invalid-data", &[])
}

/// 1006 "Field '%s' not found".
pub(super) fn field_not_found(field: &str) -> ApiError {
    ApiError::of_meaning(1006, "field", &[field])
}

/// A skipped lead: no id, one reason.
pub(super) fn skip(reason: ApiError) -> RecordResult {
    RecordResult::skipped(None, reason)
}

/// A skipped record that keeps its id (list and delete calls name the lead by id).
pub(super) fn skip_id(id: i64, reason: ApiError) -> RecordResult {
    RecordResult::skipped(Some(id), reason)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meanings_render_their_own_templates() {
        assert_eq!(
            invalid_value("boolean_field").message,
            "Invalid value for field 'boolean_field'"
        );
        assert_eq!(invalid_data().message, "Invalid data");
        assert_eq!(field_not_found("x").message, "Field 'x' not found");
        assert_eq!(
            ApiError::of_meaning(1006, "lookup-field", &["userId"]).message,
            "Lookup field 'userId' not found"
        );
        assert_eq!(
            ApiError::of_meaning(1003, "too-many-results", &[]).message,
            "Too many results match the filter"
        );
    }
}
