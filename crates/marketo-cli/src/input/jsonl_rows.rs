//! JSON Lines: one object per line; anything else on a line becomes [`Row::Bad`] with the line's bytes.
//!
//! A UTF-8 byte order mark before the first line is skipped. A line of a rejects file of an earlier run
//! (`{"line":..,"code":..,"reason":..,"record":{..}}`, or `"original"`/`"original_base64"` for a line that could
//! not be read) is read as the record or line it holds, so a rejects file can be fixed and sent again.

use super::lines::PhysicalLines;
use super::Row;
use serde_json::{Map, Value};
use std::io::{self, BufReader, Read};

const BOM: &[u8] = b"\xef\xbb\xbf";

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

/// What a rejects line holds, if `fields` is one: its keys are `line`, `code`, `reason` and one of `record`,
/// `original`, `original_base64`.
enum Rejected {
    Record(Map<String, Value>),
    Line(Vec<u8>),
}

fn rejected(fields: &Map<String, Value>) -> Option<Rejected> {
    let own = ["line", "code", "reason"];
    if fields.len() != 4 || !own.iter().all(|k| fields.contains_key(*k)) {
        return None;
    }
    match (
        fields.get("record"),
        fields.get("original"),
        fields.get("original_base64"),
    ) {
        (Some(Value::Object(record)), None, None) => Some(Rejected::Record(record.clone())),
        (None, Some(Value::String(text)), None) => Some(Rejected::Line(text.clone().into_bytes())),
        (None, None, Some(Value::String(b64))) => data_encoding::BASE64
            .decode(b64.as_bytes())
            .ok()
            .map(Rejected::Line),
        _ => None,
    }
}

/// The row of one line's bytes.
fn row(line: u64, bytes: &[u8]) -> Option<Row> {
    let bad = |reason: String| {
        Some(Row::Bad {
            line,
            reason,
            original: vec![bytes.to_vec()],
        })
    };
    let Ok(text) = std::str::from_utf8(bytes) else {
        return bad("line is not valid UTF-8".into());
    };
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    let fields = match serde_json::from_str::<Value>(text) {
        Ok(Value::Object(fields)) => fields,
        Ok(_) => return bad("line is not a JSON object".into()),
        Err(e) => return bad(format!("invalid JSON: {e}")),
    };
    let fields = match rejected(&fields) {
        None => fields,
        Some(Rejected::Record(record)) => record,
        // A line that could not be read the first time: read it again as it was.
        Some(Rejected::Line(original)) => return row(line, &original),
    };
    if let Some((k, _)) = fields.iter().find(|(_, v)| v.is_object() || v.is_array()) {
        return bad(format!(
            "field {k:?} is an object or array: lead fields are single values"
        ));
    }
    Some(Row::Record { line, fields })
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
            let bytes = match self.buf.strip_prefix(BOM) {
                Some(rest) if line == 1 => rest,
                _ => &self.buf,
            };
            if let Some(row) = row(line, bytes) {
                return Some(Ok(row));
            }
        }
    }
}
