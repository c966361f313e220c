//! Rows of one file that repeat an earlier row's lookup value (compared as Marketo compares them, without regard
//! to case) write the same lead twice: the later row wins field by field. That is rarely what the file meant,
//! so each is reported with the line of the first, the first few one by one, then a count.

use super::lookup::normalize;
use std::collections::HashMap;

/// Duplicates named one by one before only the count is kept.
const SHOWN: u64 = 10;

/// The lookup values seen so far, with the line each was first seen on.
#[derive(Debug, Default)]
pub struct Duplicates {
    first: HashMap<String, u64>,
    found: u64,
}

impl Duplicates {
    /// Note `value` at `line`; the message to show when it repeats an earlier row's (the first [`SHOWN`] of
    /// them, then one line saying more follow).
    pub fn check(&mut self, value: &str, line: u64) -> Option<String> {
        let first = *self.first.entry(normalize(value)).or_insert(line);
        if first == line {
            return None;
        }
        self.found += 1;
        match self.found {
            n if n <= SHOWN => Some(format!(
                "line {line} repeats the lookup value {value:?} of line {first}: both rows write the same lead"
            )),
            n if n == SHOWN + 1 => Some("more rows repeat an earlier row's lookup value".to_owned()),
            _ => None,
        }
    }

    /// How many rows repeated an earlier row's lookup value.
    pub fn found(&self) -> u64 {
        self.found
    }
}

#[cfg(test)]
mod tests {
    use super::Duplicates;

    #[test]
    fn a_repeated_value_names_its_first_line_whatever_its_case() {
        let mut d = Duplicates::default();
        assert_eq!(d.check("a@x.com", 2), None);
        assert_eq!(d.check("b@x.com", 3), None);
        assert_eq!(
            d.check("A@X.com", 5).as_deref(),
            Some("line 5 repeats the lookup value \"A@X.com\" of line 2: both rows write the same lead")
        );
        assert_eq!(d.found(), 1);
        for line in 6..16 {
            d.check("b@x.com", line);
        }
        assert_eq!(d.found(), 11);
        assert_eq!(
            d.check("b@x.com", 16),
            None,
            "past the first ten, only counted"
        );
    }
}
