//! JSON-in-form values as clients send them. Most send JSON (`folder={"id":12,"type":"Folder"}`); some send
//! what their language prints for a map (`{'id': 12, 'type': Folder}`: single quotes, bare words), which
//! Marketo's lenient parser reads too. Strict JSON is tried first; otherwise this reader accepts single- or
//! double-quoted strings and bare words as strings, with `True`/`False`/`None` as Python prints them.

use serde_json::{Map, Number, Value};

/// Parse a parameter's value as JSON, leniently; `None` when it is neither JSON nor the lenient form.
///
/// ```
/// use marketo_emulator::assets::lenient::parse;
/// assert_eq!(parse("{'id': 12, 'type': Folder}").unwrap()["type"], "Folder");
/// assert_eq!(parse(r#"{"id":12,"type":"Folder"}"#).unwrap()["id"], 12);
/// assert!(parse("{'id': ").is_none());
/// ```
pub fn parse(text: &str) -> Option<Value> {
    if let Ok(v) = serde_json::from_str(text) {
        return Some(v);
    }
    let mut r = Reader {
        s: text.as_bytes(),
        i: 0,
    };
    let v = r.value(0)?;
    r.ws();
    (r.i == r.s.len()).then_some(v)
}

struct Reader<'a> {
    s: &'a [u8],
    i: usize,
}

const MAX_DEPTH: usize = 32;

impl Reader<'_> {
    fn ws(&mut self) {
        while self.i < self.s.len() && self.s[self.i].is_ascii_whitespace() {
            self.i += 1;
        }
    }

    fn peek(&mut self) -> Option<u8> {
        self.ws();
        self.s.get(self.i).copied()
    }

    fn eat(&mut self, c: u8) -> bool {
        if self.peek() == Some(c) {
            self.i += 1;
            true
        } else {
            false
        }
    }

    fn value(&mut self, depth: usize) -> Option<Value> {
        if depth > MAX_DEPTH {
            return None;
        }
        match self.peek()? {
            b'{' => self.object(depth),
            b'[' => self.array(depth),
            b'\'' | b'"' => self.quoted().map(Value::String),
            _ => self.bare(),
        }
    }

    fn object(&mut self, depth: usize) -> Option<Value> {
        self.i += 1;
        let mut map = Map::new();
        if self.eat(b'}') {
            return Some(Value::Object(map));
        }
        loop {
            let key = match self.peek()? {
                b'\'' | b'"' => self.quoted()?,
                _ => self.word()?,
            };
            if !self.eat(b':') {
                return None;
            }
            let v = self.value(depth + 1)?;
            map.insert(key, v);
            if self.eat(b'}') {
                return Some(Value::Object(map));
            }
            if !self.eat(b',') {
                return None;
            }
        }
    }

    fn array(&mut self, depth: usize) -> Option<Value> {
        self.i += 1;
        let mut items = Vec::new();
        if self.eat(b']') {
            return Some(Value::Array(items));
        }
        loop {
            items.push(self.value(depth + 1)?);
            if self.eat(b']') {
                return Some(Value::Array(items));
            }
            if !self.eat(b',') {
                return None;
            }
        }
    }

    fn quoted(&mut self) -> Option<String> {
        let q = self.s[self.i];
        self.i += 1;
        let mut out = Vec::new();
        while let Some(&c) = self.s.get(self.i) {
            self.i += 1;
            match c {
                b'\\' => {
                    let e = *self.s.get(self.i)?;
                    self.i += 1;
                    out.push(match e {
                        b'n' => b'\n',
                        b't' => b'\t',
                        other => other,
                    });
                }
                c if c == q => return String::from_utf8(out).ok(),
                c => out.push(c),
            }
        }
        None
    }

    /// A bare word up to the next delimiter, trimmed (`Folder`, `Email Blast`).
    fn word(&mut self) -> Option<String> {
        let start = self.i;
        while let Some(&c) = self.s.get(self.i) {
            if matches!(c, b',' | b':' | b'}' | b']') {
                break;
            }
            self.i += 1;
        }
        let w = std::str::from_utf8(&self.s[start..self.i]).ok()?.trim();
        (!w.is_empty()).then(|| w.to_owned())
    }

    fn bare(&mut self) -> Option<Value> {
        let w = self.word()?;
        Some(match w.as_str() {
            "true" | "True" => Value::Bool(true),
            "false" | "False" => Value::Bool(false),
            "null" | "None" => Value::Null,
            _ => match w.parse::<i64>() {
                Ok(n) => Value::Number(n.into()),
                Err(_) => match w.parse::<f64>().ok().and_then(Number::from_f64) {
                    Some(n) => Value::Number(n),
                    None => Value::String(w),
                },
            },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_what_clients_print() {
        let v = parse(
            "[{'tagType': 'Region', 'tagValue': 'EMEA'}, {'tagType': Owner, 'tagValue': None}]",
        )
        .unwrap();
        assert_eq!(v[0]["tagValue"], "EMEA");
        assert_eq!(v[1]["tagType"], "Owner");
        assert!(v[1]["tagValue"].is_null());
        let c = parse("[{'startDate': '2015-01-01', 'cost': 2000.5}]").unwrap();
        assert_eq!(c[0]["cost"], 2000.5);
        assert_eq!(parse("{'a': 'it\\'s'}").unwrap()["a"], "it's");
        assert!(parse("{'a' 1}").is_none());
        assert!(parse("[1, 2").is_none());
        assert!(parse(&"[".repeat(100)).is_none());
    }
}
