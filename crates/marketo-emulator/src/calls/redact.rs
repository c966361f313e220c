//! Secrets never reach the request log: the `Authorization` header, and `access_token` and `client_secret`
//! wherever they appear (query strings, form bodies, JSON bodies such as the identity answer), are replaced by
//! [`MASK`]; so is every value the emulator knows to be secret (the API users' client secrets, the admin
//! token), wherever it appears.
//!
//! ```
//! use marketo_emulator::calls::redact::Redactor;
//! let r = Redactor::new(vec!["s3cret".to_owned()]);
//! assert_eq!(
//!     r.text("grant_type=client_credentials&client_id=id&client_secret=s3cret"),
//!     "grant_type=client_credentials&client_id=id&client_secret=[redacted]"
//! );
//! assert_eq!(r.text(r#"{"access_token":"abc:int","expires_in":3599}"#),
//!            r#"{"access_token":"[redacted]","expires_in":3599}"#);
//! assert_eq!(r.text("echo s3cret"), "echo [redacted]");
//! ```

/// What a secret is replaced with.
pub const MASK: &str = "[redacted]";

/// Names whose values are secrets, in query strings, forms and JSON.
const SECRET_NAMES: &[&str] = &["access_token", "client_secret"];

/// Scrubs text and headers for the request log.
#[derive(Debug, Clone, Default)]
pub struct Redactor {
    values: Vec<String>,
}

impl Redactor {
    /// A redactor that also replaces these values wherever they appear (empty ones are ignored).
    pub fn new(values: Vec<String>) -> Redactor {
        Redactor {
            values: values.into_iter().filter(|v| !v.is_empty()).collect(),
        }
    }

    /// `text` with every secret masked.
    pub fn text(&self, text: &str) -> String {
        // Most bodies hold no secret: a few scans decide, and only then is the text rewritten.
        let holds_secret = self.values.iter().any(|v| text.contains(v.as_str()))
            || SECRET_NAMES.iter().any(|n| text.contains(n))
            || text.contains("Bearer ");
        if !holds_secret {
            return text.to_owned();
        }
        let mut out = text.to_owned();
        for v in &self.values {
            if out.contains(v.as_str()) {
                out = out.replace(v.as_str(), MASK);
            }
        }
        for name in SECRET_NAMES {
            out = mask_param(&out, name);
            out = mask_json(&out, name);
        }
        mask_bearer(&out)
    }

    /// A header's value as the log keeps it: `Authorization` shows only its scheme.
    pub fn header(&self, name: &str, value: &str) -> String {
        if name.eq_ignore_ascii_case("authorization") {
            match value.split_once(' ') {
                Some((scheme, _)) => format!("{scheme} {MASK}"),
                None => MASK.to_owned(),
            }
        } else {
            self.text(value)
        }
    }
}

/// `name=value` (a query string or a form body): the value up to `&`, whitespace or a quote; a quoted value
/// (`name='value'`, as in a shell command) up to its closing quote.
fn mask_param(text: &str, name: &str) -> String {
    let mut out = String::new();
    for (i, quote) in ["'", "\""].iter().enumerate() {
        let source = if i == 0 { text } else { out.as_str() };
        out = replace_after(source, &format!("{name}={quote}"), |rest| {
            rest.find(*quote).unwrap_or(rest.len())
        });
    }
    replace_after(&out, &format!("{name}="), |rest| {
        rest.find(|c: char| c == '&' || c == '"' || c == '\'' || c.is_whitespace())
            .unwrap_or(rest.len())
    })
}

/// `"name": "value"` in JSON: the string value up to its closing quote.
fn mask_json(text: &str, name: &str) -> String {
    let marker = format!("\"{name}\"");
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(pos) = rest.find(&marker) {
        let (head, tail) = rest.split_at(pos + marker.len());
        out.push_str(head);
        let after_colon = tail.trim_start().strip_prefix(':').map(str::trim_start);
        match after_colon.and_then(|v| v.strip_prefix('"')) {
            Some(value) => {
                let skipped = tail.len() - value.len();
                out.push_str(&tail[..skipped]);
                let end = string_end(value);
                out.push_str(MASK);
                rest = &value[end..];
            }
            None => rest = tail,
        }
    }
    out.push_str(rest);
    out
}

/// The index of the closing quote of a JSON string whose opening quote was just consumed (its length when
/// the text was cut before it).
fn string_end(value: &str) -> usize {
    let mut escaped = false;
    for (i, c) in value.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '"' => return i,
            _ => {}
        }
    }
    value.len()
}

/// `Bearer <token>` anywhere in text.
fn mask_bearer(text: &str) -> String {
    replace_after(text, "Bearer ", |rest| {
        rest.find(|c: char| c == '"' || c == '\'' || c == ',' || c.is_whitespace())
            .unwrap_or(rest.len())
    })
}

/// Replace what follows each `marker` (up to the index `end` finds) with the mask.
fn replace_after(text: &str, marker: &str, end: impl Fn(&str) -> usize) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(pos) = rest.find(marker) {
        out.push_str(&rest[..pos + marker.len()]);
        rest = &rest[pos + marker.len()..];
        let n = end(rest);
        if n > 0 && &rest[..n] != MASK {
            out.push_str(MASK);
        } else {
            out.push_str(&rest[..n]);
        }
        rest = &rest[n..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks_every_form_of_a_secret() {
        let r = Redactor::new(vec!["adm1n".into(), String::new()]);
        assert_eq!(
            r.text("access_token=a:int&x=1 client_secret='s'"),
            "access_token=[redacted]&x=1 client_secret='[redacted]'"
        );
        assert_eq!(
            r.text(r#"{"client_secret" : "q\"uote", "n": 1}"#),
            r#"{"client_secret" : "[redacted]", "n": 1}"#
        );
        // A body cut inside the value still loses it.
        assert_eq!(
            r.text(r#"{"access_token":"abc"#),
            r#"{"access_token":"[redacted]"#
        );
        assert_eq!(
            r.text(r#"{"access_token":null}"#),
            r#"{"access_token":null}"#
        );
        assert_eq!(r.text("token adm1n here"), "token [redacted] here");
        assert_eq!(
            r.text("Authorization: Bearer abc:int"),
            "Authorization: Bearer [redacted]"
        );
        assert_eq!(
            r.header("Authorization", "Bearer abc:int"),
            "Bearer [redacted]"
        );
        assert_eq!(r.header("authorization", "abc"), "[redacted]");
        assert_eq!(
            r.header("content-type", "application/json"),
            "application/json"
        );
        // Masking is idempotent.
        let once = r.text("access_token=x");
        assert_eq!(r.text(&once), once);
    }
}
