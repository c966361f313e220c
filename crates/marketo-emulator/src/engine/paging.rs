//! Paging tokens: opaque base32 (RFC 4648, upper case, padded) like Marketo's, carrying the last record id
//! returned, so a page continues after it even when records are added or deleted in between.

use marketo_types::envelope::ApiError;

/// Which read a token belongs to (a tag such as `lf` for Get Leads by Filter Type, or an object type's
/// name); a token from one is not accepted by another.
pub type Kind = &'static str;

/// Get Leads by Filter Type.
pub const LEAD_FILTER: Kind = "lf";
/// Static list members.
pub const LIST_MEMBERS: Kind = "lm";
/// Get Lists.
pub const LISTS: Kind = "ls";
/// The lists of one lead.
pub const LEAD_LISTS: Kind = "ll";
/// The lead field schema (the token carries a position, not an id).
pub const LEAD_FIELDS: Kind = "lfs";

/// The token that continues after lead `last_id`.
pub fn encode(kind: &str, last_id: i64) -> String {
    data_encoding::BASE32.encode(format!("{kind}:{last_id}").as_bytes())
}

/// The last lead id of the previous page; `None` token: start at the beginning. A token that does not decode
/// is 1001 "Invalid value '<token>'. Required of type 'nextPageToken'" [INF].
pub fn decode(kind: &str, token: Option<&str>) -> Result<i64, ApiError> {
    let Some(token) = token.map(str::trim).filter(|t| !t.is_empty()) else {
        return Ok(0);
    };
    let bad = || ApiError::catalogued(1001, &[token, "nextPageToken"]);
    let bytes = data_encoding::BASE32
        .decode(token.as_bytes())
        .map_err(|_| bad())?;
    let text = String::from_utf8(bytes).map_err(|_| bad())?;
    let (tag, id) = text.split_once(':').ok_or_else(bad)?;
    if tag != kind {
        return Err(bad());
    }
    id.parse::<i64>().ok().filter(|id| *id >= 0).ok_or_else(bad)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_round_trip_and_are_base32() {
        let t = encode(LEAD_FILTER, 1234);
        assert!(t
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '='));
        assert_eq!(decode(LEAD_FILTER, Some(&t)).unwrap(), 1234);
        assert_eq!(decode(LEAD_FILTER, None).unwrap(), 0);
    }

    #[test]
    fn foreign_or_garbage_tokens_are_refused() {
        let t = encode(LIST_MEMBERS, 5);
        assert_eq!(
            decode(LEAD_FILTER, Some(&t)).unwrap_err().code.value(),
            1001
        );
        assert!(decode(LEAD_FILTER, Some("not base32!")).is_err());
        assert!(decode(LEAD_FILTER, Some("MFRGG===")).is_err());
    }
}
