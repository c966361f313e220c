//! The JSON envelope every REST response shares, and the response-level error inside it.
//!
//! ```
//! use marketo_types::envelope::Envelope;
//! let body = r#"{"requestId":"e42b#14272d07d78","success":false,"errors":[{"code":"606","message":"Max rate limit '100' exceeded with in '20' secs"}]}"#;
//! let env: Envelope<serde_json::Value> = serde_json::from_str(body).unwrap();
//! assert_eq!(env.errors()[0].code.value(), 606);
//! ```

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// A numeric code carried on the wire as a quoted integer (`"606"`); a bare number is accepted too.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Code(pub u16);

impl Code {
    /// The number.
    pub fn value(self) -> u16 {
        self.0
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

impl Serialize for Code {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Code {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            Num(u16),
            Text(String),
        }
        match Raw::deserialize(d)? {
            Raw::Num(n) => Ok(Code(n)),
            Raw::Text(t) => t
                .trim()
                .parse()
                .map(Code)
                .map_err(|_| serde::de::Error::custom(format!("code {t:?} is not a number"))),
        }
    }
}

/// A response-level error (`errors[]`) or a record-level reason (`reasons[]`): a code and a message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApiError {
    /// The code, e.g. 606.
    pub code: Code,
    /// The plain-text message.
    pub message: String,
}

impl ApiError {
    /// Build one from a code and message.
    pub fn new(code: u16, message: impl Into<String>) -> Self {
        ApiError {
            code: Code(code),
            message: message.into(),
        }
    }

    /// The catalogued error with its template filled.
    ///
    /// # Panics
    /// Never for a catalogued code; an uncatalogued code gets its number as message.
    pub fn catalogued(code: u16, args: &[&str]) -> Self {
        let message = crate::codes::lookup(code)
            .map(|c| c.render(args))
            .unwrap_or_else(|| code.to_string());
        ApiError::new(code, message)
    }
}

impl ApiError {
    /// The catalogued error with the message of its meaning `name` (for codes with several meanings, such as
    /// 1003, 1006 and 1029); an unknown meaning falls back to [`ApiError::catalogued`].
    ///
    /// ```
    /// use marketo_types::envelope::ApiError;
    /// let e = ApiError::of_meaning(1029, "export-daily-quota", &["500"]);
    /// assert_eq!(e.message, "Export daily quota 500MB exceeded.");
    /// ```
    pub fn of_meaning(code: u16, name: &str, args: &[&str]) -> Self {
        let template = crate::codes::lookup(code)
            .and_then(|c| c.meanings.iter().find(|m| m.name == name))
            .map(|m| m.message);
        match template {
            Some(t) => ApiError::new(code, crate::codes::render_template(t, args)),
            None => ApiError::catalogued(code, args),
        }
    }
}

/// A record-level reason has the same shape as a response-level error.
pub type Reason = ApiError;

/// A warning: `{code, message}` objects in the lead database API, plain strings in the asset API.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Warning {
    /// The lead database form.
    Coded {
        /// Its code.
        code: Code,
        /// Its message.
        message: String,
    },
    /// The asset API form.
    Text(String),
}

impl Warning {
    /// The message, whatever the form.
    pub fn message(&self) -> &str {
        match self {
            Warning::Coded { message, .. } => message,
            Warning::Text(t) => t,
        }
    }
}

/// The envelope of every REST response.
///
/// Absent and empty lists are kept apart (`errors` is `None` when the key was absent) so that bodies
/// round-trip exactly: the lead database omits `errors`/`warnings`, the asset API sends them empty.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Envelope<T> {
    /// Marketo's request id (`<hex>#<hex epoch ms>`).
    pub request_id: String,
    /// The results, in input order for record operations.
    #[serde(default = "none", skip_serializing_if = "Option::is_none")]
    pub result: Option<Vec<T>>,
    /// False only when the whole call failed (response-level error).
    pub success: bool,
    /// Response-level errors.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub errors: Option<Vec<ApiError>>,
    /// Informational warnings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub warnings: Option<Vec<Warning>>,
    /// On paged endpoints: whether another page follows.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub more_result: Option<bool>,
    /// On paged endpoints: the token for the next page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_page_token: Option<String>,
}

fn none<T>() -> Option<T> {
    None
}

impl<T> Envelope<T> {
    /// A successful envelope with results.
    pub fn ok(request_id: impl Into<String>, result: Vec<T>) -> Self {
        Envelope {
            request_id: request_id.into(),
            result: Some(result),
            success: true,
            errors: None,
            warnings: None,
            more_result: None,
            next_page_token: None,
        }
    }

    /// A failed envelope carrying one response-level error.
    pub fn failure(request_id: impl Into<String>, error: ApiError) -> Self {
        Envelope {
            request_id: request_id.into(),
            result: None,
            success: false,
            errors: Some(vec![error]),
            warnings: None,
            more_result: None,
            next_page_token: None,
        }
    }

    /// The errors, empty when absent.
    pub fn errors(&self) -> &[ApiError] {
        self.errors.as_deref().unwrap_or(&[])
    }

    /// The warnings, empty when absent.
    pub fn warnings(&self) -> &[Warning] {
        self.warnings.as_deref().unwrap_or(&[])
    }

    /// The results, empty when absent.
    pub fn results(&self) -> &[T] {
        self.result.as_deref().unwrap_or(&[])
    }
}
