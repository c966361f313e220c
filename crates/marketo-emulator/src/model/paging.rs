//! Paging tokens: opaque base32 (RFC 4648, upper case, padded) like Marketo's, carrying the last lead id
//! returned, so a page continues after it even when leads are added or deleted in between.

use marketo_types::envelope::ApiError;

/// Which read a token belongs to; a token from one is not accepted by another.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    /// Get Leads by Filter Type.
    Filter,
    /// List members.
    List,
}

impl Kind {
    fn tag(self) -> &'static str {
        match self {
            Kind::Filter => "lf",
            Kind::List => "lm",
        }
    }
}

/// The token that continues after lead `last_id`.
pub(super) fn encode(kind: Kind, last_id: i64) -> String {
    data_encoding::BASE32.encode(format!("{}:{last_id}", kind.tag()).as_bytes())
}

/// The last lead id of the previous page; `None` token: start at the beginning. A token that does not decode
/// is 1001 "Invalid value '<token>'. Required of type 'nextPageToken'" [INF].
pub(super) fn decode(kind: Kind, token: Option<&str>) -> Result<i64, ApiError> {
    let Some(token) = token.map(str::trim).filter(|t| !t.is_empty()) else {
        return Ok(0);
    };
    let bad = || ApiError::catalogued(1001, &[token, "nextPageToken"]);
    let bytes = data_encoding::BASE32
        .decode(token.as_bytes())
        .map_err(|_| bad())?;
    let text = String::from_utf8(bytes).map_err(|_| bad())?;
    let (tag, id) = text.split_once(':').ok_or_else(bad)?;
    if tag != kind.tag() {
        return Err(bad());
    }
    id.parse::<i64>().ok().filter(|id| *id >= 0).ok_or_else(bad)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_round_trip_and_are_base32() {
        let t = encode(Kind::Filter, 1234);
        assert!(t
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '='));
        assert_eq!(decode(Kind::Filter, Some(&t)).unwrap(), 1234);
        assert_eq!(decode(Kind::Filter, None).unwrap(), 0);
    }

    #[test]
    fn foreign_or_garbage_tokens_are_refused() {
        let t = encode(Kind::List, 5);
        assert_eq!(
            decode(Kind::Filter, Some(&t)).unwrap_err().code.value(),
            1001
        );
        assert!(decode(Kind::Filter, Some("not base32!")).is_err());
        assert!(decode(Kind::Filter, Some("MFRGG===")).is_err());
    }
}
