//! A body as the request log keeps it: its size, and its text (secrets masked) cut at [`KEEP_BYTES`].
//!
//! ```
//! use marketo_emulator::calls::body::{LoggedBody, KEEP_BYTES};
//! use marketo_emulator::calls::redact::Redactor;
//! let big = "x".repeat(KEEP_BYTES + 10);
//! let kept = LoggedBody::capture(big.as_bytes(), &Redactor::default()).unwrap();
//! assert_eq!((kept.size, kept.truncated, kept.text.len()), (KEEP_BYTES as u64 + 10, true, KEEP_BYTES));
//! assert!(LoggedBody::capture(b"", &Redactor::default()).is_none());
//! ```

use super::redact::Redactor;
use serde::{Deserialize, Serialize};

/// Bytes of a body the log keeps; the rest is cut (its size is kept).
pub const KEEP_BYTES: usize = 16 * 1024;

/// A request or response body in the log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LoggedBody {
    /// Its size in bytes, as sent.
    pub size: u64,
    /// Its first [`KEEP_BYTES`] bytes as text (invalid UTF-8 replaced), secrets masked; empty when it was not
    /// kept (a streamed file).
    pub text: String,
    /// Whether `text` is only the beginning of the body (or none of it).
    pub truncated: bool,
}

impl LoggedBody {
    /// The body as the log keeps it; `None` for an empty body.
    pub fn capture(bytes: &[u8], redactor: &Redactor) -> Option<LoggedBody> {
        if bytes.is_empty() {
            return None;
        }
        let cut = bytes.len().min(KEEP_BYTES);
        let head = String::from_utf8_lossy(&bytes[..cut]);
        // Do not end on half a character.
        let head = head.trim_end_matches('\u{FFFD}');
        Some(LoggedBody {
            size: bytes.len() as u64,
            text: redactor.text(head),
            truncated: cut < bytes.len(),
        })
    }

    /// A body that was streamed and not kept (a bulk export file): its size when known.
    pub fn not_kept(size: u64) -> LoggedBody {
        LoggedBody {
            size,
            text: String::new(),
            truncated: true,
        }
    }

    /// Bytes it holds in memory.
    pub fn held(&self) -> usize {
        self.text.len()
    }
}
