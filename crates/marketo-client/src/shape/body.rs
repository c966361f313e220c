//! The JSON body of a record operation, `{<params>,"input":[<records>]}`, assembled from records serialised
//! once, so its exact size is known before it is built.

use bytes::Bytes;
use serde_json::{Map, Value};

/// The fixed part of a record operation's body.
///
/// ```
/// use marketo_client::shape::BodyTemplate;
/// let mut params = serde_json::Map::new();
/// params.insert("action".into(), "createOnly".into());
/// let t = BodyTemplate::new(&params);
/// let records = vec![br#"{"email":"a@b.c"}"#.to_vec(), br#"{"email":"d@e.f"}"#.to_vec()];
/// let body = t.body(&records);
/// assert_eq!(&body[..], br#"{"action":"createOnly","input":[{"email":"a@b.c"},{"email":"d@e.f"}]}"#);
/// assert_eq!(t.size(records.iter().map(Vec::len)), body.len());
/// ```
#[derive(Debug, Clone)]
pub struct BodyTemplate {
    head: Vec<u8>,
}

const TAIL: &[u8] = b"]}";

impl BodyTemplate {
    /// A template carrying `params` beside `input`.
    pub fn new(params: &Map<String, Value>) -> Self {
        let mut head = serde_json::to_vec(params).unwrap_or_else(|_| b"{}".to_vec());
        head.pop(); // the closing brace
        if !params.is_empty() {
            head.push(b',');
        }
        head.extend_from_slice(br#""input":["#);
        BodyTemplate { head }
    }

    /// Bytes of the body without any record.
    pub fn overhead(&self) -> usize {
        self.head.len() + TAIL.len()
    }

    /// Exact size of the body holding records of these sizes.
    pub fn size(&self, record_sizes: impl IntoIterator<Item = usize>) -> usize {
        let (n, sum) = record_sizes
            .into_iter()
            .fold((0usize, 0usize), |(n, s), r| (n + 1, s + r));
        self.overhead() + sum + n.saturating_sub(1)
    }

    /// The body holding `records` (each already serialised JSON), in order.
    pub fn body(&self, records: &[Vec<u8>]) -> Bytes {
        let mut out = Vec::with_capacity(self.size(records.iter().map(Vec::len)));
        out.extend_from_slice(&self.head);
        for (i, r) in records.iter().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            out.extend_from_slice(r);
        }
        out.extend_from_slice(TAIL);
        Bytes::from(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_params_and_no_records() {
        let t = BodyTemplate::new(&Map::new());
        assert_eq!(&t.body(&[])[..], br#"{"input":[]}"#);
        assert_eq!(t.size([]), 12);
        let v: Value = serde_json::from_slice(&t.body(&[b"1".to_vec()])).unwrap();
        assert_eq!(v, serde_json::json!({"input":[1]}));
    }
}
