//! One batch of a record operation as an operation: its answer's `result[]` read back into one outcome per
//! record sent, by `seq` when every entry has one, else by position.

use super::{ApiRequest, Operation};
use crate::error::{Error, ErrorKind};
use crate::outcome::RecordOutcome;
use marketo_types::envelope::Envelope;
use marketo_types::record::RecordResult;
use serde_json::Value;

/// A call carrying `records` records.
#[derive(Debug, Clone)]
pub(crate) struct RecordBatch {
    pub(crate) request: ApiRequest,
    pub(crate) records: usize,
}

impl Operation for RecordBatch {
    type Output = Vec<RecordOutcome>;

    fn request(&self) -> ApiRequest {
        self.request.clone()
    }

    fn parse(&self, answer: Envelope<Value>) -> Result<Vec<RecordOutcome>, Error> {
        Ok(map_results(
            answer.results(),
            self.records,
            answer.request_id.as_str(),
        ))
    }
}

/// `n` copies of a failed outcome.
pub(crate) fn failed(e: &Error, n: usize) -> Vec<RecordOutcome> {
    vec![RecordOutcome::Failed { error: e.clone() }; n]
}

/// Map `result[]` to the records sent: by `seq` when every entry has one, else by position. A result that
/// does not fit (a count mismatch, a `seq` out of range or doubled) fails every record instead of guessing.
fn map_results(results: &[Value], n: usize, request_id: &str) -> Vec<RecordOutcome> {
    let parsed: Result<Vec<RecordResult>, _> = results
        .iter()
        .map(|v| serde_json::from_value(v.clone()))
        .collect();
    let mismatch = |why: String| {
        failed(
            &Error::new(ErrorKind::Protocol, why).with_request_id(Some(request_id.to_owned())),
            n,
        )
    };
    let parsed = match parsed {
        Ok(p) => p,
        Err(e) => return mismatch(format!("a record result is not understood: {e}")),
    };
    if parsed.len() != n {
        return mismatch(format!(
            "{} records sent but {} results came back",
            n,
            parsed.len()
        ));
    }
    if parsed.iter().all(|r| r.seq.is_some()) {
        let mut slots: Vec<Option<RecordOutcome>> = vec![None; n];
        for r in parsed {
            let seq = r.seq.unwrap_or_default() as usize;
            if seq >= n || slots[seq].is_some() {
                return mismatch(format!("result seq {seq} does not match the records sent"));
            }
            slots[seq] = Some(RecordOutcome::from_result(r));
        }
        // Every slot is filled: n results with distinct seqs below n.
        return slots.into_iter().flatten().collect();
    }
    parsed.into_iter().map(RecordOutcome::from_result).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn results_map_by_seq_or_position() {
        let by_seq = [
            json!({"seq":1,"status":"created","id":2}),
            json!({"seq":0,"status":"updated","id":1}),
        ];
        let out = map_results(&by_seq, 2, "r");
        assert_eq!((out[0].status(), out[0].id()), ("updated", Some(1)));
        assert_eq!((out[1].status(), out[1].id()), ("created", Some(2)));
        let by_pos = [
            json!({"status":"skipped","reasons":[{"code":"1005","message":"Lead already exists"}]}),
        ];
        let out = map_results(&by_pos, 1, "r");
        assert_eq!(out[0].reasons()[0].code.value(), 1005);
    }

    #[test]
    fn a_count_mismatch_fails_every_record_instead_of_guessing() {
        let out = map_results(&[json!({"status":"created","id":1})], 3, "r");
        assert_eq!(out.len(), 3);
        assert!(out
            .iter()
            .all(|o| o.error().map(Error::kind) == Some(ErrorKind::Protocol)));
    }

    #[test]
    fn a_doubled_seq_fails_every_record() {
        let doubled = [
            json!({"seq":0,"status":"created","id":1}),
            json!({"seq":0,"status":"created","id":2}),
        ];
        let out = map_results(&doubled, 2, "r");
        assert!(out.iter().all(|o| o.status() == "failed"));
    }

    #[test]
    fn guids_come_back_with_their_records() {
        let out = map_results(
            &[json!({"seq":0,"status":"created","marketoGUID":"g-1"})],
            1,
            "r",
        );
        assert_eq!((out[0].id(), out[0].guid()), (None, Some("g-1")));
    }
}
