//! The errors of the custom object metadata API. Where the catalogue has the code and message (1013, 1017,
//! 1022, 1048) they come from it; the checks Marketo documents without their answer are 1003 with the
//! emulator's messages below [INF], constants tests share.

use marketo_types::envelope::ApiError;

/// An API name with other than letters, digits and `_` (or not starting with a letter).
pub const BAD_API_NAME: &str = "API names may contain only letters, digits and underscores";
/// A display name with other than letters, digits, `_` and spaces, or a blank one.
pub const BAD_DISPLAY_NAME: &str =
    "Display names may contain only letters, digits, underscores and spaces";
/// An 11th type.
pub const TOO_MANY_TYPES: &str = "Maximum number of custom object types (10) reached";
/// A 51st field.
pub const TOO_MANY_FIELDS: &str = "Maximum number of custom object fields (50) reached";
/// A fourth dedupe field.
pub const TOO_MANY_DEDUPE: &str = "At most 3 dedupe fields are allowed";
/// Approval of a type without a dedupe field.
pub const DEDUPE_REQUIRED: &str = "At least one dedupe field is required";
/// Approval of a type without a draft.
pub const NO_DRAFT: &str = "There is no draft to approve";
/// A change an approved type does not allow (display name, link or dedupe fields).
pub const APPROVED_LOCKED: &str =
    "The display name, link fields and dedupe fields of an approved type cannot change";
/// A data type outside Get Custom Object Type Field Data Types.
pub const BAD_DATA_TYPE: &str = "Invalid data type";
/// A field name the type has already (or a system field's).
pub const FIELD_EXISTS: &str = "A field with this name or display name exists";
/// A field the type does not have.
pub const NO_SUCH_FIELD: &str = "Field not found";
/// A link to something that is not a linkable object and field, or `relatedTo` on a non-link field.
pub const BAD_LINK: &str = "Invalid relatedTo: not a linkable object and field";
/// A link to a custom object that has link fields itself, or a link field on a type others link to.
pub const LINK_CHAIN: &str = "A custom object cannot link to a custom object that has a link field";

/// 1003 with one of the messages above.
pub fn invalid(message: &str) -> ApiError {
    ApiError::new(1003, message)
}

/// 1013 "Object not found": no such type (or version).
pub fn no_type() -> ApiError {
    ApiError::catalogued(1013, &[])
}

/// 1002 for a missing required member.
pub fn missing(name: &str) -> ApiError {
    ApiError::catalogued(1002, &[name])
}

/// Letters, digits and `_`, starting with a letter.
pub fn valid_api_name(name: &str) -> bool {
    name.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// Letters, digits, `_` and spaces, not blank.
pub fn valid_display_name(name: &str) -> bool {
    !name.trim().is_empty()
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == ' ')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        assert!(valid_api_name("car_c") && valid_api_name("courseID"));
        assert!(!valid_api_name("1car") && !valid_api_name("car-c") && !valid_api_name(""));
        assert!(
            valid_display_name("Lead ID")
                && !valid_display_name("  ")
                && !valid_display_name("a/b")
        );
        assert_eq!(no_type().message, "Object not found");
        assert_eq!(
            missing("apiName").message,
            "Missing value for required parameter 'apiName'"
        );
    }
}
