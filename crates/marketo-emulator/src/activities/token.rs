//! Activity paging tokens: base32 (RFC 4648, upper case, padded) of `<since-datetime>,<last activity id>`,
//! the very payload Marketo's legacy tokens decode to (`2008-11-06T00:00:00.000+0000,0`, wire-facts 2.8).
//! Clients must treat them as opaque.

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use marketo_types::envelope::ApiError;

/// Where a page of activities starts: at or after `since`, with ids above `after_id`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    /// The earliest activity date.
    pub since: DateTime<Utc>,
    /// The last activity id already returned.
    pub after_id: i64,
}

/// Parse `sinceDatetime`: ISO-8601 with an offset (`2014-10-06T13:22:17-08:00`, `...Z`, `...-0800`), without
/// one (UTC), or a date alone. Anything else is 704 "Invalid date format".
pub fn parse_datetime(text: &str) -> Result<DateTime<Utc>, ApiError> {
    let t = text.trim();
    if let Ok(d) = DateTime::parse_from_rfc3339(t) {
        return Ok(d.with_timezone(&Utc));
    }
    for f in ["%Y-%m-%dT%H:%M:%S%z", "%Y-%m-%dT%H:%M:%S%.f%z"] {
        if let Ok(d) = DateTime::parse_from_str(t, f) {
            return Ok(d.with_timezone(&Utc));
        }
    }
    for f in [
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%d %H:%M:%S",
    ] {
        if let Ok(d) = NaiveDateTime::parse_from_str(t, f) {
            return Ok(d.and_utc());
        }
    }
    if let Ok(d) = NaiveDate::parse_from_str(t, "%Y-%m-%d") {
        if let Some(d) = d.and_hms_opt(0, 0, 0) {
            return Ok(d.and_utc());
        }
    }
    Err(ApiError::catalogued(704, &[]))
}

/// The token for a position.
pub fn encode(p: Position) -> String {
    let text = format!(
        "{},{}",
        p.since.format("%Y-%m-%dT%H:%M:%S%.3f+0000"),
        p.after_id
    );
    data_encoding::BASE32.encode(text.as_bytes())
}

/// The position a token stands for. A token that does not decode is 1001 "Invalid value '<token>'. Required
/// of type 'nextPageToken'" [INF], as for lead paging.
pub fn decode(token: &str) -> Result<Position, ApiError> {
    let token = token.trim();
    let bad = || ApiError::catalogued(1001, &[token, "nextPageToken"]);
    let bytes = data_encoding::BASE32
        .decode(token.as_bytes())
        .map_err(|_| bad())?;
    let text = String::from_utf8(bytes).map_err(|_| bad())?;
    let (since, id) = text.rsplit_once(',').ok_or_else(bad)?;
    let since = DateTime::parse_from_str(since, "%Y-%m-%dT%H:%M:%S%.3f%z")
        .map_err(|_| bad())?
        .with_timezone(&Utc);
    let after_id = id.parse::<i64>().ok().filter(|i| *i >= 0).ok_or_else(bad)?;
    Ok(Position { since, after_id })
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn legacy_docs_token_decodes() {
        let p = decode("GIYDAOBNGEYS2MBWKQYDAORQGA5DAMBOGAYDAKZQGAYDALBQ").unwrap();
        assert_eq!(p.since, Utc.with_ymd_and_hms(2008, 11, 6, 0, 0, 0).unwrap());
        assert_eq!(p.after_id, 0);
        assert_eq!(
            encode(p),
            "GIYDAOBNGEYS2MBWKQYDAORQGA5DAMBOGAYDAKZQGAYDALBQ"
        );
    }

    #[test]
    fn datetimes() {
        let want = Utc.with_ymd_and_hms(2014, 10, 6, 21, 22, 17).unwrap();
        assert_eq!(parse_datetime("2014-10-06T13:22:17-08:00").unwrap(), want);
        assert_eq!(parse_datetime("2014-10-06T13:22:17-0800").unwrap(), want);
        assert_eq!(parse_datetime("2014-10-06T21:22:17Z").unwrap(), want);
        assert_eq!(parse_datetime("2014-10-06T21:22:17").unwrap(), want);
        assert!(parse_datetime("2014-10-06").is_ok());
        for bad in ["yesterday", "2014-13-01", "", "2014-10-06T25:00:00Z"] {
            assert_eq!(parse_datetime(bad).unwrap_err().code.value(), 704, "{bad}");
        }
        assert!(decode("!!").is_err());
        assert!(decode("MFRGG===").is_err());
    }
}
