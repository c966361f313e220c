//! The error-code catalogue: every code of Marketo's error-code document, as data.
//!
//! The emulator builds its error bodies from it, the client derives its policy from it, `mkto errors explain`
//! prints it and `docs/fidelity.md` is generated from it. A code is added here and nowhere else.
//!
//! ```
//! use marketo_types::codes::{self, Handling, Level};
//! let info = codes::lookup(606).unwrap();
//! assert_eq!(info.level, Level::Response);
//! assert_eq!(info.handling, Handling::WaitForRateWindow);
//! assert_eq!(info.render(&["100", "20"]), "Max rate limit '100' exceeded with in '20' secs");
//! ```

mod rows;
mod table;

use serde::Serialize;

pub use table::CATALOGUE;

/// Where in a response a code appears.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// An HTTP status (401 from Identity, 413, 414, 502).
    Http,
    /// In the `errors[]` of a `success:false` body that arrives with HTTP 200.
    Response,
    /// In the `reasons[]` of a `skipped` record inside a successful response.
    Record,
}

impl Level {
    /// The lower-case name used on the command line and in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Http => "http",
            Level::Response => "response",
            Level::Record => "record",
        }
    }
}

/// What a client does about a code, as the documentation says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Handling {
    /// Fetch a new access token, rebuild the request and send it again.
    Reauthenticate,
    /// A transient fault: retry with exponential backoff and full jitter, within the retry budget.
    RetryWithBackoff,
    /// The 20-second rate window is full: wait until a slot frees, then resend.
    WaitForRateWindow,
    /// Too many calls in flight: wait until one finishes, then resend.
    WaitForConcurrencySlot,
    /// A daily allowance is spent: stop, keep what is pending, resume after the reset at midnight US Central.
    StopUntilQuotaReset,
    /// The request is too large: split it into smaller ones.
    SplitRequest,
    /// The URI is too long: resend as `POST` with `_method=GET` and the query in a form body.
    ResendAsPostWithMethodGet,
    /// The request itself is wrong (parameters, permissions, credentials): retrying cannot help.
    FixRequest,
    /// No records matched: an empty result, not a failure.
    TreatAsEmpty,
    /// One record was skipped: record the reason with that record, the rest of the call stands.
    RecordSkipped,
}

impl Handling {
    /// A short sentence saying what the client does.
    pub fn describe(self) -> &'static str {
        match self {
            Handling::Reauthenticate => {
                "reauthenticate: fetch a new token, then replay the request"
            }
            Handling::RetryWithBackoff => {
                "retry with exponential backoff and full jitter, within the retry budget"
            }
            Handling::WaitForRateWindow => {
                "wait until the 20-second rate window has room, then resend"
            }
            Handling::WaitForConcurrencySlot => "wait for a concurrency slot, then resend",
            Handling::StopUntilQuotaReset => {
                "stop; keep pending work; resume after the quota resets at midnight America/Chicago"
            }
            Handling::SplitRequest => "split the request into smaller ones and send those",
            Handling::ResendAsPostWithMethodGet => {
                "resend as POST with _method=GET and the query string in a form body"
            }
            Handling::FixRequest => {
                "do not retry: the request must be fixed (parameters, permissions or credentials)"
            }
            Handling::TreatAsEmpty => "treat as an empty result, not as a failure",
            Handling::RecordSkipped => {
                "record the skip and its reason for that record; the rest of the call stands"
            }
        }
    }

    /// True when sending the same request again later may succeed without changing it.
    pub fn is_transient(self) -> bool {
        matches!(
            self,
            Handling::Reauthenticate
                | Handling::RetryWithBackoff
                | Handling::WaitForRateWindow
                | Handling::WaitForConcurrencySlot
        )
    }
}

/// One of several meanings a code carries, told apart by its message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Meaning {
    /// A stable short name, e.g. `queue-full`.
    pub name: &'static str,
    /// The wire message of this meaning, as the emulator sends it.
    pub message: &'static str,
    /// Case-insensitive substrings; a message containing any of them has this meaning.
    pub matches: &'static [&'static str],
    /// What it means.
    pub description: &'static str,
    /// What a client does about it.
    pub handling: Handling,
}

/// Everything the project knows about one code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct CodeInfo {
    /// The numeric code (`606`), or the HTTP status for HTTP-level codes.
    pub code: u16,
    /// Where it appears.
    pub level: Level,
    /// The exact wire message, or its template with `%s` placeholders, as the emulator sends it.
    /// Where real traffic was recorded this is the observed message; see `docs_message`.
    pub message: &'static str,
    /// The title the documentation gives, where it differs from `message`.
    pub docs_message: &'static str,
    /// What it means.
    pub meaning: &'static str,
    /// Whether a call answered with it counts against the daily quota and the rate limit.
    pub counted: bool,
    /// What a client does about it (the default when no meaning matches).
    pub handling: Handling,
    /// Several meanings told apart by message; empty for most codes.
    pub meanings: &'static [Meaning],
    /// How strong the evidence is: `doc`, `observed` or `inferred` (see `wire-facts.md`).
    pub evidence: &'static str,
}

impl CodeInfo {
    /// The code as it travels in `errors[].code` and `reasons[].code`: a quoted integer.
    pub fn wire_code(&self) -> String {
        self.code.to_string()
    }

    /// Fill the `%s` placeholders of `message` in order; missing arguments leave `%s`.
    pub fn render(&self, args: &[&str]) -> String {
        render_template(self.message, args)
    }

    /// The meaning a message carries, for codes with several.
    pub fn meaning_of(&self, message: &str) -> Option<&'static Meaning> {
        let lower = message.to_ascii_lowercase();
        self.meanings.iter().find(|m| {
            m.matches
                .iter()
                .any(|pat| lower.contains(&pat.to_ascii_lowercase()))
        })
    }
}

/// Fill `%s` placeholders in order.
pub fn render_template(template: &str, args: &[&str]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut args = args.iter();
    let mut rest = template;
    while let Some(pos) = rest.find("%s") {
        out.push_str(&rest[..pos]);
        match args.next() {
            Some(a) => out.push_str(a),
            None => out.push_str("%s"),
        }
        rest = &rest[pos + 2..];
    }
    out.push_str(rest);
    out
}

/// The catalogue entry for a code.
pub fn lookup(code: u16) -> Option<&'static CodeInfo> {
    CATALOGUE.iter().find(|c| c.code == code)
}

/// The catalogue entries of one level, in code order.
pub fn by_level(level: Level) -> impl Iterator<Item = &'static CodeInfo> {
    CATALOGUE.iter().filter(move |c| c.level == level)
}

/// A (code, message) pair classified against the catalogue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Classification {
    /// The catalogue entry, when the code is known.
    pub info: Option<&'static CodeInfo>,
    /// The meaning the message selects, for codes with several.
    pub meaning: Option<&'static Meaning>,
    /// What to do.
    pub handling: Handling,
}

/// Classify a (code, message) pair: the meaning the message selects, else the code's own handling.
///
/// An unknown code is treated as a request to fix (never retried blindly), except 5xx HTTP statuses,
/// which are transient.
///
/// ```
/// use marketo_types::codes::{classify, Handling};
/// assert_eq!(classify(1029, "Too many jobs (10) in queue").handling, Handling::RetryWithBackoff);
/// assert_eq!(classify(1029, "Export daily quota 500MB exceeded.").handling, Handling::StopUntilQuotaReset);
/// ```
pub fn classify(code: u16, message: &str) -> Classification {
    match lookup(code) {
        Some(info) => {
            let meaning = info.meaning_of(message);
            Classification {
                info: Some(info),
                meaning,
                handling: meaning.map_or(info.handling, |m| m.handling),
            }
        }
        None => Classification {
            info: None,
            meaning: None,
            handling: if (500..600).contains(&code) {
                Handling::RetryWithBackoff
            } else {
                Handling::FixRequest
            },
        },
    }
}

#[cfg(test)]
mod tests;
