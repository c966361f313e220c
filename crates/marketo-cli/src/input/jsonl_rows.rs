//! JSON Lines: one object per line; anything else on a line becomes [`Row::Bad`].

use super::lines::PhysicalLines;
use super::Row;
use serde_json::Value;
use std::io::{self, BufReader, Read};

/// Rows of a JSON Lines file. Lines end in `\n`, `\r\n` or a bare `\r` (a JSON text holds none of them
/// unescaped).
pub struct JsonlRows<R: Read> {
    lines: PhysicalLines<BufReader<R>>,
    buf: Vec<u8>,
}

impl<R: Read> JsonlRows<R> {
    /// Wrap a reader.
    pub fn new(inner: R) -> Self {
        JsonlRows {
            lines: PhysicalLines::new(BufReader::new(inner)),
            buf: Vec::new(),
        }
    }
}

impl<R: Read> Iterator for JsonlRows<R> {
    type Item = io::Result<Row>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            let line = match self.lines.next_line(&mut self.buf) {
                Ok(Some(line)) => line,
                Ok(None) => return None,
                Err(e) => return Some(Err(e)),
            };
            let Ok(text) = std::str::from_utf8(&self.buf) else {
                return Some(Ok(Row::Bad {
                    line,
                    reason: "line is not valid UTF-8".into(),
                    original: vec![String::from_utf8_lossy(&self.buf).trim_end().to_owned()],
                }));
            };
            let text = text.trim();
            if text.is_empty() {
                continue;
            }
            let bad = |reason: String| {
                Some(Ok(Row::Bad {
                    line,
                    reason,
                    original: vec![text.to_owned()],
                }))
            };
            return match serde_json::from_str::<Value>(text) {
                Ok(Value::Object(fields)) => {
                    if let Some((k, _)) = fields.iter().find(|(_, v)| v.is_object() || v.is_array())
                    {
                        return bad(format!(
                            "field {k:?} is an object or array: lead fields are single values"
                        ));
                    }
                    Some(Ok(Row::Record { line, fields }))
                }
                Ok(_) => bad("line is not a JSON object".into()),
                Err(e) => bad(format!("invalid JSON: {e}")),
            };
        }
    }
}
