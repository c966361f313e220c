//! Scrubbing secrets out of anything that is about to be logged.
//!
//! Two layers: the Authorization header and the identity form body are never formatted at all (they live in
//! [`Secret`](crate::Secret)s), and as a safety net every string that reaches a log line passes through
//! [`Redactor::scrub`], which replaces the client secret and every access token this client has held.

use std::sync::{Arc, Mutex};

const MASK: &str = "[REDACTED]";
/// Tokens kept for scrubbing; old ones cannot appear in new traffic anyway.
const KEEP_TOKENS: usize = 16;

/// The known secret values of one client.
#[derive(Clone, Default)]
pub(crate) struct Redactor {
    values: Arc<Mutex<Vec<String>>>,
}

impl std::fmt::Debug for Redactor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Redactor")
    }
}

impl Redactor {
    /// Remember a value that must never be printed (the client secret, each token).
    pub(crate) fn remember(&self, value: &str) {
        if value.is_empty() {
            return;
        }
        let mut values = self.values.lock().unwrap_or_else(|e| e.into_inner());
        if !values.iter().any(|v| v == value) {
            values.push(value.to_owned());
            if values.len() > KEEP_TOKENS + 1 {
                // Keep the first (the client secret), drop the oldest token.
                values.remove(1);
            }
        }
    }

    /// `text` with every known secret replaced by `[REDACTED]`, and `access_token`/`client_secret` parameters
    /// and JSON fields masked whatever their value.
    pub(crate) fn scrub(&self, text: &str) -> String {
        let mut out = text.to_owned();
        for v in self.values.lock().unwrap_or_else(|e| e.into_inner()).iter() {
            if out.contains(v.as_str()) {
                out = out.replace(v.as_str(), MASK);
            }
        }
        for key in ["access_token", "client_secret"] {
            out = mask_after(&out, &format!("{key}="), &['&', ' ', '"', '\n']);
            out = mask_after(&out, &format!("\"{key}\":\""), &['"']);
        }
        out
    }
}

/// Replace what follows each `marker` up to the first `end` char with the mask.
fn mask_after(text: &str, marker: &str, ends: &[char]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(pos) = rest.find(marker) {
        out.push_str(&rest[..pos + marker.len()]);
        rest = &rest[pos + marker.len()..];
        let end = rest.find(ends).unwrap_or(rest.len());
        if end > 0 && &rest[..end] != MASK {
            out.push_str(MASK);
        } else {
            out.push_str(&rest[..end]);
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scrubs_known_values_and_named_fields() {
        let r = Redactor::default();
        r.remember("s3cret");
        r.remember("tok-123:ab");
        let s = r.scrub(
            r#"body client_id=x&client_secret=zzz&grant_type=y {"access_token":"other","expires_in":3600} s3cret tok-123:ab"#,
        );
        assert!(
            !s.contains("zzz")
                && !s.contains("other")
                && !s.contains("s3cret")
                && !s.contains("tok-123")
        );
        assert!(
            s.contains("client_id=x&client_secret=[REDACTED]&grant_type=y"),
            "{s}"
        );
        assert!(s.contains(r#""access_token":"[REDACTED]""#), "{s}");
    }

    #[test]
    fn keeps_the_client_secret_while_rotating_tokens() {
        let r = Redactor::default();
        r.remember("the-secret");
        for i in 0..40 {
            r.remember(&format!("token-{i}"));
        }
        assert_eq!(r.scrub("the-secret token-39"), "[REDACTED] [REDACTED]");
    }
}
