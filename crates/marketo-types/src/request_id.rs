//! Marketo's request ids: `<1-5 lowercase hex>#<lowercase hex of epoch milliseconds>`, e.g. `e42b#14272d07d78`.
//!
//! ```
//! use chrono::{TimeZone, Utc};
//! use marketo_types::request_id;
//! let at = Utc.with_ymd_and_hms(2014, 11, 19, 23, 20, 11).unwrap();
//! let id = request_id::generate(at, 0xd58c);
//! assert_eq!(id, "d58c#149ca5b23f8");
//! assert_eq!(request_id::timestamp(&id), Some(at));
//! ```

use chrono::{DateTime, TimeZone, Utc};

/// The largest prefix Marketo has been seen to send (5 hex digits).
pub const MAX_PREFIX: u32 = 0xfffff;

/// A request id for `at` with the given prefix (masked to 5 hex digits).
pub fn generate(at: DateTime<Utc>, prefix: u32) -> String {
    let prefix = (prefix & MAX_PREFIX).max(1);
    format!("{prefix:x}#{:x}", at.timestamp_millis().max(0))
}

/// A request id for `at` with a random prefix.
pub fn random(at: DateTime<Utc>) -> String {
    generate(at, rand::random::<u32>())
}

/// The time a request id encodes, if it has Marketo's shape.
pub fn timestamp(id: &str) -> Option<DateTime<Utc>> {
    let (prefix, ms) = id.split_once('#')?;
    let valid_hex = |s: &str, min: usize, max: usize| {
        (min..=max).contains(&s.len()) && s.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
    };
    if !valid_hex(prefix, 1, 5) || !valid_hex(ms, 1, 16) {
        return None;
    }
    let ms = i64::from_str_radix(ms, 16).ok()?;
    Utc.timestamp_millis_opt(ms).single()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_observed_ids() {
        let t = timestamp("147e4#16b24d9b913").unwrap();
        assert_eq!(t.to_rfc3339(), "2019-06-04T23:36:16.915+00:00");
        assert!(timestamp("nohash").is_none());
        assert!(
            timestamp("123456#16b24d9b913").is_none(),
            "prefix longer than 5"
        );
        assert!(timestamp("E42B#14272d07d78").is_none(), "uppercase");
    }

    #[test]
    fn random_ids_have_the_shape() {
        let at = Utc.with_ymd_and_hms(2026, 11, 25, 0, 0, 0).unwrap();
        for _ in 0..200 {
            let id = random(at);
            assert_eq!(timestamp(&id), Some(at), "{id}");
            let (_, ms) = id.split_once('#').unwrap();
            assert_eq!(ms.len(), 11);
        }
    }
}
